//! `Domain::apply_defaults` + format against libvirt's own generic parse + format
//! (`virDomainDefParseString` with a generic `virDomainXMLOption`, parse inactive, format
//! secure; the system `libvirt.so.0`), over the corpus documents that libvirt accepts.
//!
//! `cargo run --release -p virtkit-domxml --example defaults_vs_libvirt -- [--corpus DIR] [--verbose] [--dump DIR]`
//!
//! `--dump DIR` writes each differing pair as `DIR/<path>.ours` and `DIR/<path>.libvirt`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use virtkit_domxml::Domain;

#[path = "../tests/common/libvirt_versions.rs"]
mod libvirt_versions;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dump =
        args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1).map(PathBuf::from));
    let root = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1).map(PathBuf::from))
        .or_else(|| std::env::var_os("VIRTKIT_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let base = root.join("libvirt-11.3.0");
    let Some(lv) = virtkit_cref::libvirt().filter(|lv| lv.has_domain_xml()) else {
        eprintln!("libvirt.so.0 with the domain XML exports is not available");
        return ExitCode::from(2);
    };
    let Ok(verdicts) = std::fs::read_to_string(base.join("schema-verdicts.tsv")) else {
        eprintln!("no corpus at {}", base.display());
        return ExitCode::from(2);
    };
    let (mut accepted, mut equal, mut rejected) = (0, 0, 0);
    let mut first_lines: BTreeMap<String, usize> = BTreeMap::new();
    for line in verdicts.lines() {
        let Some((rel, "valid")) = line.split_once('\t') else { continue };
        let Ok(text) = std::fs::read_to_string(base.join(rel)) else { continue };
        let Ok(def) = lv.domain_parse(&text) else {
            rejected += 1;
            continue;
        };
        let Ok(theirs) = lv.domain_format(&def) else { continue };
        accepted += 1;
        let Ok(mut ours) = Domain::from_xml(&text) else { continue };
        libvirt_versions::same_ids(&mut ours, &theirs);
        ours.apply_defaults();
        let ours = libvirt_versions::as_libvirt(ours, lv.version());
        if ours == theirs {
            equal += 1;
            continue;
        }
        if let Some(d) = &dump {
            let name = rel.replace('/', "__");
            let _ = std::fs::create_dir_all(d);
            let _ = std::fs::write(d.join(format!("{name}.ours")), ours.as_bytes());
            let _ = std::fs::write(d.join(format!("{name}.libvirt")), theirs.as_bytes());
        }
        let diff = ours
            .lines()
            .zip(theirs.lines())
            .find(|(a, b)| a != b)
            .map_or_else(|| "(length)".to_owned(), |(a, b)| format!("ours {a:?} libvirt {b:?}"));
        if verbose {
            println!("{rel}: {diff}");
        }
        let key = diff.split('\'').next().unwrap_or("").to_owned();
        *first_lines.entry(key).or_default() += 1;
    }
    println!(
        "libvirt {} rejected {rejected}, accepted {accepted}; equal after defaults: {equal}",
        lv.version()
    );
    let mut kinds: Vec<_> = first_lines.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (k, n) in kinds.iter().take(25) {
        println!("{n:6}  {k}");
    }
    ExitCode::SUCCESS
}
