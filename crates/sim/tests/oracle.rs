//! States and reasons of a short lifecycle on a sim host against libvirt's own test driver
//! (`test:///default` through python3-libvirt). Skips with a note when python3-libvirt is
//! missing, and fails then when `VIRTKIT_REQUIRE_LIBVIRT=1` (as `virtkit_cref::libvirt_or_skip`).

mod common;

use common::compare_with_oracle;
use virtkit_api::Connect;
use virtkit_api::flags::DomainCreateFlags;

const XML: &str = "<domain type='test'><name>oracle</name>\
    <uuid>abcdef01-2345-6789-abcd-ef0123456789</uuid>\
    <memory unit='KiB'>1048576</memory><vcpu>2</vcpu><os><type>hvm</type></os></domain>";

const SCRIPT: &str = r#"
import sys, libvirt
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.open("test:///default")
d = c.defineXML(sys.argv[1])
out = [d.state()]
for step in (d.create, d.suspend, d.resume, d.destroy):
    step()
    out.append(d.state())
for step in (d.suspend, d.resume, d.destroy):
    try:
        step()
        out.append("ok")
    except libvirt.libvirtError as e:
        out.append("%d %d %s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message()))
print("\n".join(x if isinstance(x, str) else "%d %d" % tuple(x) for x in out))
"#;

fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let conn = Connect::open("sim:///oracle").unwrap();
    let d = conn.define_xml(XML).unwrap();
    let sr = |d: &virtkit_api::Domain| {
        let s = d.state(0).unwrap();
        format!("{} {}", s.state, s.reason)
    };
    let mut out = vec![sr(&d)];
    d.create_with_flags(DomainCreateFlags::NONE).unwrap();
    out.push(sr(&d));
    d.suspend().unwrap();
    out.push(sr(&d));
    d.resume().unwrap();
    out.push(sr(&d));
    d.destroy().unwrap();
    out.push(sr(&d));
    for r in [d.suspend(), d.resume(), d.destroy()] {
        out.push(match r {
            Ok(()) => "ok".to_owned(),
            Err(e) => format!("{} {} {}", e.raw_code(), e.raw_domain(), e.message()),
        });
    }
    out
}

#[test]
fn lifecycle_matches_libvirt_test_driver() {
    let ours = sim_trace();
    compare_with_oracle("lifecycle", SCRIPT, &[XML], &ours);
}
