//! The managed migrations (`virDomainMigrate`, `Migrate2`, `Migrate3`): the client drives
//! both hosts through the protocol both support — v3 with parameters, v3, v2 or v1 — as
//! `virDomainMigrateVersion1`, `Version2` and `Version3Full` do, or hands a peer-to-peer
//! migration to the source.
//!
//! Differences from libvirt: a driver cannot be asked whether it has a callback, so a missing
//! protocol step shows up when it is called (libvirt checks v3's five callbacks before
//! `Begin3`); v1's optional `Finish` is "missing" when it answers with the default
//! not-supported error. Warnings libvirt logs (a Finish that ignores a cancellation, a failed
//! Confirm) are not logged.
//!
//! ```
//! # let (conn, dom) = virtkit_api::doctest::rw();
//! use virtkit_api::flags::DomainMigrateFlags as F;
//! let e = dom.migrate(&conn, F::LIVE, None, None, 0).unwrap_err();
//! assert_eq!(e.message(), "this function is not supported by the connection driver: virDomainMigrate");
//! ```

use virtkit_typedparams::TypedParams;

use crate::connect::Connect;
use crate::domain::{Domain, both, dname_check};
use crate::driver::DrvFeature;
use crate::enums::{CEnum, DomainState};
use crate::error::{Error, ErrorCode, ErrorDomain, ErrorLevel, Result};
use crate::flags::{DomainMigrateFlags as F, DomainXMLFlags};
use crate::migrate::{PARAM_BANDWIDTH, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_URI};

/// What `virDispatchError` reports when no error was set.
fn unknown_failure() -> Error {
    Error::from_raw(
        ErrorCode::InternalError.raw(),
        ErrorDomain::None.raw(),
        ErrorLevel::Error,
        "An error occurred, but the cause is unknown",
    )
}

fn dest_flags(flags: F) -> F {
    flags & !(F::ABORT_ON_ERROR | F::AUTO_CONVERGE)
}

fn both_support(src: &Connect, dst: &Connect, feature: DrvFeature) -> Result<bool> {
    Ok(src.supports_feature(feature)? && dst.supports_feature(feature)?)
}

/// The flag checks shared by `virDomainMigrate` and `virDomainMigrate2`.
fn common_flag_checks(flags: F) -> Result<()> {
    if both(flags.bits(), F::NON_SHARED_DISK.bits(), F::NON_SHARED_INC.bits()) {
        return Err(Error::exclusive_flags(
            "VIR_MIGRATE_NON_SHARED_DISK",
            "VIR_MIGRATE_NON_SHARED_INC",
        ));
    }
    if both(flags.bits(), F::TUNNELLED.bits(), F::PARALLEL.bits()) {
        return Err(Error::exclusive_flags("VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"));
    }
    sync_writes(flags)
}

fn sync_writes(flags: F) -> Result<()> {
    if flags.contains(F::NON_SHARED_SYNCHRONOUS_WRITES)
        && !flags.intersects(F::NON_SHARED_DISK | F::NON_SHARED_INC)
    {
        return Err(Error::required_flag(
            "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC",
        ));
    }
    Ok(())
}

fn offline_checks(src: &Connect, dst: &Connect, flags: F) -> Result<()> {
    if !flags.contains(F::OFFLINE) {
        return Ok(());
    }
    if !src.supports_feature(DrvFeature::MigrationOffline)? {
        return Err(Error::argument_unsupported(
            "offline migration is not supported by the source host",
        ));
    }
    if !dst.supports_feature(DrvFeature::MigrationOffline)? {
        return Err(Error::argument_unsupported(
            "offline migration is not supported by the destination host",
        ));
    }
    Ok(())
}

/// `VIR_MIGRATE_CHANGE_PROTECTION` must be supported by the source, then it is masked.
fn change_protection(src: &Connect, flags: F) -> Result<F> {
    if flags.contains(F::CHANGE_PROTECTION)
        && !src.supports_feature(DrvFeature::MigrateChangeProtection)?
    {
        return Err(Error::argument_unsupported("cannot enforce change protection"));
    }
    Ok(flags - F::CHANGE_PROTECTION)
}

impl Domain {
    fn paused_flag(&self, flags: F, by_state: bool) -> F {
        let state =
            if by_state { self.state(0).map(|s| s.state) } else { self.info().map(|i| i.state) };
        if state.is_ok_and(|s| s == DomainState::Paused.raw()) { flags | F::PAUSED } else { flags }
    }

    /// `virDomainMigrate`: migrates to `dconn` and returns the domain there. With
    /// `PEER2PEER` the source migrates by itself and `uri`, if given, is the destination's
    /// *connection* URI (libvirt's quirk); otherwise `uri` is the hypervisor's migration URI.
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate(ro.connect(), F::LIVE, None, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainMigrate");
    /// ```
    pub fn migrate(
        &self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate";
        let src = self.connect();
        src.check_rw(FUNC)?;
        dconn.check_rw(FUNC)?;
        dname_check(dname, FUNC)?;
        common_flag_checks(flags)?;
        offline_checks(src, dconn, flags)?;
        if flags.contains(F::PEER2PEER) {
            if !src.supports_feature(DrvFeature::MigrationP2p)? {
                return Err(Error::no_support(FUNC));
            }
            let dconnuri = uri.unwrap_or(dconn.uri());
            self.migrate_unmanaged(None, flags, dname, Some(dconnuri), None, bandwidth)?;
            return dconn.lookup_by_name(dname.unwrap_or(self.name()));
        }
        let flags = change_protection(src, flags)?;
        if flags.contains(F::TUNNELLED) {
            return Err(Error::report(
                ErrorCode::OperationInvalid,
                "cannot perform tunnelled migration without using peer2peer flag",
            ));
        }
        if both_support(src, dconn, DrvFeature::MigrationV3)? {
            self.version3_full(dconn, None, dname, uri, bandwidth, None, flags)
        } else if both_support(src, dconn, DrvFeature::MigrationV2)? {
            self.version2(dconn, flags, dname, uri, bandwidth)
        } else if both_support(src, dconn, DrvFeature::MigrationV1)? {
            self.version1(dconn, flags, dname, uri, bandwidth)
        } else {
            Err(Error::no_support(FUNC))
        }
    }

    /// `virDomainMigrate2`: like [`Domain::migrate`] with a destination XML (v3 only); with
    /// `PEER2PEER` the destination URI is `dconn`'s and `uri` the migration URI.
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate2(&conn, None, F::TUNNELLED, None, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag");
    /// ```
    pub fn migrate2(
        &self,
        dconn: &Connect,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate2";
        let src = self.connect();
        src.check_rw(FUNC)?;
        dconn.check_rw(FUNC)?;
        dname_check(dname, FUNC)?;
        common_flag_checks(flags)?;
        offline_checks(src, dconn, flags)?;
        if flags.contains(F::PEER2PEER) {
            if !src.supports_feature(DrvFeature::MigrationP2p)? {
                return Err(Error::no_support(FUNC));
            }
            let dconnuri = dconn.uri().to_owned();
            self.migrate_unmanaged(dxml, flags, dname, Some(&dconnuri), uri, bandwidth)?;
            return dconn.lookup_by_name(dname.unwrap_or(self.name()));
        }
        let flags = change_protection(src, flags)?;
        if flags.contains(F::TUNNELLED) {
            return Err(Error::report(
                ErrorCode::OperationInvalid,
                "cannot perform tunnelled migration without using peer2peer flag",
            ));
        }
        self.newest_common_protocol(dconn, dxml, dname, uri, bandwidth, flags, FUNC)
    }

    /// `virDomainMigrate3`: the migration described by typed parameters; peer-to-peer and
    /// tunnelled migrations belong to [`Domain::migrate_to_uri3`].
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate3(&conn, &Default::default(), F::PEER2PEER).unwrap_err();
    /// assert_eq!(e.message(), "use virDomainMigrateToURI3 for peer-to-peer migration");
    /// ```
    pub fn migrate3(&self, dconn: &Connect, params: &TypedParams, flags: F) -> Result<Domain> {
        const FUNC: &str = "virDomainMigrate3";
        let src = self.connect();
        src.check_rw(FUNC)?;
        dconn.check_rw(FUNC)?;
        if both(flags.bits(), F::NON_SHARED_DISK.bits(), F::NON_SHARED_INC.bits()) {
            return Err(Error::exclusive_flags(
                "VIR_MIGRATE_NON_SHARED_DISK",
                "VIR_MIGRATE_NON_SHARED_INC",
            ));
        }
        sync_writes(flags)?;
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
        dname_check(dname, FUNC)?;
        offline_checks(src, dconn, flags)?;
        let flags = change_protection(src, flags)?;
        if both_support(src, dconn, DrvFeature::MigrationParams)? {
            return self.version3_full(dconn, None, None, None, 0, Some(params), flags);
        }
        if !params.only_names(&[PARAM_URI, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_BANDWIDTH]) {
            return Err(Error::argument_unsupported(
                "Migration APIs with extensible parameters are not supported but extended parameters were passed",
            ));
        }
        self.newest_common_protocol(dconn, dxml, dname, uri, bandwidth, flags, FUNC)
    }

    /// The protocol choice shared by `virDomainMigrate2` and `virDomainMigrate3` once their
    /// checks passed: v3 when both sides speak it, else v2, else v1 (neither of which can
    /// change the destination XML), else "not supported" naming `func`.
    #[allow(clippy::too_many_arguments)]
    fn newest_common_protocol(
        &self,
        dconn: &Connect,
        dxml: Option<&str>,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
        flags: F,
        func: &'static str,
    ) -> Result<Domain> {
        let src = self.connect();
        let no_xml =
            || Error::argument_unsupported("Unable to change target guest XML during migration");
        if both_support(src, dconn, DrvFeature::MigrationV3)? {
            self.version3_full(dconn, dxml, dname, uri, bandwidth, None, flags)
        } else if both_support(src, dconn, DrvFeature::MigrationV2)? {
            if dxml.is_some() {
                return Err(no_xml());
            }
            self.version2(dconn, flags, dname, uri, bandwidth)
        } else if both_support(src, dconn, DrvFeature::MigrationV1)? {
            if dxml.is_some() {
                return Err(no_xml());
            }
            self.version1(dconn, flags, dname, uri, bandwidth)
        } else {
            Err(Error::no_support(func))
        }
    }

    /// `virDomainMigrateVersion1`: Prepare (destination), Perform (source), Finish
    /// (destination, optional: without it the domain is looked up by name).
    fn version1(
        &self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        dname_check(dname, "virDomainMigrateVersion1")?;
        let flags = self.paused_flag(flags, false);
        let destflags = dest_flags(flags);
        let dst = dconn.driver();
        let prepared = dst.domain_migrate_prepare(dconn, uri, destflags, dname, bandwidth)?;
        let Some(uri) = prepared.uri.as_deref().or(uri) else {
            return Err(Error::report(
                ErrorCode::InternalError,
                "domainMigratePrepare did not set uri",
            ));
        };
        self.connect().driver().domain_migrate_perform(
            self,
            &prepared.cookie,
            uri,
            flags,
            dname,
            bandwidth,
        )?;
        let dname = dname.unwrap_or(self.name());
        match dst.domain_migrate_finish(dconn, Some(dname), &prepared.cookie, uri, destflags) {
            Err(e) if e == Error::no_support("virDomainMigrateFinish") => {
                dconn.lookup_by_name(dname)
            }
            other => other,
        }
    }

    /// `virDomainMigrateVersion2`: the source's XML, Prepare2 (destination), Perform
    /// (source), Finish2 (destination, told whether Perform failed).
    fn version2(
        &self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        dname_check(dname, "virDomainMigrateVersion2")?;
        let src = self.connect();
        let xml_flags = if src.supports_feature(DrvFeature::XmlMigratable)? {
            DomainXMLFlags::MIGRATABLE
        } else {
            DomainXMLFlags::SECURE | DomainXMLFlags::UPDATE_CPU
        };
        let dom_xml = src.driver().domain_get_xml_desc(self, xml_flags).map_err(|e| {
            if e.is_no_support() { Error::no_support("virDomainMigrateVersion2") } else { e }
        })?;
        let flags = self.paused_flag(flags, false);
        let destflags = dest_flags(flags);
        let dst = dconn.driver();
        let prepared =
            dst.domain_migrate_prepare2(dconn, uri, destflags, dname, bandwidth, &dom_xml)?;
        let uri = prepared.uri.as_deref().or(uri);
        let orig_err = match uri {
            None => Some(Error::report(
                ErrorCode::InternalError,
                "domainMigratePrepare2 did not set uri",
            )),
            Some(uri) => src
                .driver()
                .domain_migrate_perform(self, &prepared.cookie, uri, flags, dname, bandwidth)
                .err(),
        };
        let cancelled = orig_err.is_some();
        let dname = dname.unwrap_or(self.name());
        let finished = dst.domain_migrate_finish2(
            dconn,
            Some(dname),
            &prepared.cookie,
            uri.unwrap_or(""),
            destflags,
            i32::from(cancelled),
        );
        match finished {
            // A domain despite a cancellation: libvirt logs it and reports success.
            Ok(Some(ddomain)) => Ok(ddomain),
            Ok(None) => Err(orig_err.unwrap_or_else(unknown_failure)),
            Err(e) => Err(orig_err.unwrap_or(e)),
        }
    }

    /// `virDomainMigrateVersion3Full`: Begin3 (source), Prepare3 (destination), Perform3
    /// (source), Finish3 (destination), Confirm3 (source), positional or with parameters.
    #[allow(clippy::too_many_arguments, clippy::too_many_lines)]
    fn version3_full(
        &self,
        dconn: &Connect,
        xmlin: Option<&str>,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
        params: Option<&TypedParams>,
        flags: F,
    ) -> Result<Domain> {
        dname_check(dname, "virDomainMigrateVersion3Full")?;
        let src = self.connect();
        let sdrv = src.driver();
        let ddrv = dconn.driver();
        let mut params: Option<TypedParams> = params.cloned();
        let protection = if src.supports_feature(DrvFeature::MigrateChangeProtection)? {
            F::CHANGE_PROTECTION
        } else {
            F::empty()
        };
        let begun = match &params {
            Some(p) => sdrv.domain_migrate_begin3_params(self, p, flags | protection)?,
            None => {
                sdrv.domain_migrate_begin3(self, xmlin, flags | protection, dname, bandwidth)?
            }
        };
        let mut flags = flags;
        if !flags.contains(F::POSTCOPY_RESUME) {
            flags = self.paused_flag(flags, params.is_some());
        }
        let destflags = dest_flags(flags);
        if let Some(p) = params.as_mut() {
            p.replace_string(PARAM_DEST_XML, &begun.xml)?;
        }
        let prepared = match &params {
            Some(p) => ddrv.domain_migrate_prepare3_params(dconn, p, &begun.cookie, destflags),
            None => ddrv.domain_migrate_prepare3(
                dconn,
                &begun.cookie,
                uri,
                destflags,
                dname,
                bandwidth,
                &begun.xml,
            ),
        };
        let mut orig_err: Option<Error> = None;
        let mut notify_source = true;
        let mut cancelled = true;
        let mut cookie;
        let mut ddomain: Option<Domain> = None;
        let mut uri: Option<String> = uri.map(str::to_owned);
        'confirm: {
            let prepared = match prepared {
                Ok(p) => p,
                Err(e) if !protection.is_empty() => {
                    orig_err = Some(e);
                    cookie = Vec::new();
                    break 'confirm;
                }
                Err(e) => return Err(e),
            };
            cookie = prepared.cookie;
            'finish: {
                if let Some(out) = prepared.uri {
                    if let Some(p) = params.as_mut()
                        && let Err(e) = p.replace_string(PARAM_URI, &out)
                    {
                        orig_err = Some(e.into());
                        break 'finish;
                    }
                    uri = Some(out);
                } else if uri.is_none()
                    && params
                        .as_ref()
                        .is_none_or(|p| !matches!(p.get_string(PARAM_URI), Ok(Some(_))))
                {
                    orig_err = Some(Error::report(
                        ErrorCode::InternalError,
                        "domainMigratePrepare3 did not set uri",
                    ));
                    break 'finish;
                }
                if flags.contains(F::OFFLINE) {
                    cookie = Vec::new();
                    cancelled = false;
                    break 'finish;
                }
                let performed = match &params {
                    Some(p) => sdrv.domain_migrate_perform3_params(
                        self,
                        None,
                        p,
                        &cookie,
                        flags | protection,
                    ),
                    None => sdrv.domain_migrate_perform3(
                        self,
                        None,
                        &cookie,
                        None,
                        uri.as_deref(),
                        flags | protection,
                        dname,
                        bandwidth,
                    ),
                };
                match performed {
                    Ok(out) => {
                        cookie = out;
                        cancelled = false;
                    }
                    Err(e) => {
                        orig_err = Some(e);
                        notify_source = false;
                        cookie = Vec::new();
                    }
                }
            }
            // Finish.
            let finished = match params.as_mut() {
                Some(p) => {
                    let named = match p.get_string(PARAM_DEST_NAME) {
                        Ok(Some(_)) => Ok(()),
                        _ => p.replace_string(PARAM_DEST_NAME, self.name()),
                    };
                    match named {
                        Ok(()) => Some(ddrv.domain_migrate_finish3_params(
                            dconn, p, &cookie, destflags, cancelled,
                        )),
                        Err(e) => Some(Err(e.into())),
                    }
                }
                None => Some(ddrv.domain_migrate_finish3(
                    dconn,
                    Some(dname.unwrap_or(self.name())),
                    &cookie,
                    None,
                    uri.as_deref(),
                    destflags,
                    cancelled,
                )),
            };
            let mut finish_err = None;
            match finished {
                Some(Ok(f)) => {
                    ddomain = f.dom;
                    cookie = f.cookie;
                }
                Some(Err(e)) => {
                    finish_err = Some(e);
                    cookie = Vec::new();
                }
                None => cookie = Vec::new(),
            }
            if cancelled && ddomain.is_none() {
                // Prefer Finish's error over a generic failure of QEMU's Perform.
                let generic = orig_err.as_ref().is_some_and(|e| {
                    e.domain() == ErrorDomain::Qemu && e.code() == ErrorCode::OperationFailed
                });
                let specific = finish_err.as_ref().is_some_and(|e| {
                    e.domain() == ErrorDomain::Qemu && e.code() != ErrorCode::MigrateFinishOk
                });
                if generic && specific {
                    orig_err = None;
                }
            }
            cancelled = ddomain.is_none();
            if orig_err.is_none() {
                orig_err = finish_err;
            }
        }
        if notify_source {
            // A failed Confirm leaves the guest paused on the source; libvirt only warns.
            let _ = match &params {
                Some(p) => sdrv.domain_migrate_confirm3_params(
                    self,
                    p,
                    &cookie,
                    flags | protection,
                    cancelled,
                ),
                None => sdrv.domain_migrate_confirm3(self, &cookie, flags | protection, cancelled),
            };
        }
        match ddomain {
            Some(d) => Ok(d),
            None => Err(orig_err.unwrap_or_else(unknown_failure)),
        }
    }
}
