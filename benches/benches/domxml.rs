//! domxml benches: virtkit's domain XML parse, format and round trip over the whole
//! conformance corpus (the schema-valid documents), beside libvirt's own
//! `virDomainDefParseString` + `virDomainDefFormat` (generic `virDomainXMLOption`, loaded at
//! run time) on the documents libvirt accepts. A ratio table follows in `cargo bench`.

#![allow(missing_docs, clippy::print_stdout, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group};
use virtkit_benches::{compare, corpus_dir, print_summary, ratio_line};
use virtkit_domxml::{Domain, FormatFlags};

/// The schema-valid documents of the corpus.
fn corpus_docs() -> Vec<String> {
    let base = corpus_dir().join("libvirt-11.3.0");
    let Ok(verdicts) = std::fs::read_to_string(base.join("schema-verdicts.tsv")) else {
        return Vec::new();
    };
    verdicts
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, v)| *v == "valid")
        .filter_map(|(p, _)| std::fs::read_to_string(base.join(p)).ok())
        .collect()
}

fn parse_all(docs: &[String]) -> usize {
    docs.iter().filter_map(|d| Domain::from_xml(d).ok()).map(|d| d.others.len()).sum()
}

fn bench_corpus(c: &mut Criterion, docs: &[String]) {
    if docs.is_empty() {
        println!("domxml benches: no corpus found (set VIRTKIT_CORPUS)");
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let parsed: Vec<Domain<'_>> = docs.iter().filter_map(|d| Domain::from_xml(d).ok()).collect();
    let mut g = c.benchmark_group("domxml/corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("parse", |b| b.iter(|| parse_all(black_box(docs))));
    g.bench_function("format", |b| {
        b.iter(|| {
            black_box(&parsed)
                .iter()
                .map(|d| d.to_xml_flags(FormatFlags::SECURE).len())
                .sum::<usize>()
        });
    });
    g.bench_function("parse+format", |b| {
        b.iter(|| {
            black_box(docs)
                .iter()
                .filter_map(|d| Domain::from_xml(d).ok())
                .map(|d| d.to_xml_flags(FormatFlags::SECURE).len())
                .sum::<usize>()
        });
    });
    g.finish();
}

fn summary(docs: &[String]) {
    let lv = virtkit_cref::libvirt().filter(|lv| lv.has_domain_xml());
    // libvirt's side: the documents its generic parser accepts (9.0 is older than the corpus).
    let accepted: Vec<&String> = match lv {
        Some(lv) => docs.iter().filter(|d| lv.domain_parse(d).is_ok()).collect(),
        None => docs.iter().collect(),
    };
    let bytes: usize = accepted.iter().map(|d| d.len()).sum();
    let n = accepted.len().max(1) as u32;
    let slice = Duration::from_millis(300);
    let ours_rt = || {
        accepted
            .iter()
            .filter_map(|d| Domain::from_xml(d).ok())
            .map(|d| d.to_xml_flags(FormatFlags::SECURE).len())
            .sum::<usize>()
    };
    let ours_parse = || accepted.iter().filter_map(|d| Domain::from_xml(d).ok()).count();
    let mut rows = Vec::new();
    let (o, t) = match lv {
        Some(lv) => {
            let theirs = || {
                accepted
                    .iter()
                    .filter_map(|d| lv.domain_parse(d).ok())
                    .filter_map(|def| lv.domain_format(&def).ok())
                    .map(|s| s.len())
                    .sum::<usize>()
            };
            let (o, t) = compare(3, slice, ours_rt, theirs);
            (o, Some(t))
        }
        None => (compare(3, slice, ours_rt, || 0).0, None),
    };
    rows.push(ratio_line(
        &format!("parse+format per document ({} docs)", accepted.len()),
        o / n,
        t.map(|t| t / n),
    ));
    let (p, _) = compare(3, slice, ours_parse, || 0);
    let mbps = |d: Duration| bytes as f64 / d.as_secs_f64() / 1e6;
    rows.push(format!(
        "throughput: virtkit parse {:.0} MB/s, parse+format {:.0} MB/s{}",
        mbps(p),
        mbps(o),
        t.map_or(String::new(), |t| format!(", libvirt parse+format {:.1} MB/s", mbps(t)))
    ));
    print_summary("domxml", &rows);
}

fn benches(c: &mut Criterion) {
    bench_corpus(c, &corpus_docs());
}

criterion_group!(domxml_benches, benches);

fn main() {
    domxml_benches();
    Criterion::default().configure_from_args().final_summary();
    if std::env::args().any(|a| a == "--bench") {
        let docs = corpus_docs();
        if !docs.is_empty() {
            summary(&docs);
        }
    }
}
