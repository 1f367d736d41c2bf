//! Property tests: formatting round-trips, byte-map and hex round-trips, set-operation laws.

use proptest::prelude::*;
use virtkit_cpumap::{CpuListParser, CpuMaps, CpuSet, Limit, Syntax, parse_kernel_list};

fn cpuset(max: u32) -> impl Strategy<Value = CpuSet> {
    prop::collection::vec((0..max, 0u32..70), 0..24).prop_map(|runs| {
        let mut set = CpuSet::with_size(16384);
        for (start, len) in runs {
            set.insert_range(start..=start.saturating_add(len).min(16383));
        }
        set
    })
}

proptest! {
    #[test]
    fn format_then_parse_is_identity(set in cpuset(16384)) {
        let text = set.to_string();
        let back = CpuListParser::domain().allow_empty(true).parse(&text).unwrap();
        prop_assert_eq!(&back, &set);
        // Formatted output always satisfies the schema pattern (or is empty).
        if !set.is_empty() {
            prop_assert!(CpuSet::parse_strict(&text).is_ok());
        }
        let mut s = String::new();
        set.format_into(&mut s);
        prop_assert_eq!(&s, &text);
        prop_assert_eq!(set.format(), text);
    }

    #[test]
    fn format_of_small_sets(set in cpuset(64)) {
        let mut small = set.clone();
        small.set_size(64);
        prop_assert_eq!(small.format(), small.to_string());
        prop_assert_eq!(CpuListParser::domain().allow_empty(true).parse(&small.format()).unwrap(), small);
    }

    #[test]
    fn ranges_and_iter_agree(set in cpuset(4096)) {
        let from_ranges: Vec<u32> = set.ranges().flatten().collect();
        let from_iter: Vec<u32> = set.iter().collect();
        prop_assert_eq!(&from_ranges, &from_iter);
        prop_assert_eq!(from_iter.len(), set.len());
        prop_assert_eq!(from_iter.first().copied(), set.first());
        prop_assert_eq!(from_iter.last().copied(), set.last());
        for w in from_iter.windows(2) {
            prop_assert_eq!(set.next_after(w[0]), Some(w[1]));
        }
    }

    #[test]
    fn byte_maps_round_trip(set in cpuset(2048)) {
        let bytes = set.to_cpumap();
        prop_assert_eq!(CpuSet::from_cpumap(&bytes), set.clone());
        let maplen = bytes.len() + 3;
        let padded = set.to_cpumap_len(maplen).unwrap();
        prop_assert_eq!(&padded[..bytes.len()], &bytes[..]);
        let mut maps = CpuMaps::new(3, maplen).unwrap();
        maps.set(2, &set).unwrap();
        prop_assert_eq!(maps.cpuset(2).unwrap(), set.clone());
        for cpu in &set {
            prop_assert!(maps.cpu_usable(2, cpu as usize));
        }
    }

    #[test]
    fn hex_round_trips(set in cpuset(1024)) {
        let hex = set.to_hex_string();
        prop_assert_eq!(hex.len() as u64, set.size().div_ceil(4));
        let back = CpuSet::from_hex_str(&hex).unwrap();
        prop_assert_eq!(&back, &set);
        prop_assert_eq!(back.to_hex_string(), hex);
    }

    #[test]
    fn set_laws(a in cpuset(600), b in cpuset(600), c in cpuset(600)) {
        prop_assert_eq!(a.union(&b), b.union(&a));
        prop_assert_eq!(a.intersection(&b), b.intersection(&a));
        prop_assert_eq!(a.union(&b.intersection(&c)), a.union(&b).intersection(&a.union(&c)));
        prop_assert_eq!(a.difference(&b), a.intersection(&b.complement()));
        prop_assert_eq!(a.symmetric_difference(&b), a.union(&b).difference(&a.intersection(&b)));
        prop_assert_eq!(a.complement().complement(), a.clone());
        prop_assert!(a.intersection(&b).is_subset(&a));
        prop_assert!(a.union(&b).is_superset(&b));
        prop_assert_eq!(a.overlaps(&b), !a.intersection(&b).is_empty());
        prop_assert_eq!(a.len() + a.complement().len(), 16384);
        for cpu in [0u32, 1, 63, 64, 65, 599] {
            prop_assert_eq!(a.union(&b).contains(cpu), a.contains(cpu) || b.contains(cpu));
        }
    }

    /// No input makes the bounded parser fail other than with an error, or store more words
    /// than its bound allows.
    #[test]
    fn arbitrary_input_is_bounded(input in "[0-9,^ \\-+\\t]{0,40}", bound in 0u32..5000) {
        if let Ok(set) = CpuListParser::new(Limit::Bits(bound)).parse(&input) {
            prop_assert!(set.words().len() as u64 <= u64::from(bound).div_ceil(64));
            prop_assert!(set.last().is_none_or(|l| u64::from(l) < u64::from(bound)));
            let again = CpuSet::parse_with_bound(&set.to_string(), bound.max(1));
            prop_assert!(set.is_empty() || again.unwrap() == set);
        }
        let strict = CpuListParser::new(Limit::Bits(bound)).syntax(Syntax::Schema).parse(&input);
        if let Ok(set) = strict {
            // The schema accepts a subset of what libvirt accepts, with the same meaning.
            let lenient = CpuListParser::new(Limit::Bits(bound)).parse(&input).unwrap();
            prop_assert_eq!(set, lenient);
        }
    }

    #[test]
    fn kernel_lists_round_trip(set in cpuset(512)) {
        // virBitmapFormat's output is also a valid kernel cpulist with the same meaning.
        let back = parse_kernel_list(&set.to_string(), 16384).unwrap();
        prop_assert_eq!(back, set);
    }
}

proptest! {
    /// Numbers of every length, with leading zeros and any following byte, read as `str::parse`
    /// reads them (this exercises both the 8-byte SWAR path and the byte loop).
    #[test]
    fn numbers_read_exactly(n in 0u32..=2_147_483_647, zeros in 0usize..4, tail in "[,\\- ^x0-9]{0,9}") {
        let text = format!("{}{n}", "0".repeat(zeros));
        let bounded = CpuListParser::new(Limit::Bits(1 << 20)).parse(&text);
        prop_assert_eq!(bounded.is_ok(), n < (1 << 20));
        if let Ok(set) = bounded {
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), vec![n]);
        }
        // Followed by a comma and more digits: the first number is still read exactly.
        let list = format!("{text},{}", tail.trim_start_matches(|c: char| !c.is_ascii_digit()));
        if let Ok(set) = CpuListParser::new(Limit::Bits(1 << 20)).parse(&list) {
            prop_assert!(set.contains(n));
        }
    }
}
