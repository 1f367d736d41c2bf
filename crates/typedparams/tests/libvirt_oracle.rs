//! `virTypedParamsAddFromString` and `virTypedParamsValidate` of the system libvirt as
//! oracles for string assignment and validation.

use std::ffi::{CStr, CString, c_char, c_int};
use virtkit_cref::Rng;

use virtkit_typedparams::{ParamSpec, ParamType, TypedParam, TypedParams, TypedValue, validate};

#[repr(C)]
#[derive(Clone, Copy)]
union CValue {
    i: c_int,
    ui: u32,
    l: i64,
    ul: u64,
    d: f64,
    b: c_char,
    s: *mut c_char,
}

/// `virTypedParameter` (libvirt-common.h).
#[repr(C)]
#[derive(Clone, Copy)]
struct CParam {
    field: [c_char; 80],
    ty: c_int,
    value: CValue,
}

type AddFromString = unsafe extern "C" fn(
    *mut *mut CParam,
    *mut c_int,
    *mut c_int,
    *const c_char,
    c_int,
    *const c_char,
) -> c_int;
type Free = unsafe extern "C" fn(*mut CParam, c_int);
type Validate = unsafe extern "C" fn(*mut CParam, c_int, ...) -> c_int;

fn sample(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "9",
        "-",
        "+",
        " ",
        "\t",
        "\n",
        ".",
        "e",
        "E",
        "x",
        "0x",
        "p",
        "P",
        "inf",
        "nan",
        "(",
        ")",
        "a",
        "f",
        "true",
        "FALSE",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "9223372036854775807",
        "2147483648",
        "1e308",
        "1e-310",
        "_",
    ];
    let n = rng.below(5);
    (0..n).map(|_| PIECES[rng.below(PIECES.len() as u64) as usize]).collect()
}

#[test]
fn assignment_matches_virtypedparamsaddfromstring() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("assign oracle") else { return };
    // SAFETY: signatures from libvirt-common.h / libvirt-host.h.
    let (add, free) = unsafe {
        (
            lv.sym::<AddFromString>(b"virTypedParamsAddFromString\0").unwrap(),
            lv.sym::<Free>(b"virTypedParamsFree\0").unwrap(),
        )
    };
    let mut rng = Rng::new(42);
    let mut compared = 0;
    for _ in 0..20_000 {
        let text = sample(&mut rng);
        let ty = ParamType::from_code(rng.below(7) as i32 + 1).unwrap();
        let ours = TypedValue::parse(ty, "w", &text);
        let ctext = CString::new(text.clone()).unwrap();
        let mut params: *mut CParam = std::ptr::null_mut();
        let (mut n, mut max) = (0, 0);
        // SAFETY: the list starts empty and is freed below.
        let rc = unsafe {
            add(&raw mut params, &raw mut n, &raw mut max, c"w".as_ptr(), ty.code(), ctext.as_ptr())
        };
        if rc == 0 {
            // SAFETY: one parameter was added.
            let p = unsafe { *params };
            // SAFETY: the type libvirt stored says which union member is set.
            let theirs = unsafe {
                match ty {
                    ParamType::Int => TypedValue::Int(p.value.i),
                    ParamType::UInt => TypedValue::UInt(p.value.ui),
                    ParamType::LLong => TypedValue::LLong(p.value.l),
                    ParamType::ULLong => TypedValue::ULLong(p.value.ul),
                    ParamType::Double => TypedValue::Double(p.value.d),
                    ParamType::Boolean => TypedValue::Boolean(p.value.b != 0),
                    ParamType::String => {
                        TypedValue::from(CStr::from_ptr(p.value.s).to_string_lossy().into_owned())
                    }
                }
            };
            assert_eq!(ours.as_ref(), Ok(&theirs), "{ty} {text:?}");
        } else {
            let want = lv.last_error_message().unwrap();
            assert_eq!(ours.map_err(|e| e.to_string()), Err(want), "{ty} {text:?}");
        }
        // SAFETY: allocated by libvirt above.
        unsafe { free(params, n) };
        compared += 1;
    }
    assert_eq!(compared, 20_000);
}

fn to_c(params: &TypedParams, strings: &mut Vec<CString>) -> Vec<CParam> {
    params
        .iter()
        .map(|p| {
            let mut field = [0 as c_char; 80];
            for (d, s) in field.iter_mut().zip(p.name().bytes()) {
                *d = s as c_char;
            }
            let value = match p.value() {
                TypedValue::String(s) => {
                    strings.push(CString::new(s.as_str()).unwrap());
                    CValue { s: strings.last().unwrap().as_ptr().cast_mut() }
                }
                _ => CValue { ul: 0 },
            };
            CParam { field, ty: p.param_type().code(), value }
        })
        .collect()
}

const MULTIPLE: c_int = 1 << 31;
const SPECS: &[ParamSpec] = &[
    ParamSpec::new("b", ParamType::Int),
    ParamSpec::new("d", ParamType::String).multiple(),
    ParamSpec::new("f", ParamType::ULLong),
];

#[test]
fn validation_matches_virtypedparamsvalidate() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("validate oracle") else { return };
    // SAFETY: virTypedParamsValidate(params, nparams, name, type, ..., NULL).
    let Some(v) = (unsafe { lv.sym::<Validate>(b"virTypedParamsValidate\0") }) else { return };
    let names = ["a", "b", "c", "d", "e", "f", "g"];
    let types = [ParamType::Int, ParamType::String, ParamType::ULLong];
    let mut rng = Rng::new(7);
    for _ in 0..5_000 {
        let params: TypedParams = (0..rng.below(5))
            .map(|_| {
                let name = names[rng.below(names.len() as u64) as usize];
                let value = match types[rng.below(3) as usize] {
                    ParamType::Int => TypedValue::Int(1),
                    ParamType::String => TypedValue::String("s".into()),
                    _ => TypedValue::ULLong(1),
                };
                TypedParam::new(name, value).unwrap()
            })
            .collect();
        let mut strings = Vec::new();
        let mut c = to_c(&params, &mut strings);
        lv.reset_last_error();
        // SAFETY: the variadic list is (name, type) pairs ended by NULL.
        let rc = unsafe {
            v(
                c.as_mut_ptr(),
                c.len() as c_int,
                c"b".as_ptr(),
                ParamType::Int.code(),
                c"d".as_ptr(),
                ParamType::String.code() | MULTIPLE,
                c"f".as_ptr(),
                ParamType::ULLong.code(),
                std::ptr::null::<c_char>(),
            )
        };
        let ours = validate(&params, SPECS).map_err(|e| e.to_string());
        let theirs = if rc == 0 { Ok(()) } else { Err(lv.last_error_message().unwrap()) };
        assert_eq!(ours, theirs, "{params:?}");
    }
}
