//! The `virtkit` binary, run as a user would.

use std::process::Command;

fn virtkit(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_virtkit")).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn tour_runs() {
    let (ok, out, _) = virtkit(&[]);
    assert!(ok);
    assert!(out.contains("'0-3,^1'     -> '0,2-3'  cpumap [13]"), "{out}");
    // The embedded default host answers as libvirt's test:///default does.
    assert!(
        out.contains("domain 'test': 2 vCPUs, 2097152 KiB of 8388608 KiB, state Running"),
        "{out}"
    );
    assert!(out.contains("after virDomainSuspend: Paused"), "{out}");
    assert!(out.contains("error: internal error: domain 'test' not running"), "{out}");
    assert!(out.contains("Invalid value for field 'weight': expected unsigned int"), "{out}");
}

#[test]
fn cpulist_reports_and_rejects() {
    let (ok, out, _) = virtkit(&["cpulist", "0-7,^3", "--bound", "8"]);
    assert!(ok);
    assert!(
        out.contains("formatted : 0-2,4-7")
            && out.contains("cpumap    : [0xf7]")
            && out.contains("hex       : f7"),
        "{out}"
    );
    let (ok, _, err) = virtkit(&["cpulist", "8", "--bound", "8"]);
    assert!(!ok);
    assert!(err.contains("Failed to parse bitmap '8'"), "{err}");
    let (ok, _, _) = virtkit(&["cpulist", "1,", "--strict"]);
    assert!(!ok);
}

#[test]
fn kernel_and_schedinfo() {
    let (ok, out, _) = virtkit(&["kernel-cpulist", "0-7:2/4\n", "--nbits", "8"]);
    assert!(ok && out.contains("formatted : 0-1,4-5"), "{out}");
    let (ok, out, _) = virtkit(&["schedinfo", "--set", "cpu_shares=512", "--set", "vcpu_quota=-1"]);
    assert!(ok && out.contains("cpu_shares") && out.contains("bytes of XDR"), "{out}");
    let (ok, _, err) = virtkit(&["schedinfo", "--set", "weight=x"]);
    assert!(!ok && err.contains("expected unsigned int"), "{err}");
    let (ok, _, err) = virtkit(&["frobnicate"]);
    assert!(!ok && err.contains("unknown command"), "{err}");
}
