//! api benches: the overhead of a public entry point (argument checks, read-only check,
//! dispatch through `dyn Driver`) with a trivial driver that answers at once. Target: under
//! 1 µs for simple getters.

#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use virtkit_api::flags::{DomainModificationImpact, DomainVcpuFlags};
use virtkit_api::types::{DomainInfo, StateReason, Uuid};
use virtkit_api::{Connect, Domain, Driver, DrvFeature, Result};
use virtkit_typedparams::TypedParams;

struct Trivial;

impl Driver for Trivial {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        Ok(feature == DrvFeature::TypedParamString)
    }
    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        Ok(Domain::new(conn, name, Uuid([7; 16]), 1))
    }
    fn domain_get_info(&self, _dom: &Domain) -> Result<DomainInfo> {
        Ok(DomainInfo { state: 1, max_mem: 1 << 20, memory: 1 << 20, nr_virt_cpu: 2, cpu_time: 0 })
    }
    fn domain_get_state(&self, _dom: &Domain, _flags: u32) -> Result<StateReason> {
        Ok(StateReason { state: 1, reason: 1 })
    }
    fn domain_get_max_memory(&self, _dom: &Domain) -> Result<u64> {
        Ok(1 << 20)
    }
    fn domain_suspend(&self, _dom: &Domain) -> Result<()> {
        Ok(())
    }
    fn domain_set_vcpus_flags(&self, _d: &Domain, _n: u32, _f: DomainVcpuFlags) -> Result<()> {
        Ok(())
    }
    fn domain_pin_vcpu_flags(
        &self,
        _dom: &Domain,
        _vcpu: u32,
        _cpumap: &[u8],
        _flags: DomainModificationImpact,
    ) -> Result<()> {
        Ok(())
    }
    fn domain_get_memory_parameters(&self, _dom: &Domain, _flags: u32) -> Result<TypedParams> {
        Ok(TypedParams::new())
    }
    fn domain_set_memory_parameters(&self, _d: &Domain, _p: &TypedParams, _f: u32) -> Result<()> {
        Ok(())
    }
}

fn entry_points(c: &mut Criterion) {
    let conn = Connect::with_driver(Arc::new(Trivial), "trivial:///", false);
    let dom = conn.lookup_by_name("vm").unwrap();
    let mut params = TypedParams::new();
    params.add("hard_limit", 1u64 << 20).unwrap();
    let mut g = c.benchmark_group("api");
    g.bench_function("GetInfo", |b| b.iter(|| black_box(&dom).info().unwrap()));
    g.bench_function("GetState", |b| b.iter(|| black_box(&dom).state(0).unwrap()));
    g.bench_function("GetMaxMemory", |b| b.iter(|| black_box(&dom).max_memory().unwrap()));
    g.bench_function("Suspend", |b| b.iter(|| black_box(&dom).suspend().unwrap()));
    g.bench_function("SetVcpusFlags", |b| {
        b.iter(|| black_box(&dom).set_vcpus_flags(2, DomainVcpuFlags::CONFIG).unwrap());
    });
    g.bench_function("PinVcpuFlags", |b| {
        b.iter(|| {
            black_box(&dom).pin_vcpu_flags(0, &[0b11], DomainModificationImpact::LIVE).unwrap();
        });
    });
    g.bench_function("GetMemoryParameters", |b| {
        b.iter(|| black_box(&dom).memory_parameters(0).unwrap());
    });
    g.bench_function("SetMemoryParameters", |b| {
        b.iter(|| black_box(&dom).set_memory_parameters(black_box(&params), 0).unwrap());
    });
    g.bench_function("LookupByName", |b| {
        b.iter(|| black_box(&conn).lookup_by_name(black_box("vm")).unwrap());
    });
    g.bench_function("SetVcpus/rejected", |b| {
        b.iter(|| black_box(&dom).set_vcpus(black_box(0)).unwrap_err());
    });
    g.finish();
}

criterion_group!(benches, entry_points);
criterion_main!(benches);
