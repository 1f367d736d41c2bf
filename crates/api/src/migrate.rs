//! The unmanaged migration entry points (`virDomainMigrateToURI`, `ToURI2`, `ToURI3`): the
//! client talks only to the source, which migrates peer-to-peer (its libvirt opens the
//! destination) or directly (the hypervisor does it). Their checks, the compatibility checks
//! of `virDomainMigrateUnmanagedCheckCompat`, and the protocol choice of
//! `virDomainMigrateUnmanagedParams` (`Perform3Params`, `Perform3` or `Perform`) follow
//! libvirt.
//!
//! ```
//! # let (_, dom) = virtkit_api::doctest::rw();
//! use virtkit_api::flags::DomainMigrateFlags as F;
//! let e = dom.migrate_to_uri("qemu+ssh://h/system", F::PEER2PEER, None, 0).unwrap_err();
//! assert_eq!(e.message(), "argument unsupported: p2p migration is not supported by the source host");
//! ```

use virtkit_typedparams::TypedParams;

use crate::domain::{Domain, both, dname_check};
use crate::driver::DrvFeature;
use crate::error::{Error, ErrorCode, Result};
use crate::flags::DomainMigrateFlags as F;

/// `VIR_MIGRATE_PARAM_URI`.
pub const PARAM_URI: &str = "migrate_uri";
/// `VIR_MIGRATE_PARAM_DEST_NAME`.
pub const PARAM_DEST_NAME: &str = "destination_name";
/// `VIR_MIGRATE_PARAM_DEST_XML`.
pub const PARAM_DEST_XML: &str = "destination_xml";
/// `VIR_MIGRATE_PARAM_BANDWIDTH`.
pub const PARAM_BANDWIDTH: &str = "bandwidth";

fn tunnelled_parallel(flags: F) -> Result<()> {
    if both(flags.bits(), F::TUNNELLED.bits(), F::PARALLEL.bits()) {
        return Err(Error::exclusive_flags("VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"));
    }
    Ok(())
}

/// The parts of a connection URI `virDomainMigrateCheckNotLocal` looks at: the server and
/// whether a `socket` query parameter names a UNIX socket.
fn server_and_socket(uri: &str) -> (Option<&str>, bool) {
    let rest = uri.split_once(':').map_or(uri, |(_, r)| r);
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let socket = query.split('&').any(|kv| kv.split('=').next() == Some("socket"));
    let server = before_query.strip_prefix("//").and_then(|auth| {
        let auth = auth.split('/').next().unwrap_or("");
        let host = auth.rsplit_once('@').map_or(auth, |(_, h)| h);
        let host = if host.starts_with('[') {
            host.split_once(']').map_or(host, |(h, _)| &h[1..])
        } else {
            host.split(':').next().unwrap_or("")
        };
        (!host.is_empty()).then_some(host)
    });
    (server, socket)
}

/// `virDomainMigrateCheckNotLocal`: a peer-to-peer destination must not be this host.
fn check_not_local(dconnuri: &str) -> Result<()> {
    let (server, socket) = server_and_socket(dconnuri);
    if server.is_some_and(|s| s.starts_with("localhost")) || (server.is_none() && !socket) {
        return Err(Error::invalid_arg("Attempt to migrate guest to the same host"));
    }
    Ok(())
}

impl Domain {
    /// `virDomainMigrateUnmanagedCheckCompat`.
    fn unmanaged_check_compat(&self, flags: F) -> Result<()> {
        if both(flags.bits(), F::NON_SHARED_DISK.bits(), F::NON_SHARED_INC.bits()) {
            return Err(Error::exclusive_flags(
                "VIR_MIGRATE_NON_SHARED_DISK",
                "VIR_MIGRATE_NON_SHARED_INC",
            ));
        }
        if flags.contains(F::NON_SHARED_SYNCHRONOUS_WRITES)
            && !flags.intersects(F::NON_SHARED_DISK | F::NON_SHARED_INC)
        {
            return Err(Error::required_flag(
                "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
                "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC",
            ));
        }
        let conn = self.connect();
        if flags.contains(F::OFFLINE) && !conn.supports_feature(DrvFeature::MigrationOffline)? {
            return Err(Error::argument_unsupported(
                "offline migration is not supported by the source host",
            ));
        }
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

    /// `virDomainMigrateUnmanagedParams`: chooses the source's protocol.
    fn unmanaged_params(
        &self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateUnmanagedParams";
        let renamed = |e: Error| {
            if e.is_no_support() { Error::no_support(FUNC) } else { e }
        };
        let conn = self.connect();
        if flags.contains(F::PEER2PEER) {
            check_not_local(dconnuri.unwrap_or(""))?;
            if conn.supports_feature(DrvFeature::MigrationParams)? {
                let driver = conn.driver();
                return driver
                    .domain_migrate_perform3_params(self, dconnuri, params, &[], flags)
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
        &self,
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
        dname_check(dname, "virDomainMigrateUnmanagedProto3")?;
        self.connect()
            .driver()
            .domain_migrate_perform3(self, xmlin, &[], dconnuri, miguri, flags, dname, bandwidth)
            .map(|_| ())
    }

    /// `virDomainMigrateUnmanagedProto2`.
    fn unmanaged_proto2(
        &self,
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
        dname_check(dname, "virDomainMigrateUnmanagedProto2")?;
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
        self.connect().driver().domain_migrate_perform(
            self,
            &[],
            uri.unwrap_or(""),
            flags,
            dname,
            bandwidth,
        )
    }

    /// `virDomainMigrateUnmanaged`: positional arguments as parameters (`bandwidth` always).
    pub(crate) fn migrate_unmanaged(
        &self,
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

    /// `virDomainMigrateToURI`: with `PEER2PEER`, `duri` is the destination's libvirt URI,
    /// otherwise the hypervisor's migration URI.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate_to_uri("tcp://h", F::TUNNELLED | F::PARALLEL, None, 0).unwrap_err();
    /// assert_eq!(e.message(), "Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive");
    /// ```
    pub fn migrate_to_uri(
        &self,
        duri: &str,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI";
        self.connect().check_rw(FUNC)?;
        dname_check(dname, FUNC)?;
        tunnelled_parallel(flags)?;
        self.unmanaged_check_compat(flags)?;
        let (dconnuri, miguri) =
            if flags.contains(F::PEER2PEER) { (Some(duri), None) } else { (None, Some(duri)) };
        self.migrate_unmanaged(None, flags, dname, dconnuri, miguri, bandwidth)
    }

    /// `virDomainMigrateToURI2`: `dconnuri` is needed with `PEER2PEER` and ignored without.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = dom.migrate_to_uri2(None, Some("tcp://h"), None, F::LIVE, Some(""), 0).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigrateToURI2 must not be empty");
    /// ```
    pub fn migrate_to_uri2(
        &self,
        dconnuri: Option<&str>,
        miguri: Option<&str>,
        dxml: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI2";
        self.connect().check_rw(FUNC)?;
        dname_check(dname, FUNC)?;
        tunnelled_parallel(flags)?;
        self.unmanaged_check_compat(flags)?;
        let dconnuri = if flags.contains(F::PEER2PEER) {
            Some(dconnuri.ok_or_else(|| Error::null_arg("dconnuri", FUNC))?)
        } else {
            None
        };
        self.migrate_unmanaged(dxml, flags, dname, dconnuri, miguri, bandwidth)
    }

    /// `virDomainMigrateToURI3`: the migration described by typed parameters
    /// (`migrate_uri`, `destination_name`, ...).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(ro.migrate_to_uri3(None, &Default::default(), F::LIVE).unwrap_err().message().ends_with("virDomainMigrateToURI3"));
    /// ```
    pub fn migrate_to_uri3(
        &self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        flags: F,
    ) -> Result<()> {
        const FUNC: &str = "virDomainMigrateToURI3";
        self.connect().check_rw(FUNC)?;
        tunnelled_parallel(flags)?;
        self.unmanaged_check_compat(flags)?;
        let dconnuri = if flags.contains(F::PEER2PEER) {
            Some(dconnuri.ok_or_else(|| Error::null_arg("dconnuri", FUNC))?)
        } else {
            None
        };
        self.unmanaged_params(dconnuri, params, flags)
    }
}

#[cfg(test)]
mod tests {
    use super::{check_not_local, server_and_socket};

    #[test]
    fn local_destinations_are_refused() {
        assert_eq!(server_and_socket("qemu+ssh://root@h:22/system"), (Some("h"), false));
        assert_eq!(server_and_socket("qemu+tcp://[::1]:16509/system"), (Some("::1"), false));
        assert_eq!(server_and_socket("qemu:///system?socket=/run/s"), (None, true));
        assert!(check_not_local("qemu+ssh://remote/system").is_ok());
        assert!(check_not_local("qemu:///system?socket=/tmp/sock").is_ok());
        for local in ["qemu:///system", "qemu+tcp://localhost/system", "qemu://localhost.x/"] {
            let e = check_not_local(local).unwrap_err();
            assert_eq!(e.message(), "Attempt to migrate guest to the same host", "{local}");
        }
    }
}
