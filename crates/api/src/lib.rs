//! libvirt's public domain API (`src/libvirt-domain.c`) in Rust: errors as libvirt's
//! `virError` ([`Error`]), every enumeration and flag set of the domain API with libvirt's
//! numbers ([`enums`], [`flags`]), the [`Driver`] seam, and the [`Connect`] and [`Domain`]
//! handles whose methods are the public entry points, each performing its C function's
//! argument checks in libvirt's order with libvirt's codes and messages before dispatching to
//! the driver.
//!
//! ```
//! use std::sync::Arc;
//! use virtkit_api::{Connect, Domain, Driver, ErrorCode, Result, types::Uuid};
//!
//! struct OneVm;
//! impl Driver for OneVm {
//!     fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
//!         Ok(Domain::new(conn, name, Uuid::default(), 1))
//!     }
//!     fn domain_suspend(&self, _dom: &Domain) -> Result<()> {
//!         Ok(())
//!     }
//! }
//! virtkit_api::register_driver("onevm", |_uri, _ro| Ok(Arc::new(OneVm)));
//!
//! let conn = Connect::open("onevm:///")?;
//! let dom = conn.lookup_by_name("vm")?;
//! dom.suspend()?;
//! // A callback the driver lacks: libvirt's "not supported" error naming the function.
//! assert_eq!(
//!     dom.resume().unwrap_err().message(),
//!     "this function is not supported by the connection driver: virDomainResume"
//! );
//! // Argument checks happen before the driver is called.
//! assert_eq!(dom.set_vcpus(0).unwrap_err().code(), ErrorCode::InvalidArg);
//! let ro = Connect::open_read_only("onevm:///")?;
//! assert_eq!(
//!     ro.lookup_by_name("vm")?.suspend().unwrap_err().message(),
//!     "operation forbidden: read only access prevents virDomainSuspend"
//! );
//! # Ok::<(), virtkit_api::Error>(())
//! ```
//!
//! # Coverage
//!
//! The module [`coverage`] lists which of the 190 public functions and 18 internal
//! migration entry points of `libvirt-domain.c` exist here, and under which Rust name.
//!
//! # Differences from libvirt
//!
//! * Checks Rust's types make impossible are not repeated: handles are always valid
//!   (`virCheckDomainReturn`, `virCheckConnectReturn`), references and slices are never NULL,
//!   typed enums cannot exceed their `*_LAST`, outputs are returned rather than written to
//!   caller pointers, so the struct `size` of `virDomainBlockStats`/`InterfaceStats` and the
//!   two-call sizing protocol of typed-parameter getters disappear (getters return every
//!   parameter).
//! * Where the seeds show a missing or misplaced check (`virDomainFDAssociate` without a
//!   domain check, `virDomainGetLaunchSecurityInfo` dereferencing before checking,
//!   `virDomainManagedSaveDefineXML` checking flags first) the safe equivalent holds: the
//!   handle is valid by construction, and the order of the checks that remain is libvirt's.
//! * `virDomainGetMaxMemory` treats a driver answer of 0 as an error, as libvirt does; virtkit
//!   reports it as `internal error: maximum memory of 0 KiB` instead of leaving no error set.
//! * Relative file paths are made absolute lexically (`g_canonicalize_filename`); without a
//!   current directory (wasm32) they are libvirt's `could not build absolute ... path` error.
//! * Memory sizes are `u64` KiB with the 64-bit bound ([`domain::MEMORY_MAX_KIB`]) on every
//!   target, where C's `unsigned long` would be 32-bit on 32-bit hosts.
//! * The cpumap getters allocate their own output, so `virtkit_cpumap`'s buffer-length check
//!   (virtkit's own) does not apply to them.
//! * `virDomainOpenGraphics` checks `fd >= 0` but not libvirt's `fstat`/"must be a socket"
//!   (no descriptors in a pure crate); the driver has to.
//! * The checks follow the seed (libvirt ≈ 10.2); where the system libvirt 9.0 differs (it has
//!   no `dname` check in `virDomainMigrateToURI2`) the seed wins.
//! * The six migration entry points (`virDomainMigrate`, `Migrate2`, `Migrate3`,
//!   `MigrateToURI`, `ToURI2`, `ToURI3`) and the protocol sequences they drive live in the
//!   `virtkit-migrate` crate (`virtkit_migrate::DomainMigrate` adds them to [`Domain`]),
//!   which builds on this crate's `Driver` seam; this crate has the 18 internal migration
//!   steps, the feature probes and the migration tunables.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod connect;
pub mod coverage;
pub mod domain;
pub mod driver;
pub mod enums;
mod error;
pub mod events;
pub mod flags;
pub mod migrate;
pub mod stream;
pub mod types;

#[doc(hidden)]
pub mod doctest;

pub use connect::{
    CloseCallback, CloseReason, Connect, DriverFactory, WeakConnect, register_driver,
    registered_schemes,
};
pub use domain::Domain;
pub use driver::{Driver, DrvFeature, MigrateBegun, MigrateFinished, MigratePrepared};
pub use error::{Error, ErrorCode, ErrorDomain, ErrorLevel, Result};
pub use events::EventRegistry;
pub use stream::Stream;
