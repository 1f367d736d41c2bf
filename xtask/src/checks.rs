//! The cargo-driven checks: `fmt`, `clippy`, `test`, `wasm`, `bench`.

use std::path::{Path, PathBuf};

use crate::deps::{self, WASM_TARGET};
use crate::manifest;
use crate::sh::{Result, Sh, bail};

/// The crates that must build for `wasm32-unknown-unknown` without default features, by
/// folder under `crates/`. Only the ones that exist are built; `cref`, `libvirt` and `cli`
/// link or load C and are never on this list.
const PURE_CRATES: &[&str] = &["cpumap", "typedparams", "domxml", "api", "sim", "migrate"];

/// Set for the tests when libvirt is installed, so that differential tests fail instead of
/// skipping when they cannot load it (see `virtkit-cref`).
const REQUIRE_LIBVIRT_ENV: &str = "VIRTKIT_REQUIRE_LIBVIRT";

pub(crate) fn fmt(sh: &Sh, fix: bool) -> Result {
    if fix {
        sh.run(&mut sh.cargo(["fmt", "--all"]))?;
    } else {
        sh.run(&mut sh.cargo(["fmt", "--all", "--", "--check"]))?;
    }
    // The fuzz crate is its own workspace (nightly only); rustfmt its sources directly so that
    // no fuzz build or lock file is needed.
    let mut files = Vec::new();
    rust_files(&sh.root().join("fuzz"), &mut files)?;
    if files.is_empty() {
        return Ok(());
    }
    files.sort();
    let mut cmd = sh.cmd(sh.toolchain_tool("rustfmt"), ["--edition", "2024"]);
    if !fix {
        cmd.arg("--check");
    }
    cmd.args(files.iter().map(|file| file.strip_prefix(sh.root()).unwrap_or(file)));
    sh.run(&mut cmd)
}

/// The `.rs` files below `dir`, skipping build output.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if entry.file_type()?.is_dir() {
            if !matches!(name.to_str(), Some("target" | "corpus" | "artifacts" | "coverage")) {
                rust_files(&path, out)?;
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

pub(crate) fn clippy(sh: &Sh) -> Result {
    sh.run(&mut sh.cargo(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    sh.run(&mut sh.cargo([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The API documentation of every crate, with rustdoc's warnings as errors.
pub(crate) fn doc(sh: &Sh) -> Result {
    let mut cmd = sh.cargo(["doc", "--workspace", "--no-deps"]);
    cmd.env("RUSTDOCFLAGS", "-D warnings");
    sh.run(&mut cmd)
}

pub(crate) fn test(sh: &Sh) -> Result {
    let require = if std::env::var_os(REQUIRE_LIBVIRT_ENV).is_some() {
        None // the caller decided
    } else if deps::libvirt_runtime_present(sh) {
        println!("libvirt.so.0 is installed: {REQUIRE_LIBVIRT_ENV}=1, differential tests must run");
        Some("1")
    } else {
        println!(
            "note: libvirt.so.0 not found, differential tests will skip \
             (`cargo xtask deps` installs it)"
        );
        None
    };
    let with_env = |mut cmd: std::process::Command| {
        if let Some(value) = require {
            cmd.env(REQUIRE_LIBVIRT_ENV, value);
        }
        cmd
    };
    sh.run(&mut with_env(sh.cargo(["test", "--workspace", "--all-features"])))?;
    // Doc tests again with default features: examples must not depend on optional features.
    sh.run(&mut with_env(sh.cargo(["test", "--workspace", "--doc"])))
}

/// The package names of the pure crates that exist today.
fn pure_packages(sh: &Sh) -> Result<Vec<String>> {
    let mut packages = Vec::new();
    for dir in PURE_CRATES {
        let manifest_path = sh.root().join("crates").join(dir).join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest_path) else {
            continue;
        };
        match manifest::package_name(&text) {
            Some(name) => packages.push(name),
            None => bail!("{}: no [package] name", manifest_path.display()),
        }
    }
    Ok(packages)
}

pub(crate) fn wasm(sh: &Sh) -> Result {
    let packages = pure_packages(sh)?;
    if packages.is_empty() {
        println!("no pure crates yet (looked for crates/{{{}}})", PURE_CRATES.join(","));
        return Ok(());
    }
    if !deps::wasm_target_installed(sh) {
        bail!(
            "the {WASM_TARGET} target is not installed: run `cargo xtask deps` \
             (or `rustup target add {WASM_TARGET}`)"
        );
    }
    // One build per crate, so that each is checked alone, without features another one enables.
    for package in &packages {
        sh.run(&mut sh.cargo([
            "build",
            "--target",
            WASM_TARGET,
            "--no-default-features",
            "-p",
            package,
        ]))?;
    }
    println!("built for {WASM_TARGET}: {}", packages.join(", "));
    Ok(())
}

pub(crate) fn bench(sh: &Sh, no_run: bool, args: &[String]) -> Result {
    let mut cmd = sh.cargo(["bench", "-p", "virtkit-benches"]);
    if no_run {
        cmd.arg("--no-run");
    }
    cmd.args(args);
    sh.run(&mut cmd)
}

/// What CI builds of the benches: every bench target of the workspace, not run.
pub(crate) fn bench_build_all(sh: &Sh) -> Result {
    sh.run(&mut sh.cargo(["bench", "--workspace", "--no-run"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pure_crates_exclude_c_crates() {
        for c_crate in ["cref", "libvirt", "cli"] {
            assert!(!PURE_CRATES.contains(&c_crate));
        }
    }

    #[test]
    fn finds_existing_pure_crates() {
        let packages = pure_packages(&Sh::new()).unwrap();
        if Sh::new().root().join("crates/cpumap/Cargo.toml").exists() {
            assert!(packages.iter().any(|p| p == "virtkit-cpumap"));
        }
        assert!(!packages.iter().any(|p| p == "virtkit-cref"));
    }
}
