//! The guest's view of its vCPUs (`virDomainGetGuestVcpus` / `virDomainSetGuestVcpus`),
//! which libvirt 9.0's test driver lacks: the QEMU driver's checks and messages on a
//! modelled Linux guest.

use virtkit_api::flags::DomainVcpuFlags;
use virtkit_api::{Connect, Domain, ErrorCode, Result};

fn open(name: &str) -> (Connect, Domain) {
    virtkit_sim::register();
    let conn = Connect::open(&format!("sim:///{name}")).unwrap();
    let dom = conn.lookup_by_name("test").unwrap();
    (conn, dom)
}

/// `vcpus online offlinable`.
fn view(dom: &Domain) -> String {
    let p = dom.guest_vcpus(0).unwrap();
    let get = |k: &str| p.get_string(k).unwrap().unwrap().to_owned();
    assert_eq!(p.len(), 3);
    format!("{} {} {}", get("vcpus"), get("online"), get("offlinable"))
}

fn err(r: Result<()>) -> (i32, i32, String) {
    let e = r.unwrap_err();
    (e.raw_code(), e.raw_domain(), e.message().to_owned())
}

#[test]
fn a_running_guest_sees_its_vcpus_online() {
    let (_c, dom) = open("gv-view");
    assert_eq!(view(&dom), "0-1 0-1 1");
    dom.set_guest_vcpus("1", false, 0).unwrap();
    assert_eq!(view(&dom), "0-1 0 1");
    dom.set_guest_vcpus("1", false, 0).unwrap();
    assert_eq!(view(&dom), "0-1 0 1");
    dom.set_guest_vcpus("0-1", true, 0).unwrap();
    assert_eq!(view(&dom), "0-1 0-1 1");
}

#[test]
fn refusals_follow_the_qemu_driver_and_change_nothing() {
    let (_c, dom) = open("gv-refuse");
    dom.set_guest_vcpus("1", false, 0).unwrap();
    assert_eq!(
        err(dom.set_guest_vcpus("0-1", false, 0)),
        (
            ErrorCode::OperationUnsupported as i32,
            12,
            "Operation not supported: vCPU '0' is not offlinable".into()
        )
    );
    assert_eq!(
        err(dom.set_guest_vcpus("1-3,7", true, 0)),
        (8, 12, "invalid argument: guest is missing vCPUs '2-3,7'".into())
    );
    assert_eq!(view(&dom), "0-1 0 1", "all or nothing");
    for bad in ["x", "", "4096", "3-1"] {
        assert_eq!(
            err(dom.set_guest_vcpus(bad, true, 0)),
            (8, 0, format!("invalid argument: Failed to parse bitmap '{bad}'"))
        );
    }
    assert_eq!(
        err(dom.set_guest_vcpus("1", true, 1)),
        (
            8,
            12,
            "invalid argument: unsupported flags (0x1) in function simDomainSetGuestVcpus".into()
        )
    );
    assert_eq!(
        dom.guest_vcpus(2).unwrap_err().message(),
        "invalid argument: unsupported flags (0x2) in function simDomainGetGuestVcpus"
    );
}

#[test]
fn the_agent_answers_only_a_running_guest() {
    let (_c, dom) = open("gv-state");
    dom.set_guest_vcpus("1", false, 0).unwrap();
    dom.suspend().unwrap();
    let e = dom.guest_vcpus(0).unwrap_err();
    assert_eq!(
        (e.raw_code(), e.message()),
        (55, "Requested operation is not valid: domain is not running")
    );
    assert_eq!(err(dom.set_guest_vcpus("1", true, 0)).0, 55);
    dom.resume().unwrap();
    dom.destroy().unwrap();
    assert_eq!(dom.guest_vcpus(0).unwrap_err().raw_code(), 55);
    dom.create().unwrap();
    assert_eq!(view(&dom), "0-1 0-1 1", "a fresh boot has every vCPU online");
}

#[test]
fn hotplug_changes_what_the_guest_sees() {
    let (_c, dom) = open("gv-hotplug");
    dom.set_guest_vcpus("1", false, 0).unwrap();
    dom.set_vcpus_flags(1, DomainVcpuFlags::LIVE).unwrap();
    assert_eq!(view(&dom), "0 0 ");
    dom.set_vcpus_flags(2, DomainVcpuFlags::LIVE).unwrap();
    assert_eq!(view(&dom), "0-1 0-1 1", "a plugged vCPU comes online");
}
