//! What makes `Domain::apply_defaults` + format comparable with the system libvirt's generic
//! parse + format (libvirt 9.0 on the project's machines) although `Domain` follows libvirt
//! 11.3 (the corpus). Shared by `tests/libvirt_defaults.rs` and
//! `examples/defaults_vs_libvirt.rs`.
//!
//! Properties of the comparison, not differences:
//! - A missing `<uuid>` and an empty `<genid/>`: both sides generate random ones; ours are
//!   given libvirt's values ([`same_ids`]).
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
/// before `apply_defaults`, which keeps ids that are there).
#[allow(dead_code)]
pub(crate) fn same_ids(ours: &mut Domain<'_>, theirs: &str) {
    let Ok(t) = Domain::from_xml(theirs) else { return };
    let mut ids = [t.uuid, t.genid.flatten()].into_iter();
    let mut next = || ids.next().flatten().map(|u| u.0);
    if ours.uuid.is_some() {
        next();
    }
    ours.generate_ids(next);
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
