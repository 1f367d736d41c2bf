//! Every error text of the crate, as libvirt 9.0 prints it.

use virtkit_typedparams::checks::{
    AFFECT_CONFIG, AFFECT_LIVE, Getter, STRING_OKAY, Setter, check_getter, check_setter,
};
use virtkit_typedparams::xdr::{SerializeOptions, encode_sparse};
use virtkit_typedparams::{
    DecodeProblem, Error, ErrorCode, ParamSpec, ParamType, TypedParam, TypedParams, TypedValue,
    assign, assign_like, schema, validate,
};

fn msg<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn names() {
    let long = "x".repeat(80);
    assert_eq!(
        msg(TypedParam::new(&long, 1i32)),
        format!("internal error: Field name '{long}' too long")
    );
    assert_eq!(TypedParam::new(&long, 1i32).unwrap_err().code(), ErrorCode::InternalError);
    assert_eq!(
        msg(TypedParam::new("a\0b", 1i32)),
        "internal error: Field name 'a\\0b' contains a NUL byte"
    );
    assert_eq!(
        msg(TypedParam::new("s", "a\0b")),
        "invalid argument: string value of parameter 's' contains a NUL byte"
    );
    // 79 bytes of UTF-8 fit, 80 do not.
    assert!(TypedParam::new("é".repeat(39) + "x", 1i32).is_ok());
    assert!(TypedParam::new("é".repeat(40), 1i32).is_err());
}

#[test]
fn getters_report_type_mismatch() {
    let mut p = TypedParams::new();
    p.add_uint("u", 5).unwrap();
    p.add_string("s", "x").unwrap();
    assert_eq!(
        msg(p.get_int("u")),
        "invalid argument: Invalid type 'int' requested for parameter 'u', actual type is 'uint'"
    );
    assert_eq!(
        msg(p.get_string("u")),
        "invalid argument: Invalid type 'string' requested for parameter 'u', actual type is 'uint'"
    );
    for (r, t) in [
        (p.get_llong("s").map(|_| ()), "llong"),
        (p.get_ullong("s").map(|_| ()), "ullong"),
        (p.get_double("s").map(|_| ()), "double"),
        (p.get_boolean("s").map(|_| ()), "boolean"),
        (p.get_uint("s").map(|_| ()), "uint"),
        (p.get_unsigned("s").map(|_| ()), "ullong"),
    ] {
        assert_eq!(
            msg(r),
            format!(
                "invalid argument: Invalid type '{t}' requested for parameter 's', actual type is 'string'"
            )
        );
    }
    assert_eq!(p.get_int("missing"), Ok(None));
    assert_eq!(msg(p.replace_string("u", "x")), "invalid argument: Parameter 'u' is not a string");
}

#[test]
fn validation_texts_match_virtypedparamtest() {
    const SPECS: &[ParamSpec] = &[
        ParamSpec::new("foobar", ParamType::String),
        ParamSpec::new("foo", ParamType::Int),
        ParamSpec::new("list", ParamType::String).multiple(),
        ParamSpec::unsigned("u"),
    ];
    let list = |items: &[(&str, TypedValue)]| -> TypedParams {
        items.iter().map(|(n, v)| TypedParam::new(n, v.clone()).unwrap()).collect()
    };
    let e = validate(&list(&[("foobar", TypedValue::Int(1))]), SPECS).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid argument: invalid type 'int' for parameter 'foobar', expected 'string'"
    );
    assert_eq!(e.code(), ErrorCode::InvalidArg);
    let e = validate(&list(&[("f", TypedValue::Int(1))]), SPECS).unwrap_err();
    assert_eq!(e.to_string(), "argument unsupported: parameter 'f' not supported");
    assert_eq!(e.code(), ErrorCode::ArgumentUnsupported);
    let two = list(&[("foobar", "a".into()), ("foobar", "b".into())]);
    assert_eq!(
        msg(validate(&two, SPECS)),
        "invalid argument: parameter 'foobar' occurs multiple times"
    );
    assert!(validate(&list(&[("list", "a".into()), ("list", "b".into())]), SPECS).is_ok());
    assert!(validate(&list(&[("u", TypedValue::UInt(1))]), SPECS).is_ok());
    assert!(validate(&list(&[("u", TypedValue::ULLong(1))]), SPECS).is_ok());
    assert_eq!(
        msg(validate(&list(&[("u", TypedValue::Int(1))]), SPECS)),
        "invalid argument: invalid type 'int' for parameter 'u', expected 'uint, ullong'"
    );
    // Name order decides which error is reported, as in libvirt.
    let mixed = list(&[("zzz", TypedValue::Int(1)), ("foo", "x".into())]);
    assert_eq!(
        msg(validate(&mixed, SPECS)),
        "invalid argument: invalid type 'string' for parameter 'foo', expected 'int'"
    );
    let mixed = list(&[("foo", "x".into()), ("aaa", TypedValue::Int(1))]);
    assert_eq!(msg(validate(&mixed, SPECS)), "argument unsupported: parameter 'aaa' not supported");
    assert!(validate(&TypedParams::new(), &[]).is_ok());
    // Unknown type codes print as 'unknown' (only reachable through the raw error value).
    let e = Error::InvalidType { name: "x".into(), actual: 0, expected: ParamType::String.into() };
    assert_eq!(
        e.to_string(),
        "invalid argument: invalid type 'unknown' for parameter 'x', expected 'string'"
    );
}

#[test]
fn string_assignment_texts() {
    for (ty, c) in [
        (ParamType::Int, "int"),
        (ParamType::UInt, "unsigned int"),
        (ParamType::LLong, "long long"),
        (ParamType::ULLong, "unsigned long long"),
        (ParamType::Double, "double"),
    ] {
        assert_eq!(
            msg(TypedValue::parse(ty, "weight", "abc")),
            format!("invalid argument: Invalid value for field 'weight': expected {c}")
        );
    }
    assert_eq!(
        msg(TypedValue::parse(ParamType::Boolean, "w", "yes")),
        "invalid argument: Invalid boolean value for field 'w'"
    );
    let mut p = TypedParams::new();
    assert_eq!(
        msg(p.add_from_str_code("w", 8, "1")),
        "internal error: unexpected type 8 for field w"
    );
    assert_eq!(
        msg(p.add_from_str_code("w", 0, "1")),
        "internal error: unexpected type 0 for field w"
    );
    // The name is checked before the type code, as in libvirt.
    let long = "z".repeat(80);
    assert_eq!(
        msg(p.add_from_str_code(&long, 9, "1")),
        format!("internal error: Field name '{long}' too long")
    );
    assert_eq!(
        msg(assign("weight", schema::SchedulerParams::SPECS)),
        "Invalid syntax for --set, expecting name=value"
    );
    assert_eq!(
        msg(assign("nope=1", schema::SchedulerParams::SPECS)),
        "invalid scheduler option: nope"
    );
    assert_eq!(
        msg(assign("weight=abc", schema::SchedulerParams::SPECS)),
        "invalid argument: Invalid value for field 'weight': expected unsigned int"
    );
    let mut current = TypedParams::new();
    current.add_llong("vcpu_quota", -1).unwrap();
    assert_eq!(assign_like("vcpu_quota=-5", &current).unwrap().value(), &TypedValue::LLong(-5));
    assert!(p.is_empty());
}

#[test]
fn wire_texts() {
    let mut p = TypedParams::new();
    for i in 0..3 {
        p.add_int(&format!("p{i}"), i).unwrap();
    }
    assert_eq!(
        msg(p.to_xdr_with(&SerializeOptions::new().limit(2))),
        "too many parameters '3' for limit '2'"
    );
    assert_eq!(msg(TypedParams::from_xdr(&p.to_xdr(), 2)), "too many parameters '3' for limit '2'");
    assert_eq!(TypedParams::from_xdr(&p.to_xdr(), 0).unwrap(), p, "0 means no limit");
    assert_eq!(msg(encode_sparse(&[None], &SerializeOptions::new())), "unknown parameter type: 0");

    let long = "n".repeat(80);
    let mut raw = vec![0, 0, 0, 1, 0, 0, 0, 80];
    raw.extend_from_slice(long.as_bytes());
    raw.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 0]);
    let e = TypedParams::from_xdr(&raw, 16).unwrap_err();
    assert_eq!(e.to_string(), format!("internal error: parameter {long} too big for destination"));
    assert_eq!(e.code(), ErrorCode::InternalError);

    let cases: &[(&[u8], Error)] = &[
        (&[0, 0], Error::Decode { offset: 0, problem: DecodeProblem::Truncated { needed: 2 } }),
        (
            &[0, 0, 0, 1, 0x00, 0x40, 0, 1],
            Error::Decode { offset: 4, problem: DecodeProblem::StringTooLong { len: 0x0040_0001 } },
        ),
        (
            &[0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
            Error::Decode { offset: 8, problem: DecodeProblem::NulInString },
        ),
        (
            &[0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
            Error::Decode { offset: 8, problem: DecodeProblem::InvalidUtf8 },
        ),
        (
            &[0, 0, 0, 0, 1],
            Error::Decode { offset: 4, problem: DecodeProblem::TrailingBytes { len: 1 } },
        ),
    ];
    for (bytes, want) in cases {
        assert_eq!(&TypedParams::from_xdr(bytes, 16).unwrap_err(), want);
    }
    assert_eq!(
        cases[0].1.to_string(),
        "Unable to decode message payload: input ends, 2 more bytes needed at byte 0"
    );
    assert_eq!(
        cases[1].1.to_string(),
        "Unable to decode message payload: string of 4194305 bytes exceeds REMOTE_STRING_MAX at byte 4"
    );
    assert_eq!(
        cases[2].1.to_string(),
        "Unable to decode message payload: string contains a NUL byte at byte 8"
    );
    assert_eq!(
        cases[3].1.to_string(),
        "Unable to decode message payload: string is not valid UTF-8 at byte 8"
    );
    assert_eq!(
        cases[4].1.to_string(),
        "Unable to decode message payload: 1 trailing bytes at byte 4"
    );
    assert_eq!(cases[4].1.code(), ErrorCode::Rpc);
    // A huge count with a tiny input fails on the bytes, without allocating for the count.
    assert!(matches!(
        TypedParams::from_xdr(&[0xff, 0xff, 0xff, 0xff], 0),
        Err(Error::Decode { problem: DecodeProblem::Truncated { .. }, .. })
    ));
}

#[test]
fn serializer_quirks_are_explicit() {
    let mut p = TypedParams::new();
    p.add_uint("weight", 1).unwrap();
    p.add_string("device_weight", "/dev/sda,1").unwrap();
    let plain =
        TypedParams::from_xdr(&p.to_xdr_with(&SerializeOptions::new()).unwrap(), 0).unwrap();
    assert_eq!(plain, p);
    let old = SerializeOptions::new().libvirt_quirks(0);
    assert_eq!(TypedParams::from_xdr(&p.to_xdr_with(&old).unwrap(), 0).unwrap().len(), 1);
    let new = SerializeOptions::new().libvirt_quirks(STRING_OKAY);
    assert_eq!(TypedParams::from_xdr(&p.to_xdr_with(&new).unwrap(), 0).unwrap(), p);
    // The limit counts the parameters before the quirks drop any, as libvirt does.
    assert!(p.to_xdr_with(&old.limit(1)).is_err());
    let slots = [None, Some(TypedParam::new("cpu_time", 1u64).unwrap()), None];
    let bytes = encode_sparse(&slots, &old).unwrap();
    assert_eq!(TypedParams::from_xdr(&bytes, 0).unwrap().len(), 1);
}

#[test]
fn entry_point_texts() {
    let empty = TypedParams::new();
    let mut one = TypedParams::new();
    one.add_string("s", "x").unwrap();
    assert_eq!(
        msg(check_setter(Setter::SetMemoryParameters, Some(&empty), 0, true)),
        "nparams in virDomainSetMemoryParameters must be greater than zero"
    );
    assert_eq!(
        msg(check_setter(Setter::SetMemoryParameters, None, 1, true)),
        "params in virDomainSetMemoryParameters must not be NULL"
    );
    assert_eq!(
        msg(check_setter(Setter::SetBlkioParameters, Some(&empty), -1, true)),
        "nparams in virDomainSetBlkioParameters must be zero or greater"
    );
    assert!(check_setter(Setter::SetBlkioParameters, Some(&empty), 0, true).is_ok());
    // virDomainSetBlockIoTune checks nparams before params.
    assert_eq!(
        msg(check_setter(Setter::SetBlockIoTune, None, 0, true)),
        "nparams in virDomainSetBlockIoTune must be greater than zero"
    );
    assert_eq!(
        msg(check_setter(Setter::SetBlockIoTune, None, 1, true)),
        "params in virDomainSetBlockIoTune must not be NULL"
    );
    assert!(check_setter(Setter::BlockCopy, None, 0, true).is_ok());
    assert_eq!(
        msg(check_setter(Setter::BlockCopy, None, 1, true)),
        "params in virDomainBlockCopy must not be NULL"
    );
    assert!(check_setter(Setter::SaveParams, None, -5, false).is_ok());
    assert_eq!(
        msg(check_setter(Setter::SetMemoryParameters, Some(&one), 1, false)),
        "string parameter 's' unsupported"
    );
    assert!(check_setter(Setter::Migrate3, Some(&one), 1, false).is_ok());
    let zero_ok: Vec<_> =
        Setter::ALL.iter().filter(|s| s.accepts_zero()).map(|s| s.api()).collect();
    assert_eq!(
        zero_ok,
        [
            "virDomainSetBlkioParameters",
            "virDomainSetSchedulerParameters",
            "virDomainSetSchedulerParametersFlags",
            "virDomainSaveParams",
            "virDomainRestoreParams",
            "virDomainBlockCopy",
            "virDomainMigrate3",
            "virDomainMigrateToURI3",
        ]
    );

    let g = Getter::GetMemoryParameters;
    assert_eq!(
        msg(check_getter(g, false, Some(-1), 0, true)),
        "*nparams in virDomainGetMemoryParameters must be zero or greater"
    );
    assert_eq!(
        msg(check_getter(g, true, Some(1), 0, true)),
        "params in virDomainGetMemoryParameters must not be NULL"
    );
    assert_eq!(
        msg(check_getter(g, false, None, 0, true)),
        "nparams in virDomainGetMemoryParameters must not be NULL"
    );
    assert_eq!(
        msg(check_getter(g, false, Some(2), AFFECT_LIVE | AFFECT_CONFIG, true)),
        "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive"
    );
    assert_eq!(check_getter(g, true, Some(0), AFFECT_LIVE, false), Ok(AFFECT_LIVE));
    assert_eq!(check_getter(g, true, Some(0), 0, true), Ok(STRING_OKAY));
    assert!(check_getter(Getter::GetNumaParameters, false, Some(1), 3, true).is_ok());
    assert_eq!(
        msg(check_getter(Getter::GetSchedulerParameters, false, Some(0), 0, true)),
        "*nparams in virDomainGetSchedulerParameters must be greater than zero"
    );
    assert_eq!(
        msg(check_getter(Getter::GetSchedulerParametersFlags, true, Some(1), 0, true)),
        "params in virDomainGetSchedulerParametersFlags must not be NULL"
    );
    assert_eq!(check_getter(Getter::GetSchedulerParameters, false, Some(1), 0, true), Ok(0));
}

#[test]
fn schema_structs_report_type_mismatch_and_keep_unknowns() {
    let mut p = TypedParams::new();
    p.add_uint("hard_limit", 1).unwrap();
    assert_eq!(
        msg(schema::MemoryParams::from_params(&p)),
        "invalid argument: Invalid type 'ullong' requested for parameter 'hard_limit', actual type is 'uint'"
    );
    let mut p = TypedParams::new();
    p.add_ullong("hard_limit", 1).unwrap();
    p.add_ullong("hard_limit", 2).unwrap();
    p.add_string("future_limit", "x").unwrap();
    let m = schema::MemoryParams::from_params(&p).unwrap();
    assert_eq!(m.hard_limit, Some(1));
    assert_eq!(m.extra.len(), 2, "the repeat and the unknown name are kept");
    assert_eq!(m.to_params().unwrap(), p);
}
