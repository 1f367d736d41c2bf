//! The managed migrations (`virDomainMigrate`, `Migrate2`, `Migrate3`) against two scripted
//! hosts: which steps run on which side, with which cookies, flags and cancellation, for
//! each protocol and each failure point of libvirt's v3 state machine.

use std::sync::{Arc, Mutex};
use virtkit_migrate::DomainMigrate;

use virtkit_api::flags::{DomainMigrateFlags as F, DomainXMLFlags};
use virtkit_api::types::{DomainInfo, StateReason, Uuid};
use virtkit_api::{
    Connect, Domain, Driver, DrvFeature, Error, ErrorCode, MigrateBegun, MigrateFinished,
    MigratePrepared, Result,
};
use virtkit_typedparams::TypedParams;

type Log = Arc<Mutex<Vec<String>>>;

struct Host {
    side: &'static str,
    features: Vec<DrvFeature>,
    log: Log,
    /// The step that fails.
    fail: Option<&'static str>,
    /// Finish answers no domain.
    finish_none: bool,
    /// Prepare sets no URI.
    no_uri: bool,
    state: i32,
}

impl Host {
    fn new(side: &'static str, log: &Log, features: &[DrvFeature]) -> Host {
        Host {
            side,
            features: features.to_vec(),
            log: log.clone(),
            fail: None,
            finish_none: false,
            no_uri: false,
            state: 1,
        }
    }

    fn step(&self, name: &'static str, what: &str) -> Result<()> {
        self.log.lock().unwrap().push(format!("{}:{name} {what}", self.side));
        if self.fail == Some(name) {
            return Err(Error::report(ErrorCode::OperationFailed, format!("{name} failed")));
        }
        Ok(())
    }

    fn prepared(&self, cookie: &str) -> MigratePrepared {
        let uri = (!self.no_uri).then(|| "tcp://dst:49152".to_owned());
        MigratePrepared { cookie: cookie.as_bytes().to_vec(), uri }
    }
}

fn s(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap()
}

fn names(p: &TypedParams) -> String {
    let mut v: Vec<String> = p
        .iter()
        .map(|x| match x.value().as_str() {
            Some(s) => format!("{}={s}", x.name()),
            None => x.name().to_owned(),
        })
        .collect();
    v.sort();
    v.join(",")
}

impl Driver for Host {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        Ok(self.features.contains(&feature))
    }
    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        self.step("Lookup", name)?;
        Ok(Domain::new(conn, name, Uuid::default(), 9))
    }
    fn domain_get_info(&self, _dom: &Domain) -> Result<DomainInfo> {
        Ok(DomainInfo { state: self.state, ..DomainInfo::default() })
    }
    fn domain_get_state(&self, _dom: &Domain, _flags: u32) -> Result<StateReason> {
        Ok(StateReason { state: self.state, reason: 0 })
    }
    fn domain_get_xml_desc(&self, _dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        self.step("GetXMLDesc", &format!("{:#x}", flags.bits()))?;
        Ok("<domain/>".into())
    }
    fn domain_migrate_prepare(
        &self,
        _c: &Connect,
        uri_in: Option<&str>,
        flags: F,
        dname: Option<&str>,
        _bw: u64,
    ) -> Result<MigratePrepared> {
        self.step("Prepare", &format!("{uri_in:?} {:#x} {dname:?}", flags.bits()))?;
        Ok(self.prepared("p1"))
    }
    fn domain_migrate_perform(
        &self,
        _d: &Domain,
        cookie: &[u8],
        uri: &str,
        flags: F,
        _dname: Option<&str>,
        _bw: u64,
    ) -> Result<()> {
        self.step("Perform", &format!("{} {uri} {:#x}", s(cookie), flags.bits()))
    }
    fn domain_migrate_prepare2(
        &self,
        _c: &Connect,
        _uri_in: Option<&str>,
        _flags: F,
        _dname: Option<&str>,
        _bw: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.step("Prepare2", dom_xml)?;
        Ok(self.prepared("p2"))
    }
    fn domain_migrate_finish2(
        &self,
        conn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        _uri: &str,
        _flags: F,
        retcode: i32,
    ) -> Result<Option<Domain>> {
        self.step("Finish2", &format!("{} {dname:?} {retcode}", s(cookie)))?;
        Ok((retcode == 0).then(|| Domain::new(conn, dname.unwrap(), Uuid::default(), 9)))
    }
    fn domain_migrate_begin3(
        &self,
        _d: &Domain,
        xmlin: Option<&str>,
        flags: F,
        _dname: Option<&str>,
        _bw: u64,
    ) -> Result<MigrateBegun> {
        self.step("Begin3", &format!("{xmlin:?} {:#x}", flags.bits()))?;
        Ok(MigrateBegun { xml: "<domain/>".into(), cookie: b"b".to_vec() })
    }
    fn domain_migrate_prepare3(
        &self,
        _c: &Connect,
        cookiein: &[u8],
        uri_in: Option<&str>,
        flags: F,
        _dname: Option<&str>,
        _bw: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.step(
            "Prepare3",
            &format!("{} {uri_in:?} {:#x} {dom_xml}", s(cookiein), flags.bits()),
        )?;
        Ok(self.prepared("p"))
    }
    fn domain_migrate_perform3(
        &self,
        _d: &Domain,
        _xmlin: Option<&str>,
        cookiein: &[u8],
        _dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: F,
        _dname: Option<&str>,
        _bw: u64,
    ) -> Result<Vec<u8>> {
        self.step("Perform3", &format!("{} {uri:?} {:#x}", s(cookiein), flags.bits()))?;
        Ok(b"f".to_vec())
    }
    fn domain_migrate_finish3(
        &self,
        conn: &Connect,
        dname: Option<&str>,
        cookiein: &[u8],
        _dconnuri: Option<&str>,
        _uri: Option<&str>,
        _flags: F,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.step("Finish3", &format!("{} {dname:?} {cancelled}", s(cookiein)))?;
        let dom = (!cancelled && !self.finish_none)
            .then(|| Domain::new(conn, dname.unwrap(), Uuid::default(), 9));
        Ok(MigrateFinished { dom, cookie: b"n".to_vec() })
    }
    fn domain_migrate_confirm3(
        &self,
        _d: &Domain,
        cookiein: &[u8],
        flags: F,
        cancelled: bool,
    ) -> Result<()> {
        self.step("Confirm3", &format!("{} {:#x} {cancelled}", s(cookiein), flags.bits()))
    }
    fn domain_migrate_begin3_params(
        &self,
        _d: &Domain,
        params: &TypedParams,
        _flags: F,
    ) -> Result<MigrateBegun> {
        self.step("Begin3Params", &names(params))?;
        Ok(MigrateBegun { xml: "<new/>".into(), cookie: b"b".to_vec() })
    }
    fn domain_migrate_prepare3_params(
        &self,
        _c: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        _flags: F,
    ) -> Result<MigratePrepared> {
        self.step("Prepare3Params", &format!("{} {}", s(cookiein), names(params)))?;
        Ok(self.prepared("p"))
    }
    fn domain_migrate_perform3_params(
        &self,
        _d: &Domain,
        _dconnuri: Option<&str>,
        params: &TypedParams,
        cookiein: &[u8],
        _flags: F,
    ) -> Result<Vec<u8>> {
        self.step("Perform3Params", &format!("{} {}", s(cookiein), names(params)))?;
        Ok(b"f".to_vec())
    }
    fn domain_migrate_finish3_params(
        &self,
        conn: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        _flags: F,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.step("Finish3Params", &format!("{} {} {cancelled}", s(cookiein), names(params)))?;
        let dom = (!cancelled).then(|| Domain::new(conn, "vm", Uuid::default(), 9));
        Ok(MigrateFinished { dom, cookie: b"n".to_vec() })
    }
    fn domain_migrate_confirm3_params(
        &self,
        _d: &Domain,
        _params: &TypedParams,
        cookiein: &[u8],
        _flags: F,
        cancelled: bool,
    ) -> Result<()> {
        self.step("Confirm3Params", &format!("{} {cancelled}", s(cookiein)))
    }
}

fn pair(src: Host, dst: Host) -> (Domain, Connect) {
    let sconn = Connect::with_driver(Arc::new(src), "src:///", false);
    let dconn = Connect::with_driver(Arc::new(dst), "dst:///", false);
    (Domain::new(&sconn, "vm", Uuid::default(), 1), dconn)
}

fn hosts(features: &[DrvFeature]) -> (Log, Host, Host) {
    let log = Log::default();
    (log.clone(), Host::new("src", &log, features), Host::new("dst", &log, features))
}

fn steps(log: &Log) -> Vec<String> {
    log.lock().unwrap().clone()
}

use DrvFeature::{
    MigrateChangeProtection, MigrationOffline, MigrationParams, MigrationV1, MigrationV2,
    MigrationV3,
};

#[test]
fn v3_success_passes_cookies_along() {
    let (log, src, dst) = hosts(&[MigrationV3, MigrationV2]);
    let (dom, dconn) = pair(src, dst);
    let d = dom.migrate(&dconn, F::LIVE | F::AUTO_CONVERGE, None, None, 0).unwrap();
    assert_eq!(d.name(), "vm");
    assert_eq!(
        steps(&log),
        [
            "src:Begin3 None 0x2001",
            "dst:Prepare3 b None 0x1 <domain/>",
            r#"src:Perform3 p Some("tcp://dst:49152") 0x2001"#,
            r#"dst:Finish3 f Some("vm") false"#,
            "src:Confirm3 n 0x2001 false",
        ]
    );
}

#[test]
fn v3_perform_failure_cancels_on_the_destination_only() {
    let (log, mut src, dst) = hosts(&[MigrationV3]);
    src.fail = Some("Perform3");
    let (dom, dconn) = pair(src, dst);
    let e = dom.migrate(&dconn, F::LIVE, Some("vm2"), Some("tcp://x"), 0).unwrap_err();
    assert_eq!(e.message(), "Perform3 failed");
    assert_eq!(steps(&log).last().unwrap(), r#"dst:Finish3  Some("vm2") true"#);
    assert_eq!(steps(&log).len(), 4);
}

#[test]
fn v3_prepare_failure_confirms_only_with_change_protection() {
    let (log, src, mut dst) = hosts(&[MigrationV3]);
    dst.fail = Some("Prepare3");
    let (dom, dconn) = pair(src, dst);
    assert!(dom.migrate(&dconn, F::LIVE, None, None, 0).is_err());
    assert_eq!(steps(&log).len(), 2);

    let (log, src, mut dst) = hosts(&[MigrationV3, MigrateChangeProtection]);
    dst.fail = Some("Prepare3");
    let (dom, dconn) = pair(src, dst);
    let e = dom.migrate(&dconn, F::LIVE | F::CHANGE_PROTECTION, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "Prepare3 failed");
    // The source calls carry the protection; the destination's never do.
    assert_eq!(
        steps(&log),
        ["src:Begin3 None 0x101", "dst:Prepare3 b None 0x1 <domain/>", "src:Confirm3  0x101 true"]
    );
}

#[test]
fn v3_finish_without_domain_resumes_the_source() {
    let (log, src, mut dst) = hosts(&[MigrationV3]);
    dst.finish_none = true;
    let (dom, dconn) = pair(src, dst);
    let e = dom.migrate(&dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "An error occurred, but the cause is unknown");
    assert_eq!(steps(&log).last().unwrap(), "src:Confirm3 n 0x1 true");
}

#[test]
fn v3_without_uri_and_offline() {
    let (log, src, mut dst) = hosts(&[MigrationV3]);
    dst.no_uri = true;
    let (dom, dconn) = pair(src, dst);
    let e = dom.migrate(&dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "internal error: domainMigratePrepare3 did not set uri");
    assert!(steps(&log).contains(&r#"dst:Finish3 p Some("vm") true"#.to_owned()));

    let (log, src, dst) = hosts(&[MigrationV3, MigrationOffline]);
    let (dom, dconn) = pair(src, dst);
    dom.migrate(&dconn, F::OFFLINE | F::PERSIST_DEST, None, None, 0).unwrap();
    let steps = steps(&log);
    assert!(!steps.iter().any(|s| s.contains("Perform")));
    assert!(steps.contains(&r#"dst:Finish3  Some("vm") false"#.to_owned()));
}

#[test]
fn v3_with_parameters() {
    let (log, src, dst) = hosts(&[MigrationV3, MigrationParams]);
    let (dom, dconn) = pair(src, dst);
    let mut params = TypedParams::new();
    params.add_ullong("bandwidth", 10).unwrap();
    params.add_string("compression", "xbzrle").unwrap();
    dom.migrate3(&dconn, &params, F::LIVE).unwrap();
    assert_eq!(
        steps(&log),
        [
            "src:Begin3Params bandwidth,compression=xbzrle",
            "dst:Prepare3Params b bandwidth,compression=xbzrle,destination_xml=<new/>",
            "src:Perform3Params p bandwidth,compression=xbzrle,destination_xml=<new/>,migrate_uri=tcp://dst:49152",
            "dst:Finish3Params f bandwidth,compression=xbzrle,destination_name=vm,destination_xml=<new/>,migrate_uri=tcp://dst:49152 false",
            "src:Confirm3Params n false",
        ]
    );
}

#[test]
fn v2_and_v1() {
    let (log, mut src, dst) = hosts(&[MigrationV2, MigrationV1, DrvFeature::XmlMigratable]);
    src.state = 3;
    let (dom, dconn) = pair(src, dst);
    dom.migrate(&dconn, F::LIVE, None, None, 0).unwrap();
    assert_eq!(
        steps(&log),
        [
            "src:GetXMLDesc 0x8",
            "dst:Prepare2 <domain/>",
            "src:Perform p2 tcp://dst:49152 0x21",
            r#"dst:Finish2 p2 Some("vm") 0"#,
        ]
    );
    let e = dom.migrate2(&dconn, Some("<x/>"), F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Unable to change target guest XML during migration"
    );

    let (log, src, dst) = hosts(&[MigrationV1]);
    let (dom, dconn) = pair(src, dst);
    let d = dom.migrate(&dconn, F::LIVE, Some("vm2"), None, 0).unwrap();
    assert_eq!(d.name(), "vm2");
    // No Finish callback: the domain is looked up by name.
    assert_eq!(
        steps(&log),
        [
            r#"dst:Prepare None 0x1 Some("vm2")"#,
            "src:Perform p1 tcp://dst:49152 0x1",
            "dst:Lookup vm2",
        ]
    );
}

#[test]
fn public_checks() {
    let (_, src, dst) = hosts(&[MigrationV3]);
    let (dom, dconn) = pair(src, dst);
    let e = dom.migrate(&dconn, F::OFFLINE, None, None, 0).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: offline migration is not supported by the source host"
    );
    let e = dom.migrate(&dconn, F::CHANGE_PROTECTION, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "argument unsupported: cannot enforce change protection");
    let e = dom.migrate(&dconn, F::PEER2PEER, None, None, 0).unwrap_err();
    assert_eq!(e, Error::no_support("virDomainMigrate"));
    let e = dom.migrate(&dconn, F::LIVE, Some(""), None, 0).unwrap_err();
    assert_eq!(e.message(), "string dname in virDomainMigrate must not be empty");
    let mut extended = TypedParams::new();
    extended.add_string("compression", "mt").unwrap();
    let e = dom.migrate3(&dconn, &extended, F::LIVE).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Migration APIs with extensible parameters are not supported but extended parameters were passed"
    );
    let e = dom.migrate3(&dconn, &TypedParams::new(), F::TUNNELLED).unwrap_err();
    assert_eq!(e.message(), "cannot perform tunnelled migration without using peer2peer flag");
    let ro = Connect::with_driver(Arc::new(Host::new("ro", &Log::default(), &[])), "ro:///", true);
    let e = dom.migrate3(&ro, &TypedParams::new(), F::LIVE).unwrap_err();
    assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainMigrate3");
}
