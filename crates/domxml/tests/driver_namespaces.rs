//! libvirt's driver namespaces (QEMU, bhyve, Xen, LXC, VMware) are read by URI whatever the
//! prefix and wherever they are declared, and written under libvirt's prefix declared on
//! `<domain>`; what the model cannot type stays as read.

#[path = "common/corpus.rs"]
mod corpus;

use virtkit_domxml::{Domain, FormatFlags};

const QEMU: &str = "http://libvirt.org/schemas/domain/qemu/1.0";

fn format(xml: &str) -> String {
    Domain::from_xml(xml).unwrap().to_xml_flags(FormatFlags::SECURE)
}

#[test]
fn qemu_elements_are_read_by_uri_whatever_the_prefix() {
    // libvirt's own output for these documents.
    let expected = format!(
        "<domain type='qemu' xmlns:qemu='{QEMU}'>\n  <qemu:commandline>\n    \
         <qemu:arg value='A'/>\n  </qemu:commandline>\n</domain>\n"
    );
    for input in [
        // Declared locally under libvirt's prefix.
        format!(
            "<domain type='qemu'><qemu:commandline xmlns:qemu='{QEMU}'><qemu:arg value='A'/></qemu:commandline></domain>"
        ),
        // Another prefix, declared locally, and again on the child.
        format!(
            "<domain type='qemu'><ns0:commandline xmlns:ns0='{QEMU}'><ns1:arg value='A' xmlns:ns1='{QEMU}'/></ns0:commandline></domain>"
        ),
        // Another prefix declared on <domain>: libvirt writes its own declaration instead.
        format!(
            "<domain type='qemu' xmlns:ns0='{QEMU}'><ns0:commandline><ns0:arg value='A'/></ns0:commandline></domain>"
        ),
        // The default namespace.
        format!(
            "<domain type='qemu'><commandline xmlns='{QEMU}'><arg value='A'/></commandline></domain>"
        ),
        // libvirt's prefix bound on <domain> to something else that nothing uses: dropped.
        format!(
            "<domain type='qemu' xmlns:qemu='urn:dummy'><ns0:commandline xmlns:ns0='{QEMU}'><ns0:arg value='A'/></ns0:commandline></domain>"
        ),
    ] {
        let d = Domain::from_xml(&input).unwrap();
        assert_eq!(d.qemu.as_ref().unwrap().args, ["A"], "{input}");
        assert!(d.others.is_empty() && d.attributes.is_empty(), "{input}");
        assert_eq!(d.to_xml_flags(FormatFlags::SECURE), expected, "{input}");
        assert_eq!(d.coverage().untyped, 0, "{input}");
    }
}

#[test]
fn what_cannot_be_typed_stays_as_read() {
    for input in [
        // A child in no namespace: libvirt's XPath does not see it.
        format!(
            "<domain type='qemu'><ns0:commandline xmlns:ns0='{QEMU}'><arg value='A'/></ns0:commandline></domain>"
        ),
        // Another namespace declared inside (libvirt would drop the declaration).
        format!(
            "<domain type='qemu'><ns0:commandline xmlns:ns0='{QEMU}' xmlns:x='urn:x'><ns0:arg value='A'/></ns0:commandline></domain>"
        ),
        // A prefixed attribute.
        format!(
            "<domain type='qemu' xmlns:x='urn:x'><ns0:commandline xmlns:ns0='{QEMU}'><ns0:arg x:value='A'/></ns0:commandline></domain>"
        ),
    ] {
        let d = Domain::from_xml(&input).unwrap();
        assert!(d.qemu.is_none(), "{input}");
        assert_eq!(d.others.len(), 1, "{input}");
        assert_eq!(
            d.to_xml_flags(FormatFlags::SECURE),
            format(&d.to_xml_flags(FormatFlags::SECURE))
        );
    }
}

#[test]
fn a_prefix_still_in_use_keeps_its_declaration() {
    // libvirt's prefix bound on <domain> to another namespace that a kept element uses: the
    // QEMU element cannot be written under `qemu:` and stays as read.
    let input = format!(
        "<domain type='qemu' xmlns:qemu='urn:dummy'><qemu:other/><ns0:commandline \
         xmlns:ns0='{QEMU}'><ns0:arg value='A'/></ns0:commandline></domain>"
    );
    let d = Domain::from_xml(&input).unwrap();
    assert!(d.qemu.is_none());
    assert_eq!(
        d.to_xml_flags(FormatFlags::SECURE),
        format!(
            "<domain type='qemu' xmlns:qemu='urn:dummy'>\n  <qemu:other/>\n  <ns0:commandline \
             xmlns:ns0='{QEMU}'>\n    <ns0:arg value='A'/>\n  </ns0:commandline>\n</domain>\n"
        )
    );
    // The QEMU URI declared on <domain> under a prefix a kept element uses: the declaration
    // stays beside libvirt's.
    let input = format!(
        "<domain type='qemu' xmlns:ns0='{QEMU}'><ns0:commandline><ns0:arg value='A'/>\
         </ns0:commandline><ns0:unknown/></domain>"
    );
    let out = format(&input);
    assert!(
        out.starts_with(&format!("<domain type='qemu' xmlns:qemu='{QEMU}' xmlns:ns0='{QEMU}'>")),
        "{out}"
    );
    assert!(out.contains("<qemu:arg value='A'/>") && out.contains("<ns0:unknown/>"), "{out}");
}

#[test]
fn other_driver_namespaces_are_read_by_uri_too() {
    let out = format(
        "<domain type='lxc'><n:namespace xmlns:n='http://libvirt.org/schemas/domain/lxc/1.0'>\
         <n:shareuts type='name' value='c'/><n:sharenet type='netns' value='x'/></n:namespace>\
         <b:commandline xmlns:b='http://libvirt.org/schemas/domain/bhyve/1.0'>\
         <b:arg value='-H'/></b:commandline>\
         <datacenterpath xmlns='http://libvirt.org/schemas/domain/vmware/1.0'>dc</datacenterpath>\
         </domain>",
    );
    assert_eq!(
        out,
        "<domain type='lxc' xmlns:bhyve='http://libvirt.org/schemas/domain/bhyve/1.0' \
         xmlns:lxc='http://libvirt.org/schemas/domain/lxc/1.0' \
         xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'>\n  \
         <bhyve:commandline>\n    <bhyve:arg value='-H'/>\n  </bhyve:commandline>\n  \
         <lxc:namespace>\n    <lxc:sharenet type='netns' value='x'/>\n    \
         <lxc:shareuts type='name' value='c'/>\n  </lxc:namespace>\n  \
         <vmware:datacenterpath>dc</vmware:datacenterpath>\n</domain>\n"
    );
}

/// The corpus inputs with the QEMU namespace under other prefixes or declared locally format
/// as libvirt's own outputs of them do (`<domain>`'s start tag and the namespace's elements:
/// the devices differ by the QEMU driver's defaults).
#[test]
fn corpus_inputs_match_libvirts_outputs() {
    let dir = corpus::corpus_dir().join("tests/qemuxmlconfdata");
    if !dir.is_dir() {
        return;
    }
    let mut compared = 0;
    for name in [
        "qemu-ns-alt",
        "qemu-ns-commandline",
        "qemu-ns-commandline-ns0",
        "qemu-ns-commandline-ns1",
        "qemu-ns-domain-commandline",
        "qemu-ns-domain-commandline-ns0",
        "qemu-ns-domain-ns0",
        "qemu-ns-no-env",
    ] {
        let input = std::fs::read_to_string(dir.join(format!("{name}.xml"))).unwrap();
        let libvirt =
            std::fs::read_to_string(dir.join(format!("{name}.x86_64-latest.xml"))).unwrap();
        let ours = format(&input);
        let tail = |s: &str| s[s.find("  <qemu:").expect(name)..].to_owned();
        assert_eq!(ours.lines().next(), libvirt.lines().next(), "{name}");
        assert_eq!(tail(&ours), tail(&libvirt), "{name}");
        compared += 1;
    }
    assert_eq!(compared, 8);
}
