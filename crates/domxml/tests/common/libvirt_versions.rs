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

/// Documents whose devices use what libvirt 9.0 does not know (it drops them; 11.3, the
/// corpus's version, keeps them): (document, what 9.0 drops). Every other document libvirt
/// 9.0 accepts must be equal; these must differ (`tests/libvirt_defaults.rs`).
#[allow(dead_code)]
pub(crate) const DEVICES_NEWER_THAN_9_0: [(&str, &str); 39] = [
    ("tests/qemuxmlconfdata/disk-blockio.x86_64-latest.xml", "<blockio discard_granularity>"),
    ("tests/qemuxmlconfdata/disk-blockio.xml", "<blockio discard_granularity>"),
    ("tests/qemuxmlconfdata/disk-discard_no_unref.x86_64-latest.xml", "<driver discard_no_unref>"),
    ("tests/qemuxmlconfdata/disk-discard_no_unref.xml", "<driver discard_no_unref>"),
    ("tests/qemuxmlconfdata/disk-network-nbd.x86_64-latest.xml", "NBD <source><reconnect>"),
    ("tests/qemuxmlconfdata/disk-network-nbd.xml", "NBD <source><reconnect>"),
    ("tests/qemuxmlconfdata/disk-network-ssh-key.x86_64-latest.xml", "SSH <source><knownHosts>"),
    ("tests/qemuxmlconfdata/disk-network-ssh-key.xml", "SSH <source><knownHosts>"),
    ("tests/qemuxmlconfdata/disk-network-ssh-nbdkit.x86_64-latest.xml", "SSH <source><knownHosts>"),
    (
        "tests/qemuxmlconfdata/disk-network-ssh-password.x86_64-latest.xml",
        "SSH <source><knownHosts>",
    ),
    ("tests/qemuxmlconfdata/disk-network-ssh-password.xml", "SSH <source><knownHosts>"),
    ("tests/qemuxmlconfdata/disk-network-ssh.x86_64-latest.xml", "SSH <source><knownHosts>"),
    ("tests/qemuxmlconfdata/disk-network-ssh.xml", "SSH <source><knownHosts>"),
    ("tests/qemuxmlconfdata/disk-qcow2-datafile-store.x86_64-latest.xml", "<source><dataStore>"),
    ("tests/qemuxmlconfdata/disk-qcow2-datafile-store.xml", "<source><dataStore>"),
    ("tests/qemuxmlconfdata/graphics-rdp.xml", "RDP <graphics username/passwd>"),
    (
        "tests/qemuxmlconfdata/hostdev-pci-display-ramfb.x86_64-latest.xml",
        "<hostdev display/ramfb>",
    ),
    ("tests/qemuxmlconfdata/hostdev-pci-display-ramfb.xml", "<hostdev display/ramfb>"),
    ("tests/qemuxmlconfdata/hostdev-vfio.x86_64-latest.xml", "<hostdev><driver model>"),
    ("tests/qemuxmlconfdata/hostdev-vfio.xml", "<hostdev><driver model>"),
    ("tests/qemuxmlconfdata/iothreads-disk.x86_64-latest.xml", "disk <driver><iothreads>"),
    ("tests/qemuxmlconfdata/iothreads-disk.xml", "disk <driver><iothreads>"),
    (
        "tests/qemuxmlconfdata/iothreads-virtio-scsi-mapping.x86_64-latest.xml",
        "controller <driver><iothreads>",
    ),
    ("tests/qemuxmlconfdata/iothreads-virtio-scsi-mapping.xml", "controller <driver><iothreads>"),
    ("tests/qemuxmlconfdata/q35-usb2.xml", "<target memReserve>"),
    ("tests/qemuxmlconfdata/sound-device.x86_64-latest.xml", "<sound multichannel>"),
    ("tests/qemuxmlconfdata/sound-device.xml", "<sound multichannel>"),
    ("tests/qemuxmlconfdata/throttlefilter.x86_64-latest.xml", "<throttlefilters>"),
    ("tests/qemuxmlconfdata/throttlefilter.xml", "<throttlefilters>"),
    ("tests/qemuxmlconfdata/tpm-emulator-crb-profile.xml", "<tpm><backend> profile/debug/source"),
    ("tests/qemuxmlconfdata/tpm-emulator-tpm2-enc.xml", "<tpm><backend> profile/debug/source"),
    ("tests/qemuxmlconfdata/tpm-emulator-tpm2.xml", "<tpm><backend> profile/debug/source"),
    ("tests/qemuxmlconfdata/vhost-user-fs-fd-memory.xml", "virtiofs <idmap>"),
    ("tests/qemuxmlconfdata/vhost-user-fs-fd-openfiles.xml", "virtiofs <binary><openfiles>"),
    ("tests/qemuxmlconfdata/video-virtio-blob-off.x86_64-latest.xml", "<video><model blob>"),
    ("tests/qemuxmlconfdata/video-virtio-blob-off.xml", "<video><model blob>"),
    ("tests/qemuxmlconfdata/video-virtio-blob-on.x86_64-latest.xml", "<video><model blob>"),
    ("tests/qemuxmlconfdata/video-virtio-blob-on.xml", "<video><model blob>"),
    ("tests/qemuxmlconfdata/virtio-iommu-dma-translation.xml", "<iommu><driver dma_translation>"),
];
