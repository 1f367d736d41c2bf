//! Migrations between two sim hosts through the public API, for each protocol, and the
//! fault injection a migration orchestrator is tested with.

use std::sync::{Arc, Mutex};
use virtkit_migrate::DomainMigrate;

use virtkit_api::enums::{DomainRunningReason, DomainShutoffReason, DomainState};
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::migrate::PARAM_DEST_NAME;
use virtkit_api::{Connect, DrvFeature, Error, ErrorCode, ErrorDomain};
use virtkit_sim::{FaultAction, Host, Trigger};
use virtkit_typedparams::TypedParams;

const ALL: [DrvFeature; 4] = [
    DrvFeature::MigrationV1,
    DrvFeature::MigrationV2,
    DrvFeature::MigrationV3,
    DrvFeature::MigrationParams,
];

/// Two fresh hosts claiming only `proto` among the protocols.
fn pair(tag: &str, proto: &[DrvFeature]) -> (Host, Host, Connect, Connect) {
    virtkit_sim::register();
    let a = Host::get(&format!("{tag}-a"));
    let b = Host::get(&format!("{tag}-b"));
    for h in [&a, &b] {
        for f in ALL {
            h.set_feature(f, proto.contains(&f));
        }
    }
    let ca = Connect::open(&a.uri()).unwrap();
    let cb = Connect::open(&b.uri()).unwrap();
    // Every host starts with the running `test`; the destination must not have it.
    let t = cb.lookup_by_name("test").unwrap();
    t.destroy().unwrap();
    t.undefine().unwrap();
    a.clear_calls();
    b.clear_calls();
    (a, b, ca, cb)
}

fn moved(a: &Host, b: &Host, name: &str) {
    let src = a.domain("test").unwrap();
    assert_eq!(src.state, DomainState::Shutoff);
    assert_eq!(src.reason, DomainShutoffReason::Migrated as i32);
    let dst = b.domain(name).unwrap();
    assert_eq!(dst.state, DomainState::Running);
    assert_eq!(dst.reason, DomainRunningReason::Migrated as i32);
    assert!(b.incoming().is_empty());
}

#[test]
fn v3_moves_the_domain_and_runs_the_five_steps() {
    let (a, b, ca, cb) = pair("m-v3", &[DrvFeature::MigrationV3]);
    a.clear_calls();
    let dom = ca.lookup_by_name("test").unwrap();
    let d = dom.migrate(&cb, F::LIVE, None, None, 0).unwrap();
    assert_eq!(d.name(), "test");
    moved(&a, &b, "test");
    let steps: Vec<_> = a.calls().into_iter().filter(|c| c.starts_with("domain_migrate")).collect();
    assert_eq!(
        steps,
        ["domain_migrate_begin3", "domain_migrate_perform3", "domain_migrate_confirm3"]
    );
    let dsteps: Vec<_> =
        b.calls().into_iter().filter(|c| c.starts_with("domain_migrate")).collect();
    assert_eq!(dsteps, ["domain_migrate_prepare3", "domain_migrate_finish3"]);
    // The destination's copy is transient without PERSIST_DEST.
    assert!(!b.domain("test").unwrap().persistent);
}

#[test]
fn v3_params_with_rename_persist_and_undefine_source() {
    let (a, b, ca, cb) = pair("m-v3p", &ALL);
    let dom = ca.lookup_by_name("test").unwrap();
    let mut p = TypedParams::with_capacity(1);
    p.add_string(PARAM_DEST_NAME, "moved").unwrap();
    let d = dom.migrate3(&cb, &p, F::LIVE | F::PERSIST_DEST | F::UNDEFINE_SOURCE).unwrap();
    assert_eq!(d.name(), "moved");
    assert!(a.domain("test").is_none());
    let dst = b.domain("moved").unwrap();
    assert!(dst.persistent);
    assert_eq!(dst.state, DomainState::Running);
    assert!(b.calls().contains(&"domain_migrate_finish3_params"));
}

#[test]
fn v2_and_v1_move_the_domain() {
    let (a, b, ca, cb) = pair("m-v2", &[DrvFeature::MigrationV2]);
    ca.lookup_by_name("test").unwrap().migrate(&cb, F::LIVE, None, None, 0).unwrap();
    moved(&a, &b, "test");
    assert!(b.calls().contains(&"domain_migrate_finish2"));

    let (a, b, ca, cb) = pair("m-v1", &[DrvFeature::MigrationV1]);
    ca.lookup_by_name("test").unwrap().migrate(&cb, F::LIVE, Some("one"), None, 0).unwrap();
    let src = a.domain("test").unwrap();
    assert_eq!(src.state, DomainState::Shutoff);
    assert_eq!(b.domain("one").unwrap().state, DomainState::Running);
}

#[test]
fn paused_source_arrives_paused() {
    let (_a, b, ca, cb) = pair("m-paused", &[DrvFeature::MigrationV3]);
    let dom = ca.lookup_by_name("test").unwrap();
    dom.suspend().unwrap();
    dom.migrate(&cb, F::LIVE, None, None, 0).unwrap();
    assert_eq!(b.domain("test").unwrap().state, DomainState::Paused);
}

#[test]
fn offline_migration_defines_on_the_destination() {
    let (a, b, ca, cb) = pair("m-off", &[DrvFeature::MigrationV3]);
    let dom = ca.lookup_by_name("test").unwrap();
    dom.destroy().unwrap();
    let e = dom.migrate(&cb, F::OFFLINE, None, None, 0).unwrap_err();
    assert!(
        e.message().contains("offline migration must be specified with the persistent flag set")
    );
    dom.migrate(&cb, F::OFFLINE | F::PERSIST_DEST | F::UNDEFINE_SOURCE, None, None, 0).unwrap();
    assert!(a.domain("test").is_none());
    let dst = b.domain("test").unwrap();
    assert!(dst.persistent);
    assert_eq!(dst.state, DomainState::Shutoff);
}

#[test]
fn peer_to_peer_drives_the_managed_sequence_from_the_source() {
    let (a, b, ca, first_cb) = pair("m-p2p", &ALL);
    let dom = ca.lookup_by_name("test").unwrap();
    dom.migrate_to_uri(&b.p2p_uri(), F::LIVE | F::PEER2PEER, None, 0).unwrap();
    moved(&a, &b, "test");
    // The source's perform ran the whole v3-with-parameters sequence.
    assert!(a.calls().contains(&"domain_migrate_perform3_params"));
    assert!(a.calls().contains(&"domain_migrate_begin3_params"));
    assert!(b.calls().contains(&"domain_migrate_prepare3_params"));
    // Through virDomainMigrate with PEER2PEER and a destination connection.
    drop(first_cb);
    let (a, b, ca, _cb) = pair("m-p2p2", &[DrvFeature::MigrationV3]);
    let dconn = Connect::open(&b.p2p_uri()).unwrap();
    let d =
        ca.lookup_by_name("test").unwrap().migrate(&dconn, F::PEER2PEER, None, None, 0).unwrap();
    assert_eq!(d.name(), "test");
    moved(&a, &b, "test");
}

#[test]
fn direct_migration_needs_only_the_source() {
    let (a, b, ca, _cb) = pair("m-direct", &[DrvFeature::MigrationV3]);
    let dom = ca.lookup_by_name("test").unwrap();
    dom.migrate_to_uri(&b.p2p_uri(), F::LIVE, None, 0).unwrap();
    moved(&a, &b, "test");
}

#[test]
fn a_failed_perform_cancels_and_resumes_the_source() {
    let (a, b, ca, cb) = pair("m-fail", &[DrvFeature::MigrationV3]);
    let boom = Error::new(ErrorCode::OperationFailed, ErrorDomain::Test, "injected".to_owned());
    a.fail("domain_migrate_perform3", Trigger::Once, boom.clone()).unwrap();
    let dom = ca.lookup_by_name("test").unwrap();
    assert_eq!(dom.migrate(&cb, F::LIVE, None, None, 0).unwrap_err(), boom);
    let src = a.domain("test").unwrap();
    assert_eq!(src.state, DomainState::Running);
    assert!(!src.migrating);
    // The destination's incoming domain was killed and, being transient, is gone.
    assert!(b.domain("test").is_none());
    assert!(b.incoming().is_empty());
    // Perform failed: the client does not call Confirm (notify_source is false).
    assert!(!a.calls().contains(&"domain_migrate_confirm3"));
}

#[test]
fn finish_without_a_domain_resumes_the_source() {
    let (a, b, ca, cb) = pair("m-nodom", &[DrvFeature::MigrationV3]);
    b.inject("domainMigrateFinish3", Trigger::Once, FaultAction::NoDomain).unwrap();
    let dom = ca.lookup_by_name("test").unwrap();
    let e = dom.migrate(&cb, F::LIVE, None, None, 0).unwrap_err();
    assert_eq!(e.message(), "An error occurred, but the cause is unknown");
    let src = a.domain("test").unwrap();
    assert_eq!(
        (src.state, src.reason),
        (DomainState::Running, DomainRunningReason::MigrationCanceled as i32)
    );
    assert!(b.domain("test").is_none());
}

#[test]
fn abort_job_cancels_the_next_perform() {
    let (a, _b, ca, cb) = pair("m-abort", &[DrvFeature::MigrationV3]);
    let dom = ca.lookup_by_name("test").unwrap();
    assert_eq!(
        dom.abort_job().unwrap_err().message(),
        "Requested operation is not valid: no job is active on the domain"
    );
    // Abort between Begin and Perform, driving the steps through the driver.
    let drv = ca.driver();
    let begun = drv.domain_migrate_begin3(&dom, None, F::LIVE, None, 0).unwrap();
    assert!(a.domain("test").unwrap().migrating);
    assert_eq!(dom.job_info().unwrap().type_, 2);
    dom.abort_job().unwrap();
    let prepared = cb
        .driver()
        .domain_migrate_prepare3(&cb, &begun.cookie, None, F::LIVE, None, 0, &begun.xml)
        .unwrap();
    let e = drv
        .domain_migrate_perform3(
            &dom,
            None,
            &prepared.cookie,
            None,
            prepared.uri.as_deref(),
            F::LIVE,
            None,
            0,
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::OperationAborted);
    let f = cb
        .driver()
        .domain_migrate_finish3(&cb, Some("test"), &[], None, None, F::LIVE, true)
        .unwrap();
    assert!(f.dom.is_none());
    // A failed Perform ends the source's job by itself; there is nothing to confirm.
    assert!(drv.domain_migrate_confirm3(&dom, &[], F::LIVE, true).is_err());
    let src = a.domain("test").unwrap();
    assert_eq!(src.state, DomainState::Running);
    assert!(!src.migrating);
}

#[test]
fn faults_fire_once_always_or_on_the_nth_call() {
    virtkit_sim::register();
    let h = Host::get("faults-nth");
    let c = Connect::open(&h.uri()).unwrap();
    let dom = c.lookup_by_name("test").unwrap();
    let e = Error::no_support("virDomainGetInfo");
    h.fail("domain_get_info", Trigger::Nth(2), e.clone()).unwrap();
    assert!(dom.info().is_ok());
    assert_eq!(dom.info().unwrap_err(), e);
    assert!(dom.info().is_ok());
    h.fail("domain_get_info", Trigger::Always, e.clone()).unwrap();
    assert!(dom.info().is_err() && dom.info().is_err());
    h.clear_faults();
    assert!(dom.info().is_ok());
    // FailAfter: the call takes effect, then reports the error.
    h.inject("domain_suspend", Trigger::Once, FaultAction::FailAfter(e.clone())).unwrap();
    assert!(dom.suspend().is_err());
    assert_eq!(h.domain("test").unwrap().state, DomainState::Paused);
    // A feature probe can fail too.
    h.fail("supports_feature", Trigger::Once, e.clone()).unwrap();
    assert_eq!(c.supports_feature(DrvFeature::MigrationV3).unwrap_err(), e);
    assert!(h.inject("domain_suspend", Trigger::Once, FaultAction::NoDomain).is_err());
}

#[test]
fn a_crash_stops_every_running_domain() {
    virtkit_sim::register();
    let h = Host::get("faults-crash");
    let c = Connect::open(&h.uri()).unwrap();
    c.create_xml(
        "<domain type='test'><name>t</name><memory>1024</memory></domain>",
        virtkit_api::flags::DomainCreateFlags::default(),
    )
    .unwrap();
    assert_eq!(h.crash(), 2);
    assert!(h.domain("t").is_none());
    let test = h.domain("test").unwrap();
    assert_eq!(
        (test.state, test.reason),
        (DomainState::Shutoff, DomainShutoffReason::Crashed as i32)
    );
}

#[test]
fn events_reach_every_connection() {
    virtkit_sim::register();
    let h = Host::get("events-all");
    let c1 = Connect::open(&h.uri()).unwrap();
    let c2 = Connect::open(&h.uri()).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    for c in [&c1, &c2] {
        let sink = seen.clone();
        c.domain_event_register_any(
            None,
            0,
            Arc::new(move |conn, d, e| {
                // Callbacks may call back into the host.
                let _ = d.state(0);
                sink.lock().unwrap().push((conn.uri().to_owned(), format!("{e:?}")));
            }),
        )
        .unwrap();
    }
    let dom = c1.lookup_by_name("test").unwrap();
    dom.suspend().unwrap();
    dom.resume().unwrap();
    dom.destroy().unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 6, "{seen:?}");
    assert!(seen[0].1.contains("event: 3"), "{seen:?}");
    assert!(seen[5].1.contains("event: 5, detail: 1"), "{seen:?}");
}

#[test]
fn migration_events_on_both_hosts() {
    let (_a, _b, ca, cb) = pair("m-events", &[DrvFeature::MigrationV3]);
    let seen = Arc::new(Mutex::new(Vec::new()));
    for c in [&ca, &cb] {
        let sink = seen.clone();
        c.domain_event_register_any(
            None,
            0,
            Arc::new(move |conn, _d, e| {
                sink.lock().unwrap().push(format!("{} {e:?}", conn.uri()));
            }),
        )
        .unwrap();
    }
    ca.lookup_by_name("test").unwrap().migrate(&cb, F::LIVE, None, None, 0).unwrap();
    let seen = seen.lock().unwrap().clone();
    let b = cb.uri();
    let a = ca.uri();
    assert_eq!(
        seen,
        [
            format!("{b} Lifecycle {{ event: 2, detail: 1 }}"),
            format!("{a} Lifecycle {{ event: 3, detail: 1 }}"),
            format!("{b} Lifecycle {{ event: 4, detail: 1 }}"),
            format!("{a} Lifecycle {{ event: 5, detail: 3 }}"),
        ]
    );
}
