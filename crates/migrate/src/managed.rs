//! The managed entry points (`virDomainMigrate`, `Migrate2`, `Migrate3`): their checks in
//! libvirt's order and the protocol choice by feature probes of both hosts.

use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::migrate::{PARAM_BANDWIDTH, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_URI};
use virtkit_api::{Connect, Domain, DrvFeature, Error, ErrorCode, Result};
use virtkit_typedparams::TypedParams;

use crate::checks;
use crate::{Host, Migration, Step};

/// `virDomainMigrate` and `Migrate2`: exclusive and required flags.
fn common_flag_checks(flags: F) -> Result<()> {
    checks::disk_inc(flags)?;
    checks::tunnelled_parallel(flags)?;
    checks::sync_writes(flags)
}

/// `virDomainMigrate`/`Migrate2` without `PEER2PEER`: change protection checked and masked,
/// tunnelled refused.
fn managed_flags(src: &Connect, flags: F) -> Result<F> {
    let flags = checks::change_protection(src, flags)?;
    if flags.contains(F::TUNNELLED) {
        return Err(Error::report(
            ErrorCode::OperationInvalid,
            "cannot perform tunnelled migration without using peer2peer flag",
        ));
    }
    Ok(flags)
}

impl Migration<'_> {
    /// `virDomainMigrate` (see [`DomainMigrate::migrate`](crate::DomainMigrate::migrate)).
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = virtkit_migrate::Migration::new(&dom).migrate(&conn, F::LIVE, Some(""), None, 0).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigrate must not be empty");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    pub fn migrate(
        mut self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate";
        self.prologue(FUNC, dconn, dname, flags)?;
        if flags.contains(F::PEER2PEER) {
            // libvirt's quirk: with PEER2PEER, `uri` is the destination's connection URI.
            let dconnuri = uri.unwrap_or(dconn.uri());
            return self.peer_to_peer(FUNC, dconn, None, flags, dname, dconnuri, None, bandwidth);
        }
        let flags = managed_flags(self.domain.connect(), flags)?;
        self.newest_common_protocol(dconn, None, dname, uri, bandwidth, flags, FUNC)
    }

    /// `virDomainMigrate2` (see [`DomainMigrate::migrate2`](crate::DomainMigrate::migrate2)).
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = virtkit_migrate::Migration::new(&dom)
    ///     .migrate2(&conn, None, F::NON_SHARED_SYNCHRONOUS_WRITES, None, None, 0)
    ///     .unwrap_err();
    /// assert!(e.message().contains("VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES"));
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    pub fn migrate2(
        mut self,
        dconn: &Connect,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate2";
        self.prologue(FUNC, dconn, dname, flags)?;
        if flags.contains(F::PEER2PEER) {
            // Here the destination is always `dconn`'s URI and `uri` the migration URI.
            let dconnuri = dconn.uri();
            return self.peer_to_peer(FUNC, dconn, dxml, flags, dname, dconnuri, uri, bandwidth);
        }
        let flags = managed_flags(self.domain.connect(), flags)?;
        self.newest_common_protocol(dconn, dxml, dname, uri, bandwidth, flags, FUNC)
    }

    /// `virDomainMigrate3` (see [`DomainMigrate::migrate3`](crate::DomainMigrate::migrate3)).
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("destination_name", "")?;
    /// let e = virtkit_migrate::Migration::new(&dom).migrate3(&conn, &p, F::LIVE).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigrate3 must not be empty");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for each step.
    pub fn migrate3(mut self, dconn: &Connect, params: &TypedParams, flags: F) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate3";
        let src = self.domain.connect();
        checks::read_write(src, FUNC)?;
        checks::read_write(dconn, FUNC)?;
        checks::disk_inc(flags)?;
        checks::sync_writes(flags)?;
        if flags.contains(F::PEER2PEER) {
            return Err(Error::invalid_arg(
                "use virDomainMigrateToURI3 for peer-to-peer migration",
            ));
        }
        if flags.contains(F::TUNNELLED) {
            return Err(Error::invalid_arg(
                "cannot perform tunnelled migration without using peer2peer flag",
            ));
        }
        let uri = params.get_string(PARAM_URI)?;
        let dname = params.get_string(PARAM_DEST_NAME)?;
        let dxml = params.get_string(PARAM_DEST_XML)?;
        let bandwidth = params.get_ullong(PARAM_BANDWIDTH)?.unwrap_or(0);
        checks::dname(dname, FUNC)?;
        checks::offline(src, Some(dconn), flags)?;
        let flags = checks::change_protection(src, flags)?;
        if checks::both_support(src, dconn, DrvFeature::MigrationParams)? {
            return self.version3_full(dconn, None, None, None, 0, Some(params), flags);
        }
        if !params.only_names(&[PARAM_URI, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_BANDWIDTH]) {
            return Err(Error::argument_unsupported(
                "Migration APIs with extensible parameters are not supported but extended parameters were passed",
            ));
        }
        self.newest_common_protocol(dconn, dxml, dname, uri, bandwidth, flags, FUNC)
    }

    /// The checks `virDomainMigrate` and `virDomainMigrate2` begin with, in libvirt's order.
    fn prologue(&self, func: &str, dconn: &Connect, dname: Option<&str>, flags: F) -> Result<()> {
        let src = self.domain.connect();
        checks::read_write(src, func)?;
        checks::read_write(dconn, func)?;
        checks::dname(dname, func)?;
        common_flag_checks(flags)?;
        checks::offline(src, Some(dconn), flags)
    }

    /// `virDomainMigrate`/`Migrate2` with `PEER2PEER`: the source must support it, migrates
    /// by itself (unmanaged), and the domain is then looked up on `dconn`.
    #[allow(clippy::too_many_arguments)]
    fn peer_to_peer(
        &mut self,
        func: &'static str,
        dconn: &Connect,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        dconnuri: &str,
        miguri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        if !self.domain.connect().supports_feature(DrvFeature::MigrationP2p)? {
            return Err(Error::no_support(func));
        }
        self.unmanaged(dxml, flags, dname, Some(dconnuri), miguri, bandwidth)?;
        self.lookup(dconn, dname)
    }

    /// The protocol choice of the managed entry points once their checks passed: v3 when
    /// both sides speak it, else v2, else v1 (neither of which can change the destination
    /// XML), else "not supported" naming `func`.
    #[allow(clippy::too_many_arguments)]
    fn newest_common_protocol(
        &mut self,
        dconn: &Connect,
        dxml: Option<&str>,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
        flags: F,
        func: &'static str,
    ) -> Result<Domain> {
        let src = self.domain.connect();
        let no_xml =
            || Error::argument_unsupported("Unable to change target guest XML during migration");
        if checks::both_support(src, dconn, DrvFeature::MigrationV3)? {
            self.version3_full(dconn, dxml, dname, uri, bandwidth, None, flags)
        } else if checks::both_support(src, dconn, DrvFeature::MigrationV2)? {
            if dxml.is_some() {
                return Err(no_xml());
            }
            self.version2(dconn, flags, dname, uri, bandwidth)
        } else if checks::both_support(src, dconn, DrvFeature::MigrationV1)? {
            if dxml.is_some() {
                return Err(no_xml());
            }
            self.version1(dconn, flags, dname, uri, bandwidth)
        } else {
            Err(Error::no_support(func))
        }
    }

    /// The domain on the destination after a peer-to-peer migration, by name.
    fn lookup(&mut self, dconn: &Connect, dname: Option<&str>) -> Result<Domain> {
        let name = dname.unwrap_or(self.domain.name());
        self.step(Host::Destination, Step::LookupByName, || dconn.lookup_by_name(name))
    }
}
