//! virtkit's [`Driver`](virtkit_api::Driver) over a real libvirt connection: the in-process
//! `test:///default` driver, local and remote QEMU (`qemu:///system`,
//! `qemu+ssh://host/system`, `qemu+unix:///system?socket=...`, `qemu:///embed?root=...`) and
//! every other URI the installed libvirt knows, through the `virt` crate (libvirt-rust) and
//! its raw `virt::sys` bindings.
//!
//! * [`register`] makes [`Connect::open`](virtkit_api::Connect::open) hand every URI that no
//!   other virtkit driver claims (`sim:///` stays with `virtkit-sim`) to libvirt; [`open`],
//!   [`open_read_only`] and [`LibvirtDriver::open_auth`] open directly.
//! * libvirt's default error printing is off; every libvirt error reaches the caller as
//!   [`virtkit_api::Error`] with libvirt's code, domain, level and message ([`mod@error`]).
//! * Every `Driver` callback for which the installed libvirt has a function is implemented
//!   ([`callbacks`]); functions newer than the installed libvirt, and libvirt's private
//!   migration steps, are looked up at run time ([`sym`]), so nothing fails to link and a
//!   missing function is libvirt's "not supported" error.
//! * Typed parameters go through `virtkit_typedparams` ([`params`]), cpumaps through
//!   `virtkit_cpumap`; the migration steps ([`migration`]) let `virtkit_migrate`'s client-side
//!   sequencing (`DomainMigrate::migrate3`, ...) drive real migrations between two connections;
//!   definitions as `virtkit_domxml`'s typed model on request ([`definition`]).
//! * [`coverage`] accounts for all 209 `virDomain*` functions of libvirt 9.0's API.
//!
//! ```
//! virtkit_libvirt::register();
//! let conn = virtkit_api::Connect::open("test:///default")?;
//! let dom = conn.lookup_by_name("test")?;
//! assert_eq!(dom.info()?.nr_virt_cpu, 2);
//! dom.suspend()?;
//! // libvirt's own error (the test driver's), code, domain and message preserved:
//! let e = dom.suspend().unwrap_err();
//! assert_eq!((e.raw_code(), e.raw_domain()), (1, 12)); // VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST
//! assert_eq!(e.message(), "internal error: domain 'test' not running");
//! # Ok::<(), virtkit_api::Error>(())
//! ```
//!
//! libvirt cannot be linked statically; this crate links the system `libvirt.so.0`
//! dynamically (`libvirt-dev` to build). Nothing else in the workspace depends on it.

pub mod callbacks;
pub mod coverage;
pub mod definition;
pub mod driver;
pub mod error;
pub mod event_loop;
pub mod events;
pub mod migration;
pub mod params;
pub mod snapshot;
pub mod sym;

use std::sync::Arc;

pub use driver::{AuthCallback, Credential, LibvirtDriver};
pub use snapshot::{Checkpoint, Snapshot};
pub use sym::has_function;
use virtkit_api::{Connect, Result};

fn factory(uri: &str, read_only: bool) -> Result<Arc<dyn virtkit_api::Driver>> {
    Ok(LibvirtDriver::open_driver(uri, read_only)?)
}

/// Registers libvirt as the driver of every URI no other virtkit driver claims
/// ([`virtkit_api::connect::ANY_SCHEME`]); `sim:///...` stays with the simulator when it is
/// registered. Call it once at start-up (calling it again is harmless).
///
/// ```
/// virtkit_libvirt::register();
/// let conn = virtkit_api::Connect::open_read_only("test:///default")?;
/// assert!(conn.is_read_only());
/// # Ok::<(), virtkit_api::Error>(())
/// ```
pub fn register() {
    virtkit_api::register_driver(virtkit_api::connect::ANY_SCHEME, factory);
}

/// A read-write connection to `uri` through libvirt (`virConnectOpen`), without the registry.
///
/// ```
/// let conn = virtkit_libvirt::open("test:///default")?;
/// assert_eq!(conn.num_of_domains()?, 1);
/// # Ok::<(), virtkit_api::Error>(())
/// ```
pub fn open(uri: &str) -> Result<Connect> {
    LibvirtDriver::open(uri, false).map(|(c, _)| c)
}

/// A read-only connection to `uri` through libvirt (`virConnectOpenReadOnly`).
///
/// ```
/// let conn = virtkit_libvirt::open_read_only("test:///default")?;
/// let e = conn.lookup_by_name("test")?.suspend().unwrap_err();
/// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainSuspend");
/// # Ok::<(), virtkit_api::Error>(())
/// ```
pub fn open_read_only(uri: &str) -> Result<Connect> {
    LibvirtDriver::open(uri, true).map(|(c, _)| c)
}
