//! What libvirt's generic parser completes and normalises inside `<devices>`
//! (`virDomainDeviceDefPostParse`, `virDomainDefAddImplicitDevices` and the device formatters'
//! fixed forms), applied to the lossless device elements by [`Domain::apply_defaults`].
//!
//! The devices are not typed yet (the typed device model is its own piece of work), so each
//! kind's defaults are written against the kept [`Element`]s: attributes and children libvirt
//! fills in are added, and the attribute and child order of what libvirt formats is
//! restored, so that `apply_defaults` + format equals libvirt's own parse + format.
//!
//! One module per family of devices; [`apply`] runs them in libvirt's order: each device's
//! own post-parse step, then the implicit devices (consoles and serials, controllers, video and
//! input), then the devices in libvirt's formatting order ([`DEVICE_ORDER`]).
//!
//! [`Domain::apply_defaults`]: crate::Domain::apply_defaults

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::doc::{Attribute, Element, Node};
use crate::domain::{Device, Devices};

mod chardev;
mod controller;
mod disk;
mod display;
mod other;

/// The children of `<devices>` in the order libvirt formats them
/// (`virDomainDefFormatInternalSetRootName`); within a kind, devices keep their order.
/// Elements with other names follow, in their own order.
pub(crate) const DEVICE_ORDER: [&str; 32] = [
    "emulator",
    "disk",
    "controller",
    "lease",
    "filesystem",
    "interface",
    "smartcard",
    "serial",
    "parallel",
    "console",
    "channel",
    "input",
    "tpm",
    "graphics",
    "sound",
    "audio",
    "video",
    "hostdev",
    "redirdev",
    "redirfilter",
    "hub",
    "watchdog",
    "memballoon",
    "rng",
    "nvram",
    "panic",
    "shmem",
    "memory",
    "iommu",
    "vsock",
    "crypto",
    "pstore",
];

/// What the device defaults depend on outside `<devices>`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context<'c> {
    /// `<domain type>`: `kvm`, `qemu`, `xen`, `lxc`, `bhyve`, `vmware`, `test`, ...
    pub domain_type: &'c str,
    /// `<os><type>`: `hvm`, `xen`, `linux`, `exe`, ...
    pub os_type: Option<&'c str>,
    /// `<os><type arch>` after the os defaults (the host's architecture when not given).
    pub arch: Option<&'c str>,
    /// The domain has an `id`: libvirt formats it as a running domain (`virDomainDefFormat`
    /// adds `VIR_DOMAIN_DEF_FORMAT_INACTIVE` only when `def->id == -1`), writing live state
    /// such as a pty's path.
    pub live: bool,
}

/// Applies libvirt's device defaults to `devices` (see the module documentation).
///
/// Each family's module has a `post_parse` step over the whole list (a device's defaults
/// may depend on other devices, such as a disk's drive address on the controllers), then the
/// implicit devices are added, then the devices are put in libvirt's formatting order.
pub(crate) fn apply(devices: &mut Devices<'_>, cx: &Context<'_>) {
    let items = &mut devices.items;
    // Controllers first: libvirt orders them and assigns their indexes while parsing
    // (`virDomainAssignControllerIndexes`), before any device's post-parse.
    controller::post_parse(items, cx);
    disk::post_parse(items, cx);
    chardev::post_parse(items, cx);
    display::post_parse(items, cx);
    other::post_parse(items, cx);
    chardev::implicit(items, cx);
    controller::implicit(items, cx);
    display::implicit(items, cx);
    sort_by_kind(items);
}

/// The devices in libvirt's formatting order, each kind keeping its own order (a stable
/// sort).
fn sort_by_kind(items: &mut [Device<'_>]) {
    items.sort_by_key(|d| {
        DEVICE_ORDER.iter().position(|k| *k == d.element.name).unwrap_or(DEVICE_ORDER.len())
    });
}

/// Sets attribute `name` to `value` unless the element has it already.
pub(crate) fn default_attribute<'a>(
    e: &mut Element<'a>,
    name: &str,
    value: impl Into<Cow<'a, str>>,
) {
    if e.attribute(name).is_none() {
        e.set_attribute(name, value);
    }
}

/// Puts the attributes named in `order` first, in that order; the others follow in their own
/// order (libvirt's formatters write attributes in a fixed order).
pub(crate) fn order_attributes(e: &mut Element<'_>, order: &[&str]) {
    let rank = |a: &Attribute<'_>| order.iter().position(|n| *n == a.name).unwrap_or(order.len());
    e.attributes.sort_by_key(rank);
}

/// Puts the child elements named in `order` first, in that order, each name keeping its
/// own order; other children follow in their own order. Text is left where it is only in
/// text-only elements (mixed content is not reordered).
pub(crate) fn order_children(e: &mut Element<'_>, order: &[&str]) {
    if e.children.iter().any(|n| !matches!(n, Node::Element(_))) {
        return;
    }
    let rank = |n: &Node<'_>| match n {
        Node::Element(c) => order.iter().position(|k| *k == c.name).unwrap_or(order.len()),
        _ => order.len(),
    };
    e.children.sort_by_key(rank);
}

/// The first child element named `name`, created (appended) when missing.
pub(crate) fn child_mut<'e, 'a>(e: &'e mut Element<'a>, name: &str) -> &'e mut Element<'a> {
    let pos = e.children.iter().position(|n| matches!(n, Node::Element(c) if c.name == name));
    let pos = pos.unwrap_or_else(|| {
        e.children.push(Node::Element(Element::new(String::from(name))));
        e.children.len() - 1
    });
    match &mut e.children[pos] {
        Node::Element(c) => c,
        _ => unreachable!("position of an element"),
    }
}

/// The first child element named `name`, if any, mutably.
pub(crate) fn find_child_mut<'e, 'a>(
    e: &'e mut Element<'a>,
    name: &str,
) -> Option<&'e mut Element<'a>> {
    e.children.iter_mut().find_map(|n| match n {
        Node::Element(c) if c.name == name => Some(c),
        _ => None,
    })
}

/// The children `virDomainDeviceInfoFormat` writes at the end of a device, in its order
/// (`<boot>`, `<alias>`, `<master>`, `<rom>`, `<acpi>`, `<address>`); a device's own children
/// come before them.
pub(crate) const INFO_CHILDREN: [&str; 6] = ["boot", "alias", "master", "rom", "acpi", "address"];

/// The base a number is read in (`virXMLPropUInt`'s `base` argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Radix {
    /// Base 0: `0x` hexadecimal, a leading `0` octal, otherwise decimal (C's `strtoul`).
    Auto,
    /// Base 10.
    Decimal,
    /// Base 16 (an optional `0x` prefix).
    Hex,
}

/// Reads an unsigned number as libvirt's `virStrToLong_ullp` / `virStrToLong_uip` do: leading
/// white space and a `+` accepted, no minus sign, nothing after the digits, at most `max`.
pub(crate) fn parse_unsigned(s: &str, radix: Radix, max: u64) -> Option<u64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let s = s.strip_prefix('+').unwrap_or(s);
    let hex = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"));
    let (digits, base) = match (radix, hex) {
        (Radix::Auto | Radix::Hex, Some(h)) => (h, 16),
        (Radix::Hex, None) => (s, 16),
        (Radix::Auto, None) if s.len() > 1 && s.starts_with('0') => (&s[1..], 8),
        (Radix::Auto | Radix::Decimal, _) => (s, 10),
    };
    if digits.is_empty() || !digits.bytes().all(|b| char::from(b).is_digit(base)) {
        return None;
    }
    u64::from_str_radix(digits, base).ok().filter(|n| *n <= max)
}

/// The elements whose text libvirt reads: white space in them is kept by [`drop_blank_text`].
const TEXT_ELEMENTS: [&str; 14] = [
    "backend",
    "sndbuf",
    "size",
    "current",
    "requested",
    "node",
    "label",
    "alignsize",
    "pagesize",
    "address",
    "block",
    "path",
    "readahead",
    "source",
];

/// Whether libvirt reads the text of `e` (one of [`TEXT_ELEMENTS`], text only): the test most
/// device families give [`drop_blank_text`].
pub(crate) fn reads_text(e: &Element<'_>) -> bool {
    TEXT_ELEMENTS.contains(&&*e.name) && e.is_text_only()
}

/// Removes the white-space-only text of elements libvirt reads no text from (recursively;
/// `reads_text` tells those whose text it reads, [`reads_text`] for most families):
/// libvirt's formatters write those elements empty or with their children only.
pub(crate) fn drop_blank_text(e: &mut Element<'_>, reads_text: &dyn Fn(&Element<'_>) -> bool) {
    if !reads_text(e) {
        e.children.retain(|n| match n {
            Node::Text(t) => !t.trim_ascii().is_empty(),
            _ => true,
        });
    }
    for n in &mut e.children {
        if let Node::Element(c) = n {
            drop_blank_text(c, reads_text);
        }
    }
}

/// What `virDomainDeviceInfoParseXML` + `virDomainDeviceInfoFormat` make of a device's
/// `<boot>` and `<address>` children: the boot `loadparm` is upper-cased
/// (`virDomainDeviceBootParseXML`), the `<address>` is written in its type's form (see
/// [`address`]). Aliases are kept: libvirt 9.0's generic parse keeps them, user alias or not.
pub(crate) fn device_info(e: &mut Element<'_>) {
    if let Some(b) = find_child_mut(e, "boot")
        && let Some(l) =
            b.attribute("loadparm").filter(|l| l.bytes().any(|c| c.is_ascii_lowercase()))
    {
        let upper = l.to_ascii_uppercase();
        b.set_attribute("loadparm", upper);
    }
    if let Some(a) = find_child_mut(e, "address") {
        address(a);
    }
}

/// A device `<address>` in `virDomainDeviceInfoFormat`'s form: the type's fields in their
/// order and notation (`virPCIDeviceAddressParseXML`, `virCCWDeviceAddressParseXML`,
/// `virDomainDevice*AddressParseXML` read them; PCI and CCW numbers in base 0, drive, USB,
/// virtio-serial and CCID numbers in base 10, spapr-vio `reg`, ISA and DIMM `base` in base
/// 16). Attributes libvirt does not read are dropped as libvirt drops them. An address with a
/// value libvirt would refuse is left as written.
pub(crate) fn address(addr: &mut Element<'_>) {
    let Some(kind) = addr.attribute("type") else { return };
    let Some((fields, zpci)) = address_fields(addr, kind) else { return };
    let kind = String::from(kind);
    addr.attributes.clear();
    addr.set_attribute("type", kind);
    for (n, v) in fields {
        addr.set_attribute(n, v);
    }
    addr.children.clear();
    if let Some(z) = zpci {
        addr.children.push(Node::Element(z));
    }
}

/// An address attribute read in `radix` (`Ok(None)` when absent, `Err` when libvirt would
/// refuse it).
fn address_number(a: &Element<'_>, name: &str, radix: Radix, max: u64) -> Result<Option<u64>, ()> {
    a.attribute(name).map(|v| parse_unsigned(v, radix, max).ok_or(())).transpose()
}

/// Decimal fields written whether given or not (0 by default).
fn decimal_fields(a: &Element<'_>, names: &[&'static str], out: &mut AddressFields) -> Option<()> {
    for n in names {
        let v = address_number(a, n, Radix::Decimal, u64::from(u32::MAX)).ok()?;
        out.push((n, format!("{}", v.unwrap_or(0))));
    }
    Some(())
}

/// An address's attributes after `type`, each with its value as libvirt writes it.
type AddressFields = Vec<(&'static str, String)>;

/// The attributes (after `type`) and the `<zpci>` child libvirt writes for an address of
/// type `kind`, or `None` when libvirt would refuse the address.
fn address_fields(
    a: &Element<'_>,
    kind: &str,
) -> Option<(AddressFields, Option<Element<'static>>)> {
    let u32max = u64::from(u32::MAX);
    let mut out: AddressFields = Vec::new();
    let mut zpci = None;
    match kind {
        "pci" => {
            let mut v = [0u64; 4];
            for (slot, n) in v.iter_mut().zip(["domain", "bus", "slot", "function"]) {
                *slot = address_number(a, n, Radix::Auto, u32max).ok()?.unwrap_or(0);
            }
            let [domain, bus, slot, function] = v;
            let multi = a.attribute("multifunction");
            if multi.is_some_and(|m| m != "on" && m != "off") {
                return None;
            }
            // virPCIDeviceAddressIsEmpty: an all-zero address is written as its type only.
            if v.iter().any(|n| *n != 0) {
                out.push(("domain", format!("0x{domain:04x}")));
                out.push(("bus", format!("0x{bus:02x}")));
                out.push(("slot", format!("0x{slot:02x}")));
                out.push(("function", format!("0x{function}")));
            }
            if let Some(m) = multi {
                out.push(("multifunction", String::from(m)));
            }
            if let Some(z) = a.child("zpci") {
                let uid = address_number(z, "uid", Radix::Auto, u32max).ok()?;
                let fid = address_number(z, "fid", Radix::Auto, u32max).ok()?;
                // virDomainDeviceInfoFormat: a zPCI address with either id set is written
                // with both, an unset one as 0 (libvirt 9.0's generic parse + format, over the
                // corpus's four zpci documents giving one id).
                if uid.is_some() || fid.is_some() {
                    let mut e = Element::new("zpci");
                    e.set_attribute("uid", format!("0x{:04x}", uid.unwrap_or(0)));
                    e.set_attribute("fid", format!("0x{:08x}", fid.unwrap_or(0)));
                    zpci = Some(e);
                }
            }
        }
        "drive" => decimal_fields(a, &["controller", "bus", "target", "unit"], &mut out)?,
        "virtio-serial" => decimal_fields(a, &["controller", "bus", "port"], &mut out)?,
        "ccid" => decimal_fields(a, &["controller", "slot"], &mut out)?,
        "usb" => {
            decimal_fields(a, &["bus"], &mut out)?;
            if let Some(p) = a.attribute("port") {
                let ports = usb_port(p)?;
                // virDomainUSBAddressPortIsValid: a port whose first number is 0 is unset.
                if ports.first().is_some_and(|p| *p != 0) {
                    let s: Vec<String> = ports.iter().map(|p| format!("{p}")).collect();
                    out.push(("port", s.join(".")));
                }
            }
        }
        "spapr-vio" => {
            if let Some(r) = address_number(a, "reg", Radix::Hex, u64::MAX).ok()? {
                out.push(("reg", format!("0x{r:08x}")));
            }
        }
        "ccw" => {
            let cssid = address_number(a, "cssid", Radix::Auto, u32max).ok()?;
            let ssid = address_number(a, "ssid", Radix::Auto, u32max).ok()?;
            let devno = address_number(a, "devno", Radix::Auto, u32max).ok()?;
            out.push(("cssid", format!("0x{:x}", cssid.unwrap_or(0))));
            out.push(("ssid", format!("0x{:x}", ssid.unwrap_or(0))));
            out.push(("devno", format!("0x{:04x}", devno.unwrap_or(0))));
        }
        "isa" => {
            for n in ["iobase", "irq"] {
                if let Some(v) = address_number(a, n, Radix::Hex, u32max).ok()?.filter(|v| *v != 0)
                {
                    out.push((n, format!("0x{v:x}")));
                }
            }
        }
        "dimm" => {
            decimal_fields(a, &["slot"], &mut out)?;
            if let Some(b) =
                address_number(a, "base", Radix::Hex, u64::MAX).ok()?.filter(|b| *b != 0)
            {
                out.push(("base", format!("0x{b:x}")));
            }
        }
        "virtio-mmio" | "virtio-s390" | "unassigned" => {}
        _ => return None,
    }
    Some((out, zpci))
}

/// A USB `port` path (`1.2.3`, at most four numbers, `virDomainDeviceUSBAddressParsePort`).
fn usb_port(p: &str) -> Option<Vec<u64>> {
    let parts: Vec<&str> = p.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    parts.iter().map(|s| parse_unsigned(s, Radix::Decimal, u64::from(u32::MAX))).collect()
}

/// What the families' unit tests share: a document through the defaults, and its devices.
#[cfg(test)]
pub(crate) mod testing {
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::{Domain, FormatFlags};

    /// `xml` through `Domain::apply_defaults` and `to_xml_flags(SECURE)`.
    pub(crate) fn defaulted(xml: &str) -> String {
        let mut d = Domain::from_xml(xml).unwrap();
        d.apply_defaults();
        d.to_xml_flags(FormatFlags::SECURE)
    }

    /// The lines between `<devices>` and `</devices>` of a formatted document, without their
    /// indentation, one a line.
    pub(crate) fn device_lines(out: &str) -> String {
        let start = out.find("<devices>").unwrap() + "<devices>".len();
        let end = out.find("</devices>").unwrap();
        let lines: Vec<&str> =
            out[start..end].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        lines.join("\n")
    }
}
