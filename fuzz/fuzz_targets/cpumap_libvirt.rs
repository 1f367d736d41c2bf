//! libvirt's cpu-list dialect: arbitrary bytes never panic, the bounded parser never stores a
//! CPU at or beyond its bound, and every accepted input formats to a list that parses back to
//! the same set (in both the libvirt and the schema syntax). Also the hex form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_cpumap::{CpuListParser, CpuSet, Limit, Syntax};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let bound = match selector % 4 {
        0 => 8,
        1 => 1024,
        2 => 16384,
        _ => u32::from(selector) * 67,
    };
    for syntax in [Syntax::Libvirt, Syntax::Schema] {
        let parser = CpuListParser::new(Limit::Bits(bound)).syntax(syntax);
        if let Ok(set) = parser.parse(input) {
            assert_eq!(set.size(), u64::from(bound));
            assert!(set.last().is_none_or(|l| l < bound));
            let text = set.to_string();
            let back =
                CpuListParser::new(Limit::Bits(bound)).allow_empty(true).parse(&text).unwrap();
            assert_eq!(back, set);
            if !set.is_empty() {
                let strict = CpuListParser::new(Limit::Bits(bound)).syntax(Syntax::Schema);
                assert_eq!(strict.parse(&text).unwrap(), set);
            }
            assert_eq!(CpuSet::from_cpumap(&set.to_cpumap()), set);
        }
    }
    if let Ok(set) = CpuSet::from_hex_str(input) {
        assert_eq!(set.to_hex_string().len(), input.len());
        assert_eq!(CpuSet::from_hex_str(&set.to_hex_string()).unwrap(), set);
    }
});
