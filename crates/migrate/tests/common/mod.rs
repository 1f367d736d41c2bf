//! A scripted host for the migration tests: it records every driver call (feature probes
//! included) with its arguments, and fails or misbehaves as its [`Script`] says.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use virtkit_api::flags::{DomainMigrateFlags as F, DomainXMLFlags};
use virtkit_api::types::{DomainInfo, StateReason, Uuid};
use virtkit_api::{
    Connect, Domain, Driver, DrvFeature, Error, ErrorCode, MigrateBegun, MigrateFinished,
    MigratePrepared, Result,
};
use virtkit_typedparams::TypedParams;

pub type Log = Arc<Mutex<Vec<String>>>;

/// How a scripted host misbehaves.
#[derive(Clone, Debug, Default)]
#[allow(clippy::struct_excessive_bools)]
pub struct Script {
    pub features: BTreeSet<u32>,
    pub paused: bool,
    /// Steps (by recorded name) that fail with an error.
    pub fail: BTreeSet<&'static str>,
    /// Finish answers without a domain.
    pub finish_none: bool,
    /// Prepare answers without a URI.
    pub no_uri: bool,
    /// v1's Finish is missing (answers "not supported").
    pub no_finish: bool,
}

pub struct Rec {
    pub side: &'static str,
    pub script: Script,
    pub log: Log,
}

fn fmt_params(p: &TypedParams) -> String {
    p.iter().map(|x| format!("{}={}", x.name(), x.value())).collect::<Vec<_>>().join(",")
}

fn c(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap()
}

impl Rec {
    #[allow(clippy::needless_pass_by_value)]
    fn rec(&self, name: &'static str, args: String) -> Result<()> {
        self.log.lock().unwrap().push(format!("{} {name} {args}", self.side).trim_end().to_owned());
        if self.script.fail.contains(name) {
            return Err(Error::report(ErrorCode::OperationFailed, format!("{name} failed")));
        }
        Ok(())
    }

    fn prepared(&self, cookie: &str) -> MigratePrepared {
        let uri = (!self.script.no_uri).then(|| "tcp://dst:49152".to_owned());
        MigratePrepared { cookie: cookie.as_bytes().to_vec(), uri }
    }

    fn finished(&self, conn: &Connect, name: &str, cookie: &str) -> MigrateFinished {
        let dom = (!self.script.finish_none).then(|| Domain::new(conn, name, Uuid::default(), 7));
        MigrateFinished { dom, cookie: cookie.as_bytes().to_vec() }
    }
}

#[allow(clippy::too_many_arguments)]
impl Driver for Rec {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        self.log.lock().unwrap().push(format!("{} ?{feature:?}", self.side));
        Ok(self.script.features.contains(&(feature as u32)))
    }
    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        self.rec("LookupByName", name.to_owned())?;
        Ok(Domain::new(conn, name, Uuid::default(), 7))
    }
    fn domain_get_info(&self, _dom: &Domain) -> Result<DomainInfo> {
        self.rec("GetInfo", String::new())?;
        Ok(DomainInfo { state: if self.script.paused { 3 } else { 1 }, ..DomainInfo::default() })
    }
    fn domain_get_state(&self, _dom: &Domain, flags: u32) -> Result<StateReason> {
        self.rec("GetState", format!("{flags}"))?;
        Ok(StateReason { state: if self.script.paused { 3 } else { 1 }, reason: 0 })
    }
    fn domain_get_xml_desc(&self, _dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        self.rec("GetXMLDesc", format!("{:#x}", flags.bits()))?;
        Ok("<domain/>".into())
    }
    fn domain_migrate_prepare(
        &self,
        _c: &Connect,
        uri_in: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bw: u64,
    ) -> Result<MigratePrepared> {
        self.rec("Prepare", format!("{uri_in:?} {:#x} {dname:?} {bw}", flags.bits()))?;
        Ok(self.prepared("p1"))
    }
    fn domain_migrate_perform(
        &self,
        _d: &Domain,
        cookie: &[u8],
        uri: &str,
        flags: F,
        dname: Option<&str>,
        bw: u64,
    ) -> Result<()> {
        self.rec("Perform", format!("[{}] {uri} {:#x} {dname:?} {bw}", c(cookie), flags.bits()))
    }
    fn domain_migrate_finish(
        &self,
        conn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: F,
    ) -> Result<Domain> {
        if self.script.no_finish {
            return Err(Error::no_support("virDomainMigrateFinish"));
        }
        self.rec("Finish", format!("{dname:?} [{}] {uri} {:#x}", c(cookie), flags.bits()))?;
        Ok(Domain::new(conn, dname.unwrap_or("?"), Uuid::default(), 7))
    }
    fn domain_migrate_prepare2(
        &self,
        _c: &Connect,
        uri_in: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bw: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.rec("Prepare2", format!("{uri_in:?} {:#x} {dname:?} {bw} {dom_xml}", flags.bits()))?;
        Ok(self.prepared("p2"))
    }
    fn domain_migrate_finish2(
        &self,
        conn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: F,
        retcode: i32,
    ) -> Result<Option<Domain>> {
        self.rec(
            "Finish2",
            format!("{dname:?} [{}] {uri} {:#x} {retcode}", c(cookie), flags.bits()),
        )?;
        Ok(self.finished(conn, dname.unwrap_or("?"), "").dom)
    }
    fn domain_migrate_begin3(
        &self,
        _d: &Domain,
        xmlin: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bw: u64,
    ) -> Result<MigrateBegun> {
        self.rec("Begin3", format!("{xmlin:?} {:#x} {dname:?} {bw}", flags.bits()))?;
        Ok(MigrateBegun { xml: "<domain/>".into(), cookie: b"b".to_vec() })
    }
    fn domain_migrate_prepare3(
        &self,
        _c: &Connect,
        cookie: &[u8],
        uri_in: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bw: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.rec(
            "Prepare3",
            format!("[{}] {uri_in:?} {:#x} {dname:?} {bw} {dom_xml}", c(cookie), flags.bits()),
        )?;
        Ok(self.prepared("p"))
    }
    fn domain_migrate_perform3(
        &self,
        _d: &Domain,
        xmlin: Option<&str>,
        cookie: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: F,
        dname: Option<&str>,
        bw: u64,
    ) -> Result<Vec<u8>> {
        self.rec(
            "Perform3",
            format!(
                "{xmlin:?} [{}] {dconnuri:?} {uri:?} {:#x} {dname:?} {bw}",
                c(cookie),
                flags.bits()
            ),
        )?;
        Ok(b"q".to_vec())
    }
    fn domain_migrate_finish3(
        &self,
        conn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: F,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.rec(
            "Finish3",
            format!(
                "{dname:?} [{}] {dconnuri:?} {uri:?} {:#x} {cancelled}",
                c(cookie),
                flags.bits()
            ),
        )?;
        Ok(self.finished(conn, dname.unwrap_or("?"), "f"))
    }
    fn domain_migrate_confirm3(
        &self,
        _d: &Domain,
        cookie: &[u8],
        flags: F,
        cancelled: bool,
    ) -> Result<()> {
        self.rec("Confirm3", format!("[{}] {:#x} {cancelled}", c(cookie), flags.bits()))
    }
    fn domain_migrate_begin3_params(
        &self,
        _d: &Domain,
        params: &TypedParams,
        flags: F,
    ) -> Result<MigrateBegun> {
        self.rec("Begin3Params", format!("{{{}}} {:#x}", fmt_params(params), flags.bits()))?;
        Ok(MigrateBegun { xml: "<domain/>".into(), cookie: b"b".to_vec() })
    }
    fn domain_migrate_prepare3_params(
        &self,
        _c: &Connect,
        params: &TypedParams,
        cookie: &[u8],
        flags: F,
    ) -> Result<MigratePrepared> {
        self.rec(
            "Prepare3Params",
            format!("{{{}}} [{}] {:#x}", fmt_params(params), c(cookie), flags.bits()),
        )?;
        Ok(self.prepared("p"))
    }
    fn domain_migrate_perform3_params(
        &self,
        _d: &Domain,
        dconnuri: Option<&str>,
        params: &TypedParams,
        cookie: &[u8],
        flags: F,
    ) -> Result<Vec<u8>> {
        self.rec(
            "Perform3Params",
            format!("{dconnuri:?} {{{}}} [{}] {:#x}", fmt_params(params), c(cookie), flags.bits()),
        )?;
        Ok(b"q".to_vec())
    }
    fn domain_migrate_finish3_params(
        &self,
        conn: &Connect,
        params: &TypedParams,
        cookie: &[u8],
        flags: F,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.rec(
            "Finish3Params",
            format!("{{{}}} [{}] {:#x} {cancelled}", fmt_params(params), c(cookie), flags.bits()),
        )?;
        let name = params.get_string("destination_name").ok().flatten().unwrap_or("?").to_owned();
        Ok(self.finished(conn, &name, "f"))
    }
    fn domain_migrate_confirm3_params(
        &self,
        _d: &Domain,
        params: &TypedParams,
        cookie: &[u8],
        flags: F,
        cancelled: bool,
    ) -> Result<()> {
        self.rec(
            "Confirm3Params",
            format!("{{{}}} [{}] {:#x} {cancelled}", fmt_params(params), c(cookie), flags.bits()),
        )
    }
}

pub const V1: u32 = DrvFeature::MigrationV1 as u32;
pub const V2: u32 = DrvFeature::MigrationV2 as u32;
pub const V3: u32 = DrvFeature::MigrationV3 as u32;
pub const P2P: u32 = DrvFeature::MigrationP2p as u32;
pub const DIRECT: u32 = DrvFeature::MigrationDirect as u32;
pub const PROT: u32 = DrvFeature::MigrateChangeProtection as u32;
pub const XMLM: u32 = DrvFeature::XmlMigratable as u32;
pub const OFFL: u32 = DrvFeature::MigrationOffline as u32;
pub const PARAMS: u32 = DrvFeature::MigrationParams as u32;

pub fn script(features: &[u32]) -> Script {
    Script { features: features.iter().copied().collect(), ..Script::default() }
}

pub struct Pair {
    pub dom: Domain,
    pub dconn: Connect,
    pub log: Log,
}

pub fn pair(src: Script, dst: Script) -> Pair {
    let log: Log = Arc::default();
    let s = Connect::with_driver(
        Arc::new(Rec { side: "src", script: src, log: log.clone() }),
        "src:///",
        false,
    );
    let d = Connect::with_driver(
        Arc::new(Rec { side: "dst", script: dst, log: log.clone() }),
        "dst://dest.example/system",
        false,
    );
    let dom = Domain::new(&s, "vm", Uuid::default(), 1);
    Pair { dom, dconn: d, log }
}

impl Pair {
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

pub fn check(case: &str, got: &[String], want: &[&str]) {
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    assert_eq!(got, want, "golden case {case}");
}

pub fn params(list: &[(&str, &str)]) -> TypedParams {
    let mut p = TypedParams::new();
    for (k, v) in list {
        if *k == "bandwidth" {
            p.add_ullong(k, v.parse().unwrap()).unwrap();
        } else {
            p.add_string(k, v).unwrap();
        }
    }
    p
}
