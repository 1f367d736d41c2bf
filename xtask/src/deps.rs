//! `cargo xtask deps`: install what the other tasks need, or say exactly how to.
//!
//! - libvirt (headers, `pkg-config` file, `libvirt.so.0`, virsh, the Python binding) from apt
//!   when running as root; otherwise print the command and fail;
//! - the `wasm32-unknown-unknown` target, rustfmt and clippy, a nightly toolchain (fuzzing);
//! - `cargo-fuzz`;
//! - `libc` kept at 0.2.183 in `Cargo.lock`, because `virt` 0.5 pins `libc = "=0.2.183"`.

use std::path::Path;

use crate::manifest;
use crate::sh::{Result, Sh, bail, read, succeeds};

/// The Debian packages: libvirt to build against (`pkg-config`, `libvirt-dev`) and to load at
/// run time for the differential tests, `virsh`, and libvirt's Python binding as a reference.
const APT_PACKAGES: &[&str] = &["pkg-config", "libvirt-dev", "libvirt-clients", "python3-libvirt"];

/// The one `libc` version `virt` 0.5 accepts.
const LIBC_PIN: &str = "0.2.183";

pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub(crate) fn run(sh: &Sh) -> Result {
    system_packages(sh)?;
    rust_toolchains(sh)?;
    cargo_fuzz(sh)?;
    libc_pin(sh)
}

fn system_packages(sh: &Sh) -> Result {
    let dpkg = succeeds(&mut sh.cmd("dpkg-query", ["--version"]));
    let missing: Vec<&str> = if dpkg {
        APT_PACKAGES.iter().copied().filter(|pkg| !deb_installed(sh, pkg)).collect()
    } else if libvirt_dev_present(sh) && libvirt_runtime_present(sh) {
        Vec::new()
    } else {
        APT_PACKAGES.to_vec()
    };
    if missing.is_empty() {
        if !libvirt_dev_present(sh) {
            bail!("`pkg-config --exists libvirt` fails although {APT_PACKAGES:?} are installed");
        }
        if !libvirt_runtime_present(sh) {
            bail!("libvirt.so.0 not found although {APT_PACKAGES:?} are installed");
        }
        let version = read(&mut sh.cmd("pkg-config", ["--modversion", "libvirt"]));
        println!("ok: libvirt {} (pkg-config, libvirt.so.0)", version.unwrap_or_default().trim());
        return Ok(());
    }

    let install = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
         --no-install-recommends {}",
        missing.join(" ")
    );
    if !is_root() {
        bail!(
            "missing system packages: {}\nInstall them as root, then run this again:\n    \
             sudo sh -c '{install}'",
            missing.join(" ")
        );
    }
    if !dpkg || !succeeds(&mut sh.cmd("apt-get", ["--version"])) {
        bail!(
            "libvirt's development files are missing and this is not a Debian-like system: \
             install the equivalents of {} with the system's package manager",
            missing.join(" ")
        );
    }
    println!("installing {}", missing.join(" "));
    let apt = |args: &[&str]| {
        let mut cmd = sh.cmd("apt-get", args);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    sh.run(&mut apt(&["update"]))?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(&missing);
    sh.run(&mut apt(&args))?;
    if !libvirt_dev_present(sh) || !libvirt_runtime_present(sh) {
        bail!("libvirt is still not usable after installing {}", missing.join(" "));
    }
    Ok(())
}

fn deb_installed(sh: &Sh, pkg: &str) -> bool {
    read(&mut sh.cmd("dpkg-query", ["-W", "-f=${Status}", pkg]))
        .is_some_and(|status| status.trim_end().ends_with(" installed"))
}

/// `pkg-config --exists libvirt`: what the `virt` crate's build needs.
fn libvirt_dev_present(sh: &Sh) -> bool {
    succeeds(&mut sh.cmd("pkg-config", ["--exists", "libvirt"]))
}

/// Whether `libvirt.so.0` can be loaded, as `virtkit-cref` does for the differential tests
/// (`$VIRTKIT_LIBVIRT_SO`, the `ldconfig` cache, `LD_LIBRARY_PATH` or the usual directories).
pub(crate) fn libvirt_runtime_present(sh: &Sh) -> bool {
    if let Some(path) = std::env::var_os("VIRTKIT_LIBVIRT_SO") {
        return Path::new(&path).is_file();
    }
    for ldconfig in ["ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"] {
        if let Some(cache) = read(&mut sh.cmd(ldconfig, ["-p"])) {
            if cache.lines().any(|line| line.trim_start().starts_with("libvirt.so.0 ")) {
                return true;
            }
            break;
        }
    }
    let mut dirs: Vec<std::path::PathBuf> = std::env::var_os("LD_LIBRARY_PATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    for base in ["/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib"] {
        dirs.push(base.into());
        if let Ok(entries) = std::fs::read_dir(base) {
            // Debian's multiarch directories such as /usr/lib/x86_64-linux-gnu.
            dirs.extend(
                entries
                    .flatten()
                    .filter(|entry| entry.file_name().to_string_lossy().contains("-linux-"))
                    .map(|entry| entry.path()),
            );
        }
    }
    dirs.iter().any(|dir| dir.join("libvirt.so.0").exists())
}

/// Effective user id 0, read from `/proc/self/status`, else from `id -u`.
pub(crate) fn is_root() -> bool {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(uids) = status.lines().find_map(|line| line.strip_prefix("Uid:"))
    {
        // Real, effective, saved, filesystem.
        return uids.split_whitespace().nth(1) == Some("0");
    }
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

fn rust_toolchains(sh: &Sh) -> Result {
    let rustup = succeeds(&mut sh.cmd("rustup", ["--version"]));

    if wasm_target_installed(sh) {
        println!("ok: target {WASM_TARGET}");
    } else if rustup {
        sh.run(&mut sh.cmd("rustup", ["target", "add", WASM_TARGET]))?;
    } else {
        bail!("the {WASM_TARGET} target is missing and rustup is not available to add it");
    }

    let fmt = succeeds(&mut sh.cargo(["fmt", "--version"]));
    let clippy = succeeds(&mut sh.cargo(["clippy", "--version"]));
    if fmt && clippy {
        println!("ok: rustfmt, clippy");
    } else if rustup {
        sh.run(&mut sh.cmd("rustup", ["component", "add", "rustfmt", "clippy"]))?;
    } else {
        bail!("rustfmt or clippy is missing and rustup is not available to add them");
    }

    if let Some(version) = nightly_version(sh) {
        println!("ok: nightly ({})", version.trim());
    } else if rustup {
        sh.run(&mut sh.cmd("rustup", ["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    } else {
        bail!("cargo fuzz needs a nightly toolchain and rustup is not available to install one");
    }
    Ok(())
}

/// Whether the running toolchain's sysroot has the standard library for wasm32.
pub(crate) fn wasm_target_installed(sh: &Sh) -> bool {
    let rustc = sh.toolchain_tool("rustc");
    read(&mut sh.cmd(rustc, ["--print", "sysroot"])).is_some_and(|sysroot| {
        Path::new(sysroot.trim()).join("lib/rustlib").join(WASM_TARGET).join("lib").is_dir()
    })
}

/// `rustup run nightly rustc --version`, if a nightly toolchain is installed.
pub(crate) fn nightly_version(sh: &Sh) -> Option<String> {
    read(&mut sh.cmd("rustup", ["run", "nightly", "rustc", "--version"]))
}

/// Whether `cargo fuzz` is installed.
pub(crate) fn cargo_fuzz_installed(sh: &Sh) -> bool {
    succeeds(&mut sh.cargo(["fuzz", "--version"]))
}

fn cargo_fuzz(sh: &Sh) -> Result {
    if cargo_fuzz_installed(sh) {
        let version = read(&mut sh.cargo(["fuzz", "--version"])).unwrap_or_default();
        println!("ok: {}", version.trim());
        return Ok(());
    }
    if let Err(err) = sh.run(&mut sh.cargo(["install", "cargo-fuzz", "--locked"])) {
        println!("{err}; trying again without --locked");
        sh.run(&mut sh.cargo(["install", "cargo-fuzz"]))?;
    }
    Ok(())
}

fn libc_pin(sh: &Sh) -> Result {
    let lock_path = sh.root().join("Cargo.lock");
    let read = || std::fs::read_to_string(&lock_path);
    let versions = manifest::locked_versions(&read()?, "libc");
    let others: Vec<&String> = versions.iter().filter(|v| *v != LIBC_PIN).collect();
    if others.is_empty() {
        println!("ok: Cargo.lock has libc {LIBC_PIN} (the version `virt` 0.5 pins)");
        return Ok(());
    }
    for version in &others {
        let spec = format!("libc@{version}");
        sh.run(&mut sh.cargo(["update", "-p", &spec, "--precise", LIBC_PIN]))?;
    }
    let after = manifest::locked_versions(&read()?, "libc");
    if let Some(bad) = after.iter().find(|v| *v != LIBC_PIN) {
        bail!("Cargo.lock still has libc {bad}; `virt` 0.5 needs exactly {LIBC_PIN}");
    }
    println!(
        "NOTE: Cargo.lock had libc {others:?}; now {LIBC_PIN} (the version `virt` 0.5 pins). \
         Commit Cargo.lock."
    );
    Ok(())
}
