//! The Linux kernel cpulist dialect (`bitmap_parselist`).

use virtkit_cpumap::{KernelListErrorKind as K, parse_kernel_list};

#[test]
fn accepted() {
    let cases = [
        ("0-3", 8, "0-3"),
        ("0-3\n", 8, "0-3"),
        ("", 8, ""),
        ("\n", 8, ""),
        (" , ,", 8, ""),
        ("1,,2", 8, "1-2"),
        ("1 2\t3", 8, "1-3"),
        ("0-15:2/4", 16, "0-1,4-5,8-9,12-13"),
        ("0-7:1/2,1", 8, "0-2,4,6"),
        ("N", 8, "7"),
        ("N-N", 8, "7"),
        ("0-N", 4, "0-3"),
        ("all", 4, "0-3"),
        ("ALL", 4, "0-3"),
        ("all:1/4", 8, "0,4"),
        ("0-7:0/4", 8, ""),
        ("1\n2", 8, "1"),
        ("1,\n2", 8, "1-2"),
        ("007", 8, "7"),
    ];
    for (input, nbits, want) in cases {
        let got = parse_kernel_list(input, nbits).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(got.to_string(), want, "{input:?}");
        assert_eq!(got.size(), u64::from(nbits));
    }
}

#[test]
fn rejected() {
    let cases = [
        ("0-3,^1", 8, K::Invalid, 4),
        ("3-1", 8, K::Invalid, 0),
        ("0-8", 8, K::Range, 0),
        ("8", 8, K::Range, 0),
        ("0-7:3/2", 8, K::Invalid, 0),
        ("0-7:1/0", 8, K::Invalid, 0),
        ("0-7:1", 8, K::Invalid, 5),
        ("0-7:1/2x", 8, K::Invalid, 7),
        ("x", 8, K::Invalid, 0),
        ("1-", 8, K::Invalid, 2),
        ("-1", 8, K::Invalid, 0),
        ("allx", 8, K::Invalid, 3),
        ("4294967296", 8, K::Overflow, 0),
        ("99999999999999999999999", 8, K::Overflow, 0),
        // end + 1 wraps to a zero group in the kernel: EINVAL, not ERANGE.
        ("4294967295", 8, K::Invalid, 0),
        ("4294967294", 8, K::Range, 0),
        ("N", 0, K::Invalid, 0),
        ("0", 0, K::Range, 0),
    ];
    for (input, nbits, kind, offset) in cases {
        let err = parse_kernel_list(input, nbits).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (kind, offset), "{input:?}: {err}");
    }
    assert_eq!(K::Invalid.errno(), 22);
    assert_eq!(K::Overflow.errno(), 75);
}
