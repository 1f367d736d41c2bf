//! libvirt domain XML in Rust: a lossless document model, libvirt's canonical formatter, and
//! typed fields for the domain configuration outside `<devices>`.
//!
//! [`Domain::from_xml`] reads a document; nothing in it is lost (unknown elements and
//! attributes, foreign namespaces such as `qemu:`, text and CDATA). [`Domain::to_xml`] writes it
//! back as libvirt's own formatter does: no XML declaration, 2-space indentation, single-quoted
//! attributes, self-closed empty elements, libvirt's escaping and libvirt's child order. Values
//! libvirt normalises are normalised the same way (cpu lists such as `0-2,^1` become `0,2`,
//! memory sizes become KiB). Comments and processing instructions are dropped, as libvirt
//! drops them. No file system access: the crate builds for `wasm32-unknown-unknown`.
//!
//! libvirt's driver namespaces (QEMU's `<qemu:commandline>`, `<qemu:capabilities>`,
//! `<qemu:override>`, `<qemu:deprecation>`; bhyve's and Xen's `commandline`, LXC's
//! `namespace`, VMware's `datacenterpath`) are recognised by namespace URI, whatever the prefix
//! and wherever the namespace is declared (on `<domain>`, on the element, as a default
//! namespace), as libvirt reads them; they are written as libvirt writes them, under the
//! driver's prefix (`qemu:`, `bhyve:`, ...) with its declaration on `<domain>`. Other
//! declarations of the driver's URI or prefix on `<domain>` that nothing kept relies on are
//! dropped, as libvirt drops them. What the model cannot type (another namespace or an unknown
//! child inside, a prefixed attribute, the driver's prefix bound on `<domain>` to a namespace
//! that kept elements use) stays as read, prefixes and declarations included. [`Scope`]
//! resolves prefixes to URIs.
//!
//! ```
//! use virtkit_domxml::{Domain, FormatFlags};
//! let input = "<domain type='kvm'><name>vm</name><memory unit='GiB'>1</memory>\
//!     <vcpu cpuset='0-2,^1'>2</vcpu><qemu:commandline xmlns:qemu='urn:q'/></domain>";
//! let d = Domain::from_xml(input).unwrap();
//! assert_eq!(d.to_xml_flags(FormatFlags::SECURE), "\
//! <domain type='kvm'>
//!   <name>vm</name>
//!   <memory unit='KiB'>1048576</memory>
//!   <vcpu cpuset='0,2'>2</vcpu>
//!   <qemu:commandline xmlns:qemu='urn:q'/>
//! </domain>
//! ");
//! ```

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod device_defaults;
mod device_ids;
mod doc;
mod domain;
mod drivers;
mod error;
mod features;
mod fmt;
mod namespaces;
mod parts;
mod qemu;
mod resctrl;
mod tune;
mod types;

pub use doc::{Attribute, Element, Limits, Node};
pub use domain::{Coverage, DOMAIN_CHILD_ORDER, Device, Devices, Domain, FormatFlags};
pub use drivers::{DRIVER_NAMESPACES, DriverNamespaces};
pub use error::{Error, ErrorKind};
pub use features::SubFeature;
pub use namespaces::{Scope, XML_NAMESPACE, declaration};
pub use parts::{
    Bios, BootMenu, Catchup, Clock, Cpu, CpuModel, Cputune, Feature, FeatureKind, Features,
    HugePage, Interconnect, IothreadId, IothreadPoll, Loader, MemNode, MemoryBacking, NumaCache,
    NumaCell, NumaMemory, Numatune, Nvram, NvramSource, Os, OsType, Pm, Sched, SecLabel,
    SourceAuth, SourceHost, Timer, Topology, VcpuState,
};
pub use qemu::{QEMU_NAMESPACE, QemuDeviceOverride, QemuNamespace, QemuProperty};
pub use resctrl::{CacheBank, CacheTune, MemoryTune};
pub use tune::{
    BlkioDevice, Blkiotune, DefaultIothread, FwCfgEntry, IdMap, IdMapping, Keywrap, LaunchSecurity,
    Memtune, PERF_EVENTS, Perf, Resource, Sysinfo, THROTTLE_LIMITS, Throttlegroup,
};
pub use types::{
    LifecycleAction, MaxMemory, Memory, Placement, Uuid, ValueError, Vcpu, memory_kib,
};
pub use virtkit_cpumap::CpuSet;
