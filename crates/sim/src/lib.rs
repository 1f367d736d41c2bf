//! An in-memory hypervisor behind virtkit's [`Driver`](virtkit_api::Driver) seam, modelled on
//! libvirt's test driver (`test:///default`): pure Rust, no daemon, usable from
//! `wasm32-unknown-unknown`.
//!
//! Call [`register`] once to claim the `sim` URI scheme, then open connections through
//! [`virtkit_api::Connect::open`]:
//!
//! ```
//! use virtkit_api::{Connect, enums::DomainState};
//! virtkit_sim::register();
//! let conn = Connect::open("sim:///doc-lib")?;
//! let dom = conn.lookup_by_name("test")?;
//! assert_eq!(dom.state(0)?.state(), Some(DomainState::Running));
//! dom.suspend()?;
//! assert_eq!(
//!     dom.suspend().unwrap_err().message(),
//!     "internal error: domain 'test' not running"
//! );
//! dom.destroy()?;
//! assert_eq!(dom.info()?.state(), Some(DomainState::Shutoff));
//! # Ok::<(), virtkit_api::Error>(())
//! ```
//!
//! # Hosts
//!
//! `sim:///NAME` names a host in a process-wide registry; every connection to the same name
//! shares its domains. A host lives as long as a connection to it is open and starts afresh
//! afterwards, as libvirt's shared `test:///default` does. Every host starts like
//! `test:///default`: one running persistent domain named `test` (id 1, 8 GiB maximum and
//! 2 GiB current memory, 2 vCPUs) on a node of 16 CPUs ([`NODE_CPUS`]).
//!
//! `sim://NAME/` opens the same host as `sim:///NAME` (the form a peer-to-peer destination
//! needs, since libvirt refuses a destination URI without a server). `sim:///path/node.xml`
//! (not on `wasm32`) opens a private host read from a node document, as libvirt's
//! `test:///path/node.xml` does; [`Host::from_node_xml`] does the same from text.
//!
//! # Tests' handle
//!
//! [`Host`] reads a host's domains and states, sets which features it claims, injects faults
//! into named driver calls ([`Host::inject`]: once, always or the Nth time, an error before
//! or after the call's effect, or "no domain" from a Finish step), crashes it
//! ([`Host::crash`]) and lists the driver calls it served ([`Host::calls`]).
//!
//! # Events
//!
//! Every state change raises libvirt's lifecycle event (and the PM, balloon and metadata
//! events where libvirt raises them), delivered to every open connection to the host that
//! registered a callback, after the host's lock is released (callbacks may call back).
//!
//! # Migration
//!
//! Every migration step of v1, v2, v3 and v3 with parameters, peer-to-peer, direct and
//! offline is implemented; see the `migration` module's documentation (repeated in
//! `docs/architecture.md`) for where the guest is after each step.
//!
//! # Differences from libvirt's test driver
//!
//! * Any domain `type` is accepted; definitions are read and formatted by `virtkit_domxml`.
//! * CPU time and I/O counters advance on each query of a running domain rather than with
//!   the wall clock (there is none on `wasm32-unknown-unknown`).
//! * Setting the maximum vCPU count of a running domain (`VCPU_MAXIMUM` with `AFFECT_LIVE`) is
//!   refused with `argument unsupported`.
//! * Save images and core dumps are kept in memory by path; nothing is written to files, and
//!   a missing image is `cannot read domain image '{path}': No such file or directory`.
//! * The test driver implements no migration, PM suspend/wakeup, job or abort calls; the sim
//!   does, with the QEMU driver's states, reasons and messages. It claims every migration
//!   feature (the test driver claims v2, v3, p2p and change protection) unless told
//!   otherwise with [`Host::set_feature`].
//! * Create flags: `START_PAUSED`, `START_AUTODESTROY` (the domain is destroyed when the
//!   connection that started it closes), `START_BYPASS_CACHE`, `START_FORCE_BOOT` and
//!   `START_VALIDATE` are accepted (the QEMU driver's set; libvirt 9.0's test driver accepts
//!   only `START_VALIDATE` in `virDomainCreateXML`).
//! * Metadata keeps `title` and `description` only; element metadata is `argument
//!   unsupported`. Scheduler parameters report the test driver's fixed `weight` of 50.
//! * `<domain file=.../>` in a node document given as text is refused (no filesystem).
//! * Memory statistics are six moving values (balloon, RSS, unused, available, usable, last
//!   update) rather than the test driver's thirteen fixed ones; block and interface counters
//!   grow with the guest's ticks.
//! * IOThread cpumaps default to the sim node's CPUs (the test driver uses the real
//!   machine's CPU count there).
//! * Pinning (`virDomainPinVcpuFlags`) also takes `AFFECT_LIVE`/`AFFECT_CONFIG` (the test
//!   driver takes no flags); without flags it pins the live vCPU and refuses an inactive
//!   domain as the test driver does.
//! * Block I/O tuning follows the test driver, quirks included: a base limit may not exceed
//!   its `_max`, so a base limit set alone fails while the `_max` is 0; the QEMU driver's
//!   checks (`_max` needing its base, `_max_length` needing its `_max`) are not made, and no
//!   tunable event is raised. `virDomainGetBlockIoTune` without a disk (libvirt's count
//!   query) answers the 20 parameters with zero values.
//! * Guest vCPUs (`virDomainGetGuestVcpus`/`SetGuestVcpus`), which the test driver lacks,
//!   follow the QEMU driver's checks and messages with a modelled Linux guest: it sees the
//!   domain's online vCPUs, all online at boot and after a hotplug, each offlinable but
//!   vCPU 0; no agent channel is needed, but the guest must be running.
//! * Not implemented (they answer "not supported"): devices (attach, detach, update), block
//!   jobs, copies, backups, checkpoint-free calls such as block peek, resize and thresholds,
//!   `virDomainSetVcpu` (which the test driver lacks too), guest info, SSH keys, agent
//!   timeout, consoles, channels, graphics and screenshots, launch security state, messages,
//!   IOThread parameters, dirty rate and the tunnelled Prepare steps (the sim has no
//!   streams).
//! * The migration tunables (downtime, bandwidth, compression cache, post-copy), which the
//!   test driver lacks, follow the QEMU driver (defaults 300 ms, `QEMU_DOMAIN_MIG_BANDWIDTH_MAX`
//!   MiB/s, 64 MiB).
//!
//! Every comparison with the test driver is a test under `tests/oracle*.rs`, step by step
//! through python3-libvirt on `test:///default`.

mod def;
mod driver;
mod faults;
mod guest;
mod guest_vcpus;
mod handle;
mod host;
mod iothreads;
mod iotune;
mod lifecycle;
mod migration;
mod migtune;
mod node;
mod tunables;
mod tune;

pub use driver::SimDriver;
pub use faults::{CALL_LOG_LIMIT, FaultAction, Trigger};
pub use handle::{DomainSnapshot, Host};
pub use migration::COOKIE_MAGIC;
pub use migtune::MIGRATION_BANDWIDTH_MAX;
pub use node::NodeInfo;

/// The URI scheme the sim driver serves.
///
/// ```
/// assert_eq!(virtkit_sim::SCHEME, "sim");
/// ```
pub const SCHEME: &str = "sim";

/// The number of host CPUs of a sim node (libvirt's test node: 2 NUMA cells, 2 sockets,
/// 2 cores, 2 threads each).
///
/// ```
/// assert_eq!(virtkit_sim::NODE_CPUS, 16);
/// ```
pub const NODE_CPUS: u32 = 16;

/// Registers the sim driver for `sim://` URIs with [`virtkit_api::register_driver`]
/// (explicitly: there are no global constructors). Calling it again is harmless.
///
/// ```
/// virtkit_sim::register();
/// assert!(virtkit_api::registered_schemes().contains(&"sim".to_owned()));
/// ```
pub fn register() {
    virtkit_api::register_driver(SCHEME, driver::open);
}
