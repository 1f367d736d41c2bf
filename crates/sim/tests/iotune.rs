//! Block I/O tuning beyond what the oracle test replays: disks defined with `<iotune>`,
//! lookups by source path, the count query and flag checks.

use virtkit_api::flags::DomainXMLFlags;
use virtkit_api::{Connect, Domain};
use virtkit_typedparams::TypedParams;

const VM: &str = "<domain type='test'><name>vm</name>\
    <memory unit='KiB'>1048576</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>\
    <disk type='file' device='disk'><source file='/img/a'/><target dev='vda'/>\
    <iotune><read_iops_sec>30</read_iops_sec><read_iops_sec_max>40</read_iops_sec_max>\
    <group_name>g</group_name></iotune><readonly/></disk>\
    <disk type='file' device='disk'><source file='/img/b'/><target dev='vdb'/></disk>\
    <disk type='file' device='disk'><source file='/img/b'/><target dev='vdc'/></disk>\
    </devices></domain>";

fn define(host: &str) -> (Connect, Domain) {
    virtkit_sim::register();
    let conn = Connect::open(&format!("sim:///{host}")).unwrap();
    let dom = conn.define_xml(VM).unwrap();
    (conn, dom)
}

fn one(name: &str, v: u64) -> TypedParams {
    let mut p = TypedParams::new();
    p.add_ullong(name, v).unwrap();
    p
}

#[test]
fn a_defined_iotune_is_read_and_kept_in_place() {
    let (_c, dom) = define("iotune-defined");
    let p = dom.block_io_tune(Some("/img/a"), 0).unwrap();
    assert_eq!(p.get_ullong("read_iops_sec").unwrap(), Some(30));
    assert_eq!(p.get_ullong("read_iops_sec_max").unwrap(), Some(40));
    assert_eq!(p.get_string("group_name").unwrap(), Some("g"));
    assert_eq!(p.len(), 20);
    dom.set_block_io_tune("vda", &one("read_iops_sec", 35), 0).unwrap();
    let xml = dom.xml_desc(DomainXMLFlags::empty()).unwrap();
    assert!(
        xml.contains(
            "<target dev='vda'/>\n      <iotune>\n        <read_iops_sec>35</read_iops_sec>\n        \
             <read_iops_sec_max>40</read_iops_sec_max>\n        <group_name>g</group_name>\n      \
             </iotune>\n      <readonly/>"
        ),
        "{xml}"
    );
    assert_eq!(
        dom.set_block_io_tune("vda", &one("read_iops_sec", 41), 0).unwrap_err().message(),
        "invalid argument: read_iops_sec cannot be set higher than read_iops_sec_max "
    );
}

#[test]
fn an_ambiguous_source_path_names_no_disk() {
    let (_c, dom) = define("iotune-ambiguous");
    assert_eq!(
        dom.block_io_tune(Some("/img/b"), 0).unwrap_err().message(),
        "invalid argument: disk '/img/b' was not found in the domain config"
    );
    assert!(dom.block_io_tune(Some("vdc"), 0).is_ok());
    assert!(dom.block_io_tune(Some("img/a"), 0).is_err(), "a relative name is a target");
}

#[test]
fn the_count_query_and_flags() {
    let (_c, dom) = define("iotune-flags");
    let all = dom.block_io_tune(None, 0).unwrap();
    assert_eq!(all.len(), 20);
    assert!(
        all.iter()
            .all(|p| p.name() == "group_name" || all.get_ullong(p.name()).unwrap() == Some(0))
    );
    assert_eq!(
        dom.block_io_tune(Some("vda"), 8).unwrap_err().message(),
        "invalid argument: unsupported flags (0x8) in function testDomainGetBlockIoTune"
    );
    assert_eq!(
        dom.set_block_io_tune("vda", &one("size_iops_sec", 1), 4).unwrap_err().message(),
        "invalid argument: unsupported flags (0x4) in function testDomainSetBlockIoTune"
    );
    assert_eq!(
        dom.set_block_io_tune("vda", &one("size_iops_sec", 1), 1).unwrap_err().message(),
        "Requested operation is not valid: domain is not running"
    );
    let e = dom.set_block_io_tune("vda", &one("nope", 1), 0).unwrap_err();
    assert_eq!(e.message(), "argument unsupported: parameter 'nope' not supported");
    dom.set_block_io_tune("vda", &one("size_iops_sec", 1), 2).unwrap();
    assert_eq!(
        dom.block_io_tune(Some("vda"), 0).unwrap().get_ullong("size_iops_sec").unwrap(),
        Some(1)
    );
}
