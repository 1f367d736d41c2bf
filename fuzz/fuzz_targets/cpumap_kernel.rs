//! The Linux kernel cpulist dialect: arbitrary bytes never panic, memory stays within `nbits`,
//! and every accepted input formats to a list that parses back to the same set.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_cpumap::parse_kernel_list;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let nbits = u32::from(selector) * 33;
    if let Ok(set) = parse_kernel_list(input, nbits) {
        assert!(set.last().is_none_or(|l| l < nbits));
        assert_eq!(parse_kernel_list(&set.to_string(), nbits).unwrap(), set);
    }
});
