//! libvirt's client-side migration, over virtkit's [`Driver`](virtkit_api::Driver) seam.
//!
//! libvirt's client library, not the daemon, chooses the migration protocol and drives the
//! steps between two hosts (`src/libvirt-domain.c`: `virDomainMigrate*`,
//! `virDomainMigrateVersion1/2/3Full`, `virDomainMigrateUnmanaged*`). This crate does the
//! same, call for call, against any pair of drivers: the in-memory `sim` hosts, a real
//! libvirt connection, or a scripted fake. It does no I/O of its own: every effect is a
//! `Driver` call of one of the two connections, which is what makes the sequences testable
//! step by step and under faults.
//!
//! * [`DomainMigrate`] gives `virtkit_api::Domain` the six public entry points (`migrate`,
//!   `migrate2`, `migrate3`, `migrate_to_uri`, `migrate_to_uri2`, `migrate_to_uri3`) with
//!   libvirt's checks in libvirt's order, its protocol choice by feature probes, its
//!   automatic flag changes and its failure rules.
//! * [`Migration`] is the same with an [`Observer`] that sees each step (name, host,
//!   outcome, duration) and a [`Clock`]; [`progress`] reads the source's job statistics
//!   while `Perform` runs.
//! * The migration tunables (`virDomainMigrateSetMaxDowntime`, `...SetMaxSpeed`,
//!   `...SetCompressionCache`, `...StartPostCopy` and their getters) are `Domain` methods of
//!   the api crate, with their checks, and pass straight to the driver.
//!
//! ```
//! use virtkit_migrate::DomainMigrate;
//! use virtkit_api::flags::DomainMigrateFlags as F;
//! # let (conn, dom) = virtkit_api::doctest::rw();
//! let e = dom.migrate3(&conn, &Default::default(), F::PEER2PEER).unwrap_err();
//! assert_eq!(e.message(), "use virDomainMigrateToURI3 for peer-to-peer migration");
//! ```
//!
//! # The sequences
//!
//! * **v1** (`virDomainMigrateVersion1`): Prepare (destination), Perform (source), Finish
//!   (destination; when the driver has none, the domain is looked up by name).
//! * **v2** (`virDomainMigrateVersion2`): the source's XML, Prepare2 (destination), Perform
//!   (source), Finish2 (destination, told whether Perform failed).
//! * **v3** (`virDomainMigrateVersion3Full`), positional or with typed parameters: Begin3
//!   (source: XML and cookie), Prepare3 (destination), Perform3 (source), Finish3
//!   (destination, told whether Perform failed), Confirm3 (source: kill the guest after a
//!   success, resume it after a failure). Cookies flow from each step to the next.
//! * **Unmanaged** (`migrate_to_uri*`, and `migrate`/`migrate2` with `PEER2PEER`): one call
//!   to the source — `Perform3Params`, `Perform3` or `Perform` — which migrates by itself,
//!   peer-to-peer (its libvirt opens the destination) or directly (the hypervisor does).
//! * **Tunnelled** migrations need `PEER2PEER` (the managed entry points refuse `TUNNELLED`
//!   without it, as libvirt does), so their stream (`PrepareTunnel3`) is opened by the source
//!   host, never by this client: the tunnelled steps are `api`'s internal entry points, for
//!   drivers that implement peer-to-peer.
//!
//! # Automatic flag changes (as libvirt)
//!
//! * `PAUSED` is added when the source domain is paused (by `GetInfo` for v1, v2 and
//!   positional v3, by `GetState` for v3 with parameters; after Begin in v3), except with
//!   `POSTCOPY_RESUME` (v3).
//! * `ABORT_ON_ERROR` and `AUTO_CONVERGE` are source-only: stripped from every destination
//!   call.
//! * `CHANGE_PROTECTION` must be supported by the source, is masked by the managed entry
//!   points, and re-added by v3 to the source's calls only when the source supports it.
//!
//! # Failure rules and where the guest ends up (v3)
//!
//! * Begin fails: nothing happened; the error is returned.
//! * Prepare fails: without change protection the error is returned at once (the source was
//!   never touched); with it, Confirm(cancelled) is sent to release the source's job.
//! * Prepare returns no URI and the caller gave none: an internal error, then Finish
//!   (cancelled) and Confirm (cancelled): the guest keeps running on the source.
//! * Perform fails: Finish(cancelled) on the destination, and the source is **not**
//!   notified (libvirt assumes the source cleaned up itself); the first error is kept,
//!   except that a specific QEMU error from Finish replaces a generic QEMU "operation
//!   failed" from Perform.
//! * Finish returns no domain: the migration failed; Confirm(cancelled) resumes the source.
//!   Finish returning a domain after a cancellation counts as success (libvirt only logs it).
//! * Confirm fails: libvirt only warns; the domain on the destination is returned.
//! * Offline migrations skip Perform.
//!
//! # Where libvirt's own sequence loses or duplicates a guest
//!
//! `tests/faults.rs` runs every protocol × every step × each fault (an error, an error after
//! the work was done — a lost reply —, Finish without a domain, a host crash) between two
//! `sim` hosts; the matrix is `docs/migration-faults.md`. The guest always ends up running
//! on exactly one host, on the destination exactly when the caller sees success, except in
//! these cases, which libvirt's sequence allows and the test asserts:
//!
//! * a host crash takes the guest with it when that host holds the only copy: the source
//!   at Begin, GetXMLDesc or Perform; the destination at v1/v2's Finish (Perform already
//!   stopped the source's copy);
//! * v1/v2 have no Confirm: once Perform has stopped the source's guest, a lost Perform
//!   reply, a failed Finish or a Finish without a domain leave no running guest (a paused,
//!   never-resumed incoming copy may remain on the destination);
//! * a lost Finish reply: v1/v2 report an error while the guest runs on the destination;
//!   v3 (with or without parameters, and peer-to-peer) sends Confirm(cancelled), so the
//!   source resumes **and** the destination runs: the guest runs on both hosts;
//! * peer-to-peer: a lost Perform reply reports an error while the guest has moved.
//!
//! # Differences from libvirt
//!
//! * A driver cannot be asked whether it has a callback, so a missing protocol step shows up
//!   when it is called (libvirt checks v3's five callbacks before `Begin3`); v1's optional
//!   `Finish` is "missing" when it answers with the default not-supported error.
//! * Warnings libvirt logs (a Finish that ignores a cancellation, a failed Confirm) go to
//!   the [`Observer`] as step reports instead of a log.
//! * `virDomainMigrate3` dereferences a NULL `dconn` in C; here the destination is a
//!   reference and cannot be missing.

mod checks;
mod managed;
mod observe;
pub mod progress;
mod sequence;
mod unmanaged;

use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::{Domain, Error, Result};
use virtkit_typedparams::TypedParams;

pub use observe::{Clock, Host, Observer, Step, StepLog, StepReport, SystemClock};

/// One migration of a domain, with an optional [`Observer`] and [`Clock`]; its methods are
/// the six entry points, consuming the builder.
///
/// ```
/// use virtkit_migrate::{Migration, StepLog};
/// use virtkit_api::flags::DomainMigrateFlags as F;
/// # let (conn, dom) = virtkit_api::doctest::rw();
/// let mut log = StepLog::default();
/// let e = Migration::new(&dom).observer(&mut log).migrate(&conn, F::LIVE, None, None, 0).unwrap_err();
/// assert_eq!(e.message(), "this function is not supported by the connection driver: virDomainMigrate");
/// assert!(log.reports.is_empty()); // no protocol in common: no step was made
/// ```
pub struct Migration<'a> {
    domain: &'a Domain,
    observer: Option<&'a mut dyn Observer>,
    clock: &'a dyn Clock,
}

impl<'a> Migration<'a> {
    /// A migration of `domain`, not observed, timed by [`SystemClock`].
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let m = virtkit_migrate::Migration::new(&dom);
    /// # let _ = m;
    /// ```
    #[must_use]
    pub fn new(domain: &'a Domain) -> Migration<'a> {
        Migration { domain, observer: None, clock: &SystemClock }
    }

    /// Reports every step to `observer`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let mut log = virtkit_migrate::StepLog::default();
    /// let m = virtkit_migrate::Migration::new(&dom).observer(&mut log);
    /// # let _ = m;
    /// ```
    #[must_use]
    pub fn observer(mut self, observer: &'a mut dyn Observer) -> Migration<'a> {
        self.observer = Some(observer);
        self
    }

    /// Times steps with `clock`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let m = virtkit_migrate::Migration::new(&dom).clock(&virtkit_migrate::SystemClock);
    /// # let _ = m;
    /// ```
    #[must_use]
    pub fn clock(mut self, clock: &'a dyn Clock) -> Migration<'a> {
        self.clock = clock;
        self
    }

    /// Runs one driver call as a reported step.
    fn step<T>(&mut self, host: Host, step: Step, call: impl FnOnce() -> Result<T>) -> Result<T> {
        let Some(observer) = self.observer.as_deref_mut() else {
            return call();
        };
        observer.step_started(step, host);
        let start = self.clock.now();
        let result = call();
        let duration = self.clock.now().saturating_sub(start);
        let outcome = result.as_ref().map(|_| ()).map_err(Error::clone);
        observer.step_finished(&StepReport { step, host, outcome, duration });
        result
    }
}

/// The migration entry points as methods of `virtkit_api::Domain` (bring the trait into
/// scope). Each is [`Migration::new`]`(self)` followed by the same method.
///
/// ```
/// use virtkit_migrate::DomainMigrate;
/// use virtkit_api::flags::DomainMigrateFlags as F;
/// # let (_, dom) = virtkit_api::doctest::rw();
/// let e = dom.migrate_to_uri("tcp://h", F::TUNNELLED | F::PARALLEL, None, 0).unwrap_err();
/// assert_eq!(e.message(), "Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive");
/// ```
pub trait DomainMigrate {
    /// `virDomainMigrate`: migrates to `dconn` and returns the domain there. With
    /// `PEER2PEER` the source migrates by itself and `uri`, if given, is the destination's
    /// *connection* URI (libvirt's quirk); otherwise `uri` is the hypervisor's migration URI.
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate(ro.connect(), F::LIVE, None, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainMigrate");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    fn migrate(
        &self,
        dconn: &virtkit_api::Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain>;

    /// `virDomainMigrate2`: like `migrate` with a destination XML (v3 only); with
    /// `PEER2PEER` the destination URI is `dconn`'s and `uri` the migration URI.
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate2(&conn, None, F::TUNNELLED, None, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    fn migrate2(
        &self,
        dconn: &virtkit_api::Connect,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain>;

    /// `virDomainMigrate3`: the migration described by typed parameters; peer-to-peer and
    /// tunnelled migrations belong to `migrate_to_uri3`.
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate3(&conn, &Default::default(), F::TUNNELLED).unwrap_err();
    /// assert_eq!(e.message(), "cannot perform tunnelled migration without using peer2peer flag");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    fn migrate3(
        &self,
        dconn: &virtkit_api::Connect,
        params: &TypedParams,
        flags: F,
    ) -> Result<Domain>;

    /// `virDomainMigrateToURI`: with `PEER2PEER`, `duri` is the destination's libvirt URI,
    /// otherwise the hypervisor's migration URI.
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate_to_uri("qemu+ssh://h/system", F::PEER2PEER, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "argument unsupported: p2p migration is not supported by the source host");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    fn migrate_to_uri(
        &self,
        duri: &str,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()>;

    /// `virDomainMigrateToURI2`: `dconnuri` is needed with `PEER2PEER` and ignored without.
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate_to_uri2(None, Some("tcp://h"), None, F::LIVE, Some(""), 0).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigrateToURI2 must not be empty");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    fn migrate_to_uri2(
        &self,
        dconnuri: Option<&str>,
        miguri: Option<&str>,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()>;

    /// `virDomainMigrateToURI3`: the migration described by typed parameters
    /// (`migrate_uri`, `destination_name`, ...).
    ///
    /// ```
    /// use virtkit_migrate::DomainMigrate;
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = ro.migrate_to_uri3(None, &Default::default(), F::LIVE).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainMigrateToURI3");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    fn migrate_to_uri3(&self, dconnuri: Option<&str>, params: &TypedParams, flags: F)
    -> Result<()>;
}

impl DomainMigrate for Domain {
    fn migrate(
        &self,
        dconn: &virtkit_api::Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        Migration::new(self).migrate(dconn, flags, dname, uri, bandwidth)
    }

    fn migrate2(
        &self,
        dconn: &virtkit_api::Connect,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        Migration::new(self).migrate2(dconn, dxml, flags, dname, uri, bandwidth)
    }

    fn migrate3(
        &self,
        dconn: &virtkit_api::Connect,
        params: &TypedParams,
        flags: F,
    ) -> Result<Domain> {
        Migration::new(self).migrate3(dconn, params, flags)
    }

    fn migrate_to_uri(
        &self,
        duri: &str,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        Migration::new(self).migrate_to_uri(duri, flags, dname, bandwidth)
    }

    fn migrate_to_uri2(
        &self,
        dconnuri: Option<&str>,
        miguri: Option<&str>,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        Migration::new(self).migrate_to_uri2(dconnuri, miguri, dxml, flags, dname, bandwidth)
    }

    fn migrate_to_uri3(
        &self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        Migration::new(self).migrate_to_uri3(dconnuri, params, flags)
    }
}
