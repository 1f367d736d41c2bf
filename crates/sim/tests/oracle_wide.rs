//! A wider comparison with libvirt's test driver (`test:///default` through python3-libvirt):
//! autostart, managed save, save/restore images, core dumps, shutdown, metadata, memory,
//! emulator and vCPU pinning, vCPU info, transient domains — states, reasons, values, error
//! codes, error domains and messages, step by step. Skips with a note when python3-libvirt is
//! missing, and fails then when `VIRTKIT_REQUIRE_LIBVIRT=1`.

mod common;

use common::compare_with_oracle;
use std::process::Command;

use virtkit_api::enums::{DomainCoreDumpFormat, DomainMetadataType};
use virtkit_api::flags::{
    DomainCoreDumpFlags, DomainCreateFlags, DomainMemoryModFlags, DomainModificationImpact,
    DomainSaveRestoreFlags,
};
use virtkit_api::{Connect, Domain, Result};

const XML: &str = "<domain type='test'><name>oracle</name>\
    <uuid>abcdef01-2345-6789-abcd-ef0123456789</uuid>\
    <memory unit='KiB'>1048576</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>";

const SCRIPT: &str = include_str!("oracle_wide.py");

struct Trace(Vec<String>);

impl Trace {
    fn st(&mut self, d: &Domain) {
        let s = d.state(0).unwrap();
        self.0.push(format!("{} {}", s.state, s.reason));
    }
    fn t<T: std::fmt::Display>(&mut self, r: Result<T>) {
        self.0.push(match r {
            Ok(v) => v.to_string(),
            Err(e) => format!("{} {} {}", e.raw_code(), e.raw_domain(), e.message()),
        });
    }
    fn unit(&mut self, r: Result<()>) {
        self.t(r.map(|()| 0));
    }
}

fn flags(b: bool) -> String {
    if b { "True".into() } else { "False".into() }
}

fn map4(map: &[u8]) -> String {
    let bits: Vec<String> = (0..4).map(|c| flags(virtkit_cpumap::maps::cpu_used(map, c))).collect();
    format!("({})", bits.join(", "))
}

#[allow(clippy::too_many_lines)]
fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-wide").unwrap();
    let mut o = Trace(Vec::new());
    let d = c.define_xml(XML).unwrap();
    o.unit(d.set_autostart(true));
    o.t(d.autostart().map(i32::from));
    o.unit(d.managed_save(DomainSaveRestoreFlags::empty()));
    o.unit(d.create());
    o.st(&d);
    o.unit(d.managed_save(DomainSaveRestoreFlags::empty()));
    o.st(&d);
    o.t(d.has_managed_save_image(0).map(i32::from));
    o.unit(d.undefine());
    o.unit(d.create());
    o.st(&d);
    o.t(d.has_managed_save_image(0).map(i32::from));
    o.unit(d.save("/tmp/virtkit-oracle.img"));
    o.st(&d);
    o.unit(c.restore("/tmp/virtkit-oracle.img"));
    o.st(&d);
    o.unit(c.restore("/nonexistent/virtkit.img"));
    o.unit(d.core_dump_with_format(
        "/tmp/virtkit-oracle.core",
        DomainCoreDumpFormat::KdumpZlib,
        DomainCoreDumpFlags::empty(),
    ));
    o.st(&d);
    o.unit(d.core_dump("/tmp/virtkit-oracle.core", DomainCoreDumpFlags::CRASH));
    o.st(&d);
    o.unit(d.core_dump("/tmp/virtkit-oracle.core", DomainCoreDumpFlags::empty()));
    o.unit(d.create());
    o.st(&d);
    o.unit(d.shutdown());
    o.st(&d);
    let cur = DomainModificationImpact::CURRENT;
    o.unit(d.set_metadata(DomainMetadataType::Title, Some("hello"), None, None, cur));
    o.t(d.metadata(DomainMetadataType::Title, None, cur).map(|s| format!("'{s}'")));
    o.t(d.metadata(DomainMetadataType::Description, None, cur));
    o.unit(d.set_metadata(DomainMetadataType::Title, Some("a\nb"), None, None, cur));
    o.unit(d.set_memory_flags(1 << 30, DomainMemoryModFlags::empty()));
    o.unit(d.pin_emulator(&[0x0f], cur));
    o.t(d.emulator_pin_info(2, cur).map(|m| map4(&m)));
    o.unit(d.create());
    o.unit(d.pin_vcpu(0, &[0b110]));
    o.t(d.vcpu_pin_info(2, 2, cur).map(|m| map4(m.get(0).unwrap())));
    o.unit(d.pin_vcpu(5, &[1]));
    o.t(d.vcpus(2, None).map(|v| format!("({}, {})", v.info[0].number, v.info[0].state)));
    o.unit(d.destroy());
    let tx = XML.replace("oracle", "transient1").replace("abcdef01", "bbcdef01");
    let tr = c.create_xml(&tx, DomainCreateFlags::NONE).unwrap();
    o.st(&tr);
    o.unit(tr.set_autostart(true));
    o.unit(tr.undefine());
    o.unit(tr.managed_save(DomainSaveRestoreFlags::empty()));
    o.unit(tr.destroy());
    o.unit(d.undefine());
    o.0
}

#[test]
fn wider_lifecycle_matches_libvirt_test_driver() {
    let ours = sim_trace();
    compare_with_oracle("wide", SCRIPT, &[XML], &ours);
}

#[test]
fn default_domain_xml_matches_libvirt_test_driver() {
    let script = "import libvirt\nlibvirt.registerErrorHandler(lambda *a: None, None)\n\
        c = libvirt.open('test:///default')\n\
        d = c.lookupByName('test')\n\
        print(d.XMLDesc(0), end='')\nprint('----')\nprint(d.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE), end='')";
    let Ok(o) = Command::new("/usr/bin/python3").arg("-c").arg(script).output() else {
        assert!(std::env::var("VIRTKIT_REQUIRE_LIBVIRT").as_deref() != Ok("1"));
        return;
    };
    if !o.status.success() {
        assert!(std::env::var("VIRTKIT_REQUIRE_LIBVIRT").as_deref() != Ok("1"));
        return;
    }
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-xml").unwrap();
    let d = c.lookup_by_name("test").unwrap();
    let live = d.xml_desc(virtkit_api::flags::DomainXMLFlags::empty()).unwrap();
    let inactive = d.xml_desc(virtkit_api::flags::DomainXMLFlags::INACTIVE).unwrap();
    let ours = format!("{live}----\n{inactive}");
    assert_eq!(ours, String::from_utf8(o.stdout).unwrap());
}
