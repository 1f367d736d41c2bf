//! Property tests over random flags, parameters, names, URIs and host features for all six
//! entry points: nothing panics, and every error is one libvirt reports (its code and text),
//! or the scripted host's own failure.

mod common;

use common::{P2P, PARAMS, Script, pair};
use proptest::prelude::*;
use virtkit_api::ErrorCode;
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_migrate::Migration;
use virtkit_typedparams::TypedParams;

/// libvirt's messages for the migration entry points and sequences (with their codes).
fn libvirt_error(code: ErrorCode, msg: &str) -> bool {
    const EXACT: &[(ErrorCode, &str)] = &[
        (ErrorCode::InvalidArg, "use virDomainMigrateToURI3 for peer-to-peer migration"),
        (ErrorCode::InvalidArg, "cannot perform tunnelled migration without using peer2peer flag"),
        (ErrorCode::InvalidArg, "Attempt to migrate guest to the same host"),
        (
            ErrorCode::OperationInvalid,
            "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: offline migration is not supported by the source host",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: offline migration is not supported by the destination host",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: p2p migration is not supported by the source host",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: direct migration is not supported by the source host",
        ),
        (ErrorCode::ArgumentUnsupported, "argument unsupported: cannot enforce change protection"),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: Migration APIs with extensible parameters are not supported but extended parameters were passed",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: Some parameters are not supported by migration protocol 2",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: Some parameters are not supported by migration protocol 3",
        ),
        (
            ErrorCode::ArgumentUnsupported,
            "argument unsupported: Unable to change target guest XML during migration",
        ),
        (ErrorCode::InternalError, "internal error: Unable to override peer2peer migration URI"),
        (ErrorCode::InternalError, "internal error: domainMigratePrepare did not set uri"),
        (ErrorCode::InternalError, "internal error: domainMigratePrepare2 did not set uri"),
        (ErrorCode::InternalError, "internal error: domainMigratePrepare3 did not set uri"),
        (ErrorCode::InternalError, "An error occurred, but the cause is unknown"),
        (
            ErrorCode::InvalidArg,
            "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive",
        ),
        (
            ErrorCode::InvalidArg,
            "Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive",
        ),
        (
            ErrorCode::InvalidArg,
            "Flag 'VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC' is required by flag 'VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES'",
        ),
    ];
    if EXACT.iter().any(|&(c, m)| c == code && m == msg) {
        return true;
    }
    let func = |m: &str| m.starts_with("virDomainMigrate");
    match code {
        ErrorCode::NoSupport => msg
            .strip_prefix("this function is not supported by the connection driver: ")
            .is_some_and(func),
        ErrorCode::OperationDenied => {
            msg.strip_prefix("operation forbidden: read only access prevents ").is_some_and(func)
        }
        ErrorCode::InvalidArg => {
            // virCheckNonEmptyOptStringArg / virCheckNonNullArg, and typed-parameter lookups.
            msg.strip_prefix("string dname in ")
                .and_then(|m| m.strip_suffix(" must not be empty"))
                .is_some_and(func)
                || msg
                    .strip_prefix("dconnuri in ")
                    .and_then(|m| m.strip_suffix(" must not be NULL"))
                    .is_some_and(func)
                || msg.contains("requested for parameter")
        }
        // The scripted host's own failures.
        ErrorCode::OperationFailed => msg.ends_with(" failed"),
        _ => false,
    }
}

const KNOWN_PARAMS: &[&str] = &[
    "migrate_uri",
    "destination_name",
    "destination_xml",
    "bandwidth",
    "tls.destination",
    "persistent_xml",
];

fn param_list() -> impl Strategy<Value = TypedParams> {
    prop::collection::vec((0..KNOWN_PARAMS.len(), 0u8..4, "[a-z:/.]{0,8}"), 0..5).prop_map(
        |items| {
            let mut p = TypedParams::new();
            for (i, ty, text) in items {
                let name = KNOWN_PARAMS[i];
                match ty {
                    0 => p.add_string(name, &text).unwrap(),
                    1 => p.add_ullong(name, text.len() as u64).unwrap(),
                    2 => p.add_int(name, -1).unwrap(),
                    _ => p.add_boolean(name, true).unwrap(),
                }
            }
            p
        },
    )
}

fn host() -> impl Strategy<Value = Script> {
    (prop::collection::btree_set(1u32..=13, 0..8), any::<bool>(), 0u8..6).prop_map(
        |(features, paused, fault)| {
            let mut s = Script { features, paused, ..Script::default() };
            match fault {
                0 => s.finish_none = true,
                1 => s.no_uri = true,
                2 => {
                    s.fail.insert("Perform3");
                    s.fail.insert("Perform3Params");
                    s.fail.insert("Perform");
                }
                3 => {
                    s.fail.insert("Prepare3");
                    s.fail.insert("Prepare3Params");
                    s.fail.insert("Prepare2");
                }
                _ => {}
            }
            s
        },
    )
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just(String::new()),
        Just("qemu+ssh://far/system".to_owned()),
        Just("qemu:///system".to_owned()),
        Just("tcp://h:1".to_owned()),
        "[a-z]{1,6}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_error_is_libvirts(
        bits in any::<u32>(),
        src in host(),
        dst in host(),
        entry in 0u8..6,
        params in param_list(),
        dname in opt_text(),
        uri in opt_text(),
        dxml in prop::option::of(Just("<domain/>".to_owned())),
        bandwidth in any::<u64>(),
    ) {
        // Mostly known flags, sometimes unknown bits from a newer peer.
        let flags = F::from_bits_retain(if bits & 1 == 0 { bits & 0x1f_ffff } else { bits });
        let p = pair(src, dst);
        let m = Migration::new(&p.dom);
        let (dname, uri, dxml) = (dname.as_deref(), uri.as_deref(), dxml.as_deref());
        let result = match entry {
            0 => m.migrate(&p.dconn, flags, dname, uri, bandwidth).map(|_| ()),
            1 => m.migrate2(&p.dconn, dxml, flags, dname, uri, bandwidth).map(|_| ()),
            2 => m.migrate3(&p.dconn, &params, flags).map(|_| ()),
            3 => m.migrate_to_uri(uri.unwrap_or("tcp://h"), flags, dname, bandwidth),
            4 => m.migrate_to_uri2(uri, uri, dxml, flags, dname, bandwidth),
            _ => m.migrate_to_uri3(uri, &params, flags),
        };
        if let Err(e) = result {
            prop_assert!(libvirt_error(e.code(), e.message()), "{:?}: {}", e.code(), e.message());
        }
    }

    /// Peer-to-peer with parameters: the source gets the caller's parameters unchanged.
    #[test]
    fn p2p_params_pass_unchanged(params in param_list()) {
        let p = pair(
            Script { features: [P2P, PARAMS].into_iter().collect(), ..Script::default() },
            Script::default(),
        );
        let r = Migration::new(&p.dom).migrate_to_uri3(Some("qemu+ssh://far/system"), &params, F::PEER2PEER);
        prop_assert!(r.is_ok());
        let log = p.take();
        let perform = log.last().unwrap();
        let listed: Vec<String> = params.iter().map(|x| format!("{}={}", x.name(), x.value())).collect();
        let expected = format!("{{{}}}", listed.join(","));
        prop_assert!(perform.contains(&expected), "{perform} lacks {expected}");
    }
}
