//! migrate benches: complete migrations between two `sim` hosts through virtkit's
//! orchestrator — the v3-with-parameters sequence (feature probes, Begin3Params, GetState,
//! Prepare3Params, Perform3Params, Finish3Params, Confirm3Params), and the v3 and v2
//! sequences for comparison. Each iteration migrates the guest there and back, so the hosts
//! end as they started; the figure is per migration. Target: at least 100,000 v3-params
//! migrations per second, so orchestration is nothing next to a real migration.

#![allow(missing_docs, clippy::print_stdout)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::types::{StateReason, Uuid};
use virtkit_api::{
    Connect, Domain, Driver, DrvFeature, MigrateBegun, MigrateFinished, MigratePrepared, Result,
};
use virtkit_benches::time_per_call;
use virtkit_migrate::Migration;
use virtkit_sim::Host;
use virtkit_typedparams::TypedParams;

/// Two hosts that speak only `protocol` (plus parameters when asked), the guest on `a`.
fn hosts(tag: &str, features: &[DrvFeature]) -> (Connect, Connect) {
    virtkit_sim::register();
    let a = Host::get(&format!("{tag}-a"));
    let b = Host::get(&format!("{tag}-b"));
    for h in [&a, &b] {
        for f in [
            DrvFeature::MigrationV1,
            DrvFeature::MigrationV2,
            DrvFeature::MigrationV3,
            DrvFeature::MigrationParams,
        ] {
            h.set_feature(f, features.contains(&f));
        }
    }
    let ca = Connect::open(&a.uri()).expect("source");
    let cb = Connect::open(&b.uri()).expect("destination");
    let t = cb.lookup_by_name("test").expect("default guest");
    t.destroy().expect("destroy");
    t.undefine().expect("undefine");
    (ca, cb)
}

/// Migrates `test` from `from` to `to` (with parameters when `params` is given).
fn there(from: &Connect, to: &Connect, params: Option<&TypedParams>) {
    let dom = from.lookup_by_name("test").expect("guest");
    // Persistent on the destination, undefined on the source: the way back is the same.
    let flags = F::LIVE | F::PERSIST_DEST | F::UNDEFINE_SOURCE;
    let moved = match params {
        Some(p) => Migration::new(&dom).migrate3(to, p, flags),
        None => Migration::new(&dom).migrate(to, flags, None, None, 0),
    };
    black_box(moved.expect("migration"));
}

/// A host that answers every v3-with-parameters step at once: what is left is the
/// orchestrator's own cost (checks, probes, parameter copies, cookies, step dispatch).
struct Instant;

impl Driver for Instant {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        Ok(matches!(feature, DrvFeature::MigrationV3 | DrvFeature::MigrationParams))
    }
    fn domain_get_state(&self, _dom: &Domain, _flags: u32) -> Result<StateReason> {
        Ok(StateReason { state: 1, reason: 1 })
    }
    fn domain_migrate_begin3_params(
        &self,
        _dom: &Domain,
        _params: &TypedParams,
        _flags: F,
    ) -> Result<MigrateBegun> {
        Ok(MigrateBegun { xml: "<domain type='kvm'/>".to_owned(), cookie: b"begin".to_vec() })
    }
    fn domain_migrate_prepare3_params(
        &self,
        _dconn: &Connect,
        _params: &TypedParams,
        _cookie: &[u8],
        _flags: F,
    ) -> Result<MigratePrepared> {
        Ok(MigratePrepared { cookie: b"prepare".to_vec(), uri: Some("tcp://dst:49152".to_owned()) })
    }
    fn domain_migrate_perform3_params(
        &self,
        _dom: &Domain,
        _dconnuri: Option<&str>,
        _params: &TypedParams,
        _cookie: &[u8],
        _flags: F,
    ) -> Result<Vec<u8>> {
        Ok(b"perform".to_vec())
    }
    fn domain_migrate_finish3_params(
        &self,
        dconn: &Connect,
        _params: &TypedParams,
        _cookie: &[u8],
        _flags: F,
        _cancelled: bool,
    ) -> Result<MigrateFinished> {
        Ok(MigrateFinished {
            dom: Some(Domain::new(dconn, "test", Uuid::default(), 2)),
            cookie: b"finish".to_vec(),
        })
    }
    fn domain_migrate_confirm3_params(
        &self,
        _dom: &Domain,
        _params: &TypedParams,
        _cookie: &[u8],
        _flags: F,
        _cancelled: bool,
    ) -> Result<()> {
        Ok(())
    }
}

fn round_trip(a: &Connect, b: &Connect, params: Option<&TypedParams>) {
    there(a, b, params);
    there(b, a, params);
}

fn migrate(c: &mut Criterion) {
    let params = TypedParams::new();
    let (a3p, b3p) = hosts("bench-v3p", &[DrvFeature::MigrationV3, DrvFeature::MigrationParams]);
    let (a3, b3) = hosts("bench-v3", &[DrvFeature::MigrationV3]);
    let (a2, b2) = hosts("bench-v2", &[DrvFeature::MigrationV2]);
    let mut g = c.benchmark_group("migrate");
    g.bench_function("v3_params_there_and_back", |b| {
        b.iter(|| round_trip(&a3p, &b3p, Some(&params)));
    });
    g.bench_function("v3_there_and_back", |b| b.iter(|| round_trip(&a3, &b3, None)));
    g.bench_function("v2_there_and_back", |b| b.iter(|| round_trip(&a2, &b2, None)));
    let src = Connect::with_driver(Arc::new(Instant), "instant:///src", false);
    let dst = Connect::with_driver(Arc::new(Instant), "instant:///dst", false);
    let dom = Domain::new(&src, "test", Uuid::default(), 1);
    let orchestrate = || black_box(Migration::new(&dom).migrate3(&dst, &params, F::LIVE).unwrap());
    g.bench_function("v3_params_orchestration_only", |b| b.iter(orchestrate));
    g.finish();
    if std::env::args().any(|a| a == "--bench") {
        let per =
            time_per_call(Duration::from_millis(500), || round_trip(&a3p, &b3p, Some(&params))) / 2;
        println!("\n== migrate: complete v3-with-parameters migrations between two sim hosts ==");
        println!(
            "one migration (PERSIST_DEST | UNDEFINE_SOURCE) {:>8.2} µs = {:>9.0} migrations/s (target >= 100,000/s)",
            per.as_secs_f64() * 1e6,
            1.0 / per.as_secs_f64()
        );
        let own = time_per_call(Duration::from_millis(500), orchestrate);
        println!(
            "the orchestrator alone (instant hosts)          {:>8.2} µs = {:>9.0} migrations/s",
            own.as_secs_f64() * 1e6,
            1.0 / own.as_secs_f64()
        );
    }
}

criterion_group!(benches, migrate);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
