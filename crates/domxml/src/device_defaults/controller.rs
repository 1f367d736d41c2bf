//! Controllers: what `virDomainControllerDefParseXML` fills in, their order in the domain
//! (`virDomainControllerInsertPreAlloced` while parsing), the indexes of
//! `virDomainAssignControllerIndexes`, the implicit controllers of
//! `virDomainDefAddImplicitControllers` (for disks, SCSI host devices, virtio-serial
//! character devices and smartcards), and the fixed form of `virDomainControllerDefFormat`.
//!
//! Only libvirt's generic code is followed: the default models and PCI controllers the QEMU
//! driver adds are not part of it.

use alloc::borrow::Cow;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{
    Context, INFO_CHILDREN, Radix, device_info, drop_blank_text, find_child_mut, order_attributes,
    order_children, parse_unsigned, reads_text,
};
use crate::doc::{Element, Node};
use crate::domain::Device;
use crate::types::{memory_kib, parse_ull};

/// The element name of a controller.
const CONTROLLER: &str = "controller";

/// The most implicit controllers of one type added for the drive addresses of disks and
/// host devices. libvirt adds one controller for every index up to the highest one a drive
/// address names (`virDomainDefAddDiskControllersForType`), so `controller='4000000000'`
/// would make it allocate billions; virtkit stops at this index instead of exhausting memory.
const MAX_IMPLICIT_INDEX: u32 = 4095;

/// Each controller's own defaults, the controllers in libvirt's order, and their indexes.
///
/// In libvirt's order of steps: each controller as `virDomainControllerDefParseXML` reads it,
/// inserted into the list as `virDomainControllerInsertPreAlloced` does, then the missing
/// indexes of `virDomainAssignControllerIndexes` (run before the other devices' post-parse,
/// which may look controllers up by index), then the formatter's fixed form.
pub(super) fn post_parse(items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {
    if !items.iter().any(|d| d.element.name == CONTROLLER) {
        return;
    }
    for d in items.iter_mut().filter(|d| d.element.name == CONTROLLER) {
        read(&mut d.element);
    }
    insert_in_parse_order(items);
    assign_indexes(items);
    for d in items.iter_mut().filter(|d| d.element.name == CONTROLLER) {
        format(&mut d.element);
    }
}

/// The controllers libvirt adds implicitly (`virDomainDefAddImplicitControllers`), appended
/// as `virDomainDefAddController` does (not sorted into the list), each only when no
/// controller of that type and index exists (`virDomainDefMaybeAddController`), in libvirt's
/// order: SCSI controllers for the SCSI host devices' drive addresses (of the model of the
/// controller the host device with the highest one is on, if that one exists and has a
/// model), then one for every index up to the highest drive address of the SCSI, floppy, IDE
/// and SATA disks, a virtio-serial controller for each virtio channel and console, and a
/// CCID controller for each smartcard.
pub(super) fn implicit(items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {
    let mut wanted: Vec<(&'static str, u32, Option<String>)> = Vec::new();
    let up_to = |wanted: &mut Vec<_>, ty: &'static str, max: Option<u32>, model: Option<String>| {
        if let Some(max) = max {
            wanted.extend((0..=max.min(MAX_IMPLICIT_INDEX)).map(|i| (ty, i, model.clone())));
        }
    };
    let (max, model) = scsi_hostdev_controllers(items);
    up_to(&mut wanted, "scsi", max, model);
    for (ty, bus) in [("scsi", "scsi"), ("fdc", "fdc"), ("ide", "ide"), ("sata", "sata")] {
        up_to(&mut wanted, ty, max_disk_controller(items, bus), None);
    }
    // virDomainDefMaybeAddVirtioSerialController: channels, then consoles.
    for kind in ["channel", "console"] {
        for e in items.iter().map(|d| &d.element).filter(|e| e.name == kind) {
            if e.child("target").and_then(|t| t.attribute("type")) == Some("virtio") {
                wanted.push(("virtio-serial", address_controller(e, "virtio-serial"), None));
            }
        }
    }
    // virDomainDefMaybeAddSmartcardController.
    for e in items.iter().map(|d| &d.element).filter(|e| e.name == "smartcard") {
        wanted.push(("ccid", address_controller(e, "ccid"), None));
    }
    let mut present: BTreeSet<(String, i64)> = items
        .iter()
        .map(|d| &d.element)
        .filter(|e| e.name == CONTROLLER)
        .filter_map(|e| {
            Some((String::from(controller_type(e)), parse_index(e.attribute("index")?)?))
        })
        .collect();
    for (ty, idx, model) in wanted {
        if present.insert((String::from(ty), i64::from(idx))) {
            let mut e = Element::new(CONTROLLER);
            e.set_attribute("type", ty);
            e.set_attribute("index", idx.to_string());
            if let Some(m) = model {
                e.set_attribute("model", m);
            }
            items.push(Device { element: e });
        }
    }
}

/// The first controller of type `ty` and index `idx` (`virDomainControllerFind`).
fn find<'d, 'a>(items: &'d [Device<'a>], ty: &str, idx: u32) -> Option<&'d Element<'a>> {
    items.iter().map(|d| &d.element).find(|e| {
        e.name == CONTROLLER
            && controller_type(e) == ty
            && e.attribute("index").and_then(parse_index) == Some(i64::from(idx))
    })
}

/// `<controller type>`, `ide` when absent (`virDomainControllerDefParseXML`).
fn controller_type<'e>(e: &'e Element<'_>) -> &'e str {
    e.attribute("type").unwrap_or("ide")
}

/// The highest `<address type='drive' controller>` of the disks on `bus` (`<target bus>`),
/// as `virDomainDefAddDiskControllersForType` looks for it. Values above `i32::MAX` count as
/// negative there (an `unsigned` compared as `int`), so they add nothing.
fn max_disk_controller(items: &[Device<'_>], bus: &str) -> Option<u32> {
    items
        .iter()
        .map(|d| &d.element)
        .filter(|e| e.name == "disk")
        .filter(|e| e.child("target").and_then(|t| t.attribute("bus")) == Some(bus))
        .filter_map(drive_controller)
        .max()
}

/// `virDomainDefMaybeAddHostdevSCSIcontroller`: the highest drive-address controller of the
/// SCSI host devices, and the model for the controllers it adds: that of the controller of
/// the first host device with the highest one, if that controller exists and has a model
/// (an earlier host device's when it has none).
fn scsi_hostdev_controllers(items: &[Device<'_>]) -> (Option<u32>, Option<String>) {
    let mut max: Option<u32> = None;
    let mut model = None;
    let hostdevs = items
        .iter()
        .map(|d| &d.element)
        .filter(|e| e.name == "hostdev")
        .filter(|e| e.attribute("mode").unwrap_or("subsystem") == "subsystem")
        .filter(|e| e.attribute("type") == Some("scsi"));
    for c in hostdevs.filter_map(drive_controller) {
        if max.is_none_or(|m| c > m) {
            max = Some(c);
            if let Some(m) = find(items, "scsi", c).and_then(|e| e.attribute("model")) {
                model = Some(String::from(m));
            }
        }
    }
    (max, model)
}

/// The `controller` of a device's `<address type='drive'>` (0 when not given), if it has one
/// libvirt would read; values that do not fit an `int` are left out (see
/// [`max_disk_controller`]).
fn drive_controller(e: &Element<'_>) -> Option<u32> {
    let a = e.child("address").filter(|a| a.attribute("type") == Some("drive"))?;
    let c = match a.attribute("controller") {
        Some(v) => u32::try_from(parse_ull(v)?).ok()?,
        None => 0,
    };
    (i32::try_from(c).is_ok()).then_some(c)
}

/// The `controller` of a device's `<address type=ty>`, 0 when it has none
/// (`virDomainDefMaybeAddVirtioSerialController`, `virDomainDefMaybeAddSmartcardController`).
fn address_controller(e: &Element<'_>, ty: &str) -> u32 {
    e.child("address")
        .filter(|a| a.attribute("type") == Some(ty))
        .and_then(|a| a.attribute("controller"))
        .and_then(parse_ull)
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(0)
}

/// A controller `index` as libvirt reads it (`virXMLPropInt`, base 10, non-negative).
fn parse_index(v: &str) -> Option<i64> {
    c_long(v, false).filter(|n| (0..=i64::from(i32::MAX)).contains(n))
}

/// `strtol` as `virStrToLong_*` uses it: leading white space, an optional sign, digits in
/// base 10 (or, with `base0`, `0x` hexadecimal and `0` octal), nothing after them.
fn c_long(s: &str, base0: bool) -> Option<i64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if base0 {
        if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            (16, h)
        } else if s.len() > 1 && s.starts_with('0') {
            (8, &s[1..])
        } else {
            (10, s)
        }
    } else {
        (10, s)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = i64::from_str_radix(digits, radix).ok()?;
    Some(if negative { -n } else { n })
}

/// An unsigned number as `virXMLPropUInt` reads it in base 10, if it fits.
fn c_uint(s: &str) -> Option<u32> {
    parse_unsigned(s, Radix::Decimal, u64::from(u32::MAX)).and_then(|n| u32::try_from(n).ok())
}

/// Rewrites attribute `name` with `format` applied to its value read by `parse`; values that
/// do not parse are left as written.
fn reformat<T>(
    e: &mut Element<'_>,
    name: &str,
    parse: impl Fn(&str) -> Option<T>,
    format: impl Fn(T) -> String,
) {
    if let Some(v) = e.attribute(name).and_then(&parse) {
        e.set_attribute(name, format(v));
    }
}

/// Removes attribute `name` when it reads as `value`: libvirt keeps 0 for "not set" and
/// does not format it.
fn drop_if(e: &mut Element<'_>, name: &str, value: u32) {
    if e.attribute(name).and_then(c_uint) == Some(value) {
        e.attributes.retain(|a| a.name != name);
    }
}

/// Removes the child elements named `name`.
fn remove_children(e: &mut Element<'_>, name: &str) {
    e.children.retain(|n| !matches!(n, Node::Element(c) if c.name == name));
}

/// What `virDomainControllerDefParseXML` sets while reading one controller, before it is
/// inserted into the list (the insertion depends on it).
fn read(e: &mut Element<'_>) {
    if e.attribute("type").is_none() {
        e.set_attribute("type", "ide");
    }
    keep_what_libvirt_reads(e);
    if controller_type(e) != "usb" {
        return;
    }
    match e.attribute("model") {
        // libvirt does not read the device information (alias, master, ACPI index, address)
        // of a USB controller of model 'none', so it drops them.
        Some("none") => {
            for name in ["alias", "master", "acpi", "address", "boot", "rom"] {
                remove_children(e, name);
            }
        }
        // A USB2 companion without <master> gets the start port of its place in the ICH9
        // set of controllers.
        Some(m @ ("ich9-uhci1" | "ich9-uhci2" | "ich9-uhci3")) if e.child("master").is_none() => {
            let port = match m {
                "ich9-uhci1" => "0",
                "ich9-uhci2" => "2",
                _ => "4",
            };
            let mut master = Element::new("master");
            master.set_attribute("startport", port);
            e.children.push(Node::Element(master));
        }
        _ => {}
    }
}

/// Drops what `virDomainControllerDefParseXML` does not read, as libvirt drops it: attributes
/// and children other than those of the controller's type (`ports` only for USB and
/// virtio-serial controllers, `<model>`, `<target>` and `<pcihole64>` only for PCI ones, ...),
/// and, in the children it reads, what their parsers do not read.
fn keep_what_libvirt_reads(e: &mut Element<'_>) {
    let ty = String::from(controller_type(e));
    let own: &[&str] = match ty.as_str() {
        "usb" => &["ports"],
        "virtio-serial" => &["ports", "vectors"],
        "xenbus" => &["maxGrantFrames", "maxEventChannels"],
        _ => &[],
    };
    e.attributes
        .retain(|a| matches!(&*a.name, "type" | "index" | "model") || own.contains(&&*a.name));
    let pci = ty == "pci";
    e.children.retain(|n| match n {
        Node::Element(c) => match &*c.name {
            "driver" | "alias" | "master" | "acpi" | "address" => true,
            "model" | "target" | "pcihole64" => pci,
            _ => false,
        },
        _ => true,
    });
    for n in &mut e.children {
        let Node::Element(c) = n else { continue };
        let (attrs, children): (&[&str], &[&str]) = match &*c.name {
            "driver" => (
                &[
                    "queues",
                    "cmd_per_lun",
                    "max_sectors",
                    "ioeventfd",
                    "iothread",
                    "iommu",
                    "ats",
                    "packed",
                    "page_per_vq",
                ],
                // `<iothreads>`: libvirt 11.3's virtio-scsi iothread mapping.
                &["iothreads"],
            ),
            "master" => (&["startport"], &[]),
            "model" => (&["name"], &[]),
            // `memReserve`: libvirt 11.3 (9.0 does not read it).
            "target" => (
                &["chassisNr", "chassis", "port", "busNr", "index", "hotplug", "memReserve"],
                &["node"],
            ),
            _ => continue,
        };
        c.attributes.retain(|a| attrs.contains(&&*a.name));
        c.children.retain(|n| match n {
            Node::Element(g) => children.contains(&&*g.name),
            _ => true,
        });
    }
}

/// What `virDomainControllerInsertPreAlloced` compares of a controller.
struct Key<'e> {
    /// The type (`ide` when absent).
    ty: &'e str,
    /// The index as read; -1 when absent (also for a value libvirt would refuse).
    idx: i64,
    /// Whether the index attribute is absent (only those get one assigned).
    absent: bool,
    /// Whether it has a `<master>` (a USB companion controller).
    master: bool,
    /// The model, if any.
    model: Option<&'e str>,
}

impl<'e> Key<'e> {
    /// The key of controller `e`.
    fn of(e: &'e Element<'_>) -> Key<'e> {
        let index = e.attribute("index");
        Key {
            ty: controller_type(e),
            idx: index.and_then(parse_index).unwrap_or(-1),
            absent: index.is_none(),
            master: e.child("master").is_some(),
            model: e.attribute("model"),
        }
    }

    /// `IS_USB2_CONTROLLER`: the ICH9 EHCI controller and its UHCI companions.
    fn is_usb2(&self) -> bool {
        self.ty == "usb"
            && matches!(self.model, Some("ich9-ehci1" | "ich9-uhci1" | "ich9-uhci2" | "ich9-uhci3"))
    }
}

/// Where `virDomainControllerInsertPreAlloced` puts controller `new` in `list`: after the
/// last controller of its type when it has no index; otherwise before the first one of its
/// type with a greater index, or before a companion (a controller with `<master>`) of the
/// same index when it is none itself, else after the last one of its type; at the end when
/// there is no controller of its type.
fn insert_position(list: &[Key<'_>], new: &Key<'_>) -> usize {
    let mut at = None;
    for (i, cur) in list.iter().enumerate().rev() {
        if cur.ty != new.ty {
            continue;
        }
        if new.idx == -1 {
            at = Some(i + 1);
            break;
        }
        if cur.idx > new.idx || (!new.master && cur.master && cur.idx == new.idx) {
            at = Some(i);
        } else if at.is_none() {
            at = Some(i + 1);
        }
    }
    at.unwrap_or(list.len())
}

/// Puts the controllers in the order libvirt's parser builds its list: each inserted, in
/// document order, by [`insert_position`]. The controllers end up together at the place of
/// the first one (devices are formatted grouped by kind anyway).
fn insert_in_parse_order(items: &mut Vec<Device<'_>>) {
    let Some(first) = items.iter().position(|d| d.element.name == CONTROLLER) else {
        return;
    };
    let (controllers, rest): (Vec<_>, Vec<_>) =
        core::mem::take(items).into_iter().partition(|d| d.element.name == CONTROLLER);
    let mut order: Vec<usize> = Vec::with_capacity(controllers.len());
    {
        let keys: Vec<Key<'_>> = controllers.iter().map(|d| Key::of(&d.element)).collect();
        let mut list: Vec<Key<'_>> = Vec::with_capacity(keys.len());
        for (k, key) in keys.into_iter().enumerate() {
            let at = insert_position(&list, &key);
            list.insert(at, key);
            order.insert(at, k);
        }
    }
    let mut slots: Vec<Option<Device<'_>>> = controllers.into_iter().map(Some).collect();
    let mut rest = rest.into_iter();
    items.extend(rest.by_ref().take(first));
    items.extend(order.into_iter().filter_map(|k| slots[k].take()));
    items.extend(rest);
}

/// `virDomainAssignControllerIndexes`: each controller without an index gets the lowest
/// index unused by its type, except a USB2 controller (ICH9 EHCI or UHCI companion) right
/// after another USB2 controller in the list (no other USB controller between them), which
/// joins that one's index unless a controller of its own model already has it.
fn assign_indexes(items: &mut [Device<'_>]) {
    let positions: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, d)| d.element.name == CONTROLLER)
        .map(|(i, _)| i)
        .collect();
    let mut assigned: Vec<(usize, i64)> = Vec::new();
    {
        let mut keys: Vec<Key<'_>> =
            positions.iter().map(|&i| Key::of(&items[i].element)).collect();
        // The indexes in use by type, with the lowest unused one found so far (indexes are
        // only ever added, so it never goes down), and the USB (model, index) pairs in use.
        let mut used: BTreeMap<&str, (BTreeSet<i64>, i64)> = BTreeMap::new();
        let mut usb_models: BTreeSet<(Option<&str>, i64)> = BTreeSet::new();
        for k in &keys {
            used.entry(k.ty).or_default().0.insert(k.idx);
            if k.ty == "usb" {
                usb_models.insert((k.model, k.idx));
            }
        }
        let mut prev_usb: Option<usize> = None;
        for outer in 0..keys.len() {
            let key = &keys[outer];
            if key.absent {
                let joined = prev_usb
                    .filter(|_| key.is_usb2())
                    .map(|p| &keys[p])
                    .filter(|p| p.is_usb2())
                    .map(|p| p.idx)
                    .filter(|&idx| !usb_models.contains(&(key.model, idx)));
                let ty = key.ty;
                let idx = joined.unwrap_or_else(|| {
                    let (set, lowest) = used.entry(ty).or_default();
                    while set.contains(lowest) {
                        *lowest += 1;
                    }
                    *lowest
                });
                used.entry(ty).or_default().0.insert(idx);
                if ty == "usb" {
                    usb_models.insert((keys[outer].model, idx));
                }
                keys[outer].idx = idx;
                assigned.push((positions[outer], idx));
            }
            if keys[outer].ty == "usb" {
                prev_usb = Some(outer);
            }
        }
    }
    for (i, idx) in assigned {
        items[i].element.set_attribute("index", idx.to_string());
    }
}

/// The form `virDomainControllerDefFormat` writes: numbers as libvirt prints them, what it
/// keeps as "not set" left out, attributes and children in its order.
fn format(e: &mut Element<'_>) {
    drop_blank_text(e, &reads_text);
    reformat(e, "index", parse_index, |n| n.to_string());
    for name in ["ports", "vectors", "maxGrantFrames", "maxEventChannels"] {
        reformat(e, name, c_uint, |n| n.to_string());
    }
    order_attributes(
        e,
        &["type", "index", "model", "ports", "vectors", "maxGrantFrames", "maxEventChannels"],
    );
    let pci = controller_type(e) == "pci";
    let root = pci && matches!(e.attribute("model"), Some("pci-root" | "pcie-root"));
    if let Some(master) = find_child_mut(e, "master") {
        reformat(master, "startport", c_uint, |n| n.to_string());
    }
    format_driver(e);
    if pci && let Some(target) = find_child_mut(e, "target") {
        format_target(target);
    }
    if root {
        if let Some(hole) = find_child_mut(e, "pcihole64") {
            format_pcihole64(hole);
        }
    } else {
        // libvirt reads <pcihole64> only for the PCI root controllers and drops it elsewhere.
        remove_children(e, "pcihole64");
    }
    device_info(e);
    // The controller's own children, then the device information, then (PCI) <pcihole64>.
    let own: &[&str] = if pci { &["model", "target", "driver"] } else { &["driver"] };
    let mut order: Vec<&str> = own.to_vec();
    order.extend(INFO_CHILDREN);
    order.push("pcihole64");
    order_children(e, &order);
}

/// `<driver>` as `virDomainControllerDriverFormat` writes it: the numbers that are 0 ("not
/// set") left out, attributes in its order, and no element at all when nothing is left.
fn format_driver(e: &mut Element<'_>) {
    let Some(driver) = find_child_mut(e, "driver") else {
        return;
    };
    for name in ["queues", "cmd_per_lun", "max_sectors", "iothread"] {
        reformat(driver, name, c_uint, |n| n.to_string());
        drop_if(driver, name, 0);
    }
    order_attributes(
        driver,
        &[
            "queues",
            "cmd_per_lun",
            "max_sectors",
            "ioeventfd",
            "iothread",
            "iommu",
            "ats",
            "packed",
            "page_per_vq",
        ],
    );
    if driver.attributes.is_empty() && driver.children.is_empty() {
        remove_children(e, "driver");
    }
}

/// A PCI controller's `<target>`: `port` in hexadecimal (read in base 0), the other numbers
/// in decimal, attributes in `virDomainControllerDefFormat`'s order; `<node>` in decimal.
fn format_target(t: &mut Element<'_>) {
    for name in ["chassisNr", "chassis", "busNr", "index"] {
        reformat(t, name, |v| c_long(v, false), |n| n.to_string());
    }
    reformat(t, "port", |v| c_long(v, true).filter(|n| *n >= 0), |n| format!("{n:#x}"));
    reformat(t, "memReserve", parse_ull, |n| n.to_string());
    order_attributes(
        t,
        &["chassisNr", "chassis", "port", "busNr", "index", "hotplug", "memReserve"],
    );
    if let Some(node) = find_child_mut(t, "node")
        && let Some(n) = c_long(&node.text(), false)
    {
        node.children = alloc::vec![Node::Text(Cow::Owned(n.to_string()))];
    }
}

/// `<pcihole64>` in KiB (`unit='KiB'`, the value scaled and rounded up as libvirt reads it).
fn format_pcihole64(hole: &mut Element<'_>) {
    let text = hole.text().trim().to_string();
    if let Ok(kib) = memory_kib(&text, hole.attribute("unit")) {
        hole.set_attribute("unit", "KiB");
        hole.children = alloc::vec![Node::Text(Cow::Owned(kib.to_string()))];
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::device_defaults::testing::{defaulted, device_lines};

    /// The `<devices>` of `devices` in a small x86_64 QEMU domain after `apply_defaults`, as
    /// formatted (`to_xml_flags(SECURE)`), one line per line without the indentation.
    fn defaults(devices: &str) -> String {
        let xml = alloc::format!(
            "<domain type='qemu'><name>a</name><memory>1024</memory>\
             <os><type arch='x86_64'>hvm</type></os><devices>{devices}</devices></domain>"
        );
        device_lines(&defaulted(&xml))
    }

    /// The `<controller>` lines of [`defaults`].
    fn controllers(devices: &str) -> String {
        let all = defaults(devices);
        let mut out = Vec::new();
        let mut inside = false;
        for l in all.lines() {
            if l.starts_with("<controller") {
                inside = !l.ends_with("/>");
                out.push(l);
            } else if inside {
                inside = l != "</controller>";
                out.push(l);
            }
        }
        out.join("\n")
    }

    // Every expectation below is libvirt 9.0's generic parse + format of the same devices
    // (`cargo run -p virtkit-cref --example libvirt_format`).

    #[test]
    fn index_type_and_usb_none() {
        // A USB controller of model 'none' gets index 0 and loses its device information;
        // the type defaults to 'ide'; an index is read as strtol reads it.
        assert_eq!(
            defaults(
                "<controller type='usb' model='none'><address type='pci' slot='7'/>\
                 <alias name='ua-x'/></controller><controller index=' 3'/>\
                 <controller type='ide'>\n    </controller>"
            ),
            "<controller type='usb' index='0' model='none'/>\n\
             <controller type='ide' index='3'/>\n\
             <controller type='ide' index='0'/>"
        );
    }

    #[test]
    fn usb2_companions_share_an_index_and_get_start_ports() {
        assert_eq!(
            defaults(
                "<controller type='usb' model='ich9-uhci1'/>\
                 <controller type='usb' model='ich9-ehci1'/>\
                 <controller type='usb' model='ich9-uhci2'/>\
                 <controller type='usb' index='3' model='ich9-uhci3'/>\
                 <controller type='usb' index='3' model='ich9-uhci1'>\
                 <master startport='7'/></controller>\
                 <controller type='usb' model='piix3-uhci'/>"
            ),
            "<controller type='usb' index='0' model='ich9-uhci1'>\n<master startport='0'/>\n\
             </controller>\n<controller type='usb' index='0' model='ich9-ehci1'/>\n\
             <controller type='usb' index='0' model='ich9-uhci2'>\n<master startport='2'/>\n\
             </controller>\n<controller type='usb' index='3' model='ich9-uhci3'>\n\
             <master startport='4'/>\n</controller>\n\
             <controller type='usb' index='3' model='ich9-uhci1'>\n<master startport='7'/>\n\
             </controller>\n<controller type='usb' index='1' model='piix3-uhci'/>"
        );
    }

    #[test]
    fn libvirts_output_read_again_is_sorted_by_index() {
        // libvirt's own output of the test above, read again: libvirt's parser sorts it
        // differently (its parse + format is not a fixpoint here), and so does virtkit.
        assert_eq!(
            defaults(
                "<controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/>\
                 </controller><controller type='usb' index='0' model='ich9-ehci1'/>\
                 <controller type='usb' index='0' model='ich9-uhci2'><master startport='2'/>\
                 </controller><controller type='usb' index='3' model='ich9-uhci3'>\
                 <master startport='4'/></controller>\
                 <controller type='usb' index='3' model='ich9-uhci1'><master startport='7'/>\
                 </controller><controller type='usb' index='1' model='piix3-uhci'/>"
            ),
            "<controller type='usb' index='0' model='ich9-ehci1'/>\n\
             <controller type='usb' index='0' model='ich9-uhci1'>\n<master startport='0'/>\n\
             </controller>\n<controller type='usb' index='0' model='ich9-uhci2'>\n\
             <master startport='2'/>\n</controller>\n\
             <controller type='usb' index='1' model='piix3-uhci'/>\n\
             <controller type='usb' index='3' model='ich9-uhci3'>\n<master startport='4'/>\n\
             </controller>\n<controller type='usb' index='3' model='ich9-uhci1'>\n\
             <master startport='7'/>\n</controller>"
        );
    }

    #[test]
    fn parse_inserts_masters_after_the_controller_of_their_index() {
        assert_eq!(
            defaults(
                "<controller type='usb' index='0' model='ich9-uhci1'/>\
                 <controller type='usb' index='0' model='ich9-ehci1'/>\
                 <controller type='usb' index='0' model='ich9-uhci2'>\
                 <master startport='+2'/></controller>\
                 <controller type='usb' index='0' model='piix3-uhci'/>"
            ),
            "<controller type='usb' index='0' model='ich9-ehci1'/>\n\
             <controller type='usb' index='0' model='piix3-uhci'/>\n\
             <controller type='usb' index='0' model='ich9-uhci1'>\n<master startport='0'/>\n\
             </controller>\n<controller type='usb' index='0' model='ich9-uhci2'>\n\
             <master startport='2'/>\n</controller>"
        );
    }

    #[test]
    fn implicit_drive_controllers_are_appended_in_libvirts_order() {
        // SCSI host devices first (with the model of the controller of the highest one),
        // then the SCSI, floppy, IDE and SATA disks.
        assert_eq!(
            controllers(
                "<controller type='scsi' index='2' model='lsilogic'/>\
                 <disk type='file' device='disk'><source file='/d'/>\
                 <target dev='sdb' bus='scsi'/>\
                 <address type='drive' controller='1' bus='0' target='0' unit='0'/></disk>\
                 <hostdev mode='subsystem' type='scsi' managed='no'><source>\
                 <adapter name='scsi_host0'/><address bus='0' target='0' unit='0'/></source>\
                 <address type='drive' controller='2' bus='0' target='0' unit='0'/></hostdev>\
                 <controller type='fdc' index='1'/>\
                 <disk type='file' device='floppy'><source file='/c'/>\
                 <target dev='fda' bus='fdc'/>\
                 <address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>\
                 <disk type='file' device='disk'><source file='/b'/>\
                 <target dev='hda' bus='ide'/>\
                 <address type='drive' controller='1' bus='0' target='0' unit='0'/></disk>\
                 <disk type='file' device='disk'><source file='/e'/>\
                 <target dev='sda' bus='sata'/>\
                 <address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>"
            ),
            "<controller type='scsi' index='2' model='lsilogic'/>\n\
             <controller type='fdc' index='1'/>\n\
             <controller type='scsi' index='0' model='lsilogic'/>\n\
             <controller type='scsi' index='1' model='lsilogic'/>\n\
             <controller type='fdc' index='0'/>\n\
             <controller type='ide' index='0'/>\n\
             <controller type='ide' index='1'/>\n\
             <controller type='sata' index='0'/>"
        );
    }

    #[test]
    fn implicit_virtio_serial_and_ccid_controllers() {
        // Channels before consoles; a device without an address needs controller 0.
        assert_eq!(
            controllers(
                "<controller type='virtio-serial' index='1'/>\
                 <channel type='pty'><target type='virtio' name='x'/>\
                 <address type='virtio-serial' controller='2' bus='0' port='1'/></channel>\
                 <console type='pty'><target type='virtio' port='0'/></console>\
                 <smartcard mode='host'><address type='ccid' controller='1' slot='0'/>\
                 </smartcard><smartcard mode='host'/>"
            ),
            "<controller type='virtio-serial' index='1'/>\n\
             <controller type='virtio-serial' index='2'/>\n\
             <controller type='virtio-serial' index='0'/>\n\
             <controller type='ccid' index='1'/>\n\
             <controller type='ccid' index='0'/>"
        );
    }

    #[test]
    fn formatter_order_numbers_and_unset_values() {
        assert_eq!(
            defaults(
                "<controller type='virtio-serial' vectors='4' ports='016' index='+02'>\
                 <driver iommu='on' ioeventfd='on' queues='3' ats='on'/><alias name='ua-x'/>\
                 </controller><controller ports='8' model='nec-xhci' type='usb'/>\
                 <controller type='pci' model='pcie-root-port'>\
                 <target port='010' chassis='1' hotplug='off' busNr='3'><node>+0</node></target>\
                 <model name='pcie-root-port'/><driver iommu='on'/><pcihole64>5</pcihole64>\
                 </controller><controller type='pci' index='0' model='pcie-root'>\
                 <pcihole64 unit='b'>1000</pcihole64><alias name='ua-pci'/></controller>\
                 <controller type='xenbus' maxEventChannels='3' maxGrantFrames='64'/>\
                 <controller type='scsi' model='virtio-scsi'><driver iothread='2' max_sectors='3' \
                 cmd_per_lun='0' queues='0' packed='off' page_per_vq='on'/></controller>\
                 <controller type='scsi' index='1'><driver queues='0'/></controller>\
                 <controller type='usb' index='1' model='ich9-uhci1'><acpi index='3'/>\
                 <master startport='1'/><alias name='ua-1'/></controller>"
            ),
            "<controller type='virtio-serial' index='2' ports='16' vectors='4'>\n\
             <driver queues='3' ioeventfd='on' iommu='on' ats='on'/>\n<alias name='ua-x'/>\n\
             </controller>\n<controller type='usb' index='0' model='nec-xhci' ports='8'/>\n\
             <controller type='usb' index='1' model='ich9-uhci1'>\n<alias name='ua-1'/>\n\
             <master startport='1'/>\n<acpi index='3'/>\n</controller>\n\
             <controller type='pci' index='1' model='pcie-root-port'>\n\
             <model name='pcie-root-port'/>\n\
             <target chassis='1' port='0x8' busNr='3' hotplug='off'>\n<node>0</node>\n\
             </target>\n<driver iommu='on'/>\n</controller>\n\
             <controller type='pci' index='0' model='pcie-root'>\n<alias name='ua-pci'/>\n\
             <pcihole64 unit='KiB'>1</pcihole64>\n</controller>\n\
             <controller type='xenbus' index='0' maxGrantFrames='64' maxEventChannels='3'/>\n\
             <controller type='scsi' index='0' model='virtio-scsi'>\n\
             <driver max_sectors='3' iothread='2' packed='off' page_per_vq='on'/>\n\
             </controller>\n<controller type='scsi' index='1'/>"
        );
    }

    #[test]
    fn huge_drive_controller_numbers_are_bounded() {
        // libvirt would add a controller for every index up to 4000000 (and ignores numbers
        // beyond i32::MAX); virtkit stops at MAX_IMPLICIT_INDEX. Not compared with libvirt.
        let out = controllers(
            "<disk type='file' device='disk'><source file='/d'/><target dev='sdb' bus='sata'/>\
             <address type='drive' controller='4000000' bus='0' target='0' unit='0'/></disk>\
             <disk type='file' device='disk'><source file='/e'/><target dev='sdc' bus='ide'/>\
             <address type='drive' controller='4294967295' bus='0' target='0' unit='0'/></disk>",
        );
        assert_eq!(out.lines().count(), super::MAX_IMPLICIT_INDEX as usize + 1);
        assert!(out.lines().all(|l| l.starts_with("<controller type='sata'")));
    }

    #[test]
    fn what_libvirt_does_not_read_is_dropped() {
        assert_eq!(
            controllers(
                "<controller type='usb' index='1' model='ich9-ehci1'/>\
                 <controller type='usb' index='1' model='ich9-uhci2' foo='x'>\
                 <master startport='3' y='2'/><boot order='1'/><rom bar='on'/><bar/>\
                 </controller><controller type='ide' index='0' ports='3' vectors='2'>\
                 <target port='2'/><model name='x'/></controller>\
                 <controller type='scsi' index='0'><driver queues='2' foo='1'><bar/></driver>\
                 </controller>"
            ),
            "<controller type='usb' index='1' model='ich9-ehci1'/>\n\
             <controller type='usb' index='1' model='ich9-uhci2'>\n<master startport='3'/>\n\
             </controller>\n<controller type='ide' index='0'/>\n\
             <controller type='scsi' index='0'>\n<driver queues='2'/>\n</controller>"
        );
    }

    #[test]
    fn odd_values_are_left_as_written() {
        // libvirt refuses these documents; virtkit keeps what it cannot read and does not
        // give such a controller another index.
        assert_eq!(
            controllers(
                "<controller type='ide' index='x'/><controller type='usb' ports='-1'>\
                 <master startport='z'/></controller>"
            ),
            "<controller type='ide' index='x'/>\n\
             <controller type='usb' index='0' ports='-1'>\n<master startport='z'/>\n\
             </controller>"
        );
    }
}
