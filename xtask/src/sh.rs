//! Running programs from the workspace root: echo the command, run it, turn failure into an
//! [`Error`] that says what failed.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A failed task, as a message for the person at the terminal.
#[derive(Debug)]
pub(crate) struct Error(String);

impl Error {
    pub(crate) fn new(msg: impl Into<String>) -> Error {
        Error(msg.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error(err.to_string())
    }
}

/// Result of an xtask step.
pub(crate) type Result<T = ()> = std::result::Result<T, Error>;

/// Returns early with an [`Error`] built from a format string.
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::sh::Error::new(format!($($arg)*)))
    };
}
pub(crate) use bail;

/// Where and how commands run: the workspace root, the cargo of this toolchain, and the
/// environment every child gets (for example `VIRTKIT_CORPUS`).
pub(crate) struct Sh {
    root: PathBuf,
    cargo: OsString,
    envs: Vec<(OsString, OsString)>,
}

impl Sh {
    /// The workspace root is the parent of this crate's manifest directory.
    pub(crate) fn new() -> Sh {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the workspace root")
            .to_path_buf();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        Sh { root, cargo, envs: Vec::new() }
    }

    /// The workspace root.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The cargo target directory (`$CARGO_TARGET_DIR`, else `target/` in the root).
    pub(crate) fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => self.root.join(dir),
            _ => self.root.join("target"),
        }
    }

    /// Sets a variable for every command started from now on.
    pub(crate) fn set_env(&mut self, key: impl Into<OsString>, value: impl Into<OsString>) {
        self.envs.push((key.into(), value.into()));
    }

    /// A tool of the running toolchain (`rustc`, `rustfmt`, ...): the file next to `$CARGO`
    /// when it exists, else the name looked up in `PATH`.
    pub(crate) fn toolchain_tool(&self, name: &str) -> OsString {
        let beside = Path::new(&self.cargo).with_file_name(name);
        if beside.is_file() { beside.into_os_string() } else { OsString::from(name) }
    }

    /// `$CARGO args...`, in the workspace root.
    pub(crate) fn cargo<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd(&self.cargo, args)
    }

    /// `program args...`, in the workspace root.
    pub(crate) fn cmd<I, S>(&self, program: impl AsRef<OsStr>, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(&self.root);
        for (key, value) in &self.envs {
            cmd.env(key, value);
        }
        cmd
    }

    /// Echoes the command, runs it with the terminal attached and fails unless it exits 0.
    pub(crate) fn run(&self, cmd: &mut Command) -> Result {
        let shown = self.show(cmd);
        println!("$ {shown}");
        let status =
            cmd.status().map_err(|err| Error::new(format!("cannot start `{shown}`: {err}")))?;
        if status.success() { Ok(()) } else { bail!("`{shown}` failed ({status})") }
    }

    /// The command line as a shell would show it, with the variables set on this command alone
    /// (not the ones every command gets) in front.
    fn show(&self, cmd: &Command) -> String {
        let mut words = Vec::new();
        for (key, value) in cmd.get_envs() {
            let common = self.envs.iter().any(|(k, v)| k == key && Some(v.as_os_str()) == value);
            if let (Some(value), false) = (value, common) {
                words.push(format!("{}={}", key.to_string_lossy(), quote(value)));
            }
        }
        words.push(quote(program_name(cmd.get_program())));
        words.extend(cmd.get_args().map(quote));
        words.join(" ")
    }
}

/// Runs the command silently and tells whether it exits 0 (false when it cannot start).
pub(crate) fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Runs the command silently and returns its standard output if it exits 0.
pub(crate) fn read(cmd: &mut Command) -> Option<String> {
    let out = cmd.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `cargo` instead of `/home/me/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/cargo`.
fn program_name(program: &OsStr) -> &OsStr {
    let path = Path::new(program);
    match path.file_name() {
        Some(name) if name == "cargo" => name,
        _ => program,
    }
}

fn quote(word: &OsStr) -> String {
    let word = word.to_string_lossy();
    let plain = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=+:,@%^".contains(c));
    if plain { word.into_owned() } else { format!("'{}'", word.replace('\'', r"'\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote(OsStr::new("-max_total_time=15")), "-max_total_time=15");
        assert_eq!(quote(OsStr::new("a b")), "'a b'");
        assert_eq!(quote(OsStr::new("it's")), r"'it'\''s'");
        assert_eq!(quote(OsStr::new("")), "''");
    }

    #[test]
    fn shows_own_env_but_not_common_env() {
        let mut sh = Sh::new();
        sh.set_env("VIRTKIT_CORPUS", "/c");
        let mut cmd = sh.cargo(["test", "--workspace"]);
        cmd.env("VIRTKIT_REQUIRE_LIBVIRT", "1");
        assert_eq!(sh.show(&cmd), "VIRTKIT_REQUIRE_LIBVIRT=1 cargo test --workspace");
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        let sh = Sh::new();
        let manifest = std::fs::read_to_string(sh.root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }
}
