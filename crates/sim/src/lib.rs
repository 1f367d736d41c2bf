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
//! # Differences from libvirt's test driver
//!
//! * Any domain `type` is accepted; definitions are read and formatted by `virtkit_domxml`.
//! * CPU time is a counter advanced on each query of a running domain rather than the wall
//!   clock (there is none on `wasm32-unknown-unknown`).
//! * Setting the maximum vCPU count of a running domain (`VCPU_MAXIMUM` with `AFFECT_LIVE`) is
//!   refused with `argument unsupported`.

mod driver;
mod host;

pub use driver::SimDriver;

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
