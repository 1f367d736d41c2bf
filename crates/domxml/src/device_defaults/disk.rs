//! Disks and host devices: the order libvirt keeps disks in (`virDomainDiskInsertPreAlloced`),
//! `virDomainDiskDefPostParse` (device, bus from the target name, read-only CD-ROMs, drive
//! addresses by `virDomainDiskDefAssignAddress`), `virDomainHostdevDefPostParse` (SCSI host
//! devices' drive addresses by `virDomainHostdevAssignAddress`), and the fixed forms of
//! `virDomainDiskDefFormat` and `virDomainHostdevDefFormat` (attribute and child order, values
//! libvirt does not write).

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{
    Context, INFO_CHILDREN, Radix, child_mut, default_attribute, device_info, drop_blank_text,
    find_child_mut, order_attributes, order_children, parse_unsigned,
};
use crate::doc::{Element, Node};
use crate::domain::Device;
use crate::tune::THROTTLE_LIMITS;

/// Applies the disk and host device defaults to the device list (see the module
/// documentation); other devices are left alone, except that the disks are put in the order
/// libvirt keeps them in.
pub(super) fn post_parse(items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {
    insertion_order(items);
    for d in items.iter_mut().filter(|d| d.element.name == "disk") {
        disk_defaults(&mut d.element);
    }
    // libvirt's own output is not always in the order its parser keeps: a disk whose bus was
    // derived from its target name joins the disks written with that bus when the output is
    // read again (sdc without a bus before hdz with bus='scsi' moves after it). Inserting once
    // more with the buses now written gives the order a second parse keeps, so that the
    // defaults applied twice equal the defaults applied once; it differs from libvirt's first
    // parse only where libvirt's parse of its own output differs too (no corpus document).
    insertion_order(items);
    // virDomainDeviceInfoIterate visits the host devices in order, after the disks: a SCSI host
    // device's address depends on the disks' addresses, the controllers as written and the
    // host devices before it.
    for i in 0..items.len() {
        if is_scsi_hostdev(&items[i].element) && items[i].element.child("address").is_none() {
            let (controller, unit) = next_scsi_unit(items);
            let e = &mut items[i].element;
            let a = child_mut(e, "address");
            a.set_attribute("type", "drive");
            a.set_attribute("controller", format!("{controller}"));
            a.set_attribute("bus", "0");
            a.set_attribute("target", "0");
            a.set_attribute("unit", format!("{unit}"));
        }
    }
    for d in items.iter_mut() {
        match &*d.element.name {
            "disk" => format_disk(&mut d.element),
            "hostdev" => format_hostdev(&mut d.element),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Disk order

/// `virDiskNameToIndex`: the index a disk target name (`sda`, `hdc`, `vdaa1`, ...) stands for,
/// `None` where libvirt returns -1 (an unknown prefix, something other than digits after the
/// letters, no letter at all, or an index past `int`).
fn disk_name_index(name: &str) -> Option<u32> {
    const PREFIXES: [&str; 6] = ["fd", "hd", "vd", "sd", "xvd", "ubd"];
    let rest = PREFIXES.iter().find_map(|p| name.strip_prefix(p))?;
    let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let (letters, digits) = rest.split_at(letters);
    if letters.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut idx: u32 = 0;
    for (i, b) in letters.bytes().enumerate() {
        let step = if i == 0 { idx } else { idx.checked_add(1)? };
        idx = step.checked_mul(26)?.checked_add(u32::from(b - b'a'))?;
    }
    (i32::try_from(idx).is_ok()).then_some(idx)
}

/// The disks in the order `virDomainDefParseXML` keeps them: each disk is inserted with
/// `virDomainDiskInsertPreAlloced`, before the first disk on the same bus with a greater index
/// (`virDiskNameToIndex`), else after the last disk on the same bus, else at the end. The bus
/// compared is the one written: at insertion time `virDomainDiskDefPostParse` has not yet
/// derived the others' bus from their target names, so disks without a bus form one group.
/// The other devices keep their places.
fn insertion_order(items: &mut [Device<'_>]) {
    let slots: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, d)| d.element.name == "disk")
        .map(|(i, _)| i)
        .collect();
    if slots.len() < 2 {
        return;
    }
    let key = |i: usize| {
        let target = items[i].element.child("target");
        let bus = target.and_then(|t| t.attribute("bus"));
        let index = target.and_then(|t| t.attribute("dev")).and_then(disk_name_index);
        // -1 for a name libvirt cannot index (it compares ints).
        (bus, index.map_or(-1, i64::from))
    };
    let mut order: Vec<usize> = Vec::with_capacity(slots.len());
    for &new in &slots {
        let (bus, index) = key(new);
        let mut at = None;
        for (pos, &old) in order.iter().enumerate().rev() {
            let (old_bus, old_index) = key(old);
            if old_bus != bus {
                continue;
            }
            if old_index > index {
                at = Some(pos);
            } else if at.is_none() {
                at = Some(pos + 1);
            }
        }
        order.insert(at.unwrap_or(order.len()), new);
    }
    if order == slots {
        return;
    }
    let mut disks: Vec<Option<Device<'_>>> = Vec::with_capacity(slots.len());
    for &s in &slots {
        disks.push(Some(core::mem::replace(&mut items[s], Device { element: Element::new("") })));
    }
    for (slot, from) in slots.iter().zip(order) {
        let pos = slots.iter().position(|s| *s == from).unwrap_or(0);
        if let Some(d) = disks[pos].take() {
            items[*slot] = d;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Disk post-parse

/// `virDomainDiskDefParseXML` and `virDomainDiskDefPostParse` for one disk.
fn disk_defaults(e: &mut Element<'_>) {
    // virDomainDiskDefParseXML: type defaults to file, device to disk.
    default_attribute(e, "type", "file");
    default_attribute(e, "device", "disk");
    let device = e.attribute("device").map(String::from);
    let device = device.as_deref();
    // virDomainDiskDefPostParse: the bus from the device kind or the target name.
    if let Some(t) = find_child_mut(e, "target")
        && t.attribute("bus").is_none()
        && let Some(dev) = t.attribute("dev")
    {
        let bus = default_bus(device, dev);
        t.set_attribute("bus", bus);
    }
    // virDomainDiskDefPostParse: a CD-ROM is always read-only.
    if device == Some("cdrom") && e.child("readonly").is_none() {
        e.children.push(Node::Element(Element::new("readonly")));
    }
    // virDomainDiskDefParseXML: a disk without a source is an empty file-backed one
    // (virStorageSourceIsEmpty), whatever type it was given.
    if e.child("source").is_none() {
        e.set_attribute("type", "file");
    }
    // virDomainDiskDefPostParse: vhost-user disks cannot be snapshotted.
    if e.attribute("type") == Some("vhostuser") {
        default_attribute(e, "snapshot", "no");
    }
    // virDomainPostParseCheckISCSIPath: an iSCSI source names LUN 0 unless it names one.
    if let Some(s) = find_child_mut(e, "source") {
        iscsi_lun(s);
    }
    // virDomainDiskDefPostParse: a disk without an address gets a drive address on the
    // controller-based buses.
    if e.child("address").is_none()
        && let Some(t) = e.child("target")
        && let (Some(bus), Some(dev)) = (t.attribute("bus"), t.attribute("dev"))
        && let Some(index) = disk_name_index(dev)
        && let Some([controller, bus, unit]) = drive_address(bus, index)
    {
        let a = child_mut(e, "address");
        a.set_attribute("type", "drive");
        a.set_attribute("controller", format!("{controller}"));
        a.set_attribute("bus", format!("{bus}"));
        a.set_attribute("target", "0");
        a.set_attribute("unit", format!("{unit}"));
    }
}

/// `virDomainPostParseCheckISCSIPath`: `name` of an iSCSI `<source>` without a `/` gets the
/// default LUN, `/0`.
fn iscsi_lun(s: &mut Element<'_>) {
    if s.attribute("protocol") == Some("iscsi")
        && let Some(name) = s.attribute("name")
        && !name.contains('/')
    {
        let name = format!("{name}/0");
        s.set_attribute("name", name);
    }
}

/// The bus `virDomainDiskDefPostParse` gives a disk without one: `fdc` for floppies, else by
/// the target name's prefix, IDE for any other name.
fn default_bus(device: Option<&str>, dev: &str) -> &'static str {
    if device == Some("floppy") {
        return "fdc";
    }
    [("hd", "ide"), ("sd", "scsi"), ("vd", "virtio"), ("xvd", "xen"), ("ubd", "uml")]
        .iter()
        .find(|(p, _)| dev.starts_with(p))
        .map_or("ide", |(_, b)| b)
}

/// `virDomainDiskDefAssignAddress` with a generic `virDomainXMLOption` (a narrow SCSI bus):
/// the controller, bus and unit of the drive address for disk index `index` on `bus`, `None`
/// for buses that are not controller-based.
fn drive_address(bus: &str, index: u32) -> Option<[u32; 3]> {
    Some(match bus {
        // 7 units a bus, one bus a controller.
        "scsi" => [index / 7, 0, index % 7],
        // 2 units a bus, 2 buses a controller.
        "ide" => [index / 4, (index % 4) / 2, index % 2],
        // 6 units a bus, one bus a controller.
        "sata" => [index / 6, 0, index % 6],
        // 2 units a bus, one bus a controller.
        "fdc" => [index / 2, 0, index % 2],
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Host device post-parse

/// A `<hostdev mode='subsystem' type='scsi'>` (mode defaults to subsystem).
fn is_scsi_hostdev(e: &Element<'_>) -> bool {
    e.name == "hostdev"
        && e.attribute("mode").is_none_or(|m| m == "subsystem")
        && e.attribute("type") == Some("scsi")
}

/// `virDomainHostdevAssignAddress` (narrow SCSI bus: units 0 to 6 on each controller, the
/// controller itself being unit 7): the first
/// controller with a free unit, and that unit (`virDomainControllerSCSINextUnit`).
fn next_scsi_unit(items: &[Device<'_>]) -> (u64, u64) {
    let mut controller = 0;
    loop {
        if let Some(unit) = (0..7).find(|u| !scsi_address_used(items, controller, *u)) {
            return (controller, unit);
        }
        // A controller past any written one has every unit free, so this ends.
        controller += 1;
    }
}

/// `virDomainSCSIDriveAddressIsUsed` for `controller:0:0:unit`: units past the controller
/// model's limit or its reserved unit, or the address of a SCSI disk or SCSI host device.
fn scsi_address_used(items: &[Device<'_>], controller: u64, unit: u64) -> bool {
    let num = |e: &Element<'_>, n: &str| {
        e.attribute(n).map_or(Some(0), |v| parse_unsigned(v, Radix::Decimal, u64::from(u32::MAX)))
    };
    let model = items
        .iter()
        .map(|d| &d.element)
        .find(|c| {
            c.name == "controller"
                && c.attribute("type") == Some("scsi")
                && c.attribute("index").and_then(|i| parse_unsigned(i, Radix::Decimal, u64::MAX))
                    == Some(controller)
        })
        .and_then(|c| c.attribute("model"));
    // The limits libvirt takes from QEMU.
    let (max, reserved) = match model {
        Some("virtio-scsi" | "virtio-transitional" | "virtio-non-transitional") => {
            (Some(16383), None)
        }
        Some("ibmvscsi") => (Some(31), Some(7)),
        Some("lsisas1068") => (Some(1), None),
        Some("lsisas1078") => (Some(255), None),
        Some("lsilogic" | "vmpvscsi" | "buslogic") => (None, Some(7)),
        Some("ncr53c90" | "dc390" | "am53c974") => (Some(6), None),
        _ => (None, None),
    };
    if max.is_some_and(|m| unit > m) || reserved == Some(unit) {
        return true;
    }
    items.iter().map(|d| &d.element).any(|e| {
        let scsi = match &*e.name {
            "disk" => e.child("target").and_then(|t| t.attribute("bus")) == Some("scsi"),
            "hostdev" => is_scsi_hostdev(e),
            _ => false,
        };
        scsi && e.child("address").is_some_and(|a| {
            a.attribute("type") == Some("drive")
                && num(a, "controller") == Some(controller)
                && num(a, "bus") == Some(0)
                && num(a, "target") == Some(0)
                && num(a, "unit") == Some(unit)
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Disk format

/// `virDomainDiskDefFormat`'s attributes.
const DISK_ATTRIBUTES: [&str; 6] = ["type", "device", "model", "rawio", "sgio", "snapshot"];

/// `virDomainDiskDefFormat`'s children before the device information ([`INFO_CHILDREN`]).
const DISK_CHILDREN: [&str; 19] = [
    "driver",
    "auth",
    "source",
    "privateData",
    "backingStore",
    "backenddomain",
    "geometry",
    "blockio",
    "mirror",
    "target",
    "iotune",
    "throttlefilters",
    "readonly",
    "shareable",
    "transient",
    "serial",
    "wwn",
    "vendor",
    "product",
];

/// `virDomainDiskDefFormatDriver`'s attributes (the virtio options last).
const DRIVER_ATTRIBUTES: [&str; 19] = [
    "name",
    "type",
    "cache",
    "error_policy",
    "rerror_policy",
    "io",
    "ioeventfd",
    "event_idx",
    "copy_on_read",
    "discard",
    "discard_no_unref",
    "iothread",
    "detect_zeroes",
    "queues",
    "queue_size",
    "iommu",
    "ats",
    "packed",
    "page_per_vq",
];

/// `virDomainDiskSourceFormat`'s attributes, every source type's in one list (they do not
/// occur together), `index` last.
const SOURCE_ATTRIBUTES: [&str; 18] = [
    "protocol",
    "name",
    "query",
    "tls",
    "tlsHostname",
    "file",
    "fdgroup",
    "dev",
    "dir",
    "pool",
    "volume",
    "type",
    "path",
    "mode",
    "managed",
    "namespace",
    "startupPolicy",
    "index",
];

/// `virDomainDiskSourceFormat`'s children: the network ones
/// (`virDomainDiskSourceFormatNetwork`), the NVMe address, slices, labels, then the
/// authentication, encryption, persistent reservations and data store.
const SOURCE_CHILDREN: [&str; 18] = [
    "host",
    "snapshot",
    "config",
    "initiator",
    "ssl",
    "cookies",
    "readahead",
    "timeout",
    "reconnect",
    "knownHosts",
    "identity",
    "address",
    "slices",
    "seclabel",
    "auth",
    "encryption",
    "reservations",
    "dataStore",
];

/// `virDomainDiskDefFormatIotune`'s children: the throttle limits, with `group_name` after
/// `size_iops_sec`.
fn iotune_children() -> Vec<&'static str> {
    let at = THROTTLE_LIMITS.iter().position(|n| *n == "size_iops_sec").map_or(0, |i| i + 1);
    let mut order = THROTTLE_LIMITS.to_vec();
    order.insert(at, "group_name");
    order
}

/// The elements inside a disk or host device whose text libvirt reads; white space in the
/// others is not kept (see [`drop_blank_text`]).
const TEXT_ELEMENTS: [&str; 14] = [
    "serial",
    "wwn",
    "vendor",
    "product",
    "cookie",
    "label",
    "imagelabel",
    "baselabel",
    "max_size",
    "block",
    "char",
    "interface",
    "group_name",
    "privateData",
];

/// Whether libvirt reads the text of `e` inside a disk or host device: [`TEXT_ELEMENTS`] and
/// the `<iotune>` values (for [`drop_blank_text`]).
fn reads_disk_text(e: &Element<'_>) -> bool {
    TEXT_ELEMENTS.contains(&&*e.name) || THROTTLE_LIMITS.contains(&&*e.name)
}

/// `virDomainDiskDefFormat`'s form of one disk.
fn format_disk(e: &mut Element<'_>) {
    drop_blank_text(e, &reads_disk_text);
    // virDomainDiskDefFormat: snapshot='no' is not written for a read-only disk.
    if e.child("readonly").is_some() {
        drop_attribute_if(e, "snapshot", "no");
    }
    order_attributes(e, &DISK_ATTRIBUTES);
    if let Some(d) = find_child_mut(e, "driver") {
        format_driver(d);
    }
    // A driver with nothing left to say is not written, nor is an empty source
    // (virDomainDiskSourceFormat writes nothing for an empty source without attributes).
    e.children.retain(|n| {
        !matches!(n, Node::Element(d)
            if (d.name == "driver" || d.name == "source")
                && d.attributes.is_empty()
                && d.children.is_empty())
    });
    for c in children_mut(e) {
        match &*c.name {
            "source" => format_source(c),
            "auth" => format_auth(c),
            "encryption" => format_encryption(c),
            "backingStore" => format_backing_store(c),
            "target" => format_target(c),
            "iotune" => order_children(c, &iotune_children()),
            "geometry" => order_attributes(c, &["cyls", "heads", "secs", "trans"]),
            "blockio" => order_attributes(
                c,
                &["logical_block_size", "physical_block_size", "discard_granularity"],
            ),
            "boot" => format_boot(c),
            "mirror" => old_mirror(c),
            _ => {}
        }
    }
    device_info(e);
    let order: Vec<&str> = DISK_CHILDREN
        .iter()
        .chain(["encryption"].iter())
        .chain(INFO_CHILDREN.iter())
        .copied()
        .collect();
    order_children(e, &order);
}

/// The old form of a block copy's `<mirror file format ready/>` (without a `<source>`), as
/// `virDomainDiskDefMirrorParse` reads it (a file, a copy job) and `virDomainDiskDefFormat`
/// writes it back: `type='file'` and `job='copy'` added, the file and format also given as
/// `<format type>` and `<source file>` (checked with libvirt 9.0's generic parse + format).
fn old_mirror(m: &mut Element<'_>) {
    if m.child("source").is_some() {
        return;
    }
    let Some(file) = m.attribute("file").map(String::from) else { return };
    default_attribute(m, "type", "file");
    default_attribute(m, "job", "copy");
    if let Some(format) = m.attribute("format").map(String::from) {
        child_mut(m, "format").set_attribute("type", format);
    }
    child_mut(m, "source").set_attribute("file", file);
    order_attributes(m, &["type", "file", "format", "job", "ready"]);
    order_children(m, &["format", "source"]);
}

/// `virDomainDeviceBootParseXML`: `loadparm` is kept in upper case; `<boot order loadparm>`.
fn format_boot(b: &mut Element<'_>) {
    if let Some(l) = b.attribute("loadparm")
        && l.bytes().any(|c| c.is_ascii_lowercase())
    {
        let upper = l.to_ascii_uppercase();
        b.set_attribute("loadparm", upper);
    }
    order_attributes(b, &["order", "loadparm"]);
}

/// The port `virStorageSourceNetworkDefaultPort` gives a network host of `protocol` without
/// one (`None`: no default, as for RBD).
fn default_port(protocol: &str) -> Option<&'static str> {
    Some(match protocol {
        "http" => "80",
        "https" => "443",
        "ftp" => "21",
        "ftps" => "990",
        "tftp" => "69",
        "sheepdog" => "7000",
        "nbd" => "10809",
        "ssh" => "22",
        "iscsi" => "3260",
        "gluster" => "24007",
        "vxhs" => "9999",
        _ => return None,
    })
}

/// The child elements of `e`, mutably.
fn children_mut<'e, 'a>(e: &'e mut Element<'a>) -> impl Iterator<Item = &'e mut Element<'a>> {
    e.children.iter_mut().filter_map(|n| match n {
        Node::Element(c) => Some(c),
        _ => None,
    })
}

/// Removes attribute `name` when its value is `value` (a default libvirt does not write).
fn drop_attribute_if(e: &mut Element<'_>, name: &str, value: &str) {
    e.attributes.retain(|a| !(a.name == name && a.value == value));
}

/// `virDomainDiskDefFormatDriver`: `cache='default'` is the unset value and `queues` and
/// `queue_size` of 0 are unset, none written.
fn format_driver(d: &mut Element<'_>) {
    drop_attribute_if(d, "cache", "default");
    for n in ["queues", "queue_size"] {
        if d.attribute(n).and_then(|v| parse_unsigned(v, Radix::Decimal, u64::from(u32::MAX)))
            == Some(0)
        {
            d.attributes.retain(|a| a.name != n);
        }
    }
    order_attributes(d, &DRIVER_ATTRIBUTES);
    metadata_cache_in_bytes(d);
}

/// The `<metadata_cache><max_size>` of a disk's `<driver>` or a backing store's `<format>`:
/// read as a scaled size (bytes by default, `virDomainStorageSourceParseFormat`'s
/// `virParseScaledValue`) and written in bytes.
fn metadata_cache_in_bytes(owner: &mut Element<'_>) {
    for c in children_mut(owner) {
        if c.name == "metadata_cache"
            && let Some(m) = find_child_mut(c, "max_size")
        {
            if let Some(b) = super::other::scaled_bytes(&m.text(), m.attribute("unit")) {
                m.attributes.retain(|a| a.name != "unit");
                m.set_attribute("unit", "bytes");
                m.children = alloc::vec![Node::Text(format!("{b}").into())];
            } else if m.attribute("unit").is_none() {
                m.set_attribute("unit", "bytes");
            }
        }
    }
}

/// `virDomainDiskSourceFormat`'s form of a `<source>` (also inside `<backingStore>`).
fn format_source(s: &mut Element<'_>) {
    order_attributes(s, &SOURCE_ATTRIBUTES);
    let port = s.attribute("protocol").and_then(default_port);
    for c in children_mut(s) {
        match &*c.name {
            "host" => {
                // virStorageSourceNetworkAssignDefaultPorts: TCP hosts get the protocol's port.
                if let Some(p) = port
                    && c.attribute("transport").is_none_or(|t| t == "tcp")
                {
                    default_attribute(c, "port", p);
                }
                order_attributes(c, &["name", "port", "transport", "socket"]);
            }
            "auth" => format_auth(c),
            "encryption" => format_encryption(c),
            "seclabel" => order_attributes(c, &["model", "relabel"]),
            "slices" => {
                for slice in children_mut(c) {
                    order_attributes(slice, &["type", "offset", "size"]);
                }
            }
            "reconnect" => order_attributes(c, &["enabled", "delay", "timeout"]),
            "identity" => {
                order_attributes(c, &["username", "keyfile", "agentsock", "user", "group"]);
            }
            "address" => order_attributes(c, &["domain", "bus", "slot", "function"]),
            "dataStore" => format_backing_store(c),
            _ => {}
        }
    }
    order_children(s, &SOURCE_CHILDREN);
}

/// `virStorageAuthDefFormat`: `<auth username>` with its `<secret type uuid|usage>`.
fn format_auth(a: &mut Element<'_>) {
    for c in children_mut(a) {
        order_attributes(c, &["type", "uuid", "usage"]);
    }
}

/// `virStorageEncryptionFormat`: `<encryption format engine>` with its secrets.
fn format_encryption(e: &mut Element<'_>) {
    order_attributes(e, &["format", "engine"]);
    for c in children_mut(e) {
        order_attributes(c, &["type", "uuid", "usage"]);
    }
}

/// `virDomainDiskBackingStoreFormat` (and the data store of 11.x): `<format>`, `<source>`,
/// then the next `<backingStore>`.
fn format_backing_store(b: &mut Element<'_>) {
    order_attributes(b, &["type", "index"]);
    for c in children_mut(b) {
        match &*c.name {
            "source" => format_source(c),
            "backingStore" => format_backing_store(c),
            "format" => metadata_cache_in_bytes(c),
            _ => {}
        }
    }
    order_children(b, &["format", "source", "backingStore"]);
}

/// `virDomainDiskDefFormat`'s `<target>`: a closed tray is the default and not written.
fn format_target(t: &mut Element<'_>) {
    drop_attribute_if(t, "tray", "closed");
    order_attributes(t, &["dev", "bus", "tray", "removable", "rotation_rate"]);
}

// ---------------------------------------------------------------------------------------------
// Host device format

/// `virDomainHostdevDefFormat`'s attributes.
const HOSTDEV_ATTRIBUTES: [&str; 8] =
    ["mode", "type", "managed", "sgio", "rawio", "model", "display", "ramfb"];

/// `virDomainHostdevDefFormat`'s children before the device information.
const HOSTDEV_CHILDREN: [&str; 7] =
    ["driver", "source", "ip", "route", "readonly", "shareable", "teaming"];

/// `virDomainHostdevDefParseXML` + `virDomainHostdevDefFormat` for one host device.
fn format_hostdev(e: &mut Element<'_>) {
    drop_blank_text(e, &reads_disk_text);
    // virDomainHostdevDefParseXML: mode defaults to subsystem; a subsystem device is
    // unmanaged unless it says so, and virDomainHostdevDefFormat writes managed for them.
    default_attribute(e, "mode", "subsystem");
    if e.attribute("mode") == Some("subsystem") {
        default_attribute(e, "managed", "no");
    }
    order_attributes(e, &HOSTDEV_ATTRIBUTES);
    // virDomainHostdevDefPostParse: virDomainPostParseCheckISCSIPath.
    if let Some(s) = find_child_mut(e, "source") {
        iscsi_lun(s);
    }
    let kind = e.attribute("type").map(String::from);
    for c in children_mut(e) {
        match &*c.name {
            "driver" => order_attributes(c, &["name", "model"]),
            "source" => format_hostdev_source(c, kind.as_deref()),
            "boot" => format_boot(c),
            "rom" => order_attributes(c, &["enabled", "bar", "file"]),
            _ => {}
        }
    }
    device_info(e);
    let order: Vec<&str> = HOSTDEV_CHILDREN.iter().chain(INFO_CHILDREN.iter()).copied().collect();
    order_children(e, &order);
}

/// The `<source>` of a host device in `virDomainHostdevDefFormatSubsys`' form.
fn format_hostdev_source(s: &mut Element<'_>, kind: Option<&str>) {
    order_attributes(
        s,
        &["startupPolicy", "guestReset", "writeFiltering", "protocol", "name", "wwpn"],
    );
    for c in children_mut(s) {
        match (kind, &*c.name) {
            (Some("pci"), "address") => pci_address(c),
            (Some("usb"), "vendor" | "product") => {
                if let Some(id) =
                    c.attribute("id").and_then(|v| parse_unsigned(v, Radix::Auto, 0xffff))
                {
                    c.set_attribute("id", format!("0x{id:04x}"));
                }
            }
            (Some("usb"), "address") => order_attributes(c, &["bus", "device"]),
            (Some("scsi"), "address") => order_attributes(c, &["bus", "target", "unit"]),
            (_, "host") => order_attributes(c, &["name", "port"]),
            (_, "auth") => format_auth(c),
            _ => {}
        }
    }
    let order: &[&str] = match kind {
        Some("usb") => &["vendor", "product", "address"],
        Some("scsi") => &["host", "auth", "initiator", "adapter", "address"],
        _ => &[],
    };
    order_children(s, order);
}

/// `virPCIDeviceAddressFormat`: a host PCI address as `domain='0x%04x' bus='0x%02x'
/// slot='0x%02x' function='0x%x'` (read in base 0, absent fields 0); left as written when
/// a field is not a number (libvirt refuses it).
fn pci_address(a: &mut Element<'_>) {
    const FIELDS: [&str; 4] = ["domain", "bus", "slot", "function"];
    let max = u64::from(u32::MAX);
    let mut values = [0u64; 4];
    for (value, name) in values.iter_mut().zip(FIELDS) {
        match a.attribute(name).map(|v| parse_unsigned(v, Radix::Auto, max)) {
            None => {}
            Some(Some(v)) => *value = v,
            Some(None) => return,
        }
    }
    let [domain, bus, slot, function] = values;
    let others: Vec<_> =
        a.attributes.iter().filter(|x| !FIELDS.contains(&&*x.name)).cloned().collect();
    a.attributes.clear();
    a.set_attribute("domain", Cow::Owned(format!("0x{domain:04x}")));
    a.set_attribute("bus", Cow::Owned(format!("0x{bus:02x}")));
    a.set_attribute("slot", Cow::Owned(format!("0x{slot:02x}")));
    a.set_attribute("function", Cow::Owned(format!("0x{function:x}")));
    a.attributes.extend(others);
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::device_defaults::testing::defaulted;

    /// The `<disk>` and `<hostdev>` elements of `devices` after `apply_defaults`, as written
    /// (the controllers libvirt adds are another module's and left out).
    fn disks(devices: &str) -> String {
        let xml = alloc::format!(
            "<domain type='qemu'><name>p</name><memory>1024</memory>\
             <os><type arch='x86_64'>hvm</type></os><devices>{devices}</devices></domain>"
        );
        let out = defaulted(&xml);
        let mut kept: Vec<&str> = Vec::new();
        let mut inside = false;
        for line in out.lines() {
            if line.starts_with("    <disk") || line.starts_with("    <hostdev") {
                inside = !line.ends_with("/>");
                kept.push(line);
            } else if inside {
                kept.push(line);
                inside = !(line == "    </disk>" || line == "    </hostdev>");
            }
        }
        kept.join("\n")
    }

    /// Expected output given as indented lines: drops the leading newline and the common
    /// indentation of the literal.
    fn lines(s: &str) -> String {
        let s = s.strip_prefix('\n').unwrap_or(s);
        let cut = s.lines().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
        let v: Vec<&str> = s.lines().map(|l| &l[cut.saturating_sub(4)..]).collect();
        v.join("\n")
    }

    #[test]
    fn disk_names_index_as_libvirt() {
        use super::disk_name_index;
        assert_eq!(disk_name_index("sda"), Some(0));
        assert_eq!(disk_name_index("sda5"), Some(0));
        assert_eq!(disk_name_index("vdz"), Some(25));
        assert_eq!(disk_name_index("sdaa"), Some(26));
        assert_eq!(disk_name_index("hdzz12"), Some(701));
        assert_eq!(disk_name_index("xvdb"), Some(1));
        assert_eq!(disk_name_index("ubdc"), Some(2));
        // Refused by libvirt ("Unknown disk name"): no letter, an unknown prefix, trailing
        // text, an index past int.
        assert_eq!(disk_name_index("sd"), None);
        assert_eq!(disk_name_index("food"), None);
        assert_eq!(disk_name_index("sda1x"), None);
        assert_eq!(disk_name_index("hdA"), None);
        assert_eq!(disk_name_index("sdzzzzzzzzzzzz"), None);
    }

    #[test]
    fn bus_from_target_name_order_and_drive_addresses() {
        // Checked with the oracle (libvirt 9.0 generic parse + format): the disks without a
        // bus are one group in virDomainDiskInsertPreAlloced, ordered by index.
        let s = "<source file='/a'/>";
        let got = disks(&alloc::format!(
            "<disk type='file'>{s}<target dev='sdc'/></disk>\
             <disk type='file' device='cdrom'><target dev='hdd'/></disk>\
             <disk type='file' device='floppy'><target dev='fdb'/></disk>\
             <disk type='file'>{s}<target dev='sdz' bus='sata'/></disk>\
             <disk type='file'>{s}<target dev='sdaa' bus='usb'/></disk>\
             <disk type='file'>{s}<target dev='vdb'/></disk>\
             <disk type='file'>{s}<target dev='xvda'/></disk>\
             <disk type='file'>{s}<target dev='ubda'/></disk>"
        ));
        let want = lines(
            "
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='xvda' bus='xen'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='ubda' bus='uml'/>
            </disk>
            <disk type='file' device='floppy'>
              <target dev='fdb' bus='fdc'/>
              <address type='drive' controller='0' bus='0' target='0' unit='1'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='vdb' bus='virtio'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='sdc' bus='scsi'/>
              <address type='drive' controller='0' bus='0' target='0' unit='2'/>
            </disk>
            <disk type='file' device='cdrom'>
              <target dev='hdd' bus='ide'/>
              <readonly/>
              <address type='drive' controller='0' bus='1' target='0' unit='1'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='sdz' bus='sata'/>
              <address type='drive' controller='4' bus='0' target='0' unit='1'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <target dev='sdaa' bus='usb'/>
            </disk>",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn disk_order_is_the_order_a_second_parse_keeps() {
        // libvirt 9.0 keeps sdc before hdd (no bus: one group) and puts hdz (bus='scsi') last;
        // parsing its own output again moves hdz after sdc (both scsi by then). The defaults
        // give the second order, so that applying them twice equals applying them once.
        let got = disks(
            "<disk type='file'><source file='/a'/><target dev='sdc'/></disk>\
             <disk type='file'><source file='/a'/><target dev='hdd'/></disk>\
             <disk type='file'><source file='/a'/><target dev='hdz' bus='scsi'/></disk>",
        );
        let targets: Vec<&str> = got.lines().filter(|l| l.contains("<target")).collect();
        assert_eq!(
            targets,
            [
                "      <target dev='sdc' bus='scsi'/>",
                "      <target dev='hdz' bus='scsi'/>",
                "      <target dev='hdd' bus='ide'/>",
            ]
        );
    }

    #[test]
    fn values_libvirt_does_not_write_and_forms() {
        // Checked with the oracle: an empty <source/> and a driver with only unset values are
        // not written, snapshot='no' not on a read-only disk, a closed tray not, loadparm in
        // upper case, a disk without <source> is type='file', attributes and children in the
        // formatter's order, a partial drive address completed.
        let got = disks(
            "<disk type='file' device='cdrom' snapshot='no'><source/>\
             <target dev='sdb' bus='usb' tray='closed'/><driver cache='default' queues='0'/>\
             <boot order='1' loadparm='abc'/></disk>\
             <disk type='volume' device='cdrom'><target dev='hdc'/></disk>\
             <disk snapshot='no' sgio='filtered' rawio='yes' device='lun' type='block'>\
             <target dev='sda'/><source dev='/b'/></disk>\
             <disk type='file'><target dev='hdd' bus='ide'/><source file='/x'/>\
             <address type='drive' unit='1'/><driver type='raw' cache='none' name='qemu'/></disk>",
        );
        let want = lines(
            "
            <disk type='file' device='cdrom'>
              <target dev='sdb' bus='usb'/>
              <readonly/>
              <boot order='1' loadparm='ABC'/>
            </disk>
            <disk type='block' device='lun' rawio='yes' sgio='filtered' snapshot='no'>
              <source dev='/b'/>
              <target dev='sda' bus='scsi'/>
              <address type='drive' controller='0' bus='0' target='0' unit='0'/>
            </disk>
            <disk type='file' device='cdrom'>
              <target dev='hdc' bus='ide'/>
              <readonly/>
              <address type='drive' controller='0' bus='1' target='0' unit='0'/>
            </disk>
            <disk type='file' device='disk'>
              <driver name='qemu' type='raw' cache='none'/>
              <source file='/x'/>
              <target dev='hdd' bus='ide'/>
              <address type='drive' controller='0' bus='0' target='0' unit='1'/>
            </disk>",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn network_sources_get_default_ports_and_the_iscsi_lun() {
        // Checked with the oracle: virStorageSourceNetworkAssignDefaultPorts (also in backing
        // stores; none for RBD or a UNIX socket), virDomainPostParseCheckISCSIPath (disks and
        // host devices; a host device's host gets no port).
        let got = disks(
            "<disk type='network'><source protocol='iscsi' name='iqn.x'><host name='h'/>\
             </source><target dev='vda'/></disk>\
             <disk type='network'><source protocol='nbd'><host transport='unix' socket='/s'/>\
             </source><target dev='vdb'/></disk>\
             <disk type='file'><source file='/a'/><backingStore type='network'>\
             <source protocol='nbd' name='x'><host name='h'/></source><format type='raw'/>\
             </backingStore><target dev='vdc'/></disk>\
             <hostdev mode='subsystem' type='scsi'><source protocol='iscsi' name='iqn.y'>\
             <host name='h'/></source></hostdev>",
        );
        let want = lines(
            "
            <disk type='network' device='disk'>
              <source protocol='iscsi' name='iqn.x/0'>
                <host name='h' port='3260'/>
              </source>
              <target dev='vda' bus='virtio'/>
            </disk>
            <disk type='network' device='disk'>
              <source protocol='nbd'>
                <host transport='unix' socket='/s'/>
              </source>
              <target dev='vdb' bus='virtio'/>
            </disk>
            <disk type='file' device='disk'>
              <source file='/a'/>
              <backingStore type='network'>
                <format type='raw'/>
                <source protocol='nbd' name='x'>
                  <host name='h' port='10809'/>
                </source>
              </backingStore>
              <target dev='vdc' bus='virtio'/>
            </disk>
            <hostdev mode='subsystem' type='scsi' managed='no'>
              <source protocol='iscsi' name='iqn.y/0'>
                <host name='h'/>
              </source>
              <address type='drive' controller='0' bus='0' target='0' unit='0'/>
            </hostdev>",
        );
        assert_eq!(got, want);
    }

    #[test]
    fn scsi_host_devices_take_free_units_by_controller_model() {
        // Checked with the oracle: lsisas1068 has units 0 and 1 (0 taken by sda), lsilogic
        // reserves unit 7 and every controller offers units 0 to 6; an address written on a
        // later host device is already taken.
        let h = |n: u32| {
            alloc::format!(
                "<hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host{n}'/>\
                 <address unit='0' target='0' bus='0'/></source></hostdev>"
            )
        };
        let mut devices = String::from(
            "<disk type='file'><source file='/a'/><target dev='sda'/></disk>\
             <controller type='scsi' model='lsisas1068' index='0'/>\
             <controller type='scsi' model='lsilogic' index='1'/>",
        );
        for n in 1..4 {
            devices.push_str(&h(n));
        }
        devices.push_str(
            "<hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host9'/>\
             <address unit='0' target='0' bus='0'/></source>\
             <address type='drive' controller='1' unit='2'/></hostdev>",
        );
        let got = disks(&devices);
        let units: Vec<&str> = got.lines().filter(|l| l.contains("type='drive'")).collect();
        assert_eq!(
            units,
            [
                "      <address type='drive' controller='0' bus='0' target='0' unit='0'/>",
                "      <address type='drive' controller='0' bus='0' target='0' unit='1'/>",
                "      <address type='drive' controller='1' bus='0' target='0' unit='0'/>",
                "      <address type='drive' controller='1' bus='0' target='0' unit='1'/>",
                "      <address type='drive' controller='1' bus='0' target='0' unit='2'/>",
            ]
        );
        assert!(got.contains("<hostdev mode='subsystem' type='scsi' managed='no'>"));
    }

    #[test]
    fn host_device_forms() {
        // Checked with the oracle: mode defaults to subsystem, managed='no' written, host
        // PCI addresses in hex (base 0 read), USB ids as 0x%04x, children in order.
        let got = disks(
            "<hostdev type='pci'><source><address function='0' slot='3' bus='0x1' \
             domain='0x0'/></source></hostdev>\
             <hostdev mode='subsystem' type='usb' managed='yes'><source guestReset='off' \
             startupPolicy='optional'><address device='3' bus='1'/><product id='0x1'/>\
             <vendor id='0x2'/></source></hostdev>",
        );
        let want = lines(
            "
            <hostdev mode='subsystem' type='pci' managed='no'>
              <source>
                <address domain='0x0000' bus='0x01' slot='0x03' function='0x0'/>
              </source>
            </hostdev>
            <hostdev mode='subsystem' type='usb' managed='yes'>
              <source startupPolicy='optional' guestReset='off'>
                <vendor id='0x0002'/>
                <product id='0x0001'/>
                <address bus='1' device='3'/>
              </source>
            </hostdev>",
        );
        assert_eq!(got, want);
    }
}
