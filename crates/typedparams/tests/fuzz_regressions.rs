//! Inputs found by fuzzing (`fuzz/fuzz_targets/typedparams_*.rs`), kept as tests.

use virtkit_typedparams::{ParamType, TypedValue};

/// crash-acee2804 (`typedparams_assign`): an exact hex-float subnormal is accepted, as glibc's
/// `strtod` accepts it without `ERANGE`, but no decimal spelling of a subnormal is: glibc flags
/// every inexact underflow. The fuzz target assumed a decimal round trip for every double.
#[test]
fn subnormal_doubles_only_from_exact_hex() {
    let v = TypedValue::parse(ParamType::Double, "field", "0x2p-01032").unwrap();
    let TypedValue::Double(d) = v else { panic!("not a double: {v:?}") };
    // 2^-1031: mantissa bit 1074 - 1031 = 43 of a subnormal.
    assert_eq!(d.to_bits(), 1u64 << 43);
    assert!(d.is_subnormal());
    assert!(TypedValue::parse(ParamType::Double, "field", &format!("{d:e}")).is_err());
    assert!(TypedValue::parse(ParamType::Double, "field", "4.9e-324").is_err());
    assert!(TypedValue::parse(ParamType::Double, "field", "2.2250738585072014e-308").is_ok());
}
