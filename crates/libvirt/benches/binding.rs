//! The same calls on libvirt's in-process `test:///default` through virtkit (`Connect` /
//! `Domain` → the `Driver` seam → this crate → libvirt) and through the `virt` crate directly,
//! side by side: the cost of virtkit's layers over a libvirt call.
//!
//! `cargo bench -p virtkit-libvirt --bench binding`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use virt::sys;
use virtkit_api::flags::{DomainModificationImpact, DomainXMLFlags};

fn calls(c: &mut Criterion) {
    let conn = virtkit_libvirt::open("test:///default").expect("test:///default");
    let dom = conn.lookup_by_name("test").unwrap();
    let vconn = virt::connect::Connect::open(Some("test:///default")).unwrap();
    let vdom = vconn.lookup_domain_by_name("test").unwrap();

    let mut g = c.benchmark_group("get_state");
    g.bench_function("virtkit", |b| b.iter(|| black_box(dom.state(0).unwrap())));
    g.bench_function("virt", |b| {
        b.iter(|| {
            let (mut s, mut r) = (0, 0);
            // SAFETY: valid handle and out-parameters (virt's `state` wrapper drops errors).
            let ret = unsafe { sys::virDomainGetState(vdom.as_ptr(), &raw mut s, &raw mut r, 0) };
            assert!(ret == 0);
            black_box((s, r))
        });
    });
    g.finish();

    let mut g = c.benchmark_group("get_info");
    g.bench_function("virtkit", |b| b.iter(|| black_box(dom.info().unwrap())));
    g.bench_function("virt", |b| b.iter(|| black_box(vdom.info().unwrap())));
    g.finish();

    let mut g = c.benchmark_group("vcpu_pin_info");
    g.bench_function("virtkit", |b| {
        b.iter(|| black_box(dom.vcpu_pin_info(2, 1, DomainModificationImpact::empty()).unwrap()));
    });
    g.bench_function("virt", |b| {
        b.iter(|| {
            let mut maps = [0u8; 2];
            // SAFETY: a 2 x 1-byte buffer, as the arguments say.
            let n =
                unsafe { sys::virDomainGetVcpuPinInfo(vdom.as_ptr(), 2, maps.as_mut_ptr(), 1, 0) };
            assert!(n == 2);
            black_box(maps)
        });
    });
    g.finish();

    let mut g = c.benchmark_group("memory_parameters");
    g.bench_function("virtkit", |b| b.iter(|| black_box(dom.memory_parameters(0).unwrap())));
    g.bench_function("virt", |b| b.iter(|| black_box(vdom.memory_parameters(0).unwrap())));
    g.finish();

    let mut g = c.benchmark_group("xml_desc");
    g.bench_function("virtkit", |b| {
        b.iter(|| black_box(dom.xml_desc(DomainXMLFlags::empty()).unwrap()));
    });
    g.bench_function("virt", |b| b.iter(|| black_box(vdom.xml_desc(0).unwrap())));
    g.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
