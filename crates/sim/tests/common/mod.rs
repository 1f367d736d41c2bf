//! What the oracle tests share: the trace line of a result, and running a python3-libvirt
//! script against `test:///default` to compare its trace with the sim's, step by step.

#![allow(dead_code, unreachable_pub)]

use std::process::Command;

use virtkit_api::Result;

/// A result as a trace line: `f` of the value, or `code domain message` of the error.
pub fn line<T>(r: Result<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => format!("{} {} {}", e.raw_code(), e.raw_domain(), e.message()),
    }
}

/// A `()` result as a trace line: `0` or the error.
pub fn unit(r: Result<()>) -> String {
    line(r, |()| "0".into())
}

/// Runs `script` with `/usr/bin/python3 -c script args...` (python3-libvirt on
/// `test:///default`) and compares its output, line by line, with `ours`. Without a usable
/// python3-libvirt the comparison is skipped with a note, unless `VIRTKIT_REQUIRE_LIBVIRT=1`
/// (set by `cargo xtask test` where libvirt is installed), where that is a failure.
pub fn compare_with_oracle(what: &str, script: &str, args: &[&str], ours: &[String]) {
    let run = Command::new("/usr/bin/python3").arg("-c").arg(script).args(args).output();
    let theirs = match run {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        other => {
            let why = format!("python3-libvirt is not usable: {other:?}");
            assert!(
                std::env::var("VIRTKIT_REQUIRE_LIBVIRT").as_deref() != Ok("1"),
                "{why} (VIRTKIT_REQUIRE_LIBVIRT=1)"
            );
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{what} oracle: skipped, {why}");
            }
            return;
        }
    };
    let theirs: Vec<&str> = theirs.lines().collect();
    for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(a, b, "{what}, step {k}: sim {a:?} libvirt {b:?}\nsim: {ours:#?}");
    }
    assert_eq!(ours.len(), theirs.len(), "{what}: sim and libvirt traces differ in length");
}
