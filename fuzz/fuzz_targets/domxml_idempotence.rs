//! Domain XML formatting is idempotent: for every accepted input x,
//! to_xml(from_xml(to_xml(from_xml(x)))) == to_xml(from_xml(x)), with and without secrets,
//! and libvirt's defaults are stable from their second application on (libvirt's own parse +
//! format is not a fixpoint on some documents: it reorders or renumbers its own output when it
//! reads it again, see `crates/domxml/tests/corpus.rs`, and `apply_defaults` does as libvirt).
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_domxml::{Domain, FormatFlags};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Ok(first) = Domain::from_xml(input) else { return };
    for flags in [FormatFlags::SECURE, FormatFlags::NONE] {
        let once = first.to_xml_flags(flags);
        let again = Domain::from_xml(&once)
            .unwrap_or_else(|e| panic!("output does not read back: {e}\n{once}"));
        assert_eq!(again.to_xml_flags(flags), once);
    }
    let mut defaulted = first.clone();
    defaulted.apply_defaults();
    let once = defaulted.to_xml_flags(FormatFlags::SECURE);
    let mut again = Domain::from_xml(&once).expect("defaulted output reads back");
    again.apply_defaults();
    let twice = again.to_xml_flags(FormatFlags::SECURE);
    let mut third = Domain::from_xml(&twice).expect("defaulted output reads back");
    third.apply_defaults();
    assert_eq!(third.to_xml_flags(FormatFlags::SECURE), twice);
});
