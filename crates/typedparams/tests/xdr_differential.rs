//! Differential test of the wire form against libvirt's own `xdr_remote_typed_param`:
//! byte-identical encoding of generated lists, and each side decodes the other's bytes.

use virtkit_cref::Rng;
use virtkit_cref::{CParam, CValue};
use virtkit_typedparams::{TypedParam, TypedParams, TypedValue};

const NAME_CHARS: &[&str] = &["a", "z", "_", ".", "-", "0", "9", "é", "ß", "日", "🦀", "X"];

fn text(rng: &mut Rng, max_bytes: usize) -> String {
    // Lengths around the 4-byte padding boundaries, including empty and aligned strings.
    let target = match rng.below(4) {
        0 => rng.below(9) as usize,
        1 => (rng.below(5) * 4) as usize,
        _ => rng.below(max_bytes as u64 + 1) as usize,
    }
    .min(max_bytes);
    let mut s = String::new();
    while s.len() < target {
        let c = rng.pick(NAME_CHARS);
        if s.len() + c.len() > max_bytes {
            break;
        }
        s.push_str(c);
    }
    s
}

fn edge_u64(rng: &mut Rng) -> u64 {
    let random = rng.next_u64();
    *rng.pick(&[0, 1, u64::MAX, u64::MAX - 1, 1 << 63, u64::from(u32::MAX), random])
}

fn value(rng: &mut Rng) -> TypedValue {
    match rng.below(7) {
        0 => TypedValue::Int(edge_u64(rng) as i32),
        1 => TypedValue::UInt(edge_u64(rng) as u32),
        2 => TypedValue::LLong(edge_u64(rng) as i64),
        3 => TypedValue::ULLong(edge_u64(rng)),
        4 => {
            let random = f64::from_bits(rng.next_u64());
            TypedValue::Double(*rng.pick(&[
                f64::NAN,
                -f64::NAN,
                f64::from_bits(0x7ff0_0000_0000_0001), // signalling NaN payload
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MAX,
                f64::MIN,
                f64::MIN_POSITIVE,
                f64::from_bits(1), // smallest subnormal
                f64::EPSILON,
                random,
            ]))
        }
        5 => TypedValue::Boolean(rng.below(2) == 1),
        _ => TypedValue::from(text(rng, 40)),
    }
}

fn generate(rng: &mut Rng) -> TypedParams {
    let n = match rng.below(10) {
        0 => 0,
        1 => 64,
        _ => rng.below(20),
    };
    (0..n)
        .map(|_| TypedParam::new(text(rng, 79), value(rng)).expect("generated names fit"))
        .collect()
}

fn same_c(a: &[CParam], b: &[CParam]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.field == y.field
                && match (&x.value, &y.value) {
                    (CValue::Double(p), CValue::Double(q)) => p.to_bits() == q.to_bits(),
                    (p, q) => p == q,
                }
        })
}

#[test]
fn encoding_is_byte_identical_to_libvirt() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("xdr differential") else { return };
    let Some(_) = lv.xdr() else {
        assert!(
            std::env::var(virtkit_cref::REQUIRE_ENV).as_deref() != Ok("1"),
            "libtirpc.so.3 or xdr_remote_typed_param is missing"
        );
        return;
    };
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let mut compared = 0usize;
    let mut params_seen = 0usize;
    for case in 0..12_000 {
        let params = generate(&mut rng);
        let ours = params.to_xdr();
        let c = CParam::list(&params);
        let theirs = lv.encode_typed_params(&c, 64).expect("libvirt encodes");
        assert_eq!(ours, theirs, "case {case}: {params:?}");
        // Each side decodes the other's bytes to the same list.
        assert_eq!(TypedParams::from_xdr(&theirs, 64).expect("we decode libvirt"), params);
        let (back, used) = lv.decode_typed_params(&ours, 64).expect("libvirt decodes ours");
        assert_eq!(used, ours.len());
        assert!(same_c(&back, &c), "case {case}");
        compared += 1;
        params_seen += params.len();
    }
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "xdr differential: {compared} lists ({params_seen} parameters) byte-identical to libvirt"
        );
    }
    assert!(compared >= 10_000);
}

#[test]
fn both_reject_what_the_protocol_forbids() {
    let Some(lv) = virtkit_cref::libvirt_or_skip("xdr rejections") else { return };
    if lv.xdr().is_none() {
        return;
    }
    let mut p = TypedParams::new();
    for i in 0..17 {
        p.add_int(&format!("p{i}"), i).unwrap();
    }
    let bytes = p.to_xdr();
    // More than the per-call maximum.
    assert!(lv.decode_typed_params(&bytes, 16).is_err());
    assert_eq!(
        TypedParams::from_xdr(&bytes, 16).unwrap_err().to_string(),
        "too many parameters '17' for limit '16'"
    );
    // Unknown type codes: libvirt's XDR union has no arm for them.
    for code in [0i32, 8, -1, i32::MAX] {
        let mut raw = vec![0, 0, 0, 1, 0, 0, 0, 1, b'x', 0, 0, 0];
        raw.extend_from_slice(&code.to_be_bytes());
        raw.extend_from_slice(&[0; 8]);
        assert!(lv.decode_typed_params(&raw, 16).is_err(), "code {code}");
        assert_eq!(
            TypedParams::from_xdr(&raw, 16).unwrap_err().to_string(),
            format!("unknown parameter type: {code}")
        );
    }
    // Truncation anywhere: both refuse.
    let mut one = TypedParams::new();
    one.add_string("group_name", "fast-disks").unwrap();
    let bytes = one.to_xdr();
    for cut in 0..bytes.len() {
        assert!(lv.decode_typed_params(&bytes[..cut], 16).is_err(), "cut {cut}");
        assert!(TypedParams::from_xdr(&bytes[..cut], 16).is_err(), "cut {cut}");
    }
}
