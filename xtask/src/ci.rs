//! `cargo xtask ci`: every step CI runs, in order, stopping at the first failure, with a header
//! and the time of each step and a summary table at the end.

use std::time::Instant;

use crate::sh::{Error, Result, Sh};
use crate::{checks, conformance, deps, fuzz, integration};

type Step<'a> = (&'static str, Box<dyn Fn(&Sh) -> Result + 'a>);

pub(crate) fn run(sh: &Sh, fuzz_seconds: u64) -> Result {
    let steps: Vec<Step<'_>> = vec![
        ("deps", Box::new(deps::run)),
        ("fmt", Box::new(|sh| checks::fmt(sh, false))),
        ("clippy", Box::new(checks::clippy)),
        ("doc", Box::new(checks::doc)),
        ("test", Box::new(checks::test)),
        ("wasm", Box::new(checks::wasm)),
        ("conformance", Box::new(conformance::run)),
        ("integration", Box::new(integration::run)),
        ("fuzz", Box::new(move |sh| fuzz::run(sh, fuzz_seconds, &[]))),
        ("bench", Box::new(checks::bench_build_all)),
    ];
    let total = steps.len();
    let started = Instant::now();
    let mut done: Vec<(&str, f64, bool)> = Vec::new();
    let mut outcome = Ok(());
    for (i, (name, step)) in steps.iter().enumerate() {
        println!("\n==> [{}/{total}] {name}", i + 1);
        let step_started = Instant::now();
        let result = step(sh);
        let secs = step_started.elapsed().as_secs_f64();
        println!("<== {name}: {} in {secs:.1} s", if result.is_ok() { "ok" } else { "FAILED" });
        done.push((name, secs, result.is_ok()));
        if let Err(err) = result {
            let again = match *name {
                "bench" => "cargo bench --workspace --no-run".to_owned(),
                "fuzz" => format!("cargo xtask fuzz --seconds {fuzz_seconds}"),
                _ => format!("cargo xtask {name}"),
            };
            outcome =
                Err(Error::new(format!("ci step `{name}` failed: {err}\nrun it alone: {again}")));
            break;
        }
    }
    print_summary(&done, total, started.elapsed().as_secs_f64());
    outcome
}

fn print_summary(done: &[(&str, f64, bool)], total: usize, secs: f64) {
    println!("\nci summary");
    println!("  {:<8} {:>9}  result", "step", "seconds");
    for (name, step_secs, ok) in done {
        println!("  {name:<8} {step_secs:>9.1}  {}", if *ok { "ok" } else { "FAILED" });
    }
    let verdict = match done.last() {
        Some((_, _, false)) => format!("FAILED ({} of {total} steps run)", done.len()),
        _ => "ok".to_owned(),
    };
    println!("  {:<8} {secs:>9.1}  {verdict}", "total");
}
