//! String assignment (`virTypedParameterAssignFromStr`, virsh `--set name=value`): arbitrary
//! text never panics, and every accepted value prints (as virsh does) to text that parses
//! back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_typedparams::schema::{BlockIoTune, SchedulerParams};
use virtkit_typedparams::{ParamType, TypedValue, assign};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let ty = ParamType::ALL[usize::from(selector) % 7];
    if let Ok(v) = TypedValue::parse(ty, "field", text) {
        assert_eq!(v.param_type(), ty);
        match &v {
            TypedValue::Double(d) => {
                if d.is_nan() {
                    return;
                }
                // `{:e}` is exact; virsh's `%f` is not, so it is not the round-trip form.
                let again = TypedValue::parse(ty, "field", &format!("{d:e}"));
                if d.is_subnormal() {
                    // Only an exact hex float reaches a subnormal: glibc's strtod flags every
                    // decimal one with ERANGE, so libvirt (and we) refuse the decimal form.
                    assert!(again.is_err());
                } else {
                    assert_eq!(again.unwrap(), v);
                }
            }
            TypedValue::Boolean(b) => {
                let again = TypedValue::parse(ty, "field", if *b { "1" } else { "0" }).unwrap();
                assert_eq!(again, v);
            }
            _ => assert_eq!(TypedValue::parse(ty, "field", &v.virsh_string()).unwrap(), v),
        }
    }
    for specs in [SchedulerParams::SPECS, BlockIoTune::SPECS] {
        if let Ok(p) = assign(text, specs) {
            assert!(text.starts_with(p.name()));
            assert!(specs.iter().any(|s| s.name == p.name()));
        }
    }
});
