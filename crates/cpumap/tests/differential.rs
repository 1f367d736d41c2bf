//! Differential test against libvirt itself: the system `libvirt.so.0`'s own `virBitmapParse`,
//! `virBitmapParseUnlimited`, `virBitmapFormat`, `virBitmapToData`, `virBitmapNewData`,
//! `virBitmapToString` and `virBitmapNewString` (private exports, resolved at run time by
//! `virtkit-cref`) on generated inputs, well-formed and malformed. Every accept/reject decision,
//! formatted result, size and message must agree.
//!
//! Skips (with a note) when libvirt is not installed, unless `VIRTKIT_REQUIRE_LIBVIRT=1`.
#![allow(clippy::print_stdout, clippy::many_single_char_names)]

use virtkit_cpumap::{CpuListParser, CpuSet, Limit};
use virtkit_cref::{Libvirt, Rng};

const SPACES: &[&str] = &["", "", "", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}"];

fn space(rng: &mut Rng) -> &'static str {
    rng.pick::<&str>(SPACES)
}

fn number(rng: &mut Rng, max: u64) -> String {
    match rng.below(20) {
        0 => (*rng.pick(&[
            "16383",
            "16384",
            "2147483647",
            "2147483648",
            "4294967296",
            "99999999999",
            "0",
        ]))
        .to_owned(),
        1 => format!("00{}", rng.below(max)),
        _ => rng.below(max).to_string(),
    }
}

/// A list in libvirt's grammar, with occasional deviations.
fn list(rng: &mut Rng, max: u64) -> String {
    let mut s = String::new();
    s.push_str(space(rng));
    let items = 1 + rng.below(6);
    for i in 0..items {
        if i > 0 {
            s.push_str(space(rng));
            s.push(',');
            s.push_str(space(rng));
        }
        match rng.below(6) {
            0 => {
                s.push('^');
                if rng.below(10) == 0 {
                    s.push(' ');
                }
                s.push_str(&number(rng, max));
            }
            1 | 2 => {
                let a = rng.below(max);
                let b = if rng.below(8) == 0 { rng.below(max) } else { a + rng.below(max / 4 + 1) };
                s.push_str(&a.to_string());
                s.push_str(space(rng));
                s.push('-');
                s.push_str(space(rng));
                s.push_str(rng.pick::<&str>(&["", "", "", "+", "-", " +", "+ "]));
                s.push_str(&b.to_string());
            }
            _ => s.push_str(&number(rng, max)),
        }
        s.push_str(space(rng));
    }
    if rng.below(5) == 0 {
        s.push(',');
    }
    s.push_str(space(rng));
    s
}

/// Random characters from the alphabet that matters.
fn noise(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"0123456789,,,---^^ \t\n\x0b\x0c\r+x:/N";
    let len = rng.below(12);
    (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize] as char).collect()
}

/// One comparison of a bounded parse. Returns whether libvirt accepted the input.
fn compare_parse(lv: &Libvirt, input: &str, bound: u32) -> bool {
    let ours = CpuListParser::new(Limit::Bits(bound)).parse(input);
    let theirs = lv.bitmap_parse(input, bound as usize);
    match (&ours, &theirs) {
        (Ok(set), Ok(map)) => {
            assert_eq!(
                set.to_string(),
                lv.bitmap_format(map),
                "format of {input:?} (bound {bound})"
            );
            assert_eq!(set.len(), map.count(), "count of {input:?}");
            assert_eq!(set.size(), map.size() as u64, "size of {input:?}");
            assert_eq!(set.to_cpumap(), lv.bitmap_to_data(map), "data of {input:?}");
            true
        }
        (Err(e), Err(msg)) => {
            assert_eq!(
                msg,
                &format!("invalid argument: {}", e.libvirt_message()),
                "message for {input:?}"
            );
            false
        }
        _ => panic!(
            "decision differs for {input:?} (bound {bound}): virtkit {:?}, libvirt {:?}",
            ours.map(|s| s.to_string()),
            theirs.map(|m| lv.bitmap_format(&m))
        ),
    }
}

fn compare_unlimited(lv: &Libvirt, input: &str) {
    let ours = CpuSet::parse_unlimited(input);
    let theirs = lv.bitmap_parse_unlimited(input);
    match (&ours, &theirs) {
        (Ok(set), Ok(map)) => {
            assert_eq!(set.to_string(), lv.bitmap_format(map), "unlimited format of {input:?}");
            assert_eq!(set.size(), map.size() as u64, "unlimited size of {input:?}");
        }
        (Err(_), Err(_)) => {}
        _ => panic!(
            "unlimited decision differs for {input:?}: virtkit {:?}",
            ours.map(|s| s.to_string())
        ),
    }
}

#[test]
fn parse_and_format_match_libvirt() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("cpumap differential") else { return };
    let mut rng = Rng::new(0x5eed_1234_abcd_ef01);
    let (mut cases, mut accepted) = (0usize, 0usize);
    let mut fixed: Vec<String> = [
        "0-3,^1",
        "0, 2-4",
        "1-3,",
        " 2 - 3 ",
        "0-+3",
        "1-3,^2,2",
        "r",
        "0,^0",
        "^1",
        "3-1",
        "0-3:2",
        "all",
        "1,,2",
        "0x1",
        "15",
        "",
        " ",
        ",",
        "0--0",
        "0-\u{b}3",
        "\u{b}1",
        "1\u{b}",
        "\u{c}1",
        "0-16383",
        "16384",
        "0-2147483647",
        "2147483648",
        "-0",
        "0--1",
        "1-+ 2",
        "1- +2",
        "^1-2",
        "0- -0",
        "0-00",
        "00-0",
        "1 ,2",
        "1, ,2",
        "1,\t",
        "1-3 ^2",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    fixed.push(
        ("0-16383,".to_owned())
            + &(0..2300).map(|i| format!("^{}", i * 7)).collect::<Vec<_>>().join(","),
    );
    fixed.push((0..8192).map(|i| (i * 2).to_string()).collect::<Vec<_>>().join(","));
    for input in &fixed {
        accepted += usize::from(compare_parse(lv, input, 16384));
        cases += 1;
    }
    for round in 0..12_000u64 {
        let input = match round % 4 {
            0 | 1 => list(&mut rng, 64),
            2 => list(&mut rng, 20_000),
            _ => noise(&mut rng),
        };
        let bound = match round % 7 {
            0 => 8,
            1 => 1024,
            2 => 64,
            _ => 16384,
        };
        accepted += usize::from(compare_parse(lv, &input, bound));
        cases += 1;
        if round % 3 == 0 && !input.contains("2147483647") {
            compare_unlimited(lv, &input);
            cases += 1;
        }
    }
    println!(
        "cpumap differential: {cases} cases compared with libvirt {}, {accepted} accepted by both, 0 mismatches",
        lv.version()
    );
    assert!(cases >= 10_000);
    assert!(accepted > 1000 && accepted < cases, "the generator must exercise both outcomes");
}

#[test]
fn byte_and_hex_forms_match_libvirt() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("cpumap hex/data differential") else { return };
    let mut rng = Rng::new(0x0bad_cafe_f00d_d00d);
    let mut cases = 0usize;
    for _ in 0..3000 {
        // Byte maps of random length and content.
        let len = rng.below(24) as usize;
        let bytes: Vec<u8> =
            (0..len).map(|_| if rng.below(3) == 0 { 0 } else { rng.next_u64() as u8 }).collect();
        let ours = CpuSet::from_cpumap(&bytes);
        let theirs = lv.bitmap_new_data(&bytes);
        assert_eq!(ours.to_string(), lv.bitmap_format(&theirs), "new_data {bytes:?}");
        assert_eq!(ours.size(), theirs.size() as u64);
        assert_eq!(ours.to_hex_string(), lv.bitmap_to_string(&theirs), "to_string {bytes:?}");
        assert_eq!(ours.to_cpumap(), lv.bitmap_to_data(&theirs), "to_data {bytes:?}");
        // Hex strings, sometimes malformed.
        let hex: String = (0..rng.below(20))
            .map(|_| {
                let alphabet = if rng.below(10) == 0 { 25 } else { 22 };
                b"0123456789abcdefABCDEFxg "[rng.below(alphabet) as usize] as char
            })
            .collect();
        match (CpuSet::from_hex_str(&hex), lv.bitmap_new_string(&hex)) {
            (Ok(set), Ok(map)) => {
                assert_eq!(set.to_string(), lv.bitmap_format(&map), "hex {hex:?}");
                assert_eq!(set.size(), map.size() as u64, "hex size {hex:?}");
                assert_eq!(set.to_hex_string(), lv.bitmap_to_string(&map), "hex back {hex:?}");
            }
            (Err(e), Err(msg)) => {
                assert_eq!(msg, format!("invalid argument: {}", e.libvirt_message()));
            }
            (ours, theirs) => {
                panic!("hex decision differs for {hex:?}: {ours:?} vs {:?}", theirs.is_ok())
            }
        }
        cases += 2;
    }
    println!("cpumap byte/hex differential: {cases} cases, 0 mismatches");
}

#[test]
fn set_operations_match_libvirt() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("cpumap set-operation differential") else {
        return;
    };
    let mut rng = Rng::new(42);
    for _ in 0..2000 {
        let (a, b) = (list(&mut rng, 300), list(&mut rng, 300));
        let (Ok(sa), Ok(sb)) =
            (CpuSet::parse_with_bound(&a, 512), CpuSet::parse_with_bound(&b, 512))
        else {
            continue;
        };
        let (ca, cb) = (lv.bitmap_parse(&a, 512).unwrap(), lv.bitmap_parse(&b, 512).unwrap());
        let mut u = ca.clone();
        u.union_with(&cb);
        assert_eq!(sa.union(&sb).to_string(), lv.bitmap_format(&u));
        let mut i = ca.clone();
        i.intersect_with(&cb);
        assert_eq!(sa.intersection(&sb).to_string(), lv.bitmap_format(&i));
        let mut d = ca.clone();
        d.subtract(&cb);
        assert_eq!(sa.difference(&sb).to_string(), lv.bitmap_format(&d));
    }
}
