//! The protocol choice of the unmanaged migrations (`virDomainMigrateToURI*`): peer-to-peer
//! with parameters, v3, or v2, with the parameters each step receives.

use std::sync::{Arc, Mutex};
use virtkit_migrate::DomainMigrate;

use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::types::Uuid;
use virtkit_api::{Connect, Domain, Driver, DrvFeature, ErrorCode, Result};
use virtkit_typedparams::TypedParams;

#[derive(Default)]
struct Source {
    features: Vec<DrvFeature>,
    seen: Mutex<Vec<String>>,
}

impl Driver for Source {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        Ok(self.features.contains(&feature))
    }
    fn domain_migrate_perform3_params(
        &self,
        _dom: &Domain,
        dconnuri: Option<&str>,
        params: &TypedParams,
        _cookiein: &[u8],
        flags: F,
    ) -> Result<Vec<u8>> {
        let names: Vec<&str> = params.iter().map(virtkit_typedparams::TypedParam::name).collect();
        self.seen
            .lock()
            .unwrap()
            .push(format!("perform3params {dconnuri:?} {names:?} {:#x}", flags.bits()));
        Ok(Vec::new())
    }
    fn domain_migrate_perform3(
        &self,
        _dom: &Domain,
        xmlin: Option<&str>,
        _cookiein: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        _flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<Vec<u8>> {
        self.seen
            .lock()
            .unwrap()
            .push(format!("perform3 {xmlin:?} {dconnuri:?} {uri:?} {dname:?} {bandwidth}"));
        Ok(Vec::new())
    }
    fn domain_migrate_perform(
        &self,
        _dom: &Domain,
        _cookie: &[u8],
        uri: &str,
        _flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        self.seen.lock().unwrap().push(format!("perform {uri} {dname:?} {bandwidth}"));
        Ok(())
    }
}

fn source(features: &[DrvFeature]) -> (Arc<Source>, Domain) {
    let driver = Arc::new(Source { features: features.to_vec(), ..Source::default() });
    let conn = Connect::with_driver(driver.clone(), "src:///", false);
    (driver, Domain::new(&conn, "vm", Uuid::default(), 1))
}

fn seen(driver: &Source) -> Vec<String> {
    driver.seen.lock().unwrap().clone()
}

#[test]
fn peer_to_peer_with_parameters() {
    use DrvFeature::{MigrationP2p, MigrationParams};
    let (driver, dom) = source(&[MigrationP2p, MigrationParams]);
    dom.migrate_to_uri("qemu+ssh://dst/system", F::PEER2PEER | F::LIVE, Some("vm2"), 5).unwrap();
    assert_eq!(
        seen(&driver),
        vec![
            r#"perform3params Some("qemu+ssh://dst/system") ["destination_name", "bandwidth"] 0x3"#
        ]
    );
    let e = dom.migrate_to_uri("qemu:///system", F::PEER2PEER, None, 0).unwrap_err();
    assert_eq!(e.message(), "Attempt to migrate guest to the same host");
    let e = dom.migrate_to_uri3(None, &TypedParams::new(), F::PEER2PEER).unwrap_err();
    assert_eq!(e.message(), "dconnuri in virDomainMigrateToURI3 must not be NULL");
}

#[test]
fn direct_with_protocol_3() {
    use DrvFeature::{MigrationDirect, MigrationParams, MigrationV3};
    // A direct migration never uses Perform3Params, even when the source has it.
    let (driver, dom) = source(&[MigrationDirect, MigrationV3, MigrationParams]);
    dom.migrate_to_uri2(
        Some("ignored://x/"),
        Some("tcp://dst"),
        Some("<domain/>"),
        F::LIVE,
        None,
        7,
    )
    .unwrap();
    assert_eq!(seen(&driver), vec![r#"perform3 Some("<domain/>") None Some("tcp://dst") None 7"#]);
    let mut extra = TypedParams::new();
    extra.add_string("compression", "xbzrle").unwrap();
    let e = dom.migrate_to_uri3(None, &extra, F::LIVE).unwrap_err();
    assert_eq!(e.code(), ErrorCode::ArgumentUnsupported);
    assert_eq!(
        e.message(),
        "argument unsupported: Some parameters are not supported by migration protocol 3"
    );
}

#[test]
fn protocol_2() {
    use DrvFeature::{MigrationDirect, MigrationP2p};
    let (driver, dom) = source(&[MigrationDirect, MigrationP2p]);
    dom.migrate_to_uri("tcp://dst", F::LIVE, Some("vm2"), 0).unwrap();
    dom.migrate_to_uri("qemu+tcp://dst/system", F::PEER2PEER, None, 3).unwrap();
    assert_eq!(
        seen(&driver),
        vec![r#"perform tcp://dst Some("vm2") 0"#, "perform qemu+tcp://dst/system None 3"]
    );
    let e = dom
        .migrate_to_uri2(
            Some("qemu+tcp://dst/system"),
            Some("tcp://x"),
            None,
            F::PEER2PEER,
            None,
            0,
        )
        .unwrap_err();
    assert_eq!(e.message(), "internal error: Unable to override peer2peer migration URI");
    let e = dom.migrate_to_uri2(None, None, Some("<domain/>"), F::LIVE, None, 0).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Some parameters are not supported by migration protocol 2"
    );
    let mut empty_name = TypedParams::new();
    empty_name.add_string("destination_name", "").unwrap();
    let e = dom.migrate_to_uri3(None, &empty_name, F::LIVE).unwrap_err();
    assert_eq!(e.message(), "string dname in virDomainMigrateUnmanagedProto2 must not be empty");
}
