//! virtkit's automation, in the cargo-xtask style: `cargo xtask <command>` (the alias lives in
//! `.cargo/config.toml`). Plain Rust with the standard library only, so that it builds in
//! seconds on a fresh machine. `cargo xtask help` lists the commands.

// xtask talks to the person at the terminal: printing is its whole interface.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod checks;
mod ci;
mod conformance;
mod deps;
mod flags;
mod fuzz;
mod integration;
mod manifest;
mod sh;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flags::{Cmd, USAGE};
use sh::{Result, Sh, bail};

/// The variable through which every crate, test and bench finds the conformance corpus.
const CORPUS_ENV: &str = "VIRTKIT_CORPUS";

fn main() -> ExitCode {
    let flags = match flags::parse(std::env::args().skip(1).collect()) {
        Ok(flags) => flags,
        Err(msg) => {
            eprintln!("error: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(flags) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nerror: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(flags: flags::Flags) -> Result {
    let mut sh = Sh::new();
    if let Some(corpus) = corpus_dir(sh.root(), flags.corpus)? {
        sh.set_env(CORPUS_ENV, corpus);
    }
    match flags.cmd {
        Cmd::Help => {
            print!("{USAGE}");
            Ok(())
        }
        Cmd::Ci { fuzz_seconds } => ci::run(&sh, fuzz_seconds),
        Cmd::Deps => deps::run(&sh),
        Cmd::Fmt { fix } => checks::fmt(&sh, fix),
        Cmd::Clippy => checks::clippy(&sh),
        Cmd::Doc => checks::doc(&sh),
        Cmd::Test => checks::test(&sh),
        Cmd::Wasm => checks::wasm(&sh),
        Cmd::Conformance => conformance::run(&sh),
        Cmd::Fuzz { seconds, targets } => fuzz::run(&sh, seconds, &targets),
        Cmd::Bench { no_run, args } => checks::bench(&sh, no_run, &args),
        Cmd::Integration => integration::run(&sh),
    }
}

/// The conformance corpus: `--corpus DIR`, else `$VIRTKIT_CORPUS`, else `../shared/corpus`
/// beside the workspace. A directory named explicitly must exist; the default may be absent
/// (whatever reads the corpus then says so). Returned absolute, since commands run elsewhere.
fn corpus_dir(root: &Path, flag: Option<PathBuf>) -> Result<Option<PathBuf>> {
    let named = flag.map(|dir| (dir, "--corpus")).or_else(|| {
        std::env::var_os(CORPUS_ENV)
            .filter(|dir| !dir.is_empty())
            .map(|dir| (PathBuf::from(dir), "VIRTKIT_CORPUS"))
    });
    if let Some((dir, source)) = named {
        if !dir.is_dir() {
            bail!("{source} {}: not a directory", dir.display());
        }
        return Ok(Some(std::path::absolute(&dir)?));
    }
    let default = root.join("..").join("shared").join("corpus");
    Ok(default.is_dir().then(|| default.canonicalize().unwrap_or(default)))
}
