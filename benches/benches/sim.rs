//! sim benches: the overhead of a public entry point plus a sim host call (argument checks,
//! dispatch through `dyn Driver`, fault check and call log, the host's lock, the answer).
//! Target: under 1 µs for simple getters.

#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use virtkit_api::Connect;

fn sim(c: &mut Criterion) {
    virtkit_sim::register();
    let conn = Connect::open("sim:///bench").expect("sim host");
    let dom = conn.lookup_by_name("test").expect("the default domain");
    let host = virtkit_sim::Host::get("bench");
    let mut g = c.benchmark_group("sim");
    g.bench_function("state", |b| b.iter(|| black_box(dom.state(0).unwrap())));
    g.bench_function("info", |b| b.iter(|| black_box(dom.info().unwrap())));
    g.bench_function("max_memory", |b| b.iter(|| black_box(dom.max_memory().unwrap())));
    g.bench_function("is_active", |b| b.iter(|| black_box(dom.is_active().unwrap())));
    g.bench_function("lookup_by_name", |b| {
        b.iter(|| black_box(conn.lookup_by_name(black_box("test")).unwrap()));
    });
    g.bench_function("suspend_resume", |b| {
        b.iter(|| {
            dom.suspend().unwrap();
            dom.resume().unwrap();
        });
    });
    g.finish();
    host.clear_calls();
}

criterion_group!(benches, sim);
criterion_main!(benches);
