//! `cargo xtask integration`: `virtkit-libvirt` against two real libvirtd daemons with QEMU
//! (the recipe of `../shared/spec/environment.md` §3).
//!
//! Each daemon runs in a private mount namespace (`unshare --mount`) whose `/etc/passwd`,
//! `/etc/group`, `/etc/libvirt`, `/var` and `/run` are bind mounts of a scratch directory
//! under `target/virtkit-integration/ns/N`, so nothing under `/etc` changes; the daemons get
//! distinct host UUIDs and migration port ranges. The test `crates/libvirt/tests/daemons.rs`
//! then runs with the two socket URIs in `VIRTKIT_LIBVIRT_DAEMONS` (and the daemons' PIDs in
//! `VIRTKIT_LIBVIRT_DAEMON_PIDS`, for the fault test). Afterwards every process started is
//! stopped by PID (the daemons, and the QEMU processes they left, read from their PID files),
//! and the cgroup directories libvirt created are removed.
//!
//! Without root, or without the packages and no way to install them, the step is skipped
//! with the reason (`cargo xtask ci` reports it so).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::sh::{Result, Sh, bail, succeeds};

const PACKAGES: &[&str] = &["libvirt-daemon", "libvirt-daemon-driver-qemu", "qemu-system-x86"];
const LIBVIRTD: &str = "/usr/sbin/libvirtd";
const QEMU: &str = "/usr/bin/qemu-system-x86_64";
/// The two daemons, as namespace numbers (host UUID suffix and migration ports 4N152-4N215).
const DAEMONS: [u32; 2] = [2, 3];
const CGROUP_ROOT: &str = "/sys/fs/cgroup";

/// Why the step cannot run here, if it cannot.
fn unavailable(sh: &Sh) -> Option<String> {
    if !crate::deps::is_root() {
        return Some("needs root (private mount namespaces, libvirtd as root)".to_owned());
    }
    if !succeeds(&mut sh.cmd("unshare", ["--version"])) {
        return Some("`unshare` (util-linux) is missing".to_owned());
    }
    None
}

/// Installs the daemon packages when they are missing (as root, with apt).
fn install(sh: &Sh) -> Result {
    if Path::new(LIBVIRTD).exists() && Path::new(QEMU).exists() {
        return Ok(());
    }
    if !succeeds(&mut sh.cmd("apt-get", ["--version"])) {
        bail!(
            "{LIBVIRTD} or {QEMU} is missing and apt-get is not available to install {PACKAGES:?}"
        );
    }
    let mut cmd = sh.cmd("apt-get", ["install", "-y", "--no-install-recommends"]);
    cmd.args(PACKAGES).env("DEBIAN_FRONTEND", "noninteractive");
    sh.run(&mut cmd)
}

pub(crate) fn run(sh: &Sh) -> Result {
    if let Some(reason) = unavailable(sh) {
        println!("integration: skipped, {reason}");
        return Ok(());
    }
    install(sh)?;
    let state = sh.target_dir().join("virtkit-integration");
    if state.exists() {
        std::fs::remove_dir_all(&state)?;
    }
    let cgroups_before = machine_cgroups();
    let mut daemons = Vec::new();
    let outcome = start_all(&state, &mut daemons).and_then(|uris| {
        let pids: Vec<String> = daemons.iter().map(|d| d.child.id().to_string()).collect();
        let mut cmd = sh.cargo([
            "test",
            "-p",
            "virtkit-libvirt",
            "--test",
            "daemons",
            "--",
            "--test-threads=1",
            "--nocapture",
        ]);
        cmd.env("VIRTKIT_LIBVIRT_DAEMONS", uris.join(","))
            .env("VIRTKIT_LIBVIRT_DAEMON_PIDS", pids.join(","))
            .env("VIRTKIT_LIBVIRT_SCRATCH", &state)
            .env("VIRTKIT_REQUIRE_DAEMONS", "1");
        sh.run(&mut cmd)
    });
    stop_all(&mut daemons);
    remove_new_cgroups(&cgroups_before);
    if outcome.is_err() {
        for n in DAEMONS {
            let log = ns_dir(&state, n).join("var/log/libvirtd.log");
            if let Ok(text) = std::fs::read_to_string(&log) {
                let tail: Vec<&str> = text.lines().rev().take(15).collect();
                println!("--- last lines of {} ---", log.display());
                for line in tail.iter().rev() {
                    println!("{line}");
                }
            }
        }
    }
    outcome
}

struct Daemon {
    n: u32,
    child: Child,
    dir: PathBuf,
}

fn ns_dir(state: &Path, n: u32) -> PathBuf {
    state.join("ns").join(n.to_string())
}

/// Prepares and starts every daemon; returns their socket URIs.
fn start_all(state: &Path, daemons: &mut Vec<Daemon>) -> Result<Vec<String>> {
    let mut uris = Vec::new();
    for n in DAEMONS {
        let dir = ns_dir(state, n);
        prepare(&dir, n)?;
        let child = start(&dir)?;
        daemons.push(Daemon { n, child, dir: dir.clone() });
        let sock = dir.join("run/libvirt/libvirt-sock");
        wait_for(&sock, daemons.last_mut().map(|d| &mut d.child))?;
        uris.push(format!("qemu+unix:///system?socket={}", sock.display()));
    }
    Ok(uris)
}

/// The scratch tree of daemon `n` (environment.md's `mkns.sh`).
fn prepare(dir: &Path, n: u32) -> Result {
    for sub in ["etc-libvirt", "var/lib", "var/log/libvirt", "var/cache", "var/tmp", "run"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    std::os::unix::fs::symlink("/run", dir.join("var/run"))?;
    let mut passwd = std::fs::read_to_string("/etc/passwd")?;
    let mut group = std::fs::read_to_string("/etc/group")?;
    // libvirt resolves its compiled-in default user before reading qemu.conf.
    if !passwd.lines().any(|l| l.starts_with("libvirt-qemu:")) {
        passwd.push_str("libvirt-qemu:x:64055:64055::/var/lib/libvirt:/usr/sbin/nologin\n");
    }
    if !group.lines().any(|l| l.starts_with("libvirt-qemu:")) {
        group.push_str("libvirt-qemu:x:64055:\n");
    }
    std::fs::write(dir.join("passwd"), passwd)?;
    std::fs::write(dir.join("group"), group)?;
    for conf in ["libvirt.conf", "libvirt-admin.conf"] {
        let from = Path::new("/etc/libvirt").join(conf);
        if from.exists() {
            std::fs::copy(&from, dir.join("etc-libvirt").join(conf))?;
        }
    }
    std::fs::write(
        dir.join("etc-libvirt/libvirtd.conf"),
        format!(
            "host_uuid = \"00000000-0000-0000-0000-00000000000{n}\"\n\
             auth_unix_rw = \"none\"\n\
             log_outputs = \"3:file:/var/log/libvirtd.log\"\n"
        ),
    )?;
    std::fs::write(
        dir.join("etc-libvirt/qemu.conf"),
        format!(
            "user = \"root\"\ngroup = \"root\"\nstdio_handler = \"file\"\n\
             migration_port_min = 4{n}152\nmigration_port_max = 4{n}215\n"
        ),
    )?;
    Ok(())
}

/// `libvirtd` in its own mount namespace (environment.md's `inns.sh`); `unshare` and the
/// shell exec, so the child's PID is the daemon's.
fn start(dir: &Path) -> Result<Child> {
    let script = "mount --bind \"$B/passwd\" /etc/passwd && mount --bind \"$B/group\" /etc/group \
        && mount --bind \"$B/etc-libvirt\" /etc/libvirt && mount --bind \"$B/var\" /var \
        && mount --bind \"$B/run\" /run && exec \"$0\" --pid-file /run/libvirtd.pid";
    let log = std::fs::File::create(dir.join("daemon.out"))?;
    Command::new("unshare")
        .args(["--mount", "--propagation", "private", "--", "sh", "-c", script, LIBVIRTD])
        .env("B", dir)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .map_err(|e| crate::sh::Error::new(format!("cannot start libvirtd: {e}")))
}

fn wait_for(sock: &Path, child: Option<&mut Child>) -> Result {
    let started = Instant::now();
    let mut child = child;
    while started.elapsed() < Duration::from_secs(20) {
        if sock.exists() {
            return Ok(());
        }
        if let Some(c) = child.as_deref_mut()
            && let Ok(Some(status)) = c.try_wait()
        {
            bail!("libvirtd exited early ({status}); see {}", sock.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("libvirtd did not create {} within 20 s", sock.display())
}

/// Stops the daemons and the QEMU processes they started, by PID.
fn stop_all(daemons: &mut Vec<Daemon>) {
    for d in daemons.iter_mut() {
        for pid in qemu_pids(&d.dir) {
            terminate(pid);
            // Its cgroups can go only once it has exited.
            let started = Instant::now();
            while Path::new(&format!("/proc/{pid}")).exists()
                && started.elapsed() < Duration::from_secs(10)
            {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        terminate(d.child.id());
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = d.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if !matches!(d.child.try_wait(), Ok(Some(_))) {
            let _ = d.child.kill();
            let _ = d.child.wait();
        }
        println!("integration: daemon {} (pid {}) stopped", d.n, d.child.id());
    }
    daemons.clear();
}

/// The PIDs in the daemon's QEMU PID files (`/run/libvirt/qemu/*.pid` inside its namespace).
fn qemu_pids(dir: &Path) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir(dir.join("run/libvirt/qemu")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pid"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok()?.trim().parse().ok())
        .collect()
}

fn terminate(pid: u32) {
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
}

/// Every directory of the `machine` cgroup trees of every controller (libvirt creates them
/// itself where there is no systemd), parents before children.
fn machine_cgroups() -> Vec<PathBuf> {
    fn walk(dir: PathBuf, out: &mut Vec<PathBuf>) {
        let children: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        out.push(dir);
        for child in children {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    if let Ok(ctrls) = std::fs::read_dir(CGROUP_ROOT) {
        for c in ctrls.flatten() {
            let machine = c.path().join("machine");
            if machine.is_dir() {
                walk(machine, &mut out);
            }
        }
    }
    out
}

/// Removes the cgroup directories that appeared during the run, children first; only empty
/// cgroups can be removed, a busy one stays.
fn remove_new_cgroups(before: &[PathBuf]) {
    // The kernel frees a cgroup shortly after its last task exits: a few tries.
    for _ in 0..10 {
        let left: Vec<PathBuf> =
            machine_cgroups().into_iter().filter(|d| !before.contains(d)).collect();
        if left.is_empty() {
            return;
        }
        for dir in left.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
