//! `cargo xtask fuzz`: build every cargo-fuzz target with nightly and run each for a while.
//!
//! The targets are the `[[bin]]` entries of `fuzz/Cargo.toml`. libFuzzer writes every new
//! interesting input into the first corpus directory it is given, so each target runs on a
//! scratch copy of its checked-in seeds (`fuzz/corpus/<target>/`) under the target directory;
//! the checked-in corpus never changes. Crashes land in `fuzz/artifacts/<target>/`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::deps;
use crate::manifest;
use crate::sh::{Result, Sh, bail};

/// libFuzzer options: memory bound (the parsers must stay far below it) and input size.
const LIBFUZZER_LIMITS: [&str; 2] = ["-rss_limit_mb=2048", "-max_len=4096"];

pub(crate) fn run(sh: &Sh, seconds: u64, wanted: &[String]) -> Result {
    let manifest_path = sh.root().join("fuzz").join("Cargo.toml");
    let all = manifest::bin_names(&std::fs::read_to_string(&manifest_path)?);
    if all.is_empty() {
        println!("fuzz/Cargo.toml declares no [[bin]] fuzz targets yet: nothing to fuzz");
        return Ok(());
    }
    let targets: Vec<&String> = if wanted.is_empty() {
        all.iter().collect()
    } else {
        for name in wanted {
            if !all.contains(name) {
                bail!("no fuzz target `{name}` in fuzz/Cargo.toml (targets: {})", all.join(", "));
            }
        }
        wanted.iter().collect()
    };

    if deps::nightly_version(sh).is_none() {
        bail!("cargo fuzz needs a nightly toolchain: run `cargo xtask deps`");
    }
    if !deps::cargo_fuzz_installed(sh) {
        bail!(
            "cargo-fuzz is not installed: run `cargo xtask deps` (or `cargo install cargo-fuzz`)"
        );
    }

    // `cargo +nightly` only works through rustup's proxy; `$CARGO` is the stable binary itself.
    let nightly_fuzz = |args: &[&str]| {
        let mut cmd = sh.cmd("rustup", ["run", "nightly", "cargo", "fuzz"]);
        cmd.args(args);
        cmd
    };
    let mut build = nightly_fuzz(&["build"]);
    if let [single] = targets.as_slice() {
        build.arg(single.as_str());
    }
    sh.run(&mut build)?;

    let scratch = sh.target_dir().join("xtask").join("fuzz-corpus");
    let time = format!("-max_total_time={seconds}");
    for target in targets {
        let seeds = sh.root().join("fuzz").join("corpus").join(target);
        let work = scratch.join(target);
        let seed_count = fresh_copy(&seeds, &work)?;
        println!(
            "fuzzing {target} for {seconds} s on a copy of {} ({seed_count} seeds) in {}",
            rel(sh, &seeds).display(),
            rel(sh, &work).display()
        );
        let started = Instant::now();
        let work_arg = work.to_string_lossy().into_owned();
        let mut args = vec!["run", target.as_str(), work_arg.as_str(), "--", time.as_str()];
        args.extend(LIBFUZZER_LIMITS);
        if let Err(err) = sh.run(&mut nightly_fuzz(&args)) {
            bail!("{err}\nfuzz target `{target}` failed; the input is in fuzz/artifacts/{target}/");
        }
        println!(
            "{target}: ok after {:.0} s, corpus {seed_count} -> {} inputs (not written back)",
            started.elapsed().as_secs_f64(),
            count_files(&work)
        );
    }
    Ok(())
}

/// Replaces `to` with a copy of the files in `from` (which may not exist); returns their count.
fn fresh_copy(from: &Path, to: &Path) -> Result<usize> {
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    std::fs::create_dir_all(to)?;
    let mut copied = 0;
    if let Ok(entries) = std::fs::read_dir(from) {
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name()))?;
                copied += 1;
            }
        }
    }
    Ok(copied)
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_file())).count()
    })
}

fn rel(sh: &Sh, path: &Path) -> PathBuf {
    path.strip_prefix(sh.root()).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_copy_replaces_the_scratch_dir() {
        let base = Sh::new().target_dir().join("xtask").join("test-fresh-copy");
        let (from, to) = (base.join("from"), base.join("to"));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&from).unwrap();
        std::fs::create_dir_all(&to).unwrap();
        std::fs::write(from.join("seed"), b"0-3").unwrap();
        std::fs::write(to.join("stale"), b"x").unwrap();
        assert_eq!(fresh_copy(&from, &to).unwrap(), 1);
        assert_eq!(count_files(&to), 1);
        assert_eq!(std::fs::read(to.join("seed")).unwrap(), b"0-3");
        assert_eq!(fresh_copy(&base.join("missing"), &to).unwrap(), 0);
        assert_eq!(count_files(&to), 0);
        std::fs::remove_dir_all(&base).unwrap();
    }
}
