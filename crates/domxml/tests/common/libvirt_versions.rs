//! What makes `Domain::apply_defaults` + format comparable with the system libvirt's generic
//! parse + format (libvirt 9.0 on the project's machines) although `Domain` follows libvirt
//! 11.3 (the corpus). Shared by `tests/libvirt_defaults.rs` and
//! `examples/defaults_vs_libvirt.rs`.
//!
//! Properties of the comparison, not differences:
//! - A missing `<uuid>`, an empty `<genid/>`, an interface's missing MAC address and
//!   virtual port ids: both sides generate random ones; ours are given libvirt's values
//!   ([`same_ids`]).
//! - Driver namespaces (`qemu:`, `bhyve:`, `lxc:`, `xen:`, `vmware:`): a generic
//!   `virDomainXMLOption` has no namespace parser, so libvirt drops them; [`as_libvirt`] drops
//!   ours.
//!
//! Differences between 9.0 and 11.3, each seen in the comparison over the corpus:
//! [`as_libvirt`] takes out of ours what libvirt 9.0 (and older) does not know or writes
//! differently:
//! - `clusters` of `<topology>` (added in 10.1);
//! - `format` of `<loader>` and `<nvram>`, `templateFormat` of `<nvram>`;
//! - `<shim>` in `<os>`;
//! - `<firmware>` features with a manually given loader (no `<os firmware>`): 9.0 reads them
//!   only with firmware autoselection and drops them otherwise;
//! - `deprecated_features` on `<cpu>` and `limit` on `<maxphysaddr>`;
//! - `<throttlegroups>` and the `<poll>` child of `<iothread>`;
//! - NUMA `<cache>` `associativity='none'`/`policy='none'`: 9.0 writes nothing for `none`.

use virtkit_domxml::Domain;

/// Gives `ours` the ids libvirt generated for `theirs` where the document has none (call
/// before `apply_defaults`, which keeps ids that are there): the uuid, the genid, and each
/// interface's MAC address and virtual port ids, in `Domain::generate_ids`'s order.
#[allow(dead_code)]
pub(crate) fn same_ids(ours: &mut Domain<'_>, theirs: &str) {
    let Ok(t) = Domain::from_xml(theirs) else { return };
    let mut queue: Vec<[u8; 16]> = Vec::new();
    if ours.uuid.is_none() {
        queue.push(t.uuid.map_or([0; 16], |u| u.0));
    }
    if ours.genid == Some(None) {
        queue.push(t.genid.flatten().map_or([0; 16], |u| u.0));
    }
    let interfaces = |d: &Domain<'_>| -> Vec<virtkit_domxml::Element<'static>> {
        d.devices
            .iter()
            .flat_map(|ds| &ds.items)
            .filter(|i| i.kind() == "interface")
            .map(|i| i.element.clone().into_owned())
            .collect()
    };
    let param = |e: &virtkit_domxml::Element<'_>, name: &str| -> Option<String> {
        e.child("virtualport")?.child("parameters")?.attribute(name).map(str::to_owned)
    };
    for (o, th) in interfaces(ours).iter().zip(interfaces(&t)) {
        if o.child("mac").and_then(|m| m.attribute("address")).is_none() {
            let mut b = [0u8; 16];
            let mac = th.child("mac").and_then(|m| m.attribute("address")).unwrap_or("");
            for (slot, byte) in b.iter_mut().zip(mac.split(':').skip(3)) {
                *slot = u8::from_str_radix(byte, 16).unwrap_or(0);
            }
            queue.push(b);
        }
        let Some(port) = o.child("virtualport") else { continue };
        let (instance, interface) = match port.attribute("type") {
            None => (true, true),
            Some("802.1Qbg") => (true, false),
            Some("openvswitch") => (false, true),
            Some(_) => (false, false),
        };
        for (wanted, name) in [(instance, "instanceid"), (interface, "interfaceid")] {
            if wanted && param(o, name).is_none() {
                let id = param(&th, name).and_then(|v| v.parse::<virtkit_domxml::Uuid>().ok());
                queue.push(id.map_or([0; 16], |u| u.0));
            }
        }
    }
    let mut queue = queue.into_iter();
    ours.generate_ids(|| queue.next());
}

/// `ours`, after `apply_defaults`, formatted as libvirt `version`'s generic formatter would
/// write it (see the module documentation).
#[allow(dead_code)]
pub(crate) fn as_libvirt(mut ours: Domain<'_>, version: u64) -> String {
    use virtkit_domxml::FormatFlags;
    ours.qemu = None;
    ours.drivers = None;
    if version < 9_001_000 {
        if let Some(os) = &mut ours.os {
            if let Some(l) = &mut os.loader {
                l.format = None;
            }
            if let Some(n) = &mut os.nvram {
                n.format = None;
                n.template_format = None;
            }
            os.shim = None;
            if os.firmware.is_none() {
                os.firmware_features = None;
            }
        }
        if let Some(cpu) = &mut ours.cpu {
            cpu.deprecated_features = None;
            if let Some(m) = &mut cpu.maxphysaddr {
                m.2 = None;
            }
            if let Some(t) = &mut cpu.topology {
                t.clusters = None;
            }
        }
        ours.throttlegroups = None;
        for t in ours.iothreadids.iter_mut().flatten() {
            t.poll = None;
        }
    }
    let xml = ours.to_xml_flags(FormatFlags::SECURE);
    if version < 9_001_000 && xml.contains("='none'") {
        return xml
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("<cache level=") {
                    l.replace(" associativity='none'", "").replace(" policy='none'", "")
                } else {
                    l.to_owned()
                }
            })
            .fold(String::new(), |mut s, l| {
                s.push_str(&l);
                s.push('\n');
                s
            });
    }
    xml
}
