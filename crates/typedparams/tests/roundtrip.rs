//! Property tests: wire, serde, schema and text round trips.

use proptest::prelude::*;
use virtkit_typedparams::schema::{BlockIoTune, DomainStats, GuestInfo, MigrateParams};
use virtkit_typedparams::{ParamType, TypedParam, TypedParams, TypedValue};

fn value() -> impl Strategy<Value = TypedValue> {
    prop_oneof![
        any::<i32>().prop_map(TypedValue::Int),
        any::<u32>().prop_map(TypedValue::UInt),
        any::<i64>().prop_map(TypedValue::LLong),
        any::<u64>().prop_map(TypedValue::ULLong),
        any::<u64>().prop_map(|b| TypedValue::Double(f64::from_bits(b))),
        any::<bool>().prop_map(TypedValue::Boolean),
        "[^\u{0}]{0,40}".prop_map(TypedValue::from),
    ]
}

fn param() -> impl Strategy<Value = TypedParam> {
    ("[a-z._0-9é-]{0,30}", value()).prop_map(|(n, v)| TypedParam::new(n, v).unwrap())
}

fn params() -> impl Strategy<Value = TypedParams> {
    prop::collection::vec(param(), 0..24).prop_map(TypedParams::from)
}

proptest! {
    #[test]
    fn xdr_round_trip(p in params()) {
        let bytes = p.to_xdr();
        prop_assert_eq!(bytes.len(), p.xdr_len());
        prop_assert_eq!(bytes.len() % 4, 0);
        prop_assert_eq!(TypedParams::from_xdr(&bytes, 0).unwrap(), p);
    }

    #[test]
    fn xdr_decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(p) = TypedParams::from_xdr(&bytes, 64) {
            prop_assert_eq!(TypedParams::from_xdr(&p.to_xdr(), 64).unwrap(), p);
        }
    }

    #[test]
    fn serde_round_trip(p in params()) {
        // JSON has no NaN/inf: keep finite doubles for this property.
        let p: TypedParams = p
            .into_iter()
            .filter(|x| !matches!(x.value(), TypedValue::Double(d) if !d.is_finite()))
            .collect();
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<TypedParams>(&json).unwrap(), p);
    }

    #[test]
    fn integers_print_and_parse_back(v in value()) {
        let ty = v.param_type();
        if matches!(ty, ParamType::Int | ParamType::UInt | ParamType::LLong | ParamType::ULLong | ParamType::String) {
            prop_assert_eq!(TypedValue::parse(ty, "x", &v.virsh_string()).unwrap(), v);
        }
    }

    #[test]
    fn doubles_print_like_rust_debug_and_parse_back(b in any::<u64>()) {
        let d = f64::from_bits(b);
        if d.is_finite() && (d == 0.0 || d.abs() >= f64::MIN_POSITIVE) {
            let text = format!("{d:e}");
            prop_assert_eq!(TypedValue::parse(ParamType::Double, "x", &text).unwrap(), TypedValue::Double(d));
        }
    }

    #[test]
    fn schema_structs_keep_everything(p in params()) {
        // Whatever the list, a family struct either rejects a mistyped known name or gives
        // back exactly the same multiset of parameters.
        for back in [
            BlockIoTune::from_params(&p).and_then(|s| s.to_params()),
            MigrateParams::from_params(&p).and_then(|s| s.to_params()),
            DomainStats::from_params(&p).and_then(|s| s.to_params()),
            GuestInfo::from_params(&p).and_then(|s| s.to_params()),
        ]
        .into_iter()
        .flatten()
        {
            let mut a: Vec<_> = p.iter().map(|x| format!("{x:?}")).collect();
            let mut b: Vec<_> = back.iter().map(|x| format!("{x:?}")).collect();
            a.sort();
            b.sort();
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn stats_round_trip(vcpus in prop::collection::btree_map(0u32..64, any::<u64>(), 0..8),
                        disks in prop::collection::vec("[a-z]{1,4}", 0..4)) {
        let mut p = TypedParams::new();
        p.add_uint("vcpu.current", vcpus.len() as u32).unwrap();
        for (i, t) in &vcpus {
            p.add_ullong(&format!("vcpu.{i}.time"), *t).unwrap();
        }
        p.add_uint("block.count", disks.len() as u32).unwrap();
        for (i, d) in disks.iter().enumerate() {
            p.add_string(&format!("block.{i}.name"), d).unwrap();
        }
        p.validate(DomainStats::SPECS).unwrap();
        let s = DomainStats::from_params(&p).unwrap();
        prop_assert_eq!(s.vcpus.0.len(), vcpus.len());
        prop_assert!(s.extra.is_empty());
        prop_assert_eq!(s.to_params().unwrap(), p);
    }
}

#[test]
fn virsh_listing() {
    let mut p = TypedParams::new();
    p.add_ullong("cpu_shares", 1024).unwrap();
    p.add_double("ratio", 0.5).unwrap();
    p.add_boolean("enabled", false).unwrap();
    p.add_double("bad", f64::NAN).unwrap();
    p.add_double("neg", f64::NEG_INFINITY).unwrap();
    assert_eq!(
        p.to_string(),
        "cpu_shares     : 1024\nratio          : 0.500000\nenabled        : no\n\
         bad            : nan\nneg            : -inf\n"
    );
}

#[test]
fn map_view_rejects_repeats() {
    let json = r#"{"a":{"int":1},"a":{"int":2}}"#;
    let mut de = serde_json::Deserializer::from_str(json);
    let err = virtkit_typedparams::serde_map::deserialize(&mut de).unwrap_err();
    assert!(err.to_string().contains("parameter 'a' occurs multiple times"), "{err}");
    let bad = r#"[{"name":"a\u0000b","value":{"int":1}}]"#;
    assert!(serde_json::from_str::<TypedParams>(bad).is_err());
}
