//! typedparams benches: virtkit's XDR encoder/decoder and validation beside libvirt's own
//! `xdr_remote_typed_param` (over a libtirpc memory stream) and `virTypedParamsValidate`,
//! loaded at run time from the system libraries, on the same lists in the same run.
//!
//! Groups: (a) encode+decode of a 14-parameter block I/O tune list, (b) encode+decode of a
//! 64-parameter migration list, (c) validation of a 64-parameter migration list. A ratio
//! table follows in benchmark mode.

#![allow(missing_docs, clippy::print_stdout)]

use std::ffi::{CString, c_char, c_int};
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use virtkit_benches::{compare, print_summary, ratio_line};
use virtkit_cref::{CParam, CParamList, Libvirt};
use virtkit_typedparams::schema::{BlockIoTune, MigrateParams};
use virtkit_typedparams::xdr::limits;
use virtkit_typedparams::{SpecType, TypedParams, TypedValue};

fn block_io_tune() -> TypedParams {
    let p = BlockIoTune {
        total_bytes_sec: Some(0),
        read_bytes_sec: Some(10 << 20),
        write_bytes_sec: Some(5 << 20),
        total_iops_sec: Some(0),
        read_iops_sec: Some(1000),
        write_iops_sec: Some(500),
        total_bytes_sec_max: Some(0),
        read_bytes_sec_max: Some(20 << 20),
        write_bytes_sec_max: Some(10 << 20),
        total_iops_sec_max: Some(0),
        read_iops_sec_max: Some(2000),
        write_iops_sec_max: Some(1000),
        size_iops_sec: Some(4096),
        group_name: Some("fast-disks".into()),
        ..Default::default()
    }
    .to_params()
    .unwrap();
    assert_eq!(p.len(), 14);
    p
}

fn migration64() -> TypedParams {
    let m = MigrateParams {
        uri: Some("tcp://destination.example.org:49152".into()),
        dest_name: Some("guest-renamed".into()),
        dest_xml: Some("<domain type='kvm'><name>guest</name></domain>".into()),
        persist_xml: Some("<domain type='kvm'><name>guest</name></domain>".into()),
        bandwidth: Some(1000),
        bandwidth_postcopy: Some(2000),
        graphics_uri: Some("spice://destination.example.org:5901".into()),
        listen_address: Some("0.0.0.0".into()),
        disks_port: Some(49153),
        disks_uri: Some("tcp://destination.example.org:49153".into()),
        compression: vec!["xbzrle".into(), "mt".into()],
        compression_mt_level: Some(1),
        compression_mt_threads: Some(8),
        compression_mt_dthreads: Some(2),
        compression_xbzrle_cache: Some(64 << 20),
        auto_converge_initial: Some(20),
        auto_converge_increment: Some(10),
        parallel_connections: Some(4),
        tls_destination: Some("destination.example.org".into()),
        migrate_disks: (0..44).map(|i| format!("vd{i}")).collect(),
        ..Default::default()
    };
    let p = m.to_params().unwrap();
    assert_eq!(p.len(), 64);
    p
}

fn ours_round_trip(p: &TypedParams, max: u32) -> usize {
    let bytes = black_box(p).to_xdr();
    TypedParams::from_xdr(black_box(&bytes), max).unwrap().len()
}

fn c_round_trip(lv: &Libvirt, list: &CParamList, max: u32, buf: &mut Vec<u8>) -> usize {
    let xdr = lv.xdr().unwrap();
    xdr.encode(black_box(list), max, buf).unwrap();
    xdr.decode(black_box(buf), max).unwrap().len()
}

/// `virTypedParameter` (libvirt-common.h), for `virTypedParamsValidate`.
#[repr(C)]
#[derive(Clone, Copy)]
struct VirTypedParam {
    field: [c_char; 80],
    ty: c_int,
    value: u64,
}

type Validate = unsafe extern "C" fn(*mut VirTypedParam, c_int, ...) -> c_int;

/// libvirt's validation of the migration list against `MigrateParams::SPECS`.
struct CValidate {
    f: Validate,
    params: Vec<VirTypedParam>,
    names: Vec<CString>,
    types: Vec<c_int>,
    _strings: Vec<CString>,
}

impl CValidate {
    fn new(lv: &Libvirt, p: &TypedParams) -> Option<CValidate> {
        // SAFETY: virTypedParamsValidate(params, nparams, name, type, ..., NULL).
        let f = unsafe { lv.sym::<Validate>(b"virTypedParamsValidate\0") }?;
        let mut strings = Vec::new();
        let params = p
            .iter()
            .map(|p| {
                let mut field = [0 as c_char; 80];
                for (d, s) in field.iter_mut().zip(p.name().bytes()) {
                    *d = s as c_char;
                }
                let value = match p.value() {
                    TypedValue::String(s) => {
                        strings.push(CString::new(s.as_str()).unwrap());
                        strings.last().unwrap().as_ptr() as u64
                    }
                    _ => 0,
                };
                VirTypedParam { field, ty: p.param_type().code(), value }
            })
            .collect();
        let specs = MigrateParams::SPECS;
        assert_eq!(specs.len(), 20);
        let names = specs.iter().map(|s| CString::new(s.name).unwrap()).collect();
        let types = specs
            .iter()
            .map(|s| match s.ty {
                SpecType::Exact(t) => t.code() | if s.multiple { 1 << 31 } else { 0 },
                SpecType::Unsigned => unreachable!("migration has no unsigned entries"),
            })
            .collect();
        Some(CValidate { f, params, names, types, _strings: strings })
    }

    fn run(&mut self) -> c_int {
        let n = |i: usize| self.names[i].as_ptr();
        let t = |i: usize| self.types[i];
        // SAFETY: twenty (name, type) pairs and the terminating NULL, as the API expects.
        unsafe {
            (self.f)(
                self.params.as_mut_ptr(),
                self.params.len() as c_int,
                n(0),
                t(0),
                n(1),
                t(1),
                n(2),
                t(2),
                n(3),
                t(3),
                n(4),
                t(4),
                n(5),
                t(5),
                n(6),
                t(6),
                n(7),
                t(7),
                n(8),
                t(8),
                n(9),
                t(9),
                n(10),
                t(10),
                n(11),
                t(11),
                n(12),
                t(12),
                n(13),
                t(13),
                n(14),
                t(14),
                n(15),
                t(15),
                n(16),
                t(16),
                n(17),
                t(17),
                n(18),
                t(18),
                n(19),
                t(19),
                std::ptr::null::<c_char>(),
            )
        }
    }
}

fn bench_round_trip(c: &mut Criterion, name: &str, p: &TypedParams, max: u32) {
    let mut g = c.benchmark_group(format!("typedparams/{name}"));
    g.bench_function("virtkit", |b| b.iter(|| ours_round_trip(p, max)));
    if let Some(lv) = virtkit_cref::libvirt().filter(|lv| lv.xdr().is_some()) {
        let list = CParamList::new(&CParam::list(p)).unwrap();
        let mut buf = Vec::new();
        g.bench_function("libvirt", |b| b.iter(|| c_round_trip(lv, &list, max, &mut buf)));
    }
    g.finish();
}

fn bench_validate(c: &mut Criterion, p: &TypedParams) {
    let mut g = c.benchmark_group("typedparams/validate_migration64");
    g.bench_function("virtkit", |b| b.iter(|| black_box(p).validate(MigrateParams::SPECS).is_ok()));
    if let Some(mut cv) = virtkit_cref::libvirt().and_then(|lv| CValidate::new(lv, p)) {
        assert_eq!(cv.run(), 0);
        g.bench_function("libvirt", |b| b.iter(|| cv.run()));
    }
    g.finish();
}

/// The side-by-side table: each row alternates virtkit and libvirt and keeps the best of each,
/// so that other load on the machine does not tilt the ratio. Both sides do the full work:
/// virtkit encodes to a fresh `Vec<u8>` and decodes to an owned `TypedParams`; libvirt encodes
/// the prepared C array through a libtirpc memory stream into a reused buffer and decodes into
/// a malloc'd array that is freed again (`XDR_FREE`), as its RPC layer does.
fn summary() {
    let slice = Duration::from_millis(60);
    // More rounds than the cpumap table: two shared cores, and rows well under a microsecond.
    let rounds = 11;
    let lv = virtkit_cref::libvirt().filter(|lv| lv.xdr().is_some());
    let mut rows = Vec::new();
    for (what, p, max) in [
        (
            "(a) block I/O tune, 14 params, encode+decode",
            block_io_tune(),
            limits::DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX,
        ),
        (
            "(b) migration, 64 params, encode+decode",
            migration64(),
            limits::DOMAIN_MIGRATE_PARAM_LIST_MAX,
        ),
    ] {
        let ours = || ours_round_trip(&p, max);
        let (o, t) = match lv {
            Some(lv) => {
                let list = CParamList::new(&CParam::list(&p)).unwrap();
                let mut buf = Vec::new();
                let (o, t) =
                    compare(rounds, slice, ours, || c_round_trip(lv, &list, max, &mut buf));
                (o, Some(t))
            }
            None => (compare(rounds, slice, ours, || 0).0, None),
        };
        rows.push(ratio_line(what, o, t));
    }
    let p = migration64();
    let ours = || p.validate(MigrateParams::SPECS).is_ok();
    let (o, t) = match virtkit_cref::libvirt().and_then(|lv| CValidate::new(lv, &p)) {
        Some(mut cv) => {
            let (o, t) = compare(rounds, slice, ours, || cv.run());
            (o, Some(t))
        }
        None => (compare(rounds, slice, ours, || 0).0, None),
    };
    rows.push(ratio_line("(c) validate migration list, 64 params", o, t));
    print_summary("typedparams", &rows);
}

fn benches(c: &mut Criterion) {
    bench_round_trip(
        c,
        "blkiotune14_encode_decode",
        &block_io_tune(),
        limits::DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX,
    );
    bench_round_trip(
        c,
        "migration64_encode_decode",
        &migration64(),
        limits::DOMAIN_MIGRATE_PARAM_LIST_MAX,
    );
    bench_validate(c, &migration64());
}

criterion_group!(typedparams_benches, benches);

fn main() {
    typedparams_benches();
    Criterion::default().configure_from_args().final_summary();
    // The ratio table only in benchmark mode (`cargo bench`), not when `cargo test` runs the
    // benches once as tests.
    if std::env::args().any(|a| a == "--bench") {
        summary();
    }
}
