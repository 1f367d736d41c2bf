//! The XDR wire form of typed parameters: arbitrary bytes never panic and never allocate
//! more than the input can hold, and every accepted input re-encodes to bytes that decode
//! to the same list (decode(encode(x)) == x). The typed family structs accept or reject the
//! decoded list without panicking and keep every parameter.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_typedparams::TypedParams;
use virtkit_typedparams::schema::{BlockIoTune, DomainStats, GuestInfo, MigrateParams};
use virtkit_typedparams::xdr::{SerializeOptions, limits};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let max = match selector % 4 {
        0 => 0,
        1 => limits::DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX,
        2 => limits::DOMAIN_MIGRATE_PARAM_LIST_MAX,
        _ => limits::DOMAIN_GUEST_INFO_PARAMS_MAX,
    };
    let Ok((params, used)) = TypedParams::from_xdr_prefix(rest, max) else {
        assert!(TypedParams::from_xdr(rest, max).is_err());
        return;
    };
    assert!(used <= rest.len());
    assert_eq!(TypedParams::from_xdr(rest, max).is_ok(), used == rest.len());
    let bytes = params.to_xdr();
    assert_eq!(bytes.len(), params.xdr_len());
    assert_eq!(TypedParams::from_xdr(&bytes, max).unwrap(), params);
    let with = params.to_xdr_with(&SerializeOptions::new()).unwrap();
    assert_eq!(with, bytes);
    for back in [
        BlockIoTune::from_params(&params).and_then(|s| s.to_params()),
        MigrateParams::from_params(&params).and_then(|s| s.to_params()),
        DomainStats::from_params(&params).and_then(|s| s.to_params()),
        GuestInfo::from_params(&params).and_then(|s| s.to_params()),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(back.len(), params.len());
    }
    let _ = params.validate(MigrateParams::SPECS);
    let _ = params.validate(DomainStats::SPECS);
});
