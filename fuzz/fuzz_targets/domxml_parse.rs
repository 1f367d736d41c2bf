//! Domain XML reading: arbitrary bytes never panic, whether read as a domain or as a plain
//! element tree, under tight limits too; whatever is accepted formats with every flag set.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_domxml::{Domain, Element, FormatFlags, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let _ = Element::parse(input);
    let tight = Limits { max_depth: 8, max_attributes: 4, max_text: 256, max_input: 2048 };
    if let Ok(d) = Domain::from_xml_with(input, &tight) {
        let _ = d.to_xml();
    }
    if let Ok(mut d) = Domain::from_xml(input) {
        for bits in [0, 1, 2, 3, 8, 9] {
            let flags = FormatFlags::from_bits(bits).unwrap();
            assert!(d.to_xml_flags(flags).starts_with("<domain"));
        }
        let _ = d.coverage();
        d.apply_defaults();
        let _ = d.to_xml();
    }
});
