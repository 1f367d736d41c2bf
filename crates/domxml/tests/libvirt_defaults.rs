//! `Domain::apply_defaults` + format against libvirt's own generic parse + format (the
//! system `libvirt.so.0`, through `virtkit-cref`) over the corpus documents libvirt accepts.
//!
//! With libvirt 9.0 (the version on the project's machines) every accepted document must be
//! equal, except those whose devices use what 9.0 does not know
//! (`libvirt_versions::DEVICES_NEWER_THAN_9_0`), which must differ — so the list stays exact.
//! Differences outside `<devices>` due to 9.0 being older than 11.3, and what both sides
//! generate at random, are taken out by `libvirt_versions` (listed there).
//! `cargo run -p virtkit-domxml --example defaults_vs_libvirt` prints the differences.

use virtkit_domxml::Domain;

#[path = "common/corpus.rs"]
mod corpus;

#[path = "common/libvirt_versions.rs"]
mod libvirt_versions;

#[test]
fn defaults_match_libvirt_generic_parse_and_format() {
    let dir = corpus::corpus_dir();
    let Ok(verdicts) = std::fs::read_to_string(dir.join("schema-verdicts.tsv")) else { return };
    let Some(lv) = virtkit_cref::libvirt_or_skip("domxml defaults") else { return };
    assert!(lv.has_domain_xml(), "libvirt.so.0 lacks virDomainDefParseString/virDomainDefFormat");
    let (mut accepted, mut wrong) = (0, Vec::new());
    for line in verdicts.lines() {
        let Some((rel, "valid")) = line.split_once('\t') else { continue };
        let text = std::fs::read_to_string(dir.join(rel)).unwrap();
        let Ok(def) = lv.domain_parse(&text) else { continue };
        let theirs = lv.domain_format(&def).unwrap();
        accepted += 1;
        let mut ours = Domain::from_xml(&text).unwrap();
        libvirt_versions::same_ids(&mut ours, &theirs);
        ours.apply_defaults();
        let ours = libvirt_versions::as_libvirt(ours, lv.version());
        if lv.version() != 9_000_000 {
            continue;
        }
        let listed = libvirt_versions::DEVICES_NEWER_THAN_9_0.iter().any(|(d, _)| *d == rel);
        if (ours == theirs) == listed {
            let first = ours.lines().zip(theirs.lines()).find(|(a, b)| a != b).map_or_else(
                || "(length)".to_owned(),
                |(a, b)| format!("ours {a:?}, libvirt {b:?}"),
            );
            wrong.push(if listed {
                format!("{rel}: listed as newer than 9.0 but equal")
            } else {
                format!("{rel}: {first}")
            });
        }
    }
    assert!(accepted > 2000, "libvirt accepted only {accepted} documents");
    assert!(wrong.is_empty(), "{} of {accepted}:\n{}", wrong.len(), wrong.join("\n"));
}
