//! The unmanaged entry points (`virDomainMigrateToURI`, `ToURI2`, `ToURI3`, and
//! `virDomainMigrate`/`Migrate2` with `PEER2PEER`): the client talks only to the source,
//! which migrates peer-to-peer (its libvirt opens the destination) or directly (the
//! hypervisor does it). The compatibility checks of `virDomainMigrateUnmanagedCheckCompat`
//! and the protocol choice of `virDomainMigrateUnmanagedParams` (`Perform3Params`,
//! `Perform3` or `Perform`) follow libvirt.

use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::migrate::{PARAM_BANDWIDTH, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_URI};
use virtkit_api::{DrvFeature, Error, ErrorCode, Result};
use virtkit_typedparams::TypedParams;

use crate::checks;
use crate::{Host, Migration, Step};

/// `dconnuri` of `virDomainMigrateToURI2`/`ToURI3`: required with `PEER2PEER`; without it,
/// dropped silently (documented as "must be NULL", not enforced by libvirt).
fn p2p_destination<'u>(dconnuri: Option<&'u str>, flags: F, func: &str) -> Result<Option<&'u str>> {
    if flags.contains(F::PEER2PEER) {
        dconnuri.map(Some).ok_or_else(|| Error::null_arg("dconnuri", func))
    } else {
        Ok(None)
    }
}

impl Migration<'_> {
    /// `virDomainMigrateToURI` (see
    /// [`DomainMigrate::migrate_to_uri`](crate::DomainMigrate::migrate_to_uri)).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = virtkit_migrate::Migration::new(&dom).migrate_to_uri("tcp://h", F::OFFLINE, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "argument unsupported: offline migration is not supported by the source host");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    pub fn migrate_to_uri(
        mut self,
        duri: &str,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI";
        checks::read_write(self.domain.connect(), FUNC)?;
        checks::dname(dname, FUNC)?;
        checks::tunnelled_parallel(flags)?;
        self.check_compat(flags)?;
        let (dconnuri, miguri) =
            if flags.contains(F::PEER2PEER) { (Some(duri), None) } else { (None, Some(duri)) };
        self.unmanaged(None, flags, dname, dconnuri, miguri, bandwidth)
    }

    /// `virDomainMigrateToURI2` (see
    /// [`DomainMigrate::migrate_to_uri2`](crate::DomainMigrate::migrate_to_uri2)).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = virtkit_migrate::Migration::new(&dom)
    ///     .migrate_to_uri2(None, None, None, F::NON_SHARED_DISK | F::NON_SHARED_INC, None, 0)
    ///     .unwrap_err();
    /// assert_eq!(e.message(), "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    pub fn migrate_to_uri2(
        mut self,
        dconnuri: Option<&str>,
        miguri: Option<&str>,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI2";
        checks::read_write(self.domain.connect(), FUNC)?;
        checks::dname(dname, FUNC)?;
        checks::tunnelled_parallel(flags)?;
        self.check_compat(flags)?;
        let dconnuri = p2p_destination(dconnuri, flags, FUNC)?;
        self.unmanaged(dxml, flags, dname, dconnuri, miguri, bandwidth)
    }

    /// `virDomainMigrateToURI3` (see
    /// [`DomainMigrate::migrate_to_uri3`](crate::DomainMigrate::migrate_to_uri3)).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = virtkit_migrate::Migration::new(&dom).migrate_to_uri3(None, &Default::default(), F::LIVE).unwrap_err();
    /// assert_eq!(e.message(), "argument unsupported: direct migration is not supported by the source host");
    /// ```
    ///
    /// # Errors
    /// libvirt's, for the checks and for the source's Perform.
    pub fn migrate_to_uri3(
        mut self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI3";
        checks::read_write(self.domain.connect(), FUNC)?;
        checks::tunnelled_parallel(flags)?;
        self.check_compat(flags)?;
        let dconnuri = p2p_destination(dconnuri, flags, FUNC)?;
        self.unmanaged_params(dconnuri, params, flags)
    }

    /// `virDomainMigrateUnmanagedCheckCompat`.
    fn check_compat(&self, flags: F) -> Result<()> {
        checks::disk_inc(flags)?;
        checks::sync_writes(flags)?;
        let conn = self.domain.connect();
        checks::offline(conn, None, flags)?;
        if flags.contains(F::PEER2PEER) {
            if !conn.supports_feature(DrvFeature::MigrationP2p)? {
                return Err(Error::argument_unsupported(
                    "p2p migration is not supported by the source host",
                ));
            }
        } else if !conn.supports_feature(DrvFeature::MigrationDirect)? {
            return Err(Error::argument_unsupported(
                "direct migration is not supported by the source host",
            ));
        }
        Ok(())
    }

    /// `virDomainMigrateUnmanaged`: positional arguments as parameters (`bandwidth` always,
    /// even 0).
    pub(crate) fn unmanaged(
        &mut self,
        xmlin: Option<&str>,
        flags: F,
        dname: Option<&str>,
        dconnuri: Option<&str>,
        miguri: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        let mut params = TypedParams::with_capacity(4);
        if let Some(uri) = miguri {
            params.add_string(PARAM_URI, uri)?;
        }
        if let Some(name) = dname {
            params.add_string(PARAM_DEST_NAME, name)?;
        }
        if let Some(xml) = xmlin {
            params.add_string(PARAM_DEST_XML, xml)?;
        }
        params.add_ullong(PARAM_BANDWIDTH, bandwidth)?;
        self.unmanaged_params(dconnuri, &params, flags)
    }

    /// `virDomainMigrateUnmanagedParams`: chooses the source's protocol. A direct migration
    /// never uses `Perform3Params`, even when the source supports parameters.
    fn unmanaged_params(
        &mut self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateUnmanagedParams";
        let renamed = |e: Error| {
            if e.is_no_support() { Error::no_support(FUNC) } else { e }
        };
        let dom = self.domain;
        let conn = dom.connect();
        if flags.contains(F::PEER2PEER) {
            checks::not_local(dconnuri.unwrap_or(""))?;
            if conn.supports_feature(DrvFeature::MigrationParams)? {
                return self
                    .step(Host::Source, Step::Perform3Params, || {
                        conn.driver().domain_migrate_perform3_params(
                            dom,
                            dconnuri,
                            params,
                            &[],
                            flags,
                        )
                    })
                    .map(|_| ())
                    .map_err(renamed);
            }
        }
        if conn.supports_feature(DrvFeature::MigrationV3)? {
            self.unmanaged_proto3(dconnuri, params, flags).map_err(renamed)
        } else {
            self.unmanaged_proto2(dconnuri, params, flags).map_err(renamed)
        }
    }

    /// `virDomainMigrateUnmanagedProto3`.
    fn unmanaged_proto3(
        &mut self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        if !params.only_names(&[PARAM_URI, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_BANDWIDTH]) {
            return Err(Error::argument_unsupported(
                "Some parameters are not supported by migration protocol 3",
            ));
        }
        let miguri = params.get_string(PARAM_URI)?;
        let dname = params.get_string(PARAM_DEST_NAME)?;
        let xmlin = params.get_string(PARAM_DEST_XML)?;
        let bandwidth = params.get_ullong(PARAM_BANDWIDTH)?.unwrap_or(0);
        checks::dname(dname, "virDomainMigrateUnmanagedProto3")?;
        let dom = self.domain;
        self.step(Host::Source, Step::Perform3, || {
            dom.connect().driver().domain_migrate_perform3(
                dom,
                xmlin,
                &[],
                dconnuri,
                miguri,
                flags,
                dname,
                bandwidth,
            )
        })
        .map(|_| ())
    }

    /// `virDomainMigrateUnmanagedProto2`.
    fn unmanaged_proto2(
        &mut self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        if !params.only_names(&[PARAM_DEST_NAME, PARAM_BANDWIDTH, PARAM_URI]) {
            return Err(Error::argument_unsupported(
                "Some parameters are not supported by migration protocol 2",
            ));
        }
        let miguri = params.get_string(PARAM_URI)?;
        let dname = params.get_string(PARAM_DEST_NAME)?;
        let bandwidth = params.get_ullong(PARAM_BANDWIDTH)?.unwrap_or(0);
        checks::dname(dname, "virDomainMigrateUnmanagedProto2")?;
        let uri = if flags.contains(F::PEER2PEER) {
            if miguri.is_some() {
                return Err(Error::report(
                    ErrorCode::InternalError,
                    "Unable to override peer2peer migration URI",
                ));
            }
            dconnuri
        } else {
            miguri
        };
        let dom = self.domain;
        self.step(Host::Source, Step::Perform, || {
            dom.connect().driver().domain_migrate_perform(
                dom,
                &[],
                uri.unwrap_or(""),
                flags,
                dname,
                bandwidth,
            )
        })
    }
}
