//! libvirt's documented cpu-list behaviour (anchors §1.4, `tests/virbitmaptest.c`, the live
//! `virsh -c test:///default vcpupin` table), as fixed expectations.

use std::hash::{Hash, Hasher};

use virtkit_cpumap::{CpuListParser, CpuSet, Limit, ParseErrorKind, Syntax, VIRSH_CPULIST_LEN};

fn fmt(s: &str) -> Result<String, ParseErrorKind> {
    s.parse::<CpuSet>().map(|set| set.to_string()).map_err(|e| e.kind().clone())
}

#[test]
fn accepted_lists_format_like_libvirt() {
    let cases = [
        ("0-3,^1", "0,2-3"),
        ("0, 2-4", "0,2-4"),
        ("1-3,", "1-3"),
        (" 2 - 3 ", "2-3"),
        ("0-+3", "0-3"),
        ("1-3,^2,2", "1-3"),
        ("^1,0-3", "0-3"),
        ("0-15,^8", "0-7,9-15"),
        ("9-14,0-7,15", "0-7,9-15"),
        ("0,^0", ""),
        ("^1", ""),
        ("0--0", "0"),
        ("3-3", "3"),
        ("007", "7"),
        ("0-\u{b}3", "0-3"),
        ("\u{c}1", "1"),
        ("0, 2-4, 6-10, 12, 14-18, 20, 22, 25", "0,2-4,6-10,12,14-18,20,22,25"),
        ("13-16,0,4,5,6", "0,4-6,13-16"),
        ("62-63,4-5", "4-5,62-63"),
        ("16383", "16383"),
        ("0-16383", "0-16383"),
    ];
    for (input, want) in cases {
        assert_eq!(fmt(input).as_deref(), Ok(want), "input {input:?}");
    }
}

#[test]
fn rejected_lists_with_kind_and_offset() {
    use ParseErrorKind::*;
    let cases: &[(&str, ParseErrorKind, usize)] = &[
        ("", Empty, 0),
        ("   ", Empty, 3),
        (",", ExpectedNumber, 0),
        (",1", ExpectedNumber, 0),
        ("1,,2", ExpectedNumber, 2),
        ("^ 1", ExpectedNumber, 1),
        ("1 2", ExpectedSeparator, 2),
        ("1-3-5", ExpectedSeparator, 3),
        ("3-1", ReversedRange { start: 3, end: 1 }, 2),
        ("0-3:2", ExpectedSeparator, 3),
        ("all", ExpectedNumber, 0),
        ("0x1", ExpectedSeparator, 1),
        ("-1", ExpectedNumber, 0),
        ("+1", ExpectedNumber, 0),
        ("^1-3", ExcludedRange, 2),
        ("\u{b}1", ExpectedNumber, 0),
        ("1\u{b}", ExpectedSeparator, 1),
        ("0- 3x", ExpectedSeparator, 4),
        ("0-", ExpectedNumber, 2),
        ("0-+", ExpectedNumber, 2),
        ("0-x", ExpectedNumber, 2),
        ("5--3", ReversedRange { start: 5, end: -3 }, 2),
        ("2147483648", NumberTooLarge, 0),
        ("99999999999", NumberTooLarge, 0),
        ("0-4294967295", NumberTooLarge, 2),
        ("0-99999999999999999999999", NumberTooLarge, 2),
        ("16384", OutOfRange { cpu: 16384, bound: 16384 }, 0),
        ("0-16384", OutOfRange { cpu: 16384, bound: 16384 }, 2),
        ("^16384", OutOfRange { cpu: 16384, bound: 16384 }, 1),
        ("1\0", ExpectedSeparator, 1),
    ];
    for (input, kind, offset) in cases {
        let err = input.parse::<CpuSet>().unwrap_err();
        assert_eq!(err.kind(), kind, "input {input:?}");
        assert_eq!(err.offset(), *offset, "offset for {input:?}");
        assert_eq!(err.libvirt_message(), format!("Failed to parse bitmap '{input}'"));
        assert!(err.to_string().starts_with(&err.libvirt_message()));
    }
}

#[test]
fn virbitmaptest_vectors() {
    let set = CpuSet::parse_with_bound("1-32,50,88-99,1021-1023", 1025).unwrap();
    assert_eq!(set.to_string(), "1-32,50,88-99,1021-1023");
    assert_eq!(set.size(), 1025);
    for bad in ["100000000", "1-1000000000", "1-10^10000000000"] {
        assert!(CpuSet::parse_with_bound(bad, 20).is_err(), "{bad}");
    }
    let a: CpuSet = "0-3,5-8,11-15".parse().unwrap();
    let b: CpuSet = "4,9,10,16-19".parse().unwrap();
    assert!(!a.overlaps(&b));
    assert_eq!((&a | &b).to_string(), "0-19");
    let data = CpuSet::from_cpumap(&[0x01, 0x02, 0, 0, 0x04]);
    assert_eq!(data.to_string(), "0,9,34");
    assert_eq!(data.to_cpumap(), [0x01, 0x02, 0, 0, 0x04]);
    for hex in ["1234feebee", "000c0fefe"] {
        assert_eq!(CpuSet::from_hex_str(hex).unwrap().to_hex_string(), hex);
    }
    assert_eq!(
        CpuSet::from_hex_str("1234feebee").unwrap().to_string(),
        "1-3,5-9,11,13-15,17-23,26,28-29,33,36"
    );
}

#[test]
fn binary_operations() {
    // (a, b, a ∩ b, a ∖ b, a ∪ b)
    let cases = [
        ("0-3", "2-5", "2-3", "0-1", "0-5"),
        ("", "0-3", "", "", "0-3"),
        ("0-63", "64-127", "", "0-63", "0-127"),
        ("0,^0", "0", "", "", "0"),
        ("1,3,5,7", "0-7", "1,3,5,7", "", "0-7"),
        ("0-16383", "100-200", "100-200", "0-99,201-16383", "0-16383"),
    ];
    for (a, b, and, sub, or) in cases {
        let a: CpuSet = CpuListParser::domain().allow_empty(true).parse(a).unwrap();
        let b: CpuSet = CpuListParser::domain().allow_empty(true).parse(b).unwrap();
        assert_eq!(a.intersection(&b).to_string(), and);
        assert_eq!(a.difference(&b).to_string(), sub);
        assert_eq!(a.union(&b).to_string(), or);
    }
}

#[test]
fn bounds_and_sizes() {
    let set = CpuSet::parse_with_bound("1", VIRSH_CPULIST_LEN).unwrap();
    assert_eq!(set.size(), 1024);
    let err = CpuSet::parse_with_bound("1024", VIRSH_CPULIST_LEN).unwrap_err();
    assert_eq!(err.kind(), &ParseErrorKind::OutOfRange { cpu: 1024, bound: 1024 });
    // Unlimited parsing grows to the highest CPU touched, exclusions included.
    assert_eq!(CpuSet::parse_unlimited("3,^70").unwrap().size(), 71);
    assert_eq!(CpuSet::parse_unlimited("0-99").unwrap().size(), 100);
    // A zero-bit bitmap rejects every CPU.
    assert!(CpuSet::parse_with_bound("0", 0).is_err());
    // Storage follows the members, not the bound.
    assert_eq!(CpuSet::parse_with_bound("0,2", u32::MAX).unwrap().words(), [5]);
}

#[test]
fn strict_schema_mode() {
    let strict = CpuListParser::domain().syntax(Syntax::Schema);
    for ok in ["0", "0-3,^1", "^1", "007-8", "1,2,3"] {
        assert!(strict.parse(ok).is_ok(), "{ok}");
    }
    for bad in ["", " 1", "1 ", "1,", "0-+3", "0- 3", "1,,2", "0 ,1", "^1-2", "3-1"] {
        assert!(strict.parse(bad).is_err(), "{bad}");
        // Everything the schema rejects here is either also rejected by libvirt or a
        // lenient-only spelling; nothing the schema accepts is rejected by libvirt.
    }
    let lenient = CpuListParser::new(Limit::Bits(16384));
    assert!(lenient.parse("1,").is_ok() && strict.parse("1,").is_err());
}

#[test]
fn allow_empty() {
    let p = CpuListParser::new(Limit::Unlimited).allow_empty(true);
    assert!(p.parse("").unwrap().is_empty());
    assert!(p.parse(" \t").unwrap().is_empty());
    assert!(p.parse(",").is_err());
}

#[test]
fn set_api() {
    let mut set = CpuSet::with_size(128);
    assert!(set.insert(5));
    set.insert_range(64..=66);
    assert_eq!(set.to_string(), "5,64-66");
    assert_eq!(set.first(), Some(5));
    assert_eq!(set.last(), Some(66));
    assert_eq!(set.next_after(5), Some(64));
    assert_eq!(set.next_clear_after(Some(63)), Some(67));
    assert_eq!(set.len(), 4);
    assert!(set.remove(66));
    assert_eq!(set.complement().len(), 128 - 3);
    assert!(!set.is_full());
    assert!(CpuSet::full(128).is_full());
    set.set_size(64);
    assert_eq!(set.to_string(), "5");
    let collected: CpuSet = [3u32, 1, 2].into_iter().collect();
    assert_eq!(collected.to_string(), "1-3");
    assert_eq!(format!("{collected:?}"), "CpuSet(\"1-3\", size 4)");
    let mut h1 = std::collections::hash_map::DefaultHasher::new();
    let mut h2 = std::collections::hash_map::DefaultHasher::new();
    collected.hash(&mut h1);
    CpuSet::parse_with_bound("1-3", 8).unwrap().hash(&mut h2);
    assert_eq!(h1.finish(), h2.finish());
}

#[cfg(feature = "serde")]
#[test]
fn serde_string_form() {
    let set: CpuSet = "0-3,^1".parse().unwrap();
    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(json, "\"0,2-3\"");
    let back: CpuSet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, set);
    assert!(serde_json::from_str::<CpuSet>("\"\"").unwrap().is_empty());
    let err = serde_json::from_str::<CpuSet>("\"3-1\"").unwrap_err();
    assert!(err.to_string().contains("Failed to parse bitmap '3-1'"));
}
