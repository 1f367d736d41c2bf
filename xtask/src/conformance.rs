//! `cargo xtask conformance`: virtkit-domxml against libvirt 11.3.0's own documents.
//!
//! Runs the `conformance` example of `virtkit-domxml` (release build) on the corpus, shows its
//! report, and compares its four figures with the ratchet in `xtask/conformance-baseline.txt`:
//! a figure below its baseline fails the step, so CI stays green while the crate grows but can
//! never slip back. The final targets are printed beside the current figures.

use std::process::Stdio;

use crate::sh::{Error, Result, Sh, bail};

const BASELINE: &str = "conformance-baseline.txt";

/// The final targets of issue 4: (figure, what it counts, target share in percent).
const TARGETS: [(&str, &str); 4] = [
    ("parse", "schema-valid documents that parse"),
    ("canonical", "canonical outputs reproduced byte for byte"),
    ("lossless", "schema-valid documents whose round trip loses nothing"),
    ("typed", "occurrences outside <devices> in typed fields"),
];

/// One figure: passed out of total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Figure {
    passed: u64,
    total: u64,
}

impl Figure {
    /// Whether `self` is at least `base` as a share (the totals may differ).
    fn at_least(self, base: Figure) -> bool {
        u128::from(self.passed) * u128::from(base.total.max(1))
            >= u128::from(base.passed) * u128::from(self.total.max(1))
    }

    fn percent(self) -> String {
        if self.total == 0 {
            return "-".into();
        }
        let tenths = self.passed * 1000 / self.total;
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// Reads `NAME PASSED TOTAL` lines (after an optional `figure ` word); `#` starts a comment.
fn figures(text: &str, prefix: &str) -> Vec<(String, Figure)> {
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next()?.trim();
            let line = line.strip_prefix(prefix)?;
            let mut words = line.split_whitespace();
            let name = words.next()?.to_owned();
            let passed = words.next()?.parse().ok()?;
            let total = words.next()?.parse().ok()?;
            Some((name, Figure { passed, total }))
        })
        .collect()
}

pub(crate) fn run(sh: &Sh) -> Result {
    let mut cmd = sh.cargo([
        "run",
        "--release",
        "--quiet",
        "--package",
        "virtkit-domxml",
        "--example",
        "conformance",
    ]);
    println!("$ cargo run --release --quiet --package virtkit-domxml --example conformance");
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| Error::new(format!("cannot run the conformance example: {err}")))?;
    let report = String::from_utf8_lossy(&out.stdout);
    for line in report.lines().filter(|l| !l.starts_with("figure ")) {
        println!("{line}");
    }
    if !out.status.success() {
        bail!("the conformance example failed ({})", out.status);
    }
    let current = figures(&report, "figure ");
    let path = sh.root().join("xtask").join(BASELINE);
    let baseline = figures(&std::fs::read_to_string(&path)?, "");

    println!("\n  {:<10} {:>17} {:>8}   {:>17}   target", "figure", "now", "", "baseline");
    let mut failed = Vec::new();
    for (name, what) in TARGETS {
        let Some(now) = current.iter().find(|(n, _)| n == name).map(|(_, f)| *f) else {
            bail!("the conformance example printed no `{name}` figure");
        };
        let base = baseline.iter().find(|(n, _)| n == name).map(|(_, f)| *f);
        let base_text = base.map_or("-".to_owned(), |b| format!("{}/{}", b.passed, b.total));
        println!(
            "  {name:<10} {:>17} {:>8}   {base_text:>17}   100% ({what})",
            format!("{}/{}", now.passed, now.total),
            now.percent(),
        );
        if base.is_some_and(|b| !now.at_least(b)) {
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        bail!("conformance fell below the baseline in xtask/{BASELINE}: {}", failed.join(", "));
    }
    println!(
        "\nconformance: at or above the baseline (raise xtask/{BASELINE} when figures improve)"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_figures_and_compares_shares() {
        let text = "x\nfigure parse 10 20\nfigure typed 3 4 # c\n";
        let got = figures(text, "figure ");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], ("typed".to_owned(), Figure { passed: 3, total: 4 }));
        let base = Figure { passed: 1, total: 2 };
        assert!(Figure { passed: 10, total: 20 }.at_least(base));
        assert!(!Figure { passed: 9, total: 20 }.at_least(base));
        assert_eq!(Figure { passed: 1, total: 3 }.percent(), "33.3%");
    }

    #[test]
    fn baseline_file_names_every_figure() {
        let sh = Sh::new();
        let text = std::fs::read_to_string(sh.root().join("xtask").join(BASELINE)).unwrap();
        let base = figures(&text, "");
        for (name, _) in TARGETS {
            assert!(base.iter().any(|(n, _)| n == name), "{name} missing from the baseline");
        }
    }
}
