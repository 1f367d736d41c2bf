//! Shared helpers for the criterion benches in `benches/benches/`: locating the conformance
//! corpus and collecting inputs from it.

use std::path::PathBuf;

/// Environment variable naming the conformance corpus directory.
pub const CORPUS_ENV: &str = "VIRTKIT_CORPUS";

/// The corpus directory: `$VIRTKIT_CORPUS`, else `../shared/corpus` next to the workspace.
///
/// ```
/// let dir = virtkit_benches::corpus_dir();
/// assert!(dir.ends_with("corpus"));
/// ```
pub fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(CORPUS_ENV) {
        return PathBuf::from(dir);
    }
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    workspace.join("..").join("shared").join("corpus")
}
