//! Lifecycle of sim domains through `virtkit_api::Connect`, with the test driver's states,
//! reasons and messages.

use virtkit_api::enums::DomainState;
use virtkit_api::flags::{
    ConnectListAllDomainsFlags as L, DomainCreateFlags, DomainMemoryModFlags, DomainRebootFlags,
    DomainVcpuFlags, DomainXMLFlags,
};
use virtkit_api::{Connect, Domain, ErrorCode, ErrorDomain};

fn open(name: &str) -> Connect {
    virtkit_sim::register();
    Connect::open(&format!("sim:///{name}")).unwrap()
}

fn sr(dom: &Domain) -> (i32, i32) {
    let s = dom.state(0).unwrap();
    (s.state, s.reason)
}

const VM: &str = "<domain type='test'><name>vm</name>\
    <uuid>11111111-2222-3333-4444-555555555555</uuid>\
    <memory unit='KiB'>1048576</memory><vcpu>4</vcpu>\
    <os><type>hvm</type></os></domain>";

#[test]
fn default_host_is_like_test_default() {
    let conn = open("t-default");
    let dom = conn.lookup_by_name("test").unwrap();
    assert_eq!(dom.id(), 1);
    assert_eq!(dom.uuid_string(), "6695eb01-f6a4-8304-79aa-97f2502e193f");
    let info = dom.info().unwrap();
    assert_eq!(
        (info.state, info.max_mem, info.memory, info.nr_virt_cpu),
        (1, 8_388_608, 2_097_152, 2)
    );
    // libvirt's test driver reports its default domain as running for an unknown reason (0).
    assert_eq!(sr(&dom), (1, 0));
    assert!(dom.is_active().unwrap() && dom.is_persistent().unwrap());
    assert!(!dom.autostart().unwrap());
    assert_eq!(dom.os_type().unwrap(), "linux");
    let xml = dom.xml_desc(DomainXMLFlags::empty()).unwrap();
    assert!(xml.starts_with("<domain type='test' id='1'>\n  <name>test</name>\n"), "{xml}");
    let inactive = dom.xml_desc(DomainXMLFlags::INACTIVE).unwrap();
    assert!(inactive.starts_with("<domain type='test'>\n"), "{inactive}");
    assert_eq!(conn.lookup_by_id(1).unwrap().name(), "test");
    assert_eq!(conn.list_domains(10).unwrap(), [1]);
    assert_eq!(conn.num_of_defined_domains().unwrap(), 0);
    let e = conn.lookup_by_name("nope").unwrap_err();
    assert_eq!(
        (e.code(), e.domain(), e.message()),
        (ErrorCode::NoDomain, ErrorDomain::Test, "Domain not found")
    );
    assert_eq!(conn.lookup_by_id(7).unwrap_err().code(), ErrorCode::NoDomain);
}

#[test]
fn hosts_are_shared_by_name_and_separate_across_names() {
    let a = open("t-shared");
    let b = open("t-shared");
    let other = open("t-other");
    a.lookup_by_name("test").unwrap().destroy().unwrap();
    assert_eq!(
        b.lookup_by_name("test").unwrap().info().unwrap().state(),
        Some(DomainState::Shutoff)
    );
    assert_eq!(
        other.lookup_by_name("test").unwrap().info().unwrap().state(),
        Some(DomainState::Running)
    );
    drop((a, b));
    // The last connection gone, the host starts afresh.
    let again = open("t-shared");
    assert!(again.lookup_by_name("test").unwrap().is_active().unwrap());
}

#[test]
fn lifecycle_states_reasons_and_errors() {
    let conn = open("t-life");
    let dom = conn.lookup_by_name("test").unwrap();
    let e = dom.create().unwrap_err();
    assert_eq!(
        (e.code(), e.message()),
        (ErrorCode::InternalError, "internal error: Domain 'test' is already running")
    );
    dom.suspend().unwrap();
    assert_eq!(sr(&dom), (3, 1));
    assert_eq!(dom.suspend().unwrap_err().message(), "internal error: domain 'test' not running");
    dom.resume().unwrap();
    assert_eq!(sr(&dom), (1, 5));
    assert_eq!(dom.resume().unwrap_err().message(), "internal error: domain 'test' not paused");
    dom.reboot(DomainRebootFlags::DEFAULT).unwrap();
    assert_eq!(sr(&dom), (1, 1));
    dom.reset(0).unwrap();
    dom.destroy().unwrap();
    assert_eq!(sr(&dom), (5, 2));
    let e = dom.destroy().unwrap_err();
    assert_eq!(
        (e.code(), e.domain(), e.message()),
        (
            ErrorCode::OperationInvalid,
            ErrorDomain::Domain,
            "Requested operation is not valid: domain is not running"
        )
    );
    assert_eq!(
        dom.reboot(DomainRebootFlags::DEFAULT).unwrap_err().message(),
        "Requested operation is not valid: domain is not running"
    );
    assert_eq!(dom.reset(0).unwrap_err().code(), ErrorCode::OperationInvalid);
    assert_eq!(dom.shutdown().unwrap_err().message(), "internal error: domain 'test' not running");
    assert_eq!(dom.resume().unwrap_err().message(), "internal error: domain 'test' not paused");
    assert_eq!(dom.info().unwrap().state(), Some(DomainState::Shutoff));
    assert_eq!(conn.lookup_by_id(1).unwrap_err().code(), ErrorCode::NoDomain);
    dom.create().unwrap();
    let dom = conn.lookup_by_name("test").unwrap();
    assert_eq!(dom.id(), 2);
    assert_eq!(sr(&dom), (1, 1));
    dom.shutdown().unwrap();
    assert_eq!(sr(&dom), (5, 1));
    dom.create_with_flags(DomainCreateFlags::START_PAUSED).unwrap();
    assert_eq!(sr(&dom), (3, 1));
    assert_eq!(conn.lookup_by_name("test").unwrap().id(), 3);
}

#[test]
fn define_create_undefine() {
    let conn = open("t-define");
    let dom = conn.define_xml(VM).unwrap();
    assert_eq!((dom.name(), dom.id()), ("vm", -1));
    assert_eq!(sr(&dom), (5, 0));
    assert!(!dom.is_active().unwrap() && dom.is_persistent().unwrap());
    assert_eq!(conn.list_defined_domains(10).unwrap(), ["vm"]);
    let dup = VM.replace("11111111", "21111111");
    let e = conn.define_xml(&dup).unwrap_err();
    assert_eq!(
        e.message(),
        "operation failed: domain 'vm' already exists with uuid 11111111-2222-3333-4444-555555555555"
    );
    dom.set_autostart(true).unwrap();
    assert!(dom.autostart().unwrap());
    let names = |f: L| -> Vec<String> {
        conn.list_all_domains(f).unwrap().iter().map(|d| d.name().to_owned()).collect()
    };
    assert_eq!(names(L::empty()), ["test", "vm"]);
    assert_eq!(names(L::INACTIVE), ["vm"]);
    assert_eq!(names(L::AUTOSTART), ["vm"]);
    assert_eq!(names(L::RUNNING | L::PERSISTENT), ["test"]);
    dom.create().unwrap();
    assert_eq!(conn.lookup_by_name("vm").unwrap().id(), 2);
    dom.undefine().unwrap();
    assert!(!dom.is_persistent().unwrap() && dom.is_active().unwrap());
    dom.destroy().unwrap();
    let e = dom.info().unwrap_err();
    assert_eq!(
        e.message(),
        "Domain not found: no domain with matching uuid '11111111-2222-3333-4444-555555555555' (vm)"
    );
    // Transient: created from XML, gone once stopped.
    let t = conn
        .create_xml(
            &VM.replace("<name>vm", "<name>tr").replace("11111111", "31111111"),
            DomainCreateFlags::NONE,
        )
        .unwrap();
    assert_eq!(sr(&t), (1, 1));
    assert!(!t.is_persistent().unwrap());
    t.shutdown().unwrap();
    assert_eq!(conn.lookup_by_name("tr").unwrap_err().code(), ErrorCode::NoDomain);
    // A definition without a name.
    assert_eq!(
        conn.define_xml("<domain type='test'><memory>1</memory></domain>").unwrap_err().code(),
        ErrorCode::NoName
    );
}

#[test]
fn memory_and_vcpus() {
    let conn = open("t-mem");
    let dom = conn.lookup_by_name("test").unwrap();
    let e = dom.set_memory(99_999_999).unwrap_err();
    assert_eq!(
        (e.code(), e.message()),
        (ErrorCode::InvalidArg, "invalid argument: cannot set memory higher than max memory")
    );
    assert_eq!(
        dom.set_max_memory(1).unwrap_err().message(),
        "Requested operation is not valid: cannot resize the maximum memory on an active domain"
    );
    dom.set_memory(1024).unwrap();
    assert_eq!(dom.info().unwrap().memory, 1024);
    assert_eq!(dom.max_memory().unwrap(), 8_388_608);
    assert_eq!(
        dom.set_vcpus(5).unwrap_err().message(),
        "invalid argument: requested cpu amount exceeds maximum (5 > 2)"
    );
    dom.set_vcpus(1).unwrap();
    dom.set_vcpus_flags(4, DomainVcpuFlags::MAXIMUM | DomainVcpuFlags::CONFIG).unwrap();
    assert_eq!(dom.vcpus_flags(DomainVcpuFlags::empty()).unwrap(), 1);
    assert_eq!(dom.vcpus_flags(DomainVcpuFlags::MAXIMUM).unwrap(), 2);
    assert_eq!(dom.vcpus_flags(DomainVcpuFlags::CONFIG | DomainVcpuFlags::MAXIMUM).unwrap(), 4);
    assert_eq!(dom.max_vcpus().unwrap(), 2);
    let v = dom.vcpus(8, Some(2)).unwrap();
    assert_eq!((v.info.len(), v.cpumaps.as_slice()), (1, &[0xff, 0xff][..]));
    dom.set_memory_flags(4096, DomainMemoryModFlags::CONFIG).unwrap();
    dom.destroy().unwrap();
    // The persistent definition takes effect once stopped.
    let info = dom.info().unwrap();
    assert_eq!((info.memory, info.nr_virt_cpu), (4096, 2));
    assert_eq!(dom.vcpus_flags(DomainVcpuFlags::MAXIMUM).unwrap(), 4);
    assert_eq!(
        dom.set_memory(1024).unwrap_err().message(),
        "Requested operation is not valid: domain is not running"
    );
    assert_eq!(dom.set_vcpus(1).unwrap_err().code(), ErrorCode::OperationInvalid);
    assert_eq!(
        dom.vcpus(1, None).unwrap_err().message(),
        "Requested operation is not valid: cannot list vcpus for an inactive domain"
    );
    dom.set_max_memory(2048).unwrap();
    let info = dom.info().unwrap();
    assert_eq!((info.max_mem, info.memory), (2048, 2048));
}

#[test]
fn flags_the_driver_does_not_know() {
    let conn = open("t-flags");
    let dom = conn.lookup_by_name("test").unwrap();
    assert_eq!(
        dom.state(1).unwrap_err().message(),
        "invalid argument: unsupported flags (0x1) in function testDomainGetState"
    );
}
