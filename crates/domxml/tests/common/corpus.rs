//! Where the conformance corpus is, for the tests that read it.

use std::path::PathBuf;

/// `$VIRTKIT_CORPUS/libvirt-11.3.0`, else `../shared/corpus/libvirt-11.3.0` beside the
/// workspace (it may be missing: the tests that need it then return early).
pub(crate) fn corpus_dir() -> PathBuf {
    std::env::var_os("VIRTKIT_CORPUS")
        .filter(|d| !d.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
            PathBuf::from,
        )
        .join("libvirt-11.3.0")
}
