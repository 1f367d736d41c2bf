//! The cpumap argument checks of the domain API, one input per check, in libvirt's order.
#![allow(clippy::type_complexity)]

use virtkit_cpumap::checks::{
    Entry, VIR_ERR_INVALID_ARG, VIR_ERR_OVERFLOW, check_get_emulator_pin_info,
    check_get_vcpu_pin_info, check_get_vcpus, check_pin,
};

#[test]
fn pin_functions() {
    for entry in [Entry::PinVcpu, Entry::PinVcpuFlags, Entry::PinEmulator, Entry::PinIOThread] {
        let name = entry.name();
        assert!(check_pin(entry, Some(&[1]), 1).is_ok());
        let err = check_pin(entry, None, 0).unwrap_err();
        assert_eq!(
            (err.code(), err.message()),
            (VIR_ERR_INVALID_ARG, &*format!("cpumap in {name} must not be NULL"))
        );
        let err = check_pin(entry, Some(&[1]), 0).unwrap_err();
        assert_eq!(err.message(), format!("maplen in {name} must be greater than zero"));
        let err = check_pin(entry, Some(&[1]), -4).unwrap_err();
        assert_eq!(err.message(), format!("maplen in {name} must be greater than zero"));
        let err = check_pin(entry, Some(&[1]), 2).unwrap_err();
        assert!(err.is_virtkit_only());
    }
}

#[test]
fn get_vcpu_pin_info() {
    let ok = [0u8; 8];
    assert!(check_get_vcpu_pin_info(4, Some(&ok), 2, 0).is_ok());
    assert!(check_get_vcpu_pin_info(4, Some(&ok), 2, 1).is_ok());
    assert!(check_get_vcpu_pin_info(4, Some(&ok), 2, 2).is_ok());
    let cases: &[(i32, Option<&[u8]>, i32, u32, i32, &str)] = &[
        (1, None, 1, 3, VIR_ERR_INVALID_ARG, "cpumaps in virDomainGetVcpuPinInfo must not be NULL"),
        // NULL with ncpumaps == 0 passes the array check and fails the positive check.
        (
            0,
            None,
            1,
            0,
            VIR_ERR_INVALID_ARG,
            "ncpumaps in virDomainGetVcpuPinInfo must be greater than zero",
        ),
        (
            -1,
            None,
            1,
            0,
            VIR_ERR_INVALID_ARG,
            "ncpumaps in virDomainGetVcpuPinInfo must be greater than zero",
        ),
        (
            1,
            Some(&ok),
            0,
            3,
            VIR_ERR_INVALID_ARG,
            "maplen in virDomainGetVcpuPinInfo must be greater than zero",
        ),
        (
            i32::MAX,
            Some(&ok),
            2,
            3,
            VIR_ERR_OVERFLOW,
            "numerical overflow: input too large: 2147483647 * 2",
        ),
        (
            1,
            Some(&ok),
            1,
            3,
            VIR_ERR_INVALID_ARG,
            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
        ),
    ];
    for &(n, maps, maplen, flags, code, msg) in cases {
        let err = check_get_vcpu_pin_info(n, maps, maplen, flags).unwrap_err();
        assert_eq!((err.code(), err.message()), (code, msg));
        assert!(!err.is_virtkit_only());
    }
    assert!(check_get_vcpu_pin_info(5, Some(&ok), 2, 0).unwrap_err().is_virtkit_only());
}

#[test]
fn get_emulator_pin_info() {
    assert!(check_get_emulator_pin_info(Some(&[0]), 1, 2).is_ok());
    let e = check_get_emulator_pin_info(None, 1, 3).unwrap_err();
    assert_eq!(e.message(), "cpumap in virDomainGetEmulatorPinInfo must not be NULL");
    let e = check_get_emulator_pin_info(Some(&[0]), 0, 3).unwrap_err();
    assert_eq!(e.message(), "maplen in virDomainGetEmulatorPinInfo must be greater than zero");
    let e = check_get_emulator_pin_info(Some(&[0]), 1, 3).unwrap_err();
    assert!(e.message().contains("mutually exclusive"));
}

#[test]
fn get_vcpus() {
    assert!(check_get_vcpus(true, 2, Some(&[0, 0]), 1).is_ok());
    assert!(check_get_vcpus(true, 2, None, 0).is_ok());
    let cases: &[(bool, i32, Option<&[u8]>, i32, i32, &str)] = &[
        (false, 0, None, 5, VIR_ERR_INVALID_ARG, "info in virDomainGetVcpus must not be NULL"),
        (
            true,
            0,
            None,
            5,
            VIR_ERR_INVALID_ARG,
            "maxinfo in virDomainGetVcpus must be greater than zero",
        ),
        (
            true,
            1,
            Some(&[0]),
            0,
            VIR_ERR_INVALID_ARG,
            "maplen in virDomainGetVcpus must be greater than zero",
        ),
        // libvirt's zero check reuses the "non-zero" message.
        (true, 1, None, 5, VIR_ERR_INVALID_ARG, "maplen in virDomainGetVcpus must not be zero"),
        (
            true,
            65536,
            Some(&[0]),
            65536,
            VIR_ERR_OVERFLOW,
            "numerical overflow: input too large: 65536 * 65536",
        ),
    ];
    for &(info, maxinfo, maps, maplen, code, msg) in cases {
        let err = check_get_vcpus(info, maxinfo, maps, maplen).unwrap_err();
        assert_eq!((err.code(), err.message()), (code, msg));
    }
}
