//! Shared helpers for the criterion benches in `benches/benches/`: locating the conformance
//! corpus, collecting inputs from it, and printing virtkit-versus-libvirt ratios measured in
//! the same run.

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Environment variable naming the conformance corpus directory.
pub const CORPUS_ENV: &str = "VIRTKIT_CORPUS";

/// The corpus directory: `$VIRTKIT_CORPUS`, else `../shared/corpus` next to the workspace.
///
/// ```
/// let dir = virtkit_benches::corpus_dir();
/// assert!(dir.ends_with("corpus"));
/// ```
pub fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(CORPUS_ENV) {
        return PathBuf::from(dir);
    }
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    workspace.join("..").join("shared").join("corpus")
}

/// Every `.xml` file below `dir`, sorted, symbolic links skipped (as libvirt's schema test does).
///
/// ```
/// let files = virtkit_benches::xml_files(std::path::Path::new("/nonexistent"));
/// assert!(files.is_empty());
/// ```
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else { continue };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "xml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The values of the given attributes (`name='value'` or `name="value"`) in a document.
///
/// ```
/// let doc = "<vcpu cpuset='0-3,^1'/><memnode nodeset=\"0\"/>";
/// assert_eq!(virtkit_benches::attribute_values(doc, &["cpuset", "nodeset"]), ["0-3,^1", "0"]);
/// ```
pub fn attribute_values(doc: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(eq) = rest.find('=') {
        let before = &rest[..eq];
        let name_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let name = &before[name_start..];
        let after = &rest[eq + 1..];
        let quote = after.chars().next();
        rest = after;
        if let Some(q @ ('\'' | '"')) = quote
            && let Some(end) = after[1..].find(q)
        {
            if names.contains(&name) {
                out.push(after[1..=end].to_owned());
            }
            rest = &after[end + 2..];
        }
    }
    out
}

/// Mean time per call of `f`, measured for about `budget`.
///
/// ```
/// let t = virtkit_benches::time_per_call(std::time::Duration::from_millis(5), || 1 + 1);
/// assert!(t.as_secs_f64() < 0.01);
/// ```
pub fn time_per_call<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget || calls == 0 {
        for _ in 0..16 {
            std::hint::black_box(f());
        }
        calls += 16;
    }
    start.elapsed() / calls
}

/// Times two implementations of the same work fairly on a busy machine: `rounds` alternating
/// measurements of about `slice` each, keeping each side's fastest.
///
/// ```
/// use std::time::Duration;
/// let (a, b) = virtkit_benches::compare(3, Duration::from_millis(2), || 1, || 2);
/// assert!(a > Duration::ZERO && b > Duration::ZERO);
/// ```
pub fn compare<A, B>(
    rounds: u32,
    slice: Duration,
    mut ours: impl FnMut() -> A,
    mut theirs: impl FnMut() -> B,
) -> (Duration, Duration) {
    let (mut best_ours, mut best_theirs) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        best_ours = best_ours.min(time_per_call(slice, &mut ours));
        best_theirs = best_theirs.min(time_per_call(slice, &mut theirs));
    }
    (best_ours, best_theirs)
}

/// One line of the side-by-side summary printed at the end of a bench run.
///
/// ```
/// use std::time::Duration;
/// let line = virtkit_benches::ratio_line("parse", Duration::from_nanos(10), Some(Duration::from_nanos(100)));
/// assert!(line.contains("10.0x"));
/// ```
pub fn ratio_line(what: &str, ours: Duration, theirs: Option<Duration>) -> String {
    let ours_ns = ours.as_secs_f64() * 1e9;
    match theirs {
        Some(t) => {
            let theirs_ns = t.as_secs_f64() * 1e9;
            format!(
                "{what:<44} virtkit {ours_ns:>12.1} ns   libvirt {theirs_ns:>12.1} ns   {:>7.1}x faster",
                theirs_ns / ours_ns
            )
        }
        None => format!("{what:<44} virtkit {ours_ns:>12.1} ns   libvirt (not installed)"),
    }
}

/// Prints the summary table (a header and one [`ratio_line`] per row).
///
/// ```
/// virtkit_benches::print_summary("cpumap", &["row".to_owned()]);
/// ```
pub fn print_summary(title: &str, rows: &[String]) {
    println!("\n== {title}: virtkit vs libvirt (same run) ==");
    for row in rows {
        println!("{row}");
    }
}
