//! Command-line flags of `cargo xtask` and the usage text.

use std::path::PathBuf;

/// Seconds each fuzz target runs for under `cargo xtask fuzz`.
pub(crate) const FUZZ_SECONDS: u64 = 20;
/// Seconds each fuzz target runs for in the smoke run of `cargo xtask ci`.
pub(crate) const CI_FUZZ_SECONDS: u64 = 15;

pub(crate) const USAGE: &str = "\
cargo xtask: virtkit's automation (run from anywhere inside the workspace)

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    ci                   everything CI checks, in order: deps, fmt, clippy, doc, test, wasm,
                         conformance, integration, fuzz (smoke run), bench (build only);
                         stops at the first failure
        --fuzz-seconds N     seconds per fuzz target (default 15)
    deps                 install what is missing: libvirt packages (apt, as root), the
                         wasm32 target, rustfmt/clippy, nightly, cargo-fuzz; keep libc at
                         0.2.183 in Cargo.lock
    fmt                  cargo fmt --check over the workspace and the fuzz targets
        --fix                reformat instead of checking
    clippy               cargo clippy --workspace --all-targets -D warnings, default and
                         all features
    doc                  cargo doc --workspace --no-deps with rustdoc warnings as errors
                         (broken links, links to private items, stray HTML)
    test                 cargo test --workspace --all-features, then the doc tests; requires
                         libvirt for the differential tests when it is installed
    wasm                 build every pure crate for wasm32-unknown-unknown, no default features
    fuzz [TARGET...]     cargo +nightly fuzz: every target of fuzz/Cargo.toml (or the ones
                         named), on a scratch copy of fuzz/corpus/<target>
        --seconds N          seconds per target (default 20)
    conformance          virtkit-domxml over the libvirt corpus: parse, canonical, lossless and
                         typed-coverage figures; fails below xtask/conformance-baseline.txt
    integration          virtkit-libvirt against two real libvirtd+QEMU daemons in private
                         mount namespaces (root; installs the daemon packages with apt);
                         skipped with the reason where that is not possible
    bench [ARGS...]      cargo bench -p virtkit-benches ARGS... (for example `-- parse`)
        --no-run             build the benches without running them
    help                 this text

OPTIONS (every command):
    --corpus DIR         the libvirt conformance corpus (default: $VIRTKIT_CORPUS, else
                         ../shared/corpus next to the workspace); passed on as VIRTKIT_CORPUS
";

/// What to do.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Cmd {
    Help,
    Ci { fuzz_seconds: u64 },
    Deps,
    Fmt { fix: bool },
    Clippy,
    Doc,
    Test,
    Wasm,
    Conformance,
    Fuzz { seconds: u64, targets: Vec<String> },
    Bench { no_run: bool, args: Vec<String> },
    Integration,
}

/// The parsed command line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Flags {
    pub(crate) cmd: Cmd,
    pub(crate) corpus: Option<PathBuf>,
}

/// Parses the arguments after `cargo xtask`.
pub(crate) fn parse(args: Vec<String>) -> Result<Flags, String> {
    let (mut args, corpus) = take_corpus(args)?;
    if args.is_empty() {
        return Ok(Flags { cmd: Cmd::Help, corpus });
    }
    let name = args.remove(0);
    let before_dashes = args.iter().take_while(|arg| *arg != "--");
    if name != "bench" && before_dashes.clone().any(|arg| arg == "-h" || arg == "--help") {
        return Ok(Flags { cmd: Cmd::Help, corpus });
    }
    let cmd = match name.as_str() {
        "help" | "-h" | "--help" => Cmd::Help,
        "ci" => {
            let mut fuzz_seconds = CI_FUZZ_SECONDS;
            let mut rest = args.into_iter();
            while let Some(arg) = rest.next() {
                match arg.as_str() {
                    "--fuzz-seconds" => fuzz_seconds = seconds(&arg, rest.next())?,
                    _ => return Err(unexpected(&name, &arg)),
                }
            }
            Cmd::Ci { fuzz_seconds }
        }
        "fmt" => {
            let mut fix = false;
            for arg in args {
                match arg.as_str() {
                    "--fix" => fix = true,
                    "--check" => fix = false,
                    _ => return Err(unexpected(&name, &arg)),
                }
            }
            Cmd::Fmt { fix }
        }
        "fuzz" => {
            let mut secs = FUZZ_SECONDS;
            let mut targets = Vec::new();
            let mut rest = args.into_iter();
            while let Some(arg) = rest.next() {
                match arg.as_str() {
                    "--seconds" => secs = seconds(&arg, rest.next())?,
                    _ if arg.starts_with('-') => return Err(unexpected(&name, &arg)),
                    _ => targets.push(arg),
                }
            }
            Cmd::Fuzz { seconds: secs, targets }
        }
        "bench" => {
            // Everything but our own flag goes to `cargo bench` verbatim; after `--` even that.
            let mut no_run = false;
            let mut pass = Vec::new();
            let mut verbatim = false;
            for arg in args {
                verbatim |= arg == "--";
                if !verbatim && arg == "--no-run" {
                    no_run = true;
                } else {
                    pass.push(arg);
                }
            }
            Cmd::Bench { no_run, args: pass }
        }
        "deps" | "clippy" | "doc" | "test" | "wasm" | "conformance" | "integration" => {
            if let Some(arg) = args.first() {
                return Err(unexpected(&name, arg));
            }
            match name.as_str() {
                "deps" => Cmd::Deps,
                "clippy" => Cmd::Clippy,
                "doc" => Cmd::Doc,
                "test" => Cmd::Test,
                "conformance" => Cmd::Conformance,
                "integration" => Cmd::Integration,
                _ => Cmd::Wasm,
            }
        }
        _ => return Err(format!("unknown command `{name}`")),
    };
    Ok(Flags { cmd, corpus })
}

/// Removes `--corpus DIR` / `--corpus=DIR` (before any `--`) from the arguments.
fn take_corpus(args: Vec<String>) -> Result<(Vec<String>, Option<PathBuf>), String> {
    let mut corpus = None;
    let mut rest = Vec::with_capacity(args.len());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            rest.push(arg);
            rest.extend(args.by_ref());
        } else if arg == "--corpus" {
            let dir = args.next().ok_or("`--corpus` needs a directory")?;
            corpus = Some(PathBuf::from(dir));
        } else if let Some(dir) = arg.strip_prefix("--corpus=") {
            corpus = Some(PathBuf::from(dir));
        } else {
            rest.push(arg);
        }
    }
    Ok((rest, corpus))
}

fn seconds(flag: &str, value: Option<String>) -> Result<u64, String> {
    let value = value.ok_or_else(|| format!("`{flag}` needs a number of seconds"))?;
    match value.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("`{flag} {value}`: expected a positive whole number of seconds")),
    }
}

fn unexpected(cmd: &str, arg: &str) -> String {
    format!("unexpected argument `{arg}` for `cargo xtask {cmd}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Flags, String> {
        parse(line.split_whitespace().map(str::to_owned).collect())
    }

    fn cmd(line: &str) -> Cmd {
        parse_str(line).unwrap().cmd
    }

    #[test]
    fn commands() {
        assert_eq!(cmd(""), Cmd::Help);
        assert_eq!(cmd("help"), Cmd::Help);
        assert_eq!(cmd("test --help"), Cmd::Help);
        assert_eq!(cmd("ci"), Cmd::Ci { fuzz_seconds: CI_FUZZ_SECONDS });
        assert_eq!(cmd("ci --fuzz-seconds 3"), Cmd::Ci { fuzz_seconds: 3 });
        assert_eq!(cmd("deps"), Cmd::Deps);
        assert_eq!(cmd("fmt"), Cmd::Fmt { fix: false });
        assert_eq!(cmd("fmt --fix"), Cmd::Fmt { fix: true });
        assert_eq!(cmd("fmt --check"), Cmd::Fmt { fix: false });
        assert_eq!(cmd("clippy"), Cmd::Clippy);
        assert_eq!(cmd("doc"), Cmd::Doc);
        assert_eq!(cmd("test"), Cmd::Test);
        assert_eq!(cmd("wasm"), Cmd::Wasm);
        assert_eq!(cmd("conformance"), Cmd::Conformance);
    }

    #[test]
    fn fuzz() {
        assert_eq!(cmd("fuzz"), Cmd::Fuzz { seconds: FUZZ_SECONDS, targets: vec![] });
        assert_eq!(
            cmd("fuzz a --seconds 5 b"),
            Cmd::Fuzz { seconds: 5, targets: vec!["a".into(), "b".into()] }
        );
        assert!(parse_str("fuzz --seconds").is_err());
        assert!(parse_str("fuzz --seconds 0").is_err());
        assert!(parse_str("fuzz --seconds x").is_err());
        assert!(parse_str("fuzz --fast").is_err());
    }

    #[test]
    fn bench_passes_arguments_through() {
        assert_eq!(
            cmd("bench --no-run --bench cpumap"),
            Cmd::Bench { no_run: true, args: vec!["--bench".into(), "cpumap".into()] }
        );
        assert_eq!(
            cmd("bench -- --no-run --help"),
            Cmd::Bench {
                no_run: false,
                args: vec!["--".into(), "--no-run".into(), "--help".into()]
            }
        );
    }

    #[test]
    fn corpus_anywhere_before_dashes() {
        let flags = parse_str("--corpus /c test").unwrap();
        assert_eq!((flags.cmd, flags.corpus), (Cmd::Test, Some(PathBuf::from("/c"))));
        let flags = parse_str("bench --corpus=/c -- --corpus x").unwrap();
        assert_eq!(flags.corpus, Some(PathBuf::from("/c")));
        assert_eq!(
            flags.cmd,
            Cmd::Bench { no_run: false, args: vec!["--".into(), "--corpus".into(), "x".into()] }
        );
        assert!(parse_str("test --corpus").is_err());
    }

    #[test]
    fn rejects_unknown() {
        assert!(parse_str("frobnicate").is_err());
        assert!(parse_str("test --release").is_err());
        assert!(parse_str("fmt --all").is_err());
    }
}
