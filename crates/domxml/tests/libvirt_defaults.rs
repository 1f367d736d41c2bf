//! `Domain::apply_defaults` + format against libvirt's own generic parse + format (the
//! system `libvirt.so.0`, through `virtkit-cref`) over the corpus documents libvirt accepts.
//!
//! Documents whose devices are not completed as libvirt completes them yet differ; the count
//! of identical documents is a ratchet for libvirt 9.0 (the version on the project's machines):
//! it may only go up. `cargo run -p virtkit-domxml --example defaults_vs_libvirt` lists the
//! differences; those due to 9.0 being older than 11.3 are listed in
//! `tests/common/libvirt_versions.rs`.

use virtkit_domxml::Domain;

#[path = "common/corpus.rs"]
mod corpus;

#[path = "common/libvirt_versions.rs"]
mod libvirt_versions;

/// Identical documents with libvirt 9.0.0 when this test was written.
const EQUAL_WITH_LIBVIRT_9_0: usize = 1632;

#[test]
fn defaults_match_libvirt_generic_parse_and_format() {
    let dir = corpus::corpus_dir();
    let Ok(verdicts) = std::fs::read_to_string(dir.join("schema-verdicts.tsv")) else { return };
    let Some(lv) = virtkit_cref::libvirt_or_skip("domxml defaults") else { return };
    assert!(lv.has_domain_xml(), "libvirt.so.0 lacks virDomainDefParseString/virDomainDefFormat");
    let (mut accepted, mut equal) = (0, 0);
    for line in verdicts.lines() {
        let Some((rel, "valid")) = line.split_once('\t') else { continue };
        let text = std::fs::read_to_string(dir.join(rel)).unwrap();
        let Ok(def) = lv.domain_parse(&text) else { continue };
        let theirs = lv.domain_format(&def).unwrap();
        accepted += 1;
        let mut ours = Domain::from_xml(&text).unwrap();
        libvirt_versions::same_ids(&mut ours, &theirs);
        ours.apply_defaults();
        if libvirt_versions::as_libvirt(ours, lv.version()) == theirs {
            equal += 1;
        }
    }
    assert!(accepted > 2000, "libvirt accepted only {accepted} documents");
    if lv.version() == 9_000_000 {
        assert!(
            equal >= EQUAL_WITH_LIBVIRT_9_0,
            "{equal} of {accepted} equal, ratchet {EQUAL_WITH_LIBVIRT_9_0}"
        );
    }
}
