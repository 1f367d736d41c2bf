//! Golden sequences: for each entry point × protocol choice × relevant flags, the ordered
//! list of driver calls (feature probes included) with their arguments and flags, written
//! by hand from `src/libvirt-domain.c` (line numbers in each case; S0 in
//! `../shared/spec/seed-inventory.md` §2).
//!
//! Flags in the expectations are hexadecimal: LIVE 0x1, PEER2PEER 0x2, TUNNELLED 0x4,
//! PAUSED 0x20, CHANGE_PROTECTION 0x100, OFFLINE 0x400, ABORT_ON_ERROR 0x1000,
//! AUTO_CONVERGE 0x2000, POSTCOPY_RESUME 0x80000.

mod common;

use common::*;
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_migrate::{Host, Migration, StepLog};

/// Runs every case; each returns its name, the driver calls and the expectation.
#[test]
#[allow(clippy::too_many_lines)]
fn golden_sequences() {
    let mut n = 0;
    let mut case = |name: &str, got: Vec<String>, want: &[&str]| {
        check(name, &got, want);
        n += 1;
    };

    // virDomainMigrate, v3 (L3897-3909) -> Version3Full positional (L3215-3525):
    // protection probe (L3270), Begin3 (L3285), GetInfo for PAUSED (L3298), Prepare3
    // (L3316), Perform3 with the Prepare cookie and URI (L3380), Finish3 with the Perform
    // cookie (L3431), Confirm3 with the Finish cookie (L3492).
    let p = pair(script(&[V3]), script(&[V3]));
    Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap();
    case(
        "migrate v3",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x1 None 0",
            "dst Finish3 Some(\"vm\") [q] None Some(\"tcp://dst:49152\") 0x1 false",
            "src Confirm3 [f] 0x1 false",
        ],
    );

    // Same with dname, uri and bandwidth given; the user's URI goes to Prepare3 and, as
    // Prepare answers one, Prepare's URI is used afterwards (L3343-3347).
    let p = pair(script(&[V3]), script(&[V3]));
    Migration::new(&p.dom)
        .migrate(&p.dconn, F::LIVE, Some("vm2"), Some("tcp://user:1"), 50)
        .unwrap();
    case(
        "migrate v3 dname uri bandwidth",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 Some(\"vm2\") 50",
            "src GetInfo",
            "dst Prepare3 [b] Some(\"tcp://user:1\") 0x1 Some(\"vm2\") 50 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x1 Some(\"vm2\") 50",
            "dst Finish3 Some(\"vm2\") [q] None Some(\"tcp://dst:49152\") 0x1 false",
            "src Confirm3 [f] 0x1 false",
        ],
    );

    // A paused source: PAUSED (0x20) added after Begin (L3290-3301); the source-only flags
    // ABORT_ON_ERROR|AUTO_CONVERGE are stripped from destination calls (L3303-3304).
    let mut src = script(&[V3]);
    src.paused = true;
    let p = pair(src, script(&[V3]));
    Migration::new(&p.dom)
        .migrate(&p.dconn, F::LIVE | F::ABORT_ON_ERROR | F::AUTO_CONVERGE, None, None, 0)
        .unwrap();
    case(
        "migrate v3 paused source, source-only flags",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x3001 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x21 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x3021 None 0",
            "dst Finish3 Some(\"vm\") [q] None Some(\"tcp://dst:49152\") 0x21 false",
            "src Confirm3 [f] 0x3021 false",
        ],
    );

    // POSTCOPY_RESUME: no state query, no PAUSED (L3300).
    let mut src = script(&[V3]);
    src.paused = true;
    let p = pair(src, script(&[V3]));
    Migration::new(&p.dom).migrate(&p.dconn, F::POSTCOPY_RESUME, None, None, 0).unwrap();
    case(
        "migrate v3 postcopy resume",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x80000 None 0",
            "dst Prepare3 [b] None 0x80000 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x80000 None 0",
            "dst Finish3 Some(\"vm\") [q] None Some(\"tcp://dst:49152\") 0x80000 false",
            "src Confirm3 [f] 0x80000 false",
        ],
    );

    // CHANGE_PROTECTION: checked (L3879), masked (L3889), re-added to source calls only
    // because the source supports it (L3270-3275).
    let p = pair(script(&[V3, PROT]), script(&[V3]));
    Migration::new(&p.dom)
        .migrate(&p.dconn, F::LIVE | F::CHANGE_PROTECTION, None, None, 0)
        .unwrap();
    case(
        "migrate v3 change protection",
        p.take(),
        &[
            "src ?MigrateChangeProtection",
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x101 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x101 None 0",
            "dst Finish3 Some(\"vm\") [q] None Some(\"tcp://dst:49152\") 0x1 false",
            "src Confirm3 [f] 0x101 false",
        ],
    );

    // Offline: both sides probed (L3829-3846); Perform skipped, Finish not cancelled
    // (L3364-3369).
    let p = pair(script(&[V3, OFFL]), script(&[V3, OFFL]));
    Migration::new(&p.dom).migrate(&p.dconn, F::OFFLINE, None, None, 0).unwrap();
    case(
        "migrate v3 offline",
        p.take(),
        &[
            "src ?MigrationOffline",
            "dst ?MigrationOffline",
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x400 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x400 None 0 <domain/>",
            "dst Finish3 Some(\"vm\") [] None Some(\"tcp://dst:49152\") 0x400 false",
            "src Confirm3 [f] 0x400 false",
        ],
    );

    // v3, Perform fails: Finish told cancelled with no cookie, the source not notified
    // (L3391-3400, L3505).
    let mut src = script(&[V3]);
    src.fail.insert("Perform3");
    let mut dst_none = script(&[V3]);
    dst_none.finish_none = true;
    let p = pair(src, dst_none.clone());
    let e = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "Perform3 failed");
    case(
        "migrate v3 perform fails",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x1 None 0",
            "dst Finish3 Some(\"vm\") [] None Some(\"tcp://dst:49152\") 0x1 true",
        ],
    );

    // v3, Finish answers no domain: Confirm cancelled (L3466-3495).
    let p = pair(script(&[V3]), dst_none);
    let e = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "An error occurred, but the cause is unknown");
    case(
        "migrate v3 finish without domain",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x1 None 0",
            "dst Finish3 Some(\"vm\") [q] None Some(\"tcp://dst:49152\") 0x1 false",
            "src Confirm3 [f] 0x1 true",
        ],
    );

    // v3, Prepare fails without protection: return at once (L3323-3327).
    let mut dst = script(&[V3]);
    dst.fail.insert("Prepare3");
    let p = pair(script(&[V3]), dst);
    assert!(Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).is_err());
    case(
        "migrate v3 prepare fails",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
        ],
    );

    // ... and with protection: Confirm(cancelled) releases the source (L3323-3327, 3492).
    let mut dst = script(&[V3]);
    dst.fail.insert("Prepare3");
    let p = pair(script(&[V3, PROT]), dst);
    assert!(Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).is_err());
    case(
        "migrate v3 prepare fails, protected",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x101 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "src Confirm3 [] 0x101 true",
        ],
    );

    // v3, Prepare sets no URI and the user gave none: internal error, Finish cancelled,
    // Confirm cancelled (L3348-3354).
    let mut dst = script(&[V3]);
    dst.no_uri = true;
    dst.finish_none = true;
    let p = pair(script(&[V3]), dst);
    let e = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "internal error: domainMigratePrepare3 did not set uri");
    case(
        "migrate v3 no uri",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 None 0",
            "src GetInfo",
            "dst Prepare3 [b] None 0x1 None 0 <domain/>",
            "dst Finish3 Some(\"vm\") [p] None None 0x1 true",
            "src Confirm3 [f] 0x1 true",
        ],
    );

    // v2 (L3912-3924 -> Version2 L3066-3182): XML_MIGRATABLE probe (L3083), GetXMLDesc
    // (L3093), GetInfo (L3126), Prepare2 (L3141), Perform (L3158), Finish2 (L3171).
    let p = pair(script(&[V2, XMLM]), script(&[V2]));
    Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap();
    case(
        "migrate v2",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrationV2",
            "dst ?MigrationV2",
            "src ?XmlMigratable",
            "src GetXMLDesc 0x8",
            "src GetInfo",
            "dst Prepare2 None 0x1 None 0 <domain/>",
            "src Perform [p2] tcp://dst:49152 0x1 None 0",
            "dst Finish2 Some(\"vm\") [p2] tcp://dst:49152 0x1 0",
        ],
    );

    // v2 without XML_MIGRATABLE: SECURE|UPDATE_CPU (L3087-3089); Perform fails -> Finish2
    // with retcode 1 (L3165-3171).
    let mut src = script(&[V2]);
    src.fail.insert("Perform");
    let mut dst = script(&[V2]);
    dst.finish_none = true;
    let p = pair(src, dst);
    let e = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "Perform failed");
    case(
        "migrate v2 perform fails",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrationV2",
            "dst ?MigrationV2",
            "src ?XmlMigratable",
            "src GetXMLDesc 0x5",
            "src GetInfo",
            "dst Prepare2 None 0x1 None 0 <domain/>",
            "src Perform [p2] tcp://dst:49152 0x1 None 0",
            "dst Finish2 Some(\"vm\") [p2] tcp://dst:49152 0x1 1",
        ],
    );

    // v1 (L3927-3939 -> Version1 L2977-3045): GetInfo, Prepare, Perform, Finish.
    let p = pair(script(&[V1]), script(&[V1]));
    Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, Some("vm2"), None, 9).unwrap();
    case(
        "migrate v1",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrationV2",
            "dst ?MigrationV2",
            "src ?MigrationV1",
            "dst ?MigrationV1",
            "src GetInfo",
            "dst Prepare None 0x1 Some(\"vm2\") 9",
            "src Perform [p1] tcp://dst:49152 0x1 Some(\"vm2\") 9",
            "dst Finish Some(\"vm2\") [p1] tcp://dst:49152 0x1",
        ],
    );

    // v1 without Finish: the domain is looked up by name (L3033-3041).
    let mut dst = script(&[V1]);
    dst.no_finish = true;
    let p = pair(script(&[V1]), dst);
    let d = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap();
    assert_eq!(d.name(), "vm");
    case(
        "migrate v1 without finish",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrationV2",
            "dst ?MigrationV2",
            "src ?MigrationV1",
            "dst ?MigrationV1",
            "src GetInfo",
            "dst Prepare None 0x1 None 0",
            "src Perform [p1] tcp://dst:49152 0x1 None 0",
            "dst LookupByName vm",
        ],
    );

    // No common protocol: not supported, no step (L3942-3944).
    let p = pair(script(&[V3]), script(&[V2]));
    let e = Migration::new(&p.dom).migrate(&p.dconn, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(
        e.message(),
        "this function is not supported by the connection driver: virDomainMigrate"
    );
    case(
        "migrate no common protocol",
        p.take(),
        &[
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrationV2",
            "dst ?MigrationV2",
            "src ?MigrationV1",
            "dst ?MigrationV1",
        ],
    );

    // virDomainMigrate + PEER2PEER (L3849-3872): `uri` is the destination connection URI;
    // Unmanaged with PARAMS -> Perform3Params with bandwidth always (L3749), then the domain
    // is looked up on dconn (L3867).
    let p = pair(script(&[P2P, PARAMS]), script(&[]));
    Migration::new(&p.dom)
        .migrate(&p.dconn, F::PEER2PEER, Some("vm2"), Some("qemu+ssh://far/system"), 5)
        .unwrap();
    case(
        "migrate p2p params",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src Perform3Params Some(\"qemu+ssh://far/system\") {destination_name=vm2,bandwidth=5} [] 0x2",
            "dst LookupByName vm2",
        ],
    );

    // ... without `uri`: dconn's URI (L3856); without PARAMS but with v3: Proto3 -> Perform3
    // (L3699-3711, L3645).
    let p = pair(script(&[P2P, V3]), script(&[]));
    Migration::new(&p.dom).migrate(&p.dconn, F::PEER2PEER, None, None, 0).unwrap();
    case(
        "migrate p2p v3",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src ?MigrationV3",
            "src Perform3 None [] Some(\"dst://dest.example/system\") None 0x2 None 0",
            "dst LookupByName vm",
        ],
    );

    // virDomainMigrate2 + PEER2PEER: dconn's URI, `uri` as migration URI, dxml as
    // DEST_XML (L4047-4067); Proto2 refuses DEST_XML (L3575-3580).
    let p = pair(script(&[P2P]), script(&[]));
    let e = Migration::new(&p.dom)
        .migrate2(&p.dconn, Some("<x/>"), F::PEER2PEER, None, Some("tcp://m"), 0)
        .unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Some parameters are not supported by migration protocol 2"
    );
    case(
        "migrate2 p2p proto2 refuses dxml",
        p.take(),
        &["src ?MigrationP2p", "src ?MigrationParams", "src ?MigrationV3"],
    );

    let p = pair(script(&[P2P, PARAMS]), script(&[]));
    Migration::new(&p.dom)
        .migrate2(&p.dconn, Some("<x/>"), F::PEER2PEER, None, Some("tcp://m"), 0)
        .unwrap();
    case(
        "migrate2 p2p params",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src Perform3Params Some(\"dst://dest.example/system\") {migrate_uri=tcp://m,destination_xml=<x/>,bandwidth=0} [] 0x2",
            "dst LookupByName vm",
        ],
    );

    // virDomainMigrate3 with PARAMS on both (L4301-4314) -> Version3Full with params:
    // Begin3Params, GetState (L3293), DEST_XML replaced by Begin's XML (L3306-3311),
    // Prepare3Params, URI from Prepare added (L3338-3342), Perform3Params, DEST_NAME added
    // for Finish (L3414-3420), Finish3Params, Confirm3Params.
    let p = pair(script(&[PARAMS, V3]), script(&[PARAMS, V3]));
    Migration::new(&p.dom).migrate3(&p.dconn, &params(&[("bandwidth", "7")]), F::LIVE).unwrap();
    case(
        "migrate3 params",
        p.take(),
        &[
            "src ?MigrationParams",
            "dst ?MigrationParams",
            "src ?MigrateChangeProtection",
            "src Begin3Params {bandwidth=7} 0x1",
            "src GetState 0",
            "dst Prepare3Params {bandwidth=7,destination_xml=<domain/>} [b] 0x1",
            "src Perform3Params None {bandwidth=7,destination_xml=<domain/>,migrate_uri=tcp://dst:49152} [p] 0x1",
            "dst Finish3Params {bandwidth=7,destination_xml=<domain/>,migrate_uri=tcp://dst:49152,destination_name=vm} [q] 0x1 false",
            "src Confirm3Params {bandwidth=7,destination_xml=<domain/>,migrate_uri=tcp://dst:49152,destination_name=vm} [f] 0x1 false",
        ],
    );

    // virDomainMigrate3 without PARAMS: compat params only (L4316), then positional v3 with
    // bandwidth narrowed (L4323-4336).
    let p = pair(script(&[V3]), script(&[V3]));
    Migration::new(&p.dom)
        .migrate3(
            &p.dconn,
            &params(&[("migrate_uri", "tcp://u"), ("destination_name", "n"), ("bandwidth", "3")]),
            F::LIVE,
        )
        .unwrap();
    case(
        "migrate3 compat v3",
        p.take(),
        &[
            "src ?MigrationParams",
            "dst ?MigrationParams",
            "src ?MigrationV3",
            "dst ?MigrationV3",
            "src ?MigrateChangeProtection",
            "src Begin3 None 0x1 Some(\"n\") 3",
            "src GetInfo",
            "dst Prepare3 [b] Some(\"tcp://u\") 0x1 Some(\"n\") 3 <domain/>",
            "src Perform3 None [p] None Some(\"tcp://dst:49152\") 0x1 Some(\"n\") 3",
            "dst Finish3 Some(\"n\") [q] None Some(\"tcp://dst:49152\") 0x1 false",
            "src Confirm3 [f] 0x1 false",
        ],
    );

    // ... an extended parameter without PARAMS support is refused (L4316-4321).
    let p = pair(script(&[V3]), script(&[V3]));
    let e = Migration::new(&p.dom)
        .migrate3(&p.dconn, &params(&[("tls.destination", "x")]), F::LIVE)
        .unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Migration APIs with extensible parameters are not supported but extended parameters were passed"
    );
    case(
        "migrate3 extended params refused",
        p.take(),
        &["src ?MigrationParams", "dst ?MigrationParams"],
    );

    // virDomainMigrateToURI direct (L4476-4517): DIRECT probe (L4430), Unmanaged: no P2P so
    // no PARAMS probe; v3 -> Perform3 with the migration URI (L3645).
    let p = pair(script(&[DIRECT, V3, PARAMS]), script(&[]));
    Migration::new(&p.dom).migrate_to_uri("tcp://h:1", F::LIVE, None, 0).unwrap();
    case(
        "to_uri direct v3",
        p.take(),
        &[
            "src ?MigrationDirect",
            "src ?MigrationV3",
            "src Perform3 None [] None Some(\"tcp://h:1\") 0x1 None 0",
        ],
    );

    // ... direct without v3: Proto2 -> Perform with the migration URI (L3600, L3604).
    let p = pair(script(&[DIRECT]), script(&[]));
    Migration::new(&p.dom).migrate_to_uri("tcp://h:1", F::LIVE, Some("n"), 4).unwrap();
    case(
        "to_uri direct v2",
        p.take(),
        &["src ?MigrationDirect", "src ?MigrationV3", "src Perform [] tcp://h:1 0x1 Some(\"n\") 4"],
    );

    // virDomainMigrateToURI peer-to-peer, proto 2: the connection URI is the URI (L3599).
    let p = pair(script(&[P2P]), script(&[]));
    Migration::new(&p.dom).migrate_to_uri("qemu+ssh://far/system", F::PEER2PEER, None, 0).unwrap();
    case(
        "to_uri p2p v2",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src ?MigrationV3",
            "src Perform [] qemu+ssh://far/system 0x2 None 0",
        ],
    );

    // ... a local destination is refused before any protocol probe (L3678, L3548-3553).
    let p = pair(script(&[P2P, PARAMS]), script(&[]));
    let e =
        Migration::new(&p.dom).migrate_to_uri("qemu:///system", F::PEER2PEER, None, 0).unwrap_err();
    assert_eq!(e.message(), "Attempt to migrate guest to the same host");
    case("to_uri p2p local refused", p.take(), &["src ?MigrationP2p"]);

    // virDomainMigrateToURI2 p2p with PARAMS: Perform3Params with dconnuri (L3693).
    let p = pair(script(&[P2P, PARAMS]), script(&[]));
    Migration::new(&p.dom)
        .migrate_to_uri2(
            Some("qemu+tls://far/system"),
            Some("tcp://m"),
            None,
            F::PEER2PEER,
            None,
            0,
        )
        .unwrap();
    case(
        "to_uri2 p2p params",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src Perform3Params Some(\"qemu+tls://far/system\") {migrate_uri=tcp://m,bandwidth=0} [] 0x2",
        ],
    );

    // virDomainMigrateToURI2 direct: dconnuri dropped silently (L4585-4586).
    let p = pair(script(&[DIRECT, V3]), script(&[]));
    Migration::new(&p.dom)
        .migrate_to_uri2(Some("ignored://x/"), Some("tcp://m"), None, F::LIVE, None, 0)
        .unwrap();
    case(
        "to_uri2 direct drops dconnuri",
        p.take(),
        &[
            "src ?MigrationDirect",
            "src ?MigrationV3",
            "src Perform3 None [] None Some(\"tcp://m\") 0x1 None 0",
        ],
    );

    // virDomainMigrateToURI3 p2p with PARAMS: params passed unchanged (no bandwidth added).
    let p = pair(script(&[P2P, PARAMS]), script(&[]));
    Migration::new(&p.dom)
        .migrate_to_uri3(
            Some("qemu+ssh://far/system"),
            &params(&[("tls.destination", "far")]),
            F::PEER2PEER,
        )
        .unwrap();
    case(
        "to_uri3 p2p params",
        p.take(),
        &[
            "src ?MigrationP2p",
            "src ?MigrationParams",
            "src Perform3Params Some(\"qemu+ssh://far/system\") {tls.destination=far} [] 0x2",
        ],
    );

    // ... proto 3 refuses extended parameters (L3616-3630).
    let p = pair(script(&[P2P, V3]), script(&[]));
    let e = Migration::new(&p.dom)
        .migrate_to_uri3(
            Some("qemu+ssh://far/system"),
            &params(&[("tls.destination", "far")]),
            F::PEER2PEER,
        )
        .unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Some parameters are not supported by migration protocol 3"
    );
    case(
        "to_uri3 p2p proto3 refuses extended",
        p.take(),
        &["src ?MigrationP2p", "src ?MigrationParams", "src ?MigrationV3"],
    );

    // ... proto 2 with P2P refuses an explicit migration URI (L3593-3598).
    let p = pair(script(&[P2P]), script(&[]));
    let e = Migration::new(&p.dom)
        .migrate_to_uri3(
            Some("qemu+ssh://far/system"),
            &params(&[("migrate_uri", "tcp://m")]),
            F::PEER2PEER,
        )
        .unwrap_err();
    assert_eq!(e.message(), "internal error: Unable to override peer2peer migration URI");
    case(
        "to_uri3 p2p proto2 refuses uri",
        p.take(),
        &["src ?MigrationP2p", "src ?MigrationParams", "src ?MigrationV3"],
    );

    assert!(n >= 30, "{n} golden cases");
}

/// The observer sees every protocol step with its host and outcome, in order.
#[test]
fn observer_reports_each_step() {
    let mut src = script(&[V3]);
    src.fail.insert("Perform3");
    let p = pair(src, script(&[V3]));
    let mut log = StepLog::default();
    let _ = Migration::new(&p.dom).observer(&mut log).migrate(&p.dconn, F::LIVE, None, None, 0);
    let seen: Vec<String> = log
        .reports
        .iter()
        .map(|r| format!("{} {} {}", r.host, r.step, r.outcome.is_ok()))
        .collect();
    assert_eq!(
        seen,
        [
            "source domainMigrateBegin3 true",
            "source domainGetInfo true",
            "destination domainMigratePrepare3 true",
            "source domainMigratePerform3 false",
            "destination domainMigrateFinish3 true",
        ]
    );
    assert_eq!(log.reports[3].host, Host::Source);
    assert_eq!(log.reports[3].outcome.as_ref().unwrap_err().message(), "Perform3 failed");
}

/// Checks made before any protocol step, with libvirt's texts.
#[test]
fn checks_before_any_step() {
    let p = pair(script(&[V3]), script(&[V3]));
    let m = || Migration::new(&p.dom);
    let e = m().migrate(&p.dconn, F::OFFLINE, None, None, 0).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: offline migration is not supported by the source host"
    );
    let e = m().migrate(&p.dconn, F::CHANGE_PROTECTION, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "argument unsupported: cannot enforce change protection");
    let e = m().migrate(&p.dconn, F::PEER2PEER, None, None, 0).unwrap_err();
    assert_eq!(e, virtkit_api::Error::no_support("virDomainMigrate"));
    let e = m().migrate(&p.dconn, F::LIVE, Some(""), None, 0).unwrap_err();
    assert_eq!(e.message(), "string dname in virDomainMigrate must not be empty");
    let e = m().migrate3(&p.dconn, &params(&[("compression", "mt")]), F::LIVE).unwrap_err();
    assert_eq!(
        e.message(),
        "argument unsupported: Migration APIs with extensible parameters are not supported but extended parameters were passed"
    );
    let e = m().migrate3(&p.dconn, &params(&[]), F::TUNNELLED).unwrap_err();
    assert_eq!(e.message(), "cannot perform tunnelled migration without using peer2peer flag");
    let ro = virtkit_api::Connect::with_driver(
        std::sync::Arc::new(Rec { side: "ro", script: script(&[]), log: Log::default() }),
        "ro:///",
        true,
    );
    let e = m().migrate3(&ro, &params(&[]), F::LIVE).unwrap_err();
    assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainMigrate3");
    // None of these reached a protocol step.
    assert!(p.take().iter().all(|l| l.contains(" ?")), "{:?}", p.take());
}
