//! cpumap benches: virtkit's `CpuSet` beside libvirt's own `virBitmap*` C functions (loaded at
//! run time from the system `libvirt.so.0`), on the same inputs in the same run.
//!
//! Groups: (a) the cpu lists found in the conformance corpus, (b) long lists, (c) set
//! operations on 16,384-bit sets, (d) byte-cpumap conversion. A ratio table follows.

#![allow(
    missing_docs,
    clippy::print_stdout,
    clippy::many_single_char_names,
    clippy::cast_precision_loss
)]

use std::ffi::CString;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use virtkit_benches::{
    attribute_values, compare, corpus_dir, print_summary, ratio_line, xml_files,
};
use virtkit_cpumap::CpuSet;
use virtkit_cref::Libvirt;

const BOUND: u32 = 16384;

fn corpus_lists() -> Vec<String> {
    let mut lists = Vec::new();
    for file in xml_files(&corpus_dir()) {
        let Ok(doc) = std::fs::read_to_string(&file) else { continue };
        for v in attribute_values(&doc, &["cpuset", "nodeset", "cpus", "vcpus", "nodemask"]) {
            if v.parse::<CpuSet>().is_ok() {
                lists.push(v);
            }
        }
    }
    lists
}

fn long_lists() -> Vec<(&'static str, String)> {
    let every_other = (0..8192).map(|i| (i * 2).to_string()).collect::<Vec<_>>().join(",");
    let ranges =
        (0..2000).map(|i| format!("{}-{}", i * 8, i * 8 + 3)).collect::<Vec<_>>().join(",");
    let exclusions = String::from("0-16383,")
        + &(0..2300).map(|i| format!("^{}", i * 7)).collect::<Vec<_>>().join(",");
    vec![("every_other", every_other), ("2000_ranges", ranges), ("2300_exclusions", exclusions)]
}

fn ours_parse_format(list: &str) -> String {
    list.parse::<CpuSet>().expect("valid list").format()
}

fn c_parse_format(lv: &Libvirt, list: &CString) -> usize {
    let map = lv.bitmap_parse_c(list, BOUND as usize).expect("valid list");
    lv.bitmap_format_len(&map)
}

fn bench_corpus(c: &mut Criterion, lists: &[String]) {
    let bytes: usize = lists.iter().map(String::len).sum();
    let mut g = c.benchmark_group("cpumap/corpus_lists");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("virtkit", |b| {
        b.iter(|| lists.iter().map(|l| ours_parse_format(black_box(l)).len()).sum::<usize>());
    });
    if let Some(lv) = virtkit_cref::libvirt() {
        let c_lists: Vec<CString> =
            lists.iter().map(|l| CString::new(l.as_str()).unwrap()).collect();
        g.bench_function("libvirt", |b| {
            b.iter(|| c_lists.iter().map(|l| c_parse_format(lv, black_box(l))).sum::<usize>());
        });
    }
    g.finish();
}

fn bench_long(c: &mut Criterion, long: &[(&str, String)]) {
    let mut g = c.benchmark_group("cpumap/long_lists");
    for (name, list) in long {
        g.throughput(Throughput::Bytes(list.len() as u64));
        g.bench_with_input(BenchmarkId::new("virtkit", name), list, |b, l| {
            b.iter(|| ours_parse_format(black_box(l)));
        });
        if let Some(lv) = virtkit_cref::libvirt() {
            let c_list = CString::new(list.as_str()).unwrap();
            g.bench_with_input(BenchmarkId::new("libvirt", name), &c_list, |b, l| {
                b.iter(|| c_parse_format(lv, black_box(l)));
            });
        }
    }
    g.finish();
}

const SET_A: &str = "0-4095,8192-12287,16000-16383";
const SET_B: &str = "2048-10239,^5000,15000-16100";

fn bench_set_ops(c: &mut Criterion) {
    let (a, b) = (SET_A.parse::<CpuSet>().unwrap(), SET_B.parse::<CpuSet>().unwrap());
    let mut g = c.benchmark_group("cpumap/set_ops_16384");
    g.bench_function("virtkit/union+intersection+difference", |bench| {
        bench.iter(|| {
            let u = black_box(&a).union(black_box(&b));
            let i = a.intersection(&b);
            let d = a.difference(&b);
            u.len() + i.len() + d.len()
        });
    });
    if let Some(lv) = virtkit_cref::libvirt() {
        let (ca, cb) =
            (lv.bitmap_parse(SET_A, 16384).unwrap(), lv.bitmap_parse(SET_B, 16384).unwrap());
        g.bench_function("libvirt/union+intersection+difference", |bench| {
            bench.iter(|| c_set_ops(&ca, &cb));
        });
    }
    g.finish();
}

fn c_set_ops(a: &virtkit_cref::CBitmap, b: &virtkit_cref::CBitmap) -> usize {
    let mut u = a.clone();
    u.union_with(b);
    let mut i = a.clone();
    i.intersect_with(b);
    let mut d = a.clone();
    d.subtract(b);
    u.count() + i.count() + d.count()
}

fn bench_bytes(c: &mut Criterion) {
    let set: CpuSet = SET_A.parse().unwrap();
    let mut g = c.benchmark_group("cpumap/byte_cpumap_16384");
    g.bench_function("virtkit/to+from", |b| {
        b.iter(|| CpuSet::from_cpumap(&black_box(&set).to_cpumap()).len());
    });
    if let Some(lv) = virtkit_cref::libvirt() {
        let cset = lv.bitmap_parse(SET_A, 16384).unwrap();
        g.bench_function("libvirt/to+from", |b| {
            b.iter(|| lv.bitmap_new_data(&lv.bitmap_to_data(black_box(&cset))).count());
        });
    }
    g.finish();
}

/// The side-by-side table: each row alternates virtkit and libvirt and keeps the best of each,
/// so that other load on the machine does not tilt the ratio. The C side is called through its
/// lean wrappers (C strings prepared beforehand, the formatted string only measured and freed).
fn summary(lists: &[String], long: &[(&str, String)]) {
    let lv = virtkit_cref::libvirt();
    let slice = Duration::from_millis(40);
    let rounds = 15;
    let mut rows = Vec::new();
    let c_lists: Vec<CString> = lists.iter().map(|l| CString::new(l.as_str()).unwrap()).collect();
    let row = |what: String,
               ours: &mut dyn FnMut() -> usize,
               theirs: Option<&mut dyn FnMut() -> usize>,
               per: u32| {
        let (o, t) = match theirs {
            Some(theirs) => {
                let (o, t) = compare(rounds, slice, ours, theirs);
                (o, Some(t / per))
            }
            None => (compare(rounds, slice, &mut *ours, || 0).0, None),
        };
        ratio_line(&what, o / per, t)
    };
    let per = lists.len().max(1) as u32;
    let mut ours = || lists.iter().map(|l| ours_parse_format(l).len()).sum::<usize>();
    let mut theirs =
        lv.map(|lv| move || c_lists.iter().map(|l| c_parse_format(lv, l)).sum::<usize>());
    rows.push(row(
        format!("(a) corpus list parse+format ({} lists)", lists.len()),
        &mut ours,
        theirs.as_mut().map(|f| f as &mut dyn FnMut() -> usize),
        per,
    ));
    for (name, list) in long {
        let c_list = CString::new(list.as_str()).unwrap();
        let mut ours = || ours_parse_format(list).len();
        let mut theirs = lv.map(|lv| move || c_parse_format(lv, &c_list));
        let (o, _) = compare(1, Duration::from_millis(20), &mut ours, || 0);
        let mbps = list.len() as f64 / o.as_secs_f64() / 1e6;
        rows.push(row(
            format!("(b) {name} parse+format (~{mbps:.0} MB/s)"),
            &mut ours,
            theirs.as_mut().map(|f| f as &mut dyn FnMut() -> usize),
            1,
        ));
    }
    let (a, b) = (SET_A.parse::<CpuSet>().unwrap(), SET_B.parse::<CpuSet>().unwrap());
    let mut ours = || a.union(&b).len() + a.intersection(&b).len() + a.difference(&b).len();
    let c_sets = lv
        .map(|lv| (lv.bitmap_parse(SET_A, 16384).unwrap(), lv.bitmap_parse(SET_B, 16384).unwrap()));
    let mut theirs = c_sets.as_ref().map(|(ca, cb)| move || c_set_ops(ca, cb));
    rows.push(row(
        "(c) union+intersection+difference, 16384 bits".to_owned(),
        &mut ours,
        theirs.as_mut().map(|f| f as &mut dyn FnMut() -> usize),
        1,
    ));
    let mut ours = || CpuSet::from_cpumap(&a.to_cpumap()).len();
    let c_set = lv.map(|lv| (lv, lv.bitmap_parse(SET_A, 16384).unwrap()));
    let mut theirs =
        c_set.as_ref().map(|(lv, ca)| move || lv.bitmap_new_data(&lv.bitmap_to_data(ca)).count());
    rows.push(row(
        "(d) byte cpumap to+from, 16384 bits".to_owned(),
        &mut ours,
        theirs.as_mut().map(|f| f as &mut dyn FnMut() -> usize),
        1,
    ));
    print_summary("cpumap", &rows);
}

fn benches(c: &mut Criterion) {
    let lists = corpus_lists();
    let long = long_lists();
    bench_corpus(c, &lists);
    bench_long(c, &long);
    bench_set_ops(c);
    bench_bytes(c);
}

criterion_group!(cpumap_benches, benches);

fn main() {
    cpumap_benches();
    Criterion::default().configure_from_args().final_summary();
    // The ratio table only in benchmark mode (`cargo bench`), not when `cargo test` runs the
    // benches once as tests.
    if std::env::args().any(|a| a == "--bench") {
        summary(&corpus_lists(), &long_lists());
    }
}
