//! migrate benches: complete migrations between two `sim` hosts through virtkit's
//! orchestrator — the v3-with-parameters sequence (feature probes, Begin3Params, GetState,
//! Prepare3Params, Perform3Params, Finish3Params, Confirm3Params), and the v3 and v2
//! sequences for comparison. Each iteration migrates the guest there and back, so the hosts
//! end as they started; the figure is per migration. Target: at least 100,000 v3-params
//! migrations per second, so orchestration is nothing next to a real migration.

#![allow(missing_docs, clippy::print_stdout)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::{Connect, DrvFeature};
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
    g.bench_function("v3_params_there_and_back", |b| b.iter(|| round_trip(&a3p, &b3p, Some(&params))));
    g.bench_function("v3_there_and_back", |b| b.iter(|| round_trip(&a3, &b3, None)));
    g.bench_function("v2_there_and_back", |b| b.iter(|| round_trip(&a2, &b2, None)));
    g.finish();
    if std::env::args().any(|a| a == "--bench") {
        let per = time_per_call(Duration::from_millis(500), || round_trip(&a3p, &b3p, Some(&params))) / 2;
        println!("\n== migrate: complete v3-with-parameters migrations between two sim hosts ==");
        println!(
            "one migration (PERSIST_DEST | UNDEFINE_SOURCE) {:>8.2} µs = {:>9.0} migrations/s (target >= 100,000/s)",
            per.as_secs_f64() * 1e6,
            1.0 / per.as_secs_f64()
        );
    }
}

criterion_group!(benches, migrate);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
