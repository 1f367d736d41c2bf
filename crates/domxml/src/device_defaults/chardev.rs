//! Character devices (`<serial>`, `<parallel>`, `<console>`, `<channel>`) and the devices with
//! a character-device source (`<smartcard>`, `<redirdev>`): what libvirt's parser reads of them
//! (`virDomainChrDefParseXML`, `virDomainChrSourceDefParseXML`, `virDomainSmartcardDefParseXML`,
//! `virDomainRedirdevDefParseXML`), `virDomainChrDefPostParse`, the console/serial compatibility
//! of `virDomainDefAddConsoleCompat` and of the domain formatter, the smartcards' CCID addresses
//! (`virDomainDefMaybeAddSmartcardController`), and their formatters' fixed forms
//! (`virDomainChrDefFormat`, `virDomainChrSourceDefFormat`, `virDomainSmartcardDefFormat`,
//! `virDomainRedirdevDefFormat`).
//!
//! Each device is rebuilt the way libvirt writes it back: the attributes and children libvirt
//! reads, in its order, with its defaults; what libvirt does not read or write of a known part
//! (a `<protocol>` beside a non-TCP source, a file's `append` on another type, unknown
//! attributes; for a domain without an id, a pty's source path, a console's `tty` and a
//! channel's `state`) is dropped as libvirt drops it, and unknown child elements are kept after
//! the known ones.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{Context, INFO_CHILDREN, Radix, device_info, parse_unsigned};
use crate::doc::{Attribute, Element, Node};
use crate::domain::Device;

/// The four character devices (`virDomainChrDeviceType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChrKind {
    /// `<parallel>`.
    Parallel,
    /// `<serial>`.
    Serial,
    /// `<console>`.
    Console,
    /// `<channel>`.
    Channel,
}

impl ChrKind {
    /// The kind of a device element, if it is a character device.
    fn of(name: &str) -> Option<ChrKind> {
        match name {
            "parallel" => Some(ChrKind::Parallel),
            "serial" => Some(ChrKind::Serial),
            "console" => Some(ChrKind::Console),
            "channel" => Some(ChrKind::Channel),
            _ => None,
        }
    }
}

/// The highest parallel port read so far (`-1` before the first), as `virDomainDefParseXML`
/// keeps it.
#[derive(Debug, Clone, Copy)]
struct PortCounter {
    /// The highest port seen.
    max: i64,
}

impl PortCounter {
    /// No port seen yet.
    const fn new() -> PortCounter {
        PortCounter { max: -1 }
    }

    /// Notes an explicit port.
    fn saw(&mut self, port: i64) {
        self.max = self.max.max(port);
    }

    /// The port of a device without one: one more than the highest so far.
    fn next(&mut self) -> i64 {
        self.max += 1;
        self.max
    }
}

/// Each device's own defaults and libvirt's form: the character devices, smartcards and
/// redirected devices are rebuilt as `virDomain*DefParseXML` reads them and their formatters
/// write them, with the target ports `virDomainDefParseXML` and the post-parse steps give.
pub(super) fn post_parse(items: &mut Vec<Device<'_>>, cx: &Context<'_>) {
    let live = cx.live;
    let mut parallel_ports = PortCounter::new();
    let mut consoles = 0_u64;
    for device in items.iter_mut() {
        let e = &mut device.element;
        match ChrKind::of(&e.name) {
            Some(kind) => {
                let port = match kind {
                    ChrKind::Serial => Port::Later,
                    ChrKind::Parallel => Port::Counted(&mut parallel_ports),
                    ChrKind::Console => {
                        consoles += 1;
                        Port::Index(consoles - 1)
                    }
                    ChrKind::Channel => Port::None,
                };
                rebuild_chr(e, kind, port, live);
            }
            None if e.name == "smartcard" => rebuild_smartcard(e, live),
            None if e.name == "redirdev" => rebuild_redirdev(e, live),
            None => {}
        }
    }
    serial_ports(items);
}

/// How a character device's target port is set.
enum Port<'p> {
    /// Parallels: the port given, else one more than the highest before
    /// (`virDomainDefParseXML`).
    Counted(&'p mut PortCounter),
    /// Serials: the port given, the others are set by [`serial_ports`].
    Later,
    /// Consoles: their index among the consoles, whatever port was written
    /// (`virDomainDefParseXML` sets `target.port = i`).
    Index(u64),
    /// Channels have no port.
    None,
}

/// The ports of the serials without one (the post-parse steps; `virDomainDefParseXML` leaves
/// them unset): an `isa-serial` gets the lowest port no ISA serial has, ISA serials first, in
/// order (`virDomainChrIsaSerialDefPostParse`), then each other serial one more than the
/// highest port of all serials, in order (`virDomainChrDefPostParse`).
fn serial_ports(items: &mut [Device<'_>]) {
    let at = positions(items, "serial");
    let port_of = |e: &Element<'_>| -> Option<Result<i64, ()>> {
        let p = e.child("target")?.attribute("port")?;
        Some(parse_uint(p).and_then(|v| i32::try_from(v).ok()).map(i64::from).ok_or(()))
    };
    let is_isa =
        |e: &Element<'_>| e.child("target").and_then(|t| t.attribute("type")) == Some("isa-serial");
    for isa in [true, false] {
        for &i in &at {
            let e = &items[i].element;
            if is_isa(e) != isa || port_of(e).is_some() {
                continue;
            }
            let taken = |p: i64| {
                at.iter().any(|&j| {
                    let other = &items[j].element;
                    (!isa || is_isa(other)) && port_of(other) == Some(Ok(p))
                })
            };
            let port = if isa {
                (0..=i64::try_from(at.len()).unwrap_or(i64::MAX)).find(|p| !taken(*p)).unwrap_or(0)
            } else {
                at.iter().filter_map(|&j| port_of(&items[j].element)?.ok()).max().unwrap_or(-1) + 1
            };
            if let Some(t) = super::find_child_mut(&mut items[i].element, "target") {
                t.set_attribute("port", port.to_string());
                order_target_attributes(t);
            }
        }
    }
}

/// A serial target's attributes in libvirt's order (`type`, `port`).
fn order_target_attributes(t: &mut Element<'_>) {
    super::order_attributes(t, &["type", "port"]);
}

/// The devices libvirt adds implicitly, and the consoles libvirt writes as copies of serials:
/// `virDomainDefAddConsoleCompat` (an HVM guest's first serial-type console becomes serial 0
/// when there is no serial; a first serial of a console-capable target type gets a console),
/// the domain formatter's copy of serial `n` for console `n`
/// (`virDomainDefFormatInternalSetRootName`), and the smartcards' CCID addresses
/// (`virDomainDefMaybeAddSmartcardController`; the CCID controllers themselves are the
/// controllers' implicit step).
pub(super) fn implicit(items: &mut Vec<Device<'_>>, cx: &Context<'_>) {
    if cx.os_type == Some("hvm") {
        console_compat(items);
        consoles_as_serials(items);
    }
    if cx.live {
        console_ttys(items);
    }
    smartcard_addresses(items);
}

/// `virDomainChrDefFormat` for a running domain: console port 0 on a pty with a path also
/// names it in `tty` (after `type`).
fn console_ttys(items: &mut [Device<'_>]) {
    for d in items.iter_mut().filter(|d| d.element.name == "console") {
        let e = &mut d.element;
        let port0 = e.child("target").and_then(|t| t.attribute("port")) == Some("0");
        let path = e.child("source").and_then(|s| attr_cow(s, "path"));
        if let (true, Some("pty"), Some(path)) = (port0, e.attribute("type"), path) {
            e.attributes.retain(|a| a.name != "tty");
            e.attributes.insert(1.min(e.attributes.len()), Attribute::new("tty", path));
        }
    }
}

/// Whether a console's target is a serial port (`VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL`
/// or `_NONE`).
fn is_serial_console(console: &Element<'_>) -> bool {
    matches!(
        console.child("target").and_then(|t| t.attribute("type")),
        None | Some("serial" | "none")
    )
}

/// The positions of the devices called `name`.
fn positions(items: &[Device<'_>], name: &str) -> Vec<usize> {
    items.iter().enumerate().filter(|(_, d)| d.element.name == name).map(|(i, _)| i).collect()
}

/// `virDomainDefAddConsoleCompat`, for an HVM guest.
fn console_compat(items: &mut Vec<Device<'_>>) {
    let consoles = positions(items, "console");
    let serials = positions(items, "serial");
    match consoles.first() {
        Some(&first) if is_serial_console(&items[first].element) => {
            if serials.is_empty() {
                // The console becomes serial 0 (target type none, port 0); the console
                // left is an alias of it, written as a copy of it.
                let mut serial = items[first].element.clone();
                serial.name = Cow::Borrowed("serial");
                let mut target = Element::new("target");
                target.set_attribute("port", "0");
                set_target(&mut serial, target);
                items.insert(first, Device { element: serial });
            }
        }
        _ => {
            // A first serial that can be a console gets a console stub at consoles[0]
            // (usb-serial, pci-serial and isa-debug do not).
            let Some(&serial) = serials.first() else { return };
            let target_type =
                items[serial].element.child("target").and_then(|t| t.attribute("type"));
            if !matches!(
                target_type,
                None | Some(
                    "none" | "isa-serial" | "spapr-vio-serial" | "system-serial" | "sclp-serial"
                )
            ) {
                return;
            }
            let mut console = Element::new("console");
            console.set_attribute("type", "pty");
            let mut target = Element::new("target");
            target.set_attribute("type", "serial");
            target.set_attribute("port", "0");
            console.children.push(Node::Element(target));
            let at = consoles.first().copied().unwrap_or(items.len());
            items.insert(at, Device { element: console });
        }
    }
}

/// `virDomainDefFormatInternalSetRootName`: console `n` of an HVM guest, when its target is a
/// serial port and there is a serial `n`, is written as that serial (source, log, alias,
/// address) with a console's `<target type='serial' port='P'/>`, P the serial's port.
fn consoles_as_serials(items: &mut [Device<'_>]) {
    let serials = positions(items, "serial");
    let consoles = positions(items, "console");
    for (n, &at) in consoles.iter().enumerate() {
        let Some(&serial) = serials.get(n) else { break };
        if !is_serial_console(&items[at].element) {
            continue;
        }
        let mut console = items[serial].element.clone();
        console.name = Cow::Borrowed("console");
        let port = console.child("target").and_then(|t| attr_cow(t, "port"));
        let mut target = Element::new("target");
        target.set_attribute("type", "serial");
        if let Some(port) = port {
            target.set_attribute("port", port);
        }
        set_target(&mut console, target);
        items[at].element = console;
    }
}

/// Replaces the `<target>` child of a character device (added, in libvirt's child order,
/// when missing).
fn set_target<'a>(e: &mut Element<'a>, target: Element<'a>) {
    if let Some(i) =
        e.children.iter().position(|n| matches!(n, Node::Element(c) if c.name == "target"))
    {
        e.children[i] = Node::Element(target);
    } else {
        let at = e
            .children
            .iter()
            .position(|n| matches!(n, Node::Element(c) if INFO_CHILDREN.contains(&&*c.name)))
            .unwrap_or(e.children.len());
        e.children.insert(at, Node::Element(target));
    }
}

/// `virDomainDefMaybeAddSmartcardController`: a smartcard without an address gets CCID
/// controller 0 and one more than the highest slot on controller 0 (over all smartcards, those
/// after it included).
fn smartcard_addresses(items: &mut [Device<'_>]) {
    let cards = positions(items, "smartcard");
    for &i in &cards {
        if items[i].element.child("address").is_some() {
            continue;
        }
        let max = cards
            .iter()
            .filter_map(|&j| items[j].element.child("address"))
            .filter(|a| {
                a.attribute("type") == Some("ccid") && a.attribute("controller") == Some("0")
            })
            .filter_map(|a| a.attribute("slot").and_then(parse_uint))
            .max();
        let slot = max.map_or(0, |m| m + 1);
        let mut address = Element::new("address");
        address.set_attribute("type", "ccid");
        address.set_attribute("controller", "0");
        address.set_attribute("slot", slot.to_string());
        let e = &mut items[i].element;
        // After the other device information, before what libvirt does not read.
        let at = e
            .children
            .iter()
            .rposition(|n| matches!(n, Node::Element(c) if SMARTCARD_KNOWN.contains(&&*c.name) || INFO_CHILDREN.contains(&&*c.name)))
            .map_or(0, |p| p + 1);
        e.children.insert(at, Node::Element(address));
    }
}

/// The children of a smartcard libvirt reads, besides the device information.
const SMARTCARD_KNOWN: [&str; 5] = ["certificate", "database", "source", "protocol", "log"];

/// The value of attribute `name`, as kept (borrowed from the document when it was).
fn attr_cow<'a>(e: &Element<'a>, name: &str) -> Option<Cow<'a, str>> {
    e.attributes.iter().find(|a| a.name == name).map(|a| a.value.clone())
}

/// An unsigned int as libvirt's `virStrToLong_ui`/`virXMLPropUInt` read it in base 10.
fn parse_uint(s: &str) -> Option<u64> {
    parse_unsigned(s, Radix::Decimal, u64::from(u32::MAX))
}

/// A number libvirt reads as unsigned and writes in decimal, normalised; an odd value (which
/// libvirt refuses) is kept as read.
fn uint_attr(value: Cow<'_, str>) -> Cow<'_, str> {
    match parse_uint(&value) {
        Some(n) => Cow::Owned(n.to_string()),
        None => value,
    }
}

/// Copies attribute `name` of `from` to `to` (appended), if `from` has it.
fn copy_attr<'a>(to: &mut Element<'a>, from: &Element<'a>, name: &str) {
    if let Some(v) = attr_cow(from, name) {
        to.attributes.push(Attribute::new(String::from(name), v));
    }
}

/// The child elements of `e` called `name`.
fn children_named<'e, 'a>(
    e: &'e Element<'a>,
    name: &'e str,
) -> impl Iterator<Item = &'e Element<'a>> {
    e.elements().filter(move |c| c.name == name)
}

/// Rebuilds a character device (`virDomainChrDefParseXML` + `virDomainChrDefFormat`): `type`
/// (`pty` when missing), the source, protocol and log of its type, the target, then the device
/// information (alias, address, ...).
fn rebuild_chr(e: &mut Element<'_>, kind: ChrKind, port: Port<'_>, live: bool) {
    let ty = attr_cow(e, "type").unwrap_or(Cow::Borrowed("pty"));
    let mut children = source_children(e, &ty, Reading { live, chr: true });
    children.push(Node::Element(target(e, kind, port, live)));
    children.extend(info_children(e));
    children.extend(unknown_children(e, &["source", "protocol", "log", "target"]));
    // Other attributes are not read by libvirt's parser (a console's `tty` is written again
    // for a running domain, see `console_ttys`).
    e.attributes = alloc::vec![Attribute::new("type", ty)];
    e.children = children;
    device_info(e);
}

/// The `<target>` of a character device (`virDomainChrDefParseTargetXML` +
/// `virDomainChrTargetDefFormat`).
fn target<'a>(e: &Element<'a>, kind: ChrKind, port: Port<'_>, live: bool) -> Element<'a> {
    let given = e.child("target");
    let mut t = Element::new("target");
    let ty = given.and_then(|g| attr_cow(g, "type"));
    match kind {
        // A parallel port has no target types: libvirt ignores its `type`. A serial's `none`
        // is no type.
        ChrKind::Parallel => {}
        ChrKind::Serial => {
            if let Some(ty) = ty.filter(|t| t != "none") {
                t.set_attribute("type", ty);
            }
        }
        // virDomainChrDefPostParse: a console without a target type is a serial console.
        ChrKind::Console => {
            t.set_attribute("type", ty.filter(|t| t != "none").unwrap_or(Cow::Borrowed("serial")));
        }
        ChrKind::Channel => {
            let Some(g) = given else { return t };
            match ty.as_deref() {
                Some("guestfwd") => {
                    copy_attr(&mut t, g, "type");
                    copy_attr(&mut t, g, "address");
                    if let Some(p) = attr_cow(g, "port") {
                        t.set_attribute("port", uint_attr(p));
                    }
                }
                // The `state` of a virtio channel is only written for a running domain.
                Some("virtio" | "xen") => {
                    copy_attr(&mut t, g, "type");
                    copy_attr(&mut t, g, "name");
                    if live && ty.as_deref() == Some("virtio") {
                        copy_attr(&mut t, g, "state");
                    }
                }
                // Refused by libvirt: kept as read.
                _ => t = g.clone(),
            }
        }
    }
    match port {
        Port::Counted(counter) => match given.and_then(|g| attr_cow(g, "port")) {
            Some(p) => match parse_uint(&p).and_then(|v| i32::try_from(v).ok()) {
                Some(v) => {
                    counter.saw(i64::from(v));
                    t.set_attribute("port", v.to_string());
                }
                // Refused by libvirt (or beyond its int): kept as read.
                None => t.set_attribute("port", p),
            },
            None => t.set_attribute("port", counter.next().to_string()),
        },
        Port::Later => {
            if let Some(p) = given.and_then(|g| attr_cow(g, "port")) {
                t.set_attribute("port", uint_attr(p));
            }
        }
        Port::Index(i) => t.set_attribute("port", i.to_string()),
        Port::None => {}
    }
    // Only a serial's target has a model (`virDomainChrTargetModelFromString`).
    if kind == ChrKind::Serial {
        let model = given.and_then(|g| g.child("model")).and_then(|m| attr_cow(m, "name"));
        if let Some(name) = model {
            let mut model = Element::new("model");
            model.set_attribute("name", name);
            t.children.push(Node::Element(model));
        }
    }
    t
}

/// The device information children (`virDomainDeviceInfoFormat`: boot, alias, master, rom,
/// acpi, address), in libvirt's order; [`device_info`] puts them in libvirt's form once the
/// device is rebuilt.
fn info_children<'a>(e: &Element<'a>) -> Vec<Node<'a>> {
    INFO_CHILDREN
        .iter()
        .filter_map(|name| e.child(name))
        .map(|c| Node::Element(c.clone()))
        .collect()
}

/// The child elements that are neither in `known` nor device information, kept as they are
/// after the others (libvirt does not read them; kept rather than silently dropped).
fn unknown_children<'a>(e: &Element<'a>, known: &[&str]) -> Vec<Node<'a>> {
    e.elements()
        .filter(|c| !known.contains(&&*c.name) && !INFO_CHILDREN.contains(&&*c.name))
        .map(|c| Node::Element(c.clone()))
        .collect()
}

/// How a character-device source is read and written.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// The domain has an id: written as a running domain's.
    live: bool,
    /// The source is a character device's: only those read `<seclabel>` overrides
    /// (`virDomainChrSourceDefParseXML` is given the chardev then).
    chr: bool,
}

/// `virDomainChrSourceDefParseXML` + `virDomainChrSourceDefFormat`: the `<source>` element(s),
/// `<protocol>` and `<log>` of a device whose source has type `ty`.
fn source_children<'a>(e: &Element<'a>, ty: &str, how: Reading) -> Vec<Node<'a>> {
    let Some(mut out) = sources(e, ty, how) else {
        // A type libvirt refuses: the source parts kept as read.
        return ["source", "protocol", "log"]
            .into_iter()
            .flat_map(|name| children_named(e, name).map(|c| Node::Element(c.clone())))
            .collect();
    };
    // virDomainChrSourceDefParseProtocol: a protocol is read for TCP only (raw by default).
    if ty == "tcp" {
        let protocol =
            e.child("protocol").and_then(|p| attr_cow(p, "type")).unwrap_or(Cow::Borrowed("raw"));
        let mut p = Element::new("protocol");
        p.set_attribute("type", protocol);
        out.push(Node::Element(p));
    }
    // virDomainChrSourceDefParseLog: a log without a file is not kept.
    if let Some((l, file)) = e.child("log").and_then(|l| Some((l, attr_cow(l, "file")?))) {
        let mut log = Element::new("log");
        log.set_attribute("file", file);
        copy_attr(&mut log, l, "append");
        out.push(Node::Element(log));
    }
    out
}

/// The `<source>` elements of a source of type `ty`, `None` for a type libvirt does not know.
fn sources<'a>(e: &Element<'a>, ty: &str, how: Reading) -> Option<Vec<Node<'a>>> {
    let first = e.child("source");
    let path = first.and_then(|s| Some((s, attr_cow(s, "path")?)));
    let source = match ty {
        // No source data (a pty's path is only written for a running domain).
        "null" | "vc" | "stdio" | "spicevmc" => None,
        "pty" if !how.live => None,
        "pty" | "dev" | "file" | "pipe" => path.map(|(s, path)| {
            let mut source = Element::new("source");
            source.set_attribute("path", path);
            // `append` is read for files only.
            if ty == "file" {
                copy_attr(&mut source, s, "append");
            }
            source.children.extend(seclabels(s, how));
            source
        }),
        // Without a path (QEMU makes one up for a bind socket) nothing is written.
        "unix" => path.map(|(s, path)| {
            let mut source = Element::new("source");
            source.set_attribute("mode", mode(s));
            source.set_attribute("path", path);
            source.children.extend(seclabels(s, how));
            source.children.extend(reconnect(s));
            source
        }),
        "tcp" => {
            let mut source = Element::new("source");
            source.set_attribute("mode", first.map_or("connect", mode));
            if let Some(s) = first {
                copy_attr(&mut source, s, "host");
                copy_attr(&mut source, s, "service");
                copy_attr(&mut source, s, "tls");
                source.children.extend(reconnect(s));
            }
            Some(source)
        }
        "udp" => return Some(udp_sources(e)),
        "spiceport" | "dbus" => first.and_then(|s| attr_cow(s, "channel")).map(|channel| {
            let mut source = Element::new("source");
            source.set_attribute("channel", channel);
            source
        }),
        "nmdm" => first.and_then(|s| {
            let mut source = Element::new("source");
            copy_attr(&mut source, s, "master");
            copy_attr(&mut source, s, "slave");
            (!source.attributes.is_empty()).then_some(source)
        }),
        "qemu-vdagent" => first.and_then(|s| {
            let mut source = Element::new("source");
            for (child, attr) in [("clipboard", "copypaste"), ("mouse", "mode")] {
                if let Some(v) = s.child(child).and_then(|c| attr_cow(c, attr)) {
                    let mut c = Element::new(child);
                    c.set_attribute(attr, v);
                    source.children.push(Node::Element(c));
                }
            }
            (!source.children.is_empty()).then_some(source)
        }),
        _ => return None,
    };
    Some(source.map(Node::Element).into_iter().collect())
}

/// virDomainChrSourceDefParseUDP: the first source of each mode that names a host or
/// service (of the first two sources); libvirt writes the bind one first.
fn udp_sources<'a>(e: &Element<'a>) -> Vec<Node<'a>> {
    let mut bind = None;
    let mut connect = None;
    for s in children_named(e, "source").take(2) {
        let slot = if mode(s) == "bind" { &mut bind } else { &mut connect };
        if slot.is_none() && (s.attribute("host").is_some() || s.attribute("service").is_some()) {
            *slot = Some(s);
        }
    }
    let mut out = Vec::new();
    for (m, s) in [("bind", bind), ("connect", connect)] {
        if let Some(s) = s {
            let mut source = Element::new("source");
            source.set_attribute("mode", m);
            copy_attr(&mut source, s, "host");
            copy_attr(&mut source, s, "service");
            out.push(Node::Element(source));
        }
    }
    out
}

/// A source's `mode`: `bind`, or `connect` (the default).
fn mode(s: &Element<'_>) -> &'static str {
    if s.attribute("mode") == Some("bind") { "bind" } else { "connect" }
}

/// `<reconnect>` (`virDomainChrSourceReconnectDefParseXML` + `..Format`): `enabled`, and the
/// `timeout` only when enabled; nothing without `enabled`.
fn reconnect<'a>(s: &Element<'a>) -> Option<Node<'a>> {
    let r = s.child("reconnect")?;
    let enabled = attr_cow(r, "enabled")?;
    let mut out = Element::new("reconnect");
    let yes = enabled == "yes";
    out.set_attribute("enabled", enabled);
    if let (true, Some(t)) = (yes, attr_cow(r, "timeout")) {
        out.set_attribute("timeout", uint_attr(t));
    }
    Some(Node::Element(out))
}

/// The `<seclabel>` overrides of a character device's source
/// (`virSecurityDeviceLabelDefParseXML` + `virSecurityDeviceLabelDefFormat`): `model`,
/// `relabel` (`yes` by default) and `<label>`; for a domain that is not running, one that
/// relabels without a label is not written (`labelskip` is not read with
/// `VIR_DOMAIN_DEF_PARSE_INACTIVE`). Smartcards' and redirected devices' sources have none.
fn seclabels<'a>(s: &Element<'a>, how: Reading) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    if !how.chr {
        return out;
    }
    for l in children_named(s, "seclabel") {
        let relabel = attr_cow(l, "relabel").unwrap_or(Cow::Borrowed("yes"));
        let label = l.child("label");
        if relabel == "yes" && label.is_none() && !how.live {
            continue;
        }
        let mut seclabel = Element::new("seclabel");
        copy_attr(&mut seclabel, l, "model");
        seclabel.set_attribute("relabel", relabel);
        if let Some(label) = label {
            seclabel.children.push(Node::Element(label.clone()));
        }
        out.push(Node::Element(seclabel));
    }
    out
}

/// Rebuilds a `<smartcard>` (`virDomainSmartcardDefParseXML` + `virDomainSmartcardDefFormat`):
/// `mode`, the `type` of a passthrough card's source; a host-certificates card's three
/// `<certificate>`s then its `<database>`, a passthrough card's source; the device information.
fn rebuild_smartcard(e: &mut Element<'_>, live: bool) {
    let mode = attr_cow(e, "mode");
    let mut children = Vec::new();
    let mut attributes = Vec::new();
    if let Some(m) = &mode {
        attributes.push(Attribute::new("mode", m.clone()));
    }
    let known: &[&str] = match mode.as_deref() {
        Some("host") => &[],
        Some("host-certificates") => {
            children.extend(children_named(e, "certificate").map(|c| Node::Element(c.clone())));
            children
                .extend(children_named(e, "database").take(1).map(|c| Node::Element(c.clone())));
            &["certificate", "database"]
        }
        Some("passthrough") => {
            let ty = attr_cow(e, "type");
            if let Some(ty) = &ty {
                attributes.push(Attribute::new("type", ty.clone()));
                children.extend(source_children(e, ty, Reading { live, chr: false }));
            }
            &["source", "protocol", "log"]
        }
        // Refused by libvirt: kept as read.
        _ => return,
    };
    children.extend(info_children(e));
    children.extend(unknown_children(e, known));
    e.attributes = attributes;
    e.children = children;
    device_info(e);
}

/// Rebuilds a `<redirdev>` (`virDomainRedirdevDefParseXML` + `virDomainRedirdevDefFormat`):
/// `bus` (`usb`, the only bus, when missing) and `type`, the source (a D-Bus one defaults to
/// channel `org.qemu.usbredir`), the device information with `<boot>`.
///
/// libvirt writes the start and end tags on lines of their own even with nothing between them
/// (`<redirdev bus='usb' type='spicevmc'>` and `</redirdev>`): reproduced with a text child of
/// white space.
fn rebuild_redirdev(e: &mut Element<'_>, live: bool) {
    let Some(ty) = attr_cow(e, "type") else { return };
    let bus = attr_cow(e, "bus").unwrap_or(Cow::Borrowed("usb"));
    let mut children = source_children(e, &ty, Reading { live, chr: false });
    if ty == "dbus" && children.is_empty() {
        let mut source = Element::new("source");
        source.set_attribute("channel", "org.qemu.usbredir");
        children.push(Node::Element(source));
    }
    children.extend(info_children(e));
    children.extend(unknown_children(e, &["source", "protocol", "log"]));
    if children.is_empty() {
        children.push(Node::Text(Cow::Borrowed("\n    ")));
    }
    e.attributes = alloc::vec![Attribute::new("bus", bus), Attribute::new("type", ty)];
    e.children = children;
    device_info(e);
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::device_defaults::testing::defaulted;

    /// The elements of this module's kinds, as written after `apply_defaults`, of a domain
    /// opened by `head` with an `os` guest and these devices.
    fn chardevs(head: &str, os: &str, devices: &str) -> String {
        let xml = format!(
            "{head}<name>a</name><memory>1024</memory><os><type arch='x86_64'>{os}</type></os>\
             <devices>{devices}</devices></domain>"
        );
        let out = defaulted(&xml);
        let kinds = ["serial", "parallel", "console", "channel", "smartcard", "redirdev"];
        let mut lines: Vec<&str> = Vec::new();
        let mut inside = false;
        for l in out.lines() {
            let starts = l.strip_prefix("    <").is_some_and(|r| {
                kinds
                    .iter()
                    .any(|k| r.strip_prefix(k).is_some_and(|t| t.starts_with([' ', '>', '/'])))
            });
            if starts || inside {
                lines.push(l);
                inside = !(l.starts_with("    </") || (starts && l.ends_with("/>")));
            }
        }
        lines.join("\n")
    }

    /// Checks the devices' defaults, and that applying them again changes nothing.
    fn check(head: &str, os: &str, devices: &str, expected: &str) {
        assert_eq!(chardevs(head, os, devices), expected);
        assert_eq!(chardevs(head, os, expected), expected, "applied twice");
    }

    /// Checks the devices' defaults only (for libvirt's output that is no fixpoint).
    fn check_once(head: &str, os: &str, devices: &str, expected: &str) {
        assert_eq!(chardevs(head, os, devices), expected);
    }

    /// `<console tty=..>` alone in an HVM guest: type pty, serial 0 made from it, the console its
    /// copy. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn console_without_type_is_a_pty_serial_console() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<console tty='/dev/pts/5'/>",
            r"    <serial type='pty'>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>",
        );
    }

    /// Missing ports: one more than the highest port of the same kind before; consoles are numbered
    /// by position. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn serial_and_parallel_ports_follow_the_highest_before() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<serial type='pty'><target port='3'/></serial><serial type='file'><source path='/a' append='on'/><target port='1'/><alias name='ua-x'/></serial><serial/><parallel/><parallel><target type='x' port='05'/></parallel><parallel/><console type='pty'><target type='serial'/></console><console type='pty'><target type='xen' port='4'/></console><console type='pty'><target type='virtio'/></console>",
            r"    <serial type='pty'>
      <target port='3'/>
    </serial>
    <serial type='file'>
      <source path='/a' append='on'/>
      <target port='1'/>
      <alias name='ua-x'/>
    </serial>
    <serial type='pty'>
      <target port='4'/>
    </serial>
    <parallel type='pty'>
      <target port='0'/>
    </parallel>
    <parallel type='pty'>
      <target port='5'/>
    </parallel>
    <parallel type='pty'>
      <target port='6'/>
    </parallel>
    <console type='pty'>
      <target type='serial' port='3'/>
    </console>
    <console type='pty'>
      <target type='xen' port='1'/>
    </console>
    <console type='pty'>
      <target type='virtio' port='2'/>
    </console>",
        );
    }

    /// The first console, a serial one, is written as serial 0 (source, log, alias, address) with
    /// the serial's port. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn serial_console_copies_its_serial() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<serial type='file'><source path='/a' append='on'/><log file='/l' append='off'/><target port='1'/><alias name='ua-x'/><address type='isa' iobase='1016' irq='4'/></serial><console type='pty'><target type='serial' port='2'/></console>",
            r"    <serial type='file'>
      <source path='/a' append='on'/>
      <log file='/l' append='off'/>
      <target port='1'/>
      <alias name='ua-x'/>
      <address type='isa' iobase='0x1016' irq='0x4'/>
    </serial>
    <console type='file'>
      <source path='/a' append='on'/>
      <log file='/l' append='off'/>
      <target type='serial' port='1'/>
      <alias name='ua-x'/>
      <address type='isa' iobase='0x1016' irq='0x4'/>
    </console>",
        );
    }

    /// A first serial of a console-capable target type gets a console at the front; usb-serial does
    /// not. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn console_stub_for_console_capable_serials() {
        check_once(
            "<domain type='qemu'>",
            "hvm",
            r"<serial><target type='isa-serial' port='+2'><model name='isa-serial'/></target></serial><console type='pty'><target type='virtio'/></console>",
            r"    <serial type='pty'>
      <target type='isa-serial' port='2'>
        <model name='isa-serial'/>
      </target>
    </serial>
    <console type='pty'>
      <target type='serial' port='2'/>
    </console>
    <console type='pty'>
      <target type='virtio' port='0'/>
    </console>",
        );
    }

    /// A usb-serial (like pci-serial and isa-debug) gets no console. Expected: libvirt 9.0's
    /// generic parse + format (checked with the oracle).
    #[test]
    fn no_console_for_usb_serial() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<serial type='pty'><target type='usb-serial'/></serial><serial type='pty'><target type='isa-serial'/></serial>",
            r"    <serial type='pty'>
      <target type='usb-serial' port='1'/>
    </serial>
    <serial type='pty'>
      <target type='isa-serial' port='0'/>
    </serial>",
        );
    }

    /// Outside HVM, no console/serial compatibility: a console keeps its own form, port by
    /// position. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn no_console_compat_outside_hvm() {
        check(
            "<domain type='xen'>",
            "xen",
            r"<console tty='/dev/pts/2' type='pty'><target type='xen' port='3'/></console><serial type='pty'/>",
            r"    <serial type='pty'>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='xen' port='0'/>
    </console>",
        );
    }

    /// What libvirt keeps of each source type (no source for null, vc, stdio, spicevmc, an inactive
    /// pty; append for files only; unix mode defaults to connect). Expected: libvirt 9.0's generic
    /// parse + format (checked with the oracle).
    #[test]
    fn sources_of_each_type() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<channel type='null'><source path='/x'/><target type='virtio' name='a'/></channel><channel type='vc'><target type='virtio' name='b'/></channel><channel type='pty'><source path='/dev/pts/3'/><target type='virtio' name='p' state='connected'/></channel><channel type='dev'><source path='/dev/x' append='on'/><target type='virtio' name='d'/></channel><channel type='file'><source path='/f' append='off'/><target type='virtio' name='e'/></channel><channel type='pipe'><source path='/p'/><target type='virtio' name='f'/></channel><channel type='spicevmc'><source path='/x'/><target type='virtio' name='com.redhat.spice.0'/></channel><channel type='spiceport'><source channel='org.x'/><target type='virtio' name='h'/></channel><channel type='unix'><source path='/s2'><seclabel model='dac' relabel='no'/><seclabel model='selinux'/></source><protocol type='raw'/><target type='virtio' name='j'/></channel><channel type='unix'><source mode='bind'/><target type='virtio' name='k'/></channel><channel type='qemu-vdagent'><source><mouse mode='client'/><clipboard copypaste='no'/></source><target type='virtio' name='com.redhat.spice.0'/></channel><channel type='dbus'><source channel='org.y'/><target type='virtio' name='l'/></channel><channel type='pty'><target type='guestfwd' address='10.0.2.1' port='0100'/></channel><channel type='pty'><target type='xen' name='m'/></channel>",
            r"    <channel type='null'>
      <target type='virtio' name='a'/>
    </channel>
    <channel type='vc'>
      <target type='virtio' name='b'/>
    </channel>
    <channel type='pty'>
      <target type='virtio' name='p'/>
    </channel>
    <channel type='dev'>
      <source path='/dev/x'/>
      <target type='virtio' name='d'/>
    </channel>
    <channel type='file'>
      <source path='/f' append='off'/>
      <target type='virtio' name='e'/>
    </channel>
    <channel type='pipe'>
      <source path='/p'/>
      <target type='virtio' name='f'/>
    </channel>
    <channel type='spicevmc'>
      <target type='virtio' name='com.redhat.spice.0'/>
    </channel>
    <channel type='spiceport'>
      <source channel='org.x'/>
      <target type='virtio' name='h'/>
    </channel>
    <channel type='unix'>
      <source mode='connect' path='/s2'>
        <seclabel model='dac' relabel='no'/>
      </source>
      <target type='virtio' name='j'/>
    </channel>
    <channel type='unix'>
      <target type='virtio' name='k'/>
    </channel>
    <channel type='qemu-vdagent'>
      <source>
        <clipboard copypaste='no'/>
        <mouse mode='client'/>
      </source>
      <target type='virtio' name='com.redhat.spice.0'/>
    </channel>
    <channel type='dbus'>
      <source channel='org.y'/>
      <target type='virtio' name='l'/>
    </channel>
    <channel type='pty'>
      <target type='guestfwd' address='10.0.2.1' port='100'/>
    </channel>
    <channel type='pty'>
      <target type='xen' name='m'/>
    </channel>",
        );
    }

    /// TCP: mode connect, protocol raw, reconnect; UDP: bind source first, the second source of a
    /// mode ignored; log last. Expected: libvirt 9.0's generic parse + format (checked with the
    /// oracle).
    #[test]
    fn network_sources() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<serial type='tcp' foo='bar'><log file='/l'/><protocol type='telnet'/><source host='h' service='1' tls='no' junk='1'><reconnect enabled='yes' timeout='010'/></source><target port='0'/></serial><serial type='udp'><source mode='connect' service='1'/><source mode='bind' host='b'/></serial><serial type='udp'><source service='1'/><source mode='connect' service='2'/></serial><serial type='unix'><source path='/u'><reconnect enabled='no' timeout='3'/></source></serial><serial type='nmdm'/>",
            r"    <serial type='tcp'>
      <source mode='connect' host='h' service='1' tls='no'>
        <reconnect enabled='yes' timeout='10'/>
      </source>
      <protocol type='telnet'/>
      <log file='/l'/>
      <target port='0'/>
    </serial>
    <serial type='udp'>
      <source mode='bind' host='b'/>
      <source mode='connect' service='1'/>
      <target port='1'/>
    </serial>
    <serial type='udp'>
      <source mode='connect' service='1'/>
      <target port='2'/>
    </serial>
    <serial type='unix'>
      <source mode='connect' path='/u'>
        <reconnect enabled='no'/>
      </source>
      <target port='3'/>
    </serial>
    <serial type='nmdm'>
      <target port='4'/>
    </serial>
    <console type='tcp'>
      <source mode='connect' host='h' service='1' tls='no'>
        <reconnect enabled='yes' timeout='10'/>
      </source>
      <protocol type='telnet'/>
      <log file='/l'/>
      <target type='serial' port='0'/>
    </console>",
        );
    }

    /// A domain with an id is written as running: a pty's path, the console's tty, a virtio
    /// channel's state. Expected: libvirt 9.0's generic parse + format (checked with the oracle).
    #[test]
    fn running_domain_keeps_live_state() {
        check_once(
            "<domain type='qemu' id='3'>",
            "hvm",
            r"<serial type='pty'><source path='/dev/pts/1'/></serial><console type='pty' tty='/dev/pts/2'><source path='/dev/pts/3'/><target type='virtio'/></console><channel type='pty'><source path='/dev/pts/4'/><target type='virtio' name='x' state='connected'/></channel>",
            r"    <serial type='pty'>
      <source path='/dev/pts/1'/>
      <target port='0'/>
    </serial>
    <console type='pty' tty='/dev/pts/1'>
      <source path='/dev/pts/1'/>
      <target type='serial' port='0'/>
    </console>
    <console type='pty' tty='/dev/pts/3'>
      <source path='/dev/pts/3'/>
      <target type='virtio' port='0'/>
    </console>
    <channel type='pty'>
      <source path='/dev/pts/4'/>
      <target type='virtio' name='x' state='connected'/>
    </channel>",
        );
    }

    /// Smartcards get CCID slots after the highest on controller 0; redirdevs default to bus usb, a
    /// D-Bus one to channel org.qemu.usbredir. Expected: libvirt 9.0's generic parse + format
    /// (checked with the oracle).
    #[test]
    fn smartcards_and_redirected_devices() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<controller type='usb'/><smartcard mode='host' foo='1'><alias name='ua-sc'/></smartcard><smartcard mode='host-certificates'><database>/db</database><certificate>c1</certificate><certificate>c2</certificate><certificate>c3</certificate></smartcard><smartcard mode='passthrough' type='tcp'><source host='h' service='1'/><address type='ccid' slot='3'/></smartcard><smartcard mode='passthrough' type='unix'><source path='/u'/><protocol type='raw'/><address type='ccid' controller='1'/></smartcard><redirdev type='spicevmc'><boot order='1'/></redirdev><redirdev bus='usb' type='tcp'><source mode='connect' host='localhost' service='4000'/><address type='usb' bus='0' port='3'/></redirdev><redirdev bus='usb' type='dbus'/><redirdev bus='usb' type='spicevmc'/>",
            r"    <smartcard mode='host'>
      <alias name='ua-sc'/>
      <address type='ccid' controller='0' slot='4'/>
    </smartcard>
    <smartcard mode='host-certificates'>
      <certificate>c1</certificate>
      <certificate>c2</certificate>
      <certificate>c3</certificate>
      <database>/db</database>
      <address type='ccid' controller='0' slot='5'/>
    </smartcard>
    <smartcard mode='passthrough' type='tcp'>
      <source mode='connect' host='h' service='1'/>
      <protocol type='raw'/>
      <address type='ccid' controller='0' slot='3'/>
    </smartcard>
    <smartcard mode='passthrough' type='unix'>
      <source mode='connect' path='/u'/>
      <address type='ccid' controller='1' slot='0'/>
    </smartcard>
    <redirdev bus='usb' type='spicevmc'>
      <boot order='1'/>
    </redirdev>
    <redirdev bus='usb' type='tcp'>
      <source mode='connect' host='localhost' service='4000'/>
      <protocol type='raw'/>
      <address type='usb' bus='0' port='3'/>
    </redirdev>
    <redirdev bus='usb' type='dbus'>
      <source channel='org.qemu.usbredir'/>
    </redirdev>
    <redirdev bus='usb' type='spicevmc'>
    </redirdev>",
        );
    }

    /// Serials without a port: isa-serials first, each the lowest port no ISA serial has, then the
    /// others one more than the highest port of all serials. Expected: libvirt 9.0's generic parse
    /// and format (checked with the oracle).
    #[test]
    fn isa_serials_get_their_ports_first() {
        check(
            "<domain type='qemu'>",
            "hvm",
            r"<serial><target type='usb-serial'/></serial><serial><target type='isa-serial'/></serial><serial/><serial><target type='isa-serial' port='2'/></serial><serial><target type='pci-serial'/></serial><serial><target type='isa-serial'/></serial><serial type='pty'><target type='usb-serial' port='0'/></serial><serial><target type='isa-serial'/></serial>",
            r"    <serial type='pty'>
      <target type='usb-serial' port='4'/>
    </serial>
    <serial type='pty'>
      <target type='isa-serial' port='0'/>
    </serial>
    <serial type='pty'>
      <target port='5'/>
    </serial>
    <serial type='pty'>
      <target type='isa-serial' port='2'/>
    </serial>
    <serial type='pty'>
      <target type='pci-serial' port='6'/>
    </serial>
    <serial type='pty'>
      <target type='isa-serial' port='1'/>
    </serial>
    <serial type='pty'>
      <target type='usb-serial' port='0'/>
    </serial>
    <serial type='pty'>
      <target type='isa-serial' port='3'/>
    </serial>",
        );
    }

    /// Seclabel overrides: a relabelling one without a label is written for a running domain only;
    /// smartcards' and redirected devices' sources read none. Expected: libvirt 9.0's generic parse
    /// and format (checked with the oracle).
    #[test]
    fn seclabels_of_chardev_sources_only() {
        check(
            "<domain type='qemu' id='2'>",
            "hvm",
            r"<controller type='usb'/><serial type='file'><source path='/f'><seclabel model='dac'/><seclabel relabel='no' model='selinux'/></source></serial><smartcard mode='passthrough' type='unix'><source path='/u'><seclabel model='dac' relabel='no'/></source></smartcard><redirdev type='unix'><source path='/r'><seclabel model='dac' relabel='no'/></source></redirdev>",
            r"    <smartcard mode='passthrough' type='unix'>
      <source mode='connect' path='/u'/>
      <address type='ccid' controller='0' slot='0'/>
    </smartcard>
    <serial type='file'>
      <source path='/f'>
        <seclabel model='dac' relabel='yes'/>
        <seclabel model='selinux' relabel='no'/>
      </source>
      <target port='0'/>
    </serial>
    <console type='file'>
      <source path='/f'>
        <seclabel model='dac' relabel='yes'/>
        <seclabel model='selinux' relabel='no'/>
      </source>
      <target type='serial' port='0'/>
    </console>
    <redirdev bus='usb' type='unix'>
      <source mode='connect' path='/r'/>
    </redirdev>",
        );
    }

    /// libvirt's own output is not always a fixpoint: a console stub put before a virtio
    /// console leaves the virtio console's port, which reading the output again renumbers by
    /// position. Expected: libvirt 9.0's generic parse + format of its own output (checked with
    /// the oracle).
    #[test]
    fn console_stub_renumbers_on_the_next_reading() {
        let once = chardevs(
            "<domain type='qemu'>",
            "hvm",
            "<serial type='pty'/><console type='pty'><target type='virtio'/></console>",
        );
        assert!(once.contains("<target type='virtio' port='0'/>"), "{once}");
        let twice = chardevs("<domain type='qemu'>", "hvm", &once);
        assert!(twice.contains("<target type='virtio' port='1'/>"), "{twice}");
    }

    /// Values libvirt refuses (a port that is no number, an unknown source type, an unknown
    /// smartcard mode) are kept as read, without a panic.
    #[test]
    fn odd_values_are_kept() {
        check(
            "<domain type='qemu'>",
            "exe",
            "<serial type='pty'><target port='x'/></serial>\
             <serial type='ptyx'><source foo='1'/><protocol type='y'/></serial>\
             <parallel type='tcp'><target port='99999999999'/></parallel>\
             <smartcard mode='bogus'><x/></smartcard><redirdev/>",
            r"    <smartcard mode='bogus'>
      <address type='ccid' controller='0' slot='0'/>
      <x/>
    </smartcard>
    <serial type='pty'>
      <target port='x'/>
    </serial>
    <serial type='ptyx'>
      <source foo='1'/>
      <protocol type='y'/>
      <target port='0'/>
    </serial>
    <parallel type='tcp'>
      <source mode='connect'/>
      <protocol type='raw'/>
      <target port='99999999999'/>
    </parallel>
    <redirdev/>",
        );
    }
}
