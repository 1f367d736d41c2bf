//! Video, graphics, input, sound and audio devices: their post-parse defaults (the primary
//! video, video memory, graphics ports and listens, input buses) and their formatters' fixed
//! forms.
//!
//! libvirt's generic parser adds no implicit video or input device: a `<graphics>` without
//! a `<video>` gets a video of type "default" (`virDomainDefAddImplicitVideo`), which libvirt
//! 9.0's generic post-parse then refuses ("missing video model and cannot determine
//! default"); the implicit mouse and keyboard of a graphical domain are the drivers' work.
//! So [`implicit`] adds nothing.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{
    Context, INFO_CHILDREN as INFO, Radix, device_info, drop_blank_text, find_child_mut,
    order_attributes, order_children, parse_unsigned, reads_text,
};
use crate::doc::{Element, Node};
use crate::domain::Device;

/// The attributes of a `<driver>` with virtio options (`virDomainVirtioOptionsFormat`).
const VIRTIO_OPTIONS: [&str; 4] = ["iommu", "ats", "packed", "page_per_vq"];

/// Each device's own defaults and libvirt's form.
pub(super) fn post_parse(items: &mut Vec<Device<'_>>, cx: &Context<'_>) {
    primary_video_first(items);
    let mut first_video = true;
    for d in items.iter_mut() {
        let e = &mut d.element;
        if matches!(&*e.name, "video" | "graphics" | "input" | "sound" | "audio") {
            drop_blank_text(e, &reads_text);
            device_info(e);
        }
        if matches!(&*e.name, "graphics" | "sound") {
            children_named(e, "audio").for_each(audio_id);
        }
        match &*e.name {
            "video" => {
                video(e, cx, first_video);
                first_video = false;
            }
            "graphics" => graphics(e, cx.live),
            "input" => input(e, cx),
            "sound" => sound(e),
            "audio" => audio(e),
            _ => {}
        }
    }
}

/// The devices libvirt adds implicitly: none in this family (see the module documentation).
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}

// ---------------------------------------------------------------------------------------
// numbers

/// An unsigned int attribute as libvirt reads it (`virXMLPropUInt`, base 10): `None` when
/// absent or unreadable (libvirt refuses the document then, so the value is left as read).
fn uint(e: &Element<'_>, name: &str) -> Option<u32> {
    e.attribute(name)
        .and_then(|v| parse_unsigned(v, Radix::Decimal, u64::from(u32::MAX)))
        .and_then(|v| u32::try_from(v).ok())
}

/// Rewrites a readable unsigned attribute in libvirt's decimal form, or removes it when
/// it is zero and `drop_zero` (formatters that write the value only when set).
fn normalize_uint(e: &mut Element<'_>, name: &str, drop_zero: bool) {
    if let Some(v) = uint(e, name) {
        if v == 0 && drop_zero {
            remove_attribute(e, name);
        } else {
            e.set_attribute(name, v.to_string());
        }
    }
}

/// A signed int attribute as libvirt reads it (`virStrToLong_i`: leading white space and a
/// sign accepted).
fn int(e: &Element<'_>, name: &str) -> Option<i32> {
    let s = e.attribute(name)?;
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    i32::try_from(if neg { -v } else { v }).ok()
}

fn remove_attribute(e: &mut Element<'_>, name: &str) {
    e.attributes.retain(|a| a.name != name);
}

/// `VIR_ROUND_UP_POWER_OF_TWO` stored back into an unsigned int: values above 2^31 become 0.
fn round_up_power_of_two(v: u32) -> u32 {
    if v == 0 { 0 } else { v.checked_next_power_of_two().unwrap_or(0) }
}

/// The child elements named `name`, mutably.
fn children_named<'e, 'a>(
    e: &'e mut Element<'a>,
    name: &'e str,
) -> impl Iterator<Item = &'e mut Element<'a>> {
    e.children.iter_mut().filter_map(move |n| match n {
        Node::Element(c) if c.name == name => Some(c),
        _ => None,
    })
}

/// Removes the child elements `pred` selects.
fn remove_children(e: &mut Element<'_>, pred: impl Fn(&Element<'_>) -> bool) {
    e.children.retain(|n| !matches!(n, Node::Element(c) if pred(c)));
}

/// A `<driver>` child in libvirt's form: the attributes in `order`, and none at all when
/// it is left empty (the formatters write `<driver>` only with something in it).
fn driver(e: &mut Element<'_>, order: &[&str]) {
    if let Some(d) = find_child_mut(e, "driver") {
        order_attributes(d, order);
    }
    remove_children(e, |c| c.name == "driver" && c.attributes.is_empty() && c.children.is_empty());
}

// ---------------------------------------------------------------------------------------
// video

/// `virDomainDefParseXML`: the video marked `primary='yes'` is put first among the videos
/// (libvirt refuses a second one).
fn primary_video_first(items: &mut [Device<'_>]) {
    let is_video = |d: &Device<'_>| d.element.name == "video";
    let Some(first) = items.iter().position(is_video) else { return };
    let primary = items.iter().position(|d| {
        is_video(d) && d.element.child("model").and_then(|m| m.attribute("primary")) == Some("yes")
    });
    if let Some(p) = primary {
        items[first..=p].rotate_right(1);
    }
}

/// `virDomainVideoDefaultRAM`: the video memory (KiB) a model gets when none is given.
fn default_vram(model: &str, cx: &Context<'_>) -> u32 {
    match model {
        "vga" | "cirrus" | "vmvga" => match cx.domain_type {
            "vbox" => 8 * 1024,
            "vmware" => 4 * 1024,
            _ => 16 * 1024,
        },
        "bochs" => 16 * 1024,
        // "Original Xen PVFB hardcoded to 4 MB".
        "xen" => 4 * 1024,
        // "QEMU use 64M as the minimal video memory for qxl device".
        "qxl" => 64 * 1024,
        _ => 0,
    }
}

/// `virDomainVideoDefPostParse` run `passes` times over a memory size: 0 becomes the
/// default, then the size is rounded up to a power of two (in an unsigned int, so sizes
/// above 2 GiB become 0 — and the default on the next pass).
fn video_memory(value: u32, default: u32, passes: usize) -> u32 {
    let mut v = value;
    for _ in 0..passes {
        if v == 0 {
            v = default;
        }
        v = round_up_power_of_two(v);
    }
    v
}

/// One `<video>`: `virDomainVideoDefParseXML`, `virDomainVideoDefPostParse`,
/// `virDomainDefPostParseVideo` (the first video is primary, and is post-parsed a second
/// time) and `virDomainVideoDefFormat`.
fn video(e: &mut Element<'_>, cx: &Context<'_>, first: bool) {
    let Some(model) = find_child_mut(e, "model") else { return };
    let Some(kind) = model.attribute("type").map(String::from) else { return };
    if kind == "none" {
        // virDomainDefPostParseVideo: a video of type none is cleared of everything but its
        // type and alias (libvirt refuses it unless it is the only video).
        model.attributes.retain(|a| a.name == "type");
        model.children.clear();
        remove_children(e, |c| c.name != "model" && c.name != "alias");
        order_children(e, &["model", "alias"]);
        return;
    }
    // The model's attributes are read with XPath, which gives nothing for an empty value:
    // an empty attribute is an absent one.
    model.attributes.retain(|a| {
        !(a.value.is_empty()
            && matches!(&*a.name, "ram" | "vram" | "vram64" | "vgamem" | "heads" | "primary"))
    });
    // Only `yes` makes a video primary; the first video is made primary below.
    remove_attribute(model, "primary");
    // The parser's heads default.
    if model.attribute("heads").is_none() {
        model.set_attribute("heads", "1");
    }
    let passes = if first { 2 } else { 1 };
    for (name, default) in [
        ("ram", if kind == "qxl" { default_vram(&kind, cx) } else { 0 }),
        ("vram", default_vram(&kind, cx)),
    ] {
        let given = model.attribute(name).is_some();
        let Some(v) = (if given { uint(model, name) } else { Some(0) }) else { continue };
        if given || default != 0 {
            model.set_attribute(name, video_memory(v, default, passes).to_string());
        }
    }
    for name in ["ram", "vram", "vram64", "vgamem", "heads"] {
        normalize_uint(model, name, true);
    }
    if first {
        model.set_attribute("primary", "yes");
    }
    order_attributes(model, &["type", "ram", "vram", "vram64", "vgamem", "heads", "primary"]);
    if let Some(a) = find_child_mut(model, "acceleration") {
        order_attributes(a, &["accel3d", "accel2d", "rendernode"]);
    }
    if let Some(r) = find_child_mut(model, "resolution") {
        normalize_uint(r, "x", false);
        normalize_uint(r, "y", false);
        order_attributes(r, &["x", "y"]);
    }
    order_children(model, &["acceleration", "resolution"]);
    // virDomainVideoDriverDefParseXML: vgaconf 'io' is the enum's zero and unknown values
    // are ignored, so only 'on' and 'off' are formatted.
    if let Some(d) = find_child_mut(e, "driver")
        && !matches!(d.attribute("vgaconf"), None | Some("on" | "off"))
    {
        remove_attribute(d, "vgaconf");
    }
    let mut order = VIRTIO_OPTIONS.to_vec();
    order.extend(["vgaconf", "name"]);
    driver(e, &order);
    let mut order = Vec::from(["driver", "model"]);
    order.extend(INFO);
    order_children(e, &order);
}

// ---------------------------------------------------------------------------------------
// input

/// One `<input>`: the bus `virDomainInputDefParseXML` chooses when none is given, and
/// `virDomainInputDefFormat`'s order.
fn input(e: &mut Element<'_>, cx: &Context<'_>) {
    if e.attribute("bus").is_none()
        && let Some(bus) = input_bus(e.attribute("type").unwrap_or(""), cx)
    {
        e.set_attribute("bus", bus);
    }
    // The bus `none` (that of evdev inputs) is not written.
    if e.attribute("bus") == Some("none") {
        remove_attribute(e, "bus");
    }
    order_attributes(e, &["type", "bus", "model"]);
    if let Some(s) = find_child_mut(e, "source") {
        order_attributes(s, &["evdev", "dev", "grab", "grabToggle", "repeat"]);
    }
    driver(e, &VIRTIO_OPTIONS);
    let mut order = Vec::from(["driver", "source"]);
    order.extend(INFO);
    order_children(e, &order);
}

/// The default bus of an input device of type `kind` (`virDomainInputDefParseXML`).
fn input_bus(kind: &str, cx: &Context<'_>) -> Option<&'static str> {
    let arch = cx.arch.unwrap_or("");
    match cx.os_type {
        Some("hvm") => Some(
            if matches!(kind, "mouse" | "keyboard") && matches!(arch, "i686" | "x86_64" | "") {
                "ps2"
            } else if matches!(arch, "s390" | "s390x") || kind == "passthrough" {
                "virtio"
            } else if kind == "evdev" {
                return None;
            } else {
                "usb"
            },
        ),
        Some("xen" | "xenpvh") => Some("xen"),
        // A Xen domain's `linux` os type is read as `xen`.
        Some("linux") if cx.domain_type == "xen" => Some("xen"),
        _ => matches!(cx.domain_type, "vz" | "parallels").then_some("parallels"),
    }
}

// ---------------------------------------------------------------------------------------
// sound and audio

/// One `<sound>`: `virDomainSoundDefFormat`'s order (codecs, the audio backend, the device
/// information).
fn sound(e: &mut Element<'_>) {
    order_attributes(e, &["model"]);
    let mut order = Vec::from(["codec", "audio"]);
    order.extend(INFO);
    order_children(e, &order);
}

/// An audio backend's `id` (or a device's `<audio id>` reference to one): read as an
/// unsigned int and written with `%d`, so that above 2^31 it wraps to a negative number.
fn audio_id(e: &mut Element<'_>) {
    if let Some(id) = uint(e, "id") {
        e.set_attribute("id", id.cast_signed().to_string());
    }
}

/// One `<audio>` backend: `virDomainAudioDefFormat`'s attribute and child order, its
/// numbers in decimal, and the `<input>` or `<output>` left empty not written.
fn audio(e: &mut Element<'_>) {
    audio_id(e);
    normalize_uint(e, "timerPeriod", false);
    normalize_uint(e, "dspPolicy", false);
    order_attributes(
        e,
        &[
            "id",
            "type",
            "timerPeriod",
            "driver",
            "tryMMap",
            "exclusive",
            "dspPolicy",
            "serverName",
            "path",
            "runtimeDir",
        ],
    );
    for name in ["input", "output"] {
        for io in children_named(e, name) {
            for n in ["voices", "bufferLength", "bufferCount", "latency"] {
                normalize_uint(io, n, false);
            }
            order_attributes(
                io,
                &[
                    "mixingEngine",
                    "fixedSettings",
                    "voices",
                    "bufferLength",
                    "dev",
                    "name",
                    "streamName",
                    "serverName",
                    "clientName",
                    "connectPorts",
                    "exactName",
                    "bufferCount",
                    "tryPoll",
                    "latency",
                ],
            );
            if let Some(s) = find_child_mut(io, "settings") {
                normalize_uint(s, "frequency", false);
                normalize_uint(s, "channels", false);
                order_attributes(s, &["frequency", "channels", "format"]);
            }
        }
    }
    remove_children(e, |c| {
        matches!(&*c.name, "input" | "output") && c.attributes.is_empty() && c.children.is_empty()
    });
    order_children(e, &["input", "output"]);
}

// ---------------------------------------------------------------------------------------
// graphics

/// One `<graphics>`: `virDomainGraphicsDefParseXML` (ports, listens) and
/// `virDomainGraphicsDefFormat`; `live` when the domain has an id (libvirt formats it
/// without `VIR_DOMAIN_DEF_FORMAT_INACTIVE` then, see [`Context::live`]).
fn graphics(e: &mut Element<'_>, live: bool) {
    match e.attribute("type") {
        Some("vnc") => vnc(e, live),
        Some("spice") => spice(e, live),
        Some("rdp") => rdp(e, live),
        Some("sdl") => {
            // Only sdl's `fullscreen='yes'` and `<gl enable>` are formatted.
            if e.attribute("fullscreen") != Some("yes") {
                remove_attribute(e, "fullscreen");
            }
            if let Some(gl) = find_child_mut(e, "gl") {
                gl.attributes.retain(|a| a.name == "enable");
            }
            order_attributes(e, &["type", "display", "xauth", "fullscreen"]);
        }
        Some("desktop") => {
            if e.attribute("fullscreen") != Some("yes") {
                remove_attribute(e, "fullscreen");
            }
            order_attributes(e, &["type", "display", "fullscreen"]);
        }
        Some("egl-headless") => {
            // Only the render node is kept; a `<gl>` without one is not written.
            if let Some(gl) = find_child_mut(e, "gl") {
                gl.attributes.retain(|a| a.name == "rendernode");
            }
            remove_children(e, |c| {
                c.name == "gl" && c.attributes.is_empty() && c.children.is_empty()
            });
        }
        Some("dbus") => {
            // `p2p` is written only when yes.
            if e.attribute("p2p") != Some("yes") {
                remove_attribute(e, "p2p");
            }
            order_attributes(e, &["type", "address", "p2p"]);
            if let Some(gl) = find_child_mut(e, "gl") {
                order_attributes(gl, &["enable", "rendernode"]);
            }
            order_children(e, &["gl", "audio"]);
        }
        _ => {}
    }
}

/// The `<listen>` children of a VNC, SPICE or RDP `<graphics>` as
/// `virDomainGraphicsListensParseXML` leaves them: a listen made from the `listen` (or, for
/// VNC, `socket`) attribute when there is none, the first listen completed from those
/// attributes, a network listen's address (live state) written only for a `live` domain,
/// and libvirt's attribute order.
fn listens(e: &mut Element<'_>, vnc: bool, live: bool) {
    let listen_attr = e.attribute("listen").filter(|s| !s.is_empty()).map(String::from);
    let socket_attr = if vnc { e.attribute("socket").map(String::from) } else { None };
    let has_listen = e.elements().any(|c| c.name == "listen");
    if let Some(socket) = &socket_attr {
        // A VNC `socket` attribute makes the socket listen, whatever else is given.
        remove_children(e, |c| c.name == "listen");
        let mut l = Element::new("listen");
        l.set_attribute("type", "socket");
        l.set_attribute("socket", socket.clone());
        e.children.insert(0, Node::Element(l));
    } else if !has_listen {
        let mut l = Element::new("listen");
        l.set_attribute("type", "address");
        if let Some(a) = &listen_attr {
            l.set_attribute("address", a.clone());
        }
        e.children.insert(0, Node::Element(l));
    } else if let Some(first) = find_child_mut(e, "listen")
        && first.attribute("type") == Some("address")
        && first.attribute("address").is_none_or(str::is_empty)
        && let Some(a) = &listen_attr
    {
        first.set_attribute("address", a.clone());
    }
    for l in children_named(e, "listen") {
        // virDomainGraphicsListenDefParseXML reads an address for address and network
        // listens only.
        let kind = l.attribute("type").map(String::from);
        let kind = kind.as_deref();
        if l.attribute("address") == Some("")
            || !matches!(kind, Some("address" | "network"))
            || (!live && kind == Some("network"))
        {
            remove_attribute(l, "address");
        }
        // Kept only in status XML.
        remove_attribute(l, "fromConfig");
        remove_attribute(l, "autoGenerated");
        order_attributes(l, &["type", "address", "network", "socket"]);
    }
    // The graphics' own `listen` and `socket` attributes come from the first listen.
    remove_attribute(e, "listen");
    remove_attribute(e, "socket");
    let (kind, address, socket) = match e.child("listen") {
        Some(l) => (
            l.attribute("type").map(String::from),
            l.attribute("address").map(String::from),
            l.attribute("socket").map(String::from),
        ),
        None => (None, None, None),
    };
    if let Some(a) = address {
        e.set_attribute("listen", a);
    }
    if vnc
        && kind.as_deref() == Some("socket")
        && let Some(s) = socket
    {
        e.set_attribute("socket", s);
    }
}

/// `virDomainGraphicsAuthDefFormatAttr`: without a password neither its expiry nor the
/// `connected` policy is written.
fn auth(e: &mut Element<'_>) {
    if e.attribute("passwd").is_none() {
        remove_attribute(e, "passwdValidTo");
        remove_attribute(e, "connected");
    }
    if let Some(t) = e.attribute("passwdValidTo").and_then(valid_to) {
        e.set_attribute("passwdValidTo", t);
    }
}

/// `passwdValidTo` as libvirt writes it back (`virDomainGraphicsAuthDefParseXML` reads
/// `%d-%d-%dT%d:%d:%d` into a UTC `GDateTime`, the formatter writes it with `strftime`'s
/// `%Y-%m-%dT%H:%M:%S`): fields zero-padded, the year not; a date or time that does not exist
/// becomes the epoch (`g_date_time_new` fails and libvirt keeps 0). `None` when libvirt
/// refuses the value.
fn valid_to(s: &str) -> Option<String> {
    // One `%d`: white space, a sign, digits.
    fn field(s: &str) -> Option<(i64, &str)> {
        let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        let sign = usize::from(t.starts_with(['+', '-']));
        let end = t[sign..].find(|c: char| !c.is_ascii_digit()).map_or(t.len(), |i| i + sign);
        if end == sign {
            return None;
        }
        Some((t[..end].parse::<i32>().ok()?.into(), &t[end..]))
    }
    let mut rest = s;
    let mut v = [0_i64; 6];
    for (i, sep) in ["-", "-", "T", ":", ":", ""].iter().enumerate() {
        let (n, r) = field(rest)?;
        v[i] = n;
        rest = r.strip_prefix(sep)?;
    }
    if !rest.is_empty() {
        return None;
    }
    let [year, month, day, hour, minute, second] = v;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let exists = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..60).contains(&second);
    Some(if exists {
        alloc::format!("{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
    } else {
        String::from("1970-01-01T00:00:00")
    })
}

/// The SPICE channels, in the order libvirt keeps them.
const SPICE_CHANNELS: [&str; 8] =
    ["main", "display", "inputs", "cursor", "playback", "record", "smartcard", "usbredir"];

/// The SPICE `<channel>`s as libvirt keeps them: one mode per channel name (the last
/// given), `any` not written, in the channels' enum order (`virDomainGraphicsDefFormat`).
/// Channels libvirt would refuse (unknown name or mode) leave the list as written.
fn spice_channels(e: &mut Element<'_>) {
    let mut modes: [Option<String>; 8] = Default::default();
    for c in e.elements().filter(|c| c.name == "channel") {
        let name = c.attribute("name").and_then(|n| SPICE_CHANNELS.iter().position(|k| *k == n));
        let (Some(i), Some(mode @ ("any" | "secure" | "insecure"))) = (name, c.attribute("mode"))
        else {
            return;
        };
        modes[i] = Some(String::from(mode));
    }
    let Some(at) =
        e.children.iter().position(|n| matches!(n, Node::Element(c) if c.name == "channel"))
    else {
        return;
    };
    remove_children(e, |c| c.name == "channel");
    let channels = SPICE_CHANNELS.iter().zip(modes).filter_map(|(name, mode)| {
        let mode = mode.filter(|m| m != "any")?;
        let mut c = Element::new("channel");
        c.set_attribute("name", *name);
        c.set_attribute("mode", mode);
        Some(Node::Element(c))
    });
    e.children.splice(at..at, channels);
}

/// The type of the first `<listen>`.
fn first_listen_type<'e>(e: &'e Element<'_>) -> Option<&'e str> {
    e.child("listen").and_then(|l| l.attribute("type"))
}

/// `virDomainGraphicsDefParseXMLVNC` and the VNC part of `virDomainGraphicsDefFormat`.
fn vnc(e: &mut Element<'_>, live: bool) {
    listens(e, true, live);
    auth(e);
    // A port of -1 (or none) asks for autoport; `autoport` overrides; an autoport port is
    // written only for a live domain (-1 otherwise).
    let port = if e.attribute("port").is_some() { int(e, "port") } else { Some(0) };
    if let Some(mut port) = port {
        let mut autoport = port == -1 || e.attribute("port").is_none();
        match e.attribute("autoport") {
            Some("yes") => autoport = true,
            Some("no") => autoport = false,
            _ => {}
        }
        if autoport && !live {
            port = 0;
        }
        remove_attribute(e, "port");
        remove_attribute(e, "autoport");
        if matches!(first_listen_type(e), Some("address" | "network")) {
            if port != 0 {
                e.set_attribute("port", port.to_string());
            } else if autoport {
                e.set_attribute("port", "-1");
            }
            e.set_attribute("autoport", if autoport { "yes" } else { "no" });
        } else {
            remove_attribute(e, "websocket");
        }
    }
    // A generated websocket port is written as -1 unless the domain is live.
    if e.attribute("websocketGenerated") == Some("yes")
        && !live
        && matches!(first_listen_type(e), Some("address" | "network"))
    {
        e.set_attribute("websocket", "-1");
    }
    remove_attribute(e, "websocketGenerated");
    if let Some(w) = int(e, "websocket") {
        if w == 0 {
            remove_attribute(e, "websocket");
        } else {
            e.set_attribute("websocket", w.to_string());
        }
    }
    order_attributes(
        e,
        &[
            "type",
            "socket",
            "port",
            "autoport",
            "websocket",
            "listen",
            "keymap",
            "sharePolicy",
            "powerControl",
            "passwd",
            "passwdValidTo",
            "connected",
        ],
    );
    order_children(e, &["listen", "audio"]);
}

/// `virDomainGraphicsDefParseXMLSpice` and the SPICE part of `virDomainGraphicsDefFormat`.
fn spice(e: &mut Element<'_>, live: bool) {
    listens(e, false, live);
    auth(e);
    // The default mode `any` is not written.
    if e.attribute("defaultMode") == Some("any") {
        remove_attribute(e, "defaultMode");
    }
    spice_channels(e);
    let port = if e.attribute("port").is_some() { int(e, "port") } else { Some(0) };
    let tls = if e.attribute("tlsPort").is_some() { int(e, "tlsPort") } else { Some(0) };
    if let (Some(port), Some(tls)) = (port, tls) {
        let autoport = e.attribute("autoport") == Some("yes");
        remove_attribute(e, "port");
        remove_attribute(e, "tlsPort");
        remove_attribute(e, "autoport");
        if port == 0 && tls == 0 && !autoport && first_listen_type(e) == Some("address") {
            // Without a port SPICE does not listen on an address: the first listen becomes
            // `<listen type='none'/>`.
            if let Some(l) = find_child_mut(e, "listen") {
                l.attributes.clear();
                l.set_attribute("type", "none");
            }
            remove_attribute(e, "listen");
        } else if matches!(first_listen_type(e), Some("address" | "network")) {
            if port != 0 {
                e.set_attribute("port", port.to_string());
            }
            if tls != 0 {
                e.set_attribute("tlsPort", tls.to_string());
            }
            e.set_attribute("autoport", if autoport { "yes" } else { "no" });
        }
    }
    order_attributes(
        e,
        &[
            "type",
            "port",
            "tlsPort",
            "autoport",
            "listen",
            "keymap",
            "defaultMode",
            "passwd",
            "passwdValidTo",
            "connected",
        ],
    );
    if let Some(gl) = find_child_mut(e, "gl") {
        order_attributes(gl, &["enable", "rendernode"]);
    }
    order_children(
        e,
        &[
            "listen",
            "channel",
            "image",
            "jpeg",
            "zlib",
            "playback",
            "streaming",
            "mouse",
            "clipboard",
            "filetransfer",
            "gl",
            "audio",
        ],
    );
}

/// `virDomainGraphicsDefParseXMLRDP` and the RDP part of `virDomainGraphicsDefFormat`.
fn rdp(e: &mut Element<'_>, live: bool) {
    listens(e, false, live);
    let port = if e.attribute("port").is_some() { int(e, "port") } else { Some(0) };
    if let Some(port) = port {
        // No port, or -1, means autoport, and so does `autoport='yes'` (keeping the port);
        // `autoport='no'` changes nothing. The port is written when set, `0` for autoport.
        let autoport =
            e.attribute("port").is_none() || port == -1 || e.attribute("autoport") == Some("yes");
        remove_attribute(e, "port");
        remove_attribute(e, "autoport");
        if port != 0 {
            e.set_attribute("port", port.to_string());
        } else if autoport {
            e.set_attribute("port", "0");
        }
        if autoport {
            e.set_attribute("autoport", "yes");
        }
    }
    for name in ["replaceUser", "multiUser"] {
        if e.attribute(name) != Some("yes") {
            remove_attribute(e, name);
        }
    }
    order_attributes(
        e,
        &[
            "type",
            "port",
            "autoport",
            "replaceUser",
            "multiUser",
            "listen",
            "username",
            "passwd",
            "passwdValidTo",
            "connected",
        ],
    );
    order_children(e, &["listen"]);
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use crate::device_defaults::testing::{defaulted, device_lines};
    use crate::{Domain, FormatFlags};

    /// `devices`, in a domain of type `kind` with os type `os` and architecture `arch`,
    /// through `apply_defaults` + `to_xml_flags(SECURE)`: the whole document, and its devices
    /// one line a device line without indentation.
    fn defaults((kind, os, arch): (&str, &str, &str), devices: &str) -> (String, String) {
        // `kind` may carry more attributes of `<domain>`, such as an id.
        let xml = alloc::format!(
            "<domain type='{kind}'><name>a</name><memory>1024</memory>\
             <os><type arch='{arch}'>{os}</type></os><devices>{devices}</devices></domain>"
        );
        let out = defaulted(&xml);
        let lines = device_lines(&out);
        (out, lines)
    }

    /// Checks the devices after the defaults (see [`defaults`]) against `expected`, for a
    /// case where libvirt itself is not stable (its output, parsed again, changes).
    fn check_once(cx: (&str, &str, &str), devices: &str, expected: &str) {
        assert_eq!(defaults(cx, devices).1, expected);
    }

    /// [`check_once`], and applying the defaults to the result again changes nothing.
    fn check(cx: (&str, &str, &str), devices: &str, expected: &str) {
        let (out, lines) = defaults(cx, devices);
        assert_eq!(lines, expected);
        let mut again = Domain::from_xml(&out).unwrap();
        again.apply_defaults();
        assert_eq!(again.to_xml_flags(FormatFlags::SECURE), out);
    }

    /// The video marked primary goes first; every model's memory default; `primary='no'` is not
    /// written. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn video_primary_first_and_memory_defaults() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<video><model type='vga'/></video><video><model type='qxl' primary='yes'/>\
             </video><video><model type='cirrus' primary='no'/></video><video>\
             <model type='xen'/></video><video><model type='bochs'/></video><video>\
             <model type='virtio'/></video>",
            "<video>\n\
             <model type='qxl' ram='65536' vram='65536' heads='1' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='cirrus' vram='16384' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='xen' vram='4096' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='bochs' vram='16384' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='virtio' heads='1'/>\n\
             </video>",
        );
    }

    /// Sizes rounded up to a power of two, numbers in decimal, zero sizes and heads not written.
    /// (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn video_numbers_rounded_and_rewritten() {
        check_once(
            ("qemu", "hvm", "x86_64"),
            "<video><model type='qxl' vram='+5' vgamem='010' vram64='0' ram='0' heads=' 02'/>\
             </video><video><model type='vga' vram='1000' heads='0'/></video>",
            "<video>\n\
             <model type='qxl' ram='65536' vram='8' vgamem='10' heads='2' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <model type='vga' vram='1024'/>\n\
             </video>",
        );
    }

    /// Rounded up past 2^31 the size is 0: the first video, post-parsed twice, gets the default;
    /// the others lose it. Only `yes` makes a video primary. (Expected: libvirt 9.0's output,
    /// checked with the oracle.)
    #[test]
    fn video_memory_above_2gib_wraps_to_zero() {
        check_once(
            ("qemu", "hvm", "x86_64"),
            "<video><model type='vga' vram='3000000000'/></video><video>\
             <model type='vga' vram='3000000000' primary='maybe'/></video><video>\
             <model type='qxl' ram='3000000000' vgamem='3000000000'/></video>",
            "<video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <model type='vga' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='qxl' vram='65536' vgamem='3000000000' heads='1'/>\n\
             </video>",
        );
    }

    /// VirtualBox's VGA default is 8 MiB; the vbox model has none. (Expected: libvirt 9.0's
    /// output, checked with the oracle.)
    #[test]
    fn video_defaults_by_domain_type_vbox() {
        check(
            ("vbox", "hvm", "x86_64"),
            "<video><model type='vga'/></video><video><model type='vbox'/></video>",
            "<video>\n\
             <model type='vga' vram='8192' heads='1' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <model type='vbox' heads='1'/>\n\
             </video>",
        );
    }

    /// VMware's default is 4 MiB. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn video_defaults_by_domain_type_vmware() {
        check(
            ("vmware", "hvm", "x86_64"),
            "<video><model type='vmvga'/></video>",
            "<video>\n\
             <model type='vmvga' vram='4096' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A video of type none is cleared but for its alias. (Expected: libvirt 9.0's output,
    /// checked with the oracle.)
    #[test]
    fn video_none_keeps_only_type_and_alias() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<video><driver name='qemu'/><model type='none' heads='2' vram='3'/>\
             <address type='pci' domain='0' bus='0' slot='4' function='0'/>\
             <alias name='ua-x'/></video>",
            "<video>\n\
             <model type='none'/>\n\
             <alias name='ua-x'/>\n\
             </video>",
        );
    }

    /// The driver's virtio options before its name; acceleration and resolution attributes in
    /// order. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn video_driver_and_model_children_order() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<video><model type='virtio'><resolution y='+3' x=' 5'/>\
             <acceleration rendernode='/dev/dri/x' accel2d='no' accel3d='yes'/></model>\
             <acpi index='3'/><alias name='ua-v'/>\
             <driver name='vhostuser' page_per_vq='on' packed='on' ats='on' iommu='on'/>\
             </video>",
            "<video>\n\
             <driver iommu='on' ats='on' packed='on' page_per_vq='on' name='vhostuser'/>\n\
             <model type='virtio' heads='1' primary='yes'>\n\
             <acceleration accel3d='yes' accel2d='no' rendernode='/dev/dri/x'/>\n\
             <resolution x='5' y='3'/>\n\
             </model>\n\
             <alias name='ua-v'/>\n\
             <acpi index='3'/>\n\
             </video>",
        );
    }

    /// vgaconf 'io' is the enum's zero, unknown values are ignored: neither is written.
    /// (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn video_vgaconf_io_is_not_written() {
        check(
            ("bhyve", "hvm", "x86_64"),
            "<video><driver vgaconf='io'/><model type='gop'/></video><video>\
             <driver name='qemu' vgaconf='on'/><model type='gop'/></video><video>\
             <driver vgaconf='odd'/><model type='gop'/></video>",
            "<video>\n\
             <model type='gop' heads='1' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <driver vgaconf='on' name='qemu'/>\n\
             <model type='gop' heads='1'/>\n\
             </video>\n\
             <video>\n\
             <model type='gop' heads='1'/>\n\
             </video>",
        );
    }

    /// Mouse and keyboard on PS/2, passthrough on virtio, evdev without a bus, the rest on USB;
    /// white space is not kept. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn input_buses_on_x86_64() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<input type='mouse'/><input type='keyboard'/><input type='tablet'/>\
             <input type='passthrough'><source evdev='/dev/x'/></input><input type='evdev'>\
             <source repeat='on' grabToggle='ctrl-ctrl' grab='all' dev='/dev/y'/></input>\
             <input type='mouse'>\n    </input>",
            "<input type='mouse' bus='ps2'/>\n\
             <input type='keyboard' bus='ps2'/>\n\
             <input type='tablet' bus='usb'/>\n\
             <input type='passthrough' bus='virtio'>\n\
             <source evdev='/dev/x'/>\n\
             </input>\n\
             <input type='evdev'>\n\
             <source dev='/dev/y' grab='all' grabToggle='ctrl-ctrl' repeat='on'/>\n\
             </input>\n\
             <input type='mouse' bus='ps2'/>",
        );
    }

    /// Not x86: USB. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn input_buses_on_aarch64() {
        check(
            ("qemu", "hvm", "aarch64"),
            "<input type='mouse'/><input type='keyboard'/><input type='tablet'/>",
            "<input type='mouse' bus='usb'/>\n\
             <input type='keyboard' bus='usb'/>\n\
             <input type='tablet' bus='usb'/>",
        );
    }

    /// s390: virtio. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn input_buses_on_s390x() {
        check(
            ("qemu", "hvm", "s390x"),
            "<input type='mouse'/><input type='keyboard'/><input type='tablet'/>",
            "<input type='mouse' bus='virtio'/>\n\
             <input type='keyboard' bus='virtio'/>\n\
             <input type='tablet' bus='virtio'/>",
        );
    }

    /// Xen PV: the xen bus. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn input_buses_on_xen_pv() {
        check(
            ("xen", "xen", "x86_64"),
            "<input type='mouse'/><input type='keyboard'/>",
            "<input type='mouse' bus='xen'/>\n\
             <input type='keyboard' bus='xen'/>",
        );
    }

    /// Attributes type, bus, model; then driver, source, alias, address. (Expected: libvirt 9.0's
    /// output, checked with the oracle.)
    #[test]
    fn input_children_order() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<input bus='virtio' model='virtio-non-transitional' type='passthrough'>\
             <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>\
             <alias name='ua-q'/><source evdev='/dev/x'/><driver ats='on' iommu='on'/>\
             </input>",
            "<input type='passthrough' bus='virtio' model='virtio-non-transitional'>\n\
             <driver iommu='on' ats='on'/>\n\
             <source evdev='/dev/x'/>\n\
             <alias name='ua-q'/>\n\
             <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>\n\
             </input>",
        );
    }

    /// No port or -1 asks for autoport, which forgets the port; `autoport` overrides; unknown
    /// autoport values are ignored. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn vnc_ports() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc'/><graphics type='vnc' port='0'/>\
             <graphics type='vnc' port='-1'/><graphics type='vnc' autoport='no'/>\
             <graphics type='vnc' port='5900' autoport='no' websocket='-1'/>\
             <graphics type='vnc' port='-2'/>\
             <graphics type='vnc' port=' +5901' autoport='yes'/>\
             <graphics type='vnc' port='-1' autoport='no'/>\
             <graphics type='vnc' port='5902' autoport='odd'/><video><model type='vga'/>\
             </video>",
            "<graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='5900' autoport='no' websocket='-1'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-2' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='5902' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// The listen attribute and the first listen element complete each other; a network listen's
    /// address is live only; status-only attributes are not kept. (Expected: libvirt 9.0's
    /// output, checked with the oracle.)
    #[test]
    fn vnc_listens() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' listen='1.2.3.4' port='5900'/>\
             <graphics type='vnc' listen='1.2.3.4'><listen type='address'/></graphics>\
             <graphics type='vnc' listen='1.2.3.4'><listen type='network' network='n'/>\
             </graphics><graphics type='vnc'>\
             <listen type='network' network='n' address='5.6.7.8'/>\
             <listen type='address' address='1.1.1.1'/></graphics><graphics type='vnc'>\
             <listen address='1.2.3.4' type='address' autoGenerated='yes' fromConfig='1'/>\
             </graphics><graphics type='vnc' listen=''><listen type='address' address=''/>\
             </graphics><video><model type='vga'/></video>",
            "<graphics type='vnc' port='5900' autoport='no' listen='1.2.3.4'>\n\
             <listen type='address' address='1.2.3.4'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' listen='1.2.3.4'>\n\
             <listen type='address' address='1.2.3.4'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='network' network='n'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='network' network='n'/>\n\
             <listen type='address' address='1.1.1.1'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' listen='1.2.3.4'>\n\
             <listen type='address' address='1.2.3.4'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A socket attribute makes the socket listen; no ports are written without an address or
    /// network listen. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn vnc_sockets_and_no_listen() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' socket='/a'/>\
             <graphics type='vnc' socket='/a' listen='1.2.3.4' port='5900'>\
             <listen type='address' address='1.2.3.4'/></graphics><graphics type='vnc'>\
             <listen type='socket'/></graphics><graphics type='vnc' listen='1.1.1.1'>\
             <listen type='socket' socket='/b'/></graphics>\
             <graphics type='vnc' port='5900' websocket='5700'><listen type='none'/>\
             </graphics><video><model type='vga'/></video>",
            "<graphics type='vnc' socket='/a'>\n\
             <listen type='socket' socket='/a'/>\n\
             </graphics>\n\
             <graphics type='vnc' socket='/a'>\n\
             <listen type='socket' socket='/a'/>\n\
             </graphics>\n\
             <graphics type='vnc'>\n\
             <listen type='socket'/>\n\
             </graphics>\n\
             <graphics type='vnc' socket='/b'>\n\
             <listen type='socket' socket='/b'/>\n\
             </graphics>\n\
             <graphics type='vnc'>\n\
             <listen type='none'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// virDomainGraphicsDefFormat's VNC attribute order; listens before the audio. (Expected:
    /// libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn vnc_attribute_and_child_order() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics passwdValidTo='2010-04-09T15:51:00' connected='keep' type='vnc' passwd='x' powerControl='yes' sharePolicy='force-shared' keymap='de' listen='1.2.3.4' websocket='5700' port='5900'>\
             <audio id='1'/><listen type='address' address='1.2.3.4'/></graphics>\
             <audio id='1' type='none'/><video><model type='vga'/></video>",
            "<graphics type='vnc' port='5900' autoport='no' websocket='5700' listen='1.2.3.4' keymap='de' sharePolicy='force-shared' powerControl='yes' passwd='x' passwdValidTo='2010-04-09T15:51:00' connected='keep'>\n\
             <listen type='address' address='1.2.3.4'/>\n\
             <audio id='1'/>\n\
             </graphics>\n\
             <audio id='1' type='none'/>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// Without any port SPICE's first address listen becomes type none; ports only with an
    /// address or network listen. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn spice_ports_and_listens() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='spice'/><graphics type='spice' port='5903'/>\
             <graphics type='spice' tlsPort='5903'/><graphics type='spice' autoport='yes'/>\
             <graphics type='spice' listen='1.2.3.4'/><graphics type='spice' port='-1'/>\
             <graphics type='spice' port='5900' tlsPort='-1' autoport='yes'/>\
             <graphics type='spice'><listen type='address' address='1.2.3.4'/>\
             <listen type='socket'/></graphics><graphics type='spice'>\
             <listen type='network' network='n'/></graphics><graphics type='spice'>\
             <listen type='socket' socket='/s'/></graphics>\
             <graphics type='spice' port='5900'><listen type='socket'/></graphics><video>\
             <model type='vga'/></video>",
            "<graphics type='spice'>\n\
             <listen type='none'/>\n\
             </graphics>\n\
             <graphics type='spice' port='5903' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice' tlsPort='5903' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice'>\n\
             <listen type='none'/>\n\
             </graphics>\n\
             <graphics type='spice' port='-1' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice' port='5900' tlsPort='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice'>\n\
             <listen type='none'/>\n\
             <listen type='socket'/>\n\
             </graphics>\n\
             <graphics type='spice' autoport='no'>\n\
             <listen type='network' network='n'/>\n\
             </graphics>\n\
             <graphics type='spice'>\n\
             <listen type='socket' socket='/s'/>\n\
             </graphics>\n\
             <graphics type='spice'>\n\
             <listen type='socket'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// virDomainGraphicsDefFormat's SPICE attribute and child order. (Expected: libvirt 9.0's
    /// output, checked with the oracle.)
    #[test]
    fn spice_children_order() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='spice' connected='disconnect' passwd='p' keymap='en' defaultMode='secure' listen='127.0.0.1' autoport='no' tlsPort='5904' port='5903'>\
             <gl rendernode='/dev/dri/foo' enable='yes'/><filetransfer enable='no'/>\
             <clipboard copypaste='no'/><mouse mode='client'/><streaming mode='filter'/>\
             <playback compression='on'/><zlib compression='auto'/><jpeg compression='auto'/>\
             <image compression='auto_glz'/><channel mode='secure' name='main'/>\
             <channel name='inputs' mode='insecure'/>\
             <listen type='address' address='127.0.0.1'/></graphics><video>\
             <model type='vga'/></video>",
            "<graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1' keymap='en' defaultMode='secure' passwd='p' connected='disconnect'>\n\
             <listen type='address' address='127.0.0.1'/>\n\
             <channel name='main' mode='secure'/>\n\
             <channel name='inputs' mode='insecure'/>\n\
             <image compression='auto_glz'/>\n\
             <jpeg compression='auto'/>\n\
             <zlib compression='auto'/>\n\
             <playback compression='on'/>\n\
             <streaming mode='filter'/>\n\
             <mouse mode='client'/>\n\
             <clipboard copypaste='no'/>\n\
             <filetransfer enable='no'/>\n\
             <gl enable='yes' rendernode='/dev/dri/foo'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// RDP: no port or -1 is autoport, written port 0; autoport='yes' keeps the port;
    /// autoport='no' changes nothing. (libvirt writes port='0' as nothing, read back as autoport:
    /// not stable.) (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn rdp_ports() {
        check_once(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='rdp'/><graphics type='rdp' port='0'/>\
             <graphics type='rdp' port='-1' autoport='no'/><graphics type='rdp' port='-2'/>\
             <graphics type='rdp' port='3389'/>\
             <graphics type='rdp' port='3389' autoport='yes'/>\
             <graphics type='rdp' autoport='no'/>\
             <graphics type='rdp' multiUser='yes' replaceUser='yes' listen='1.2.3.4'/><video>\
             <model type='vga'/></video>",
            "<graphics type='rdp' port='0' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='-2'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='3389'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='3389' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='0' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='rdp' port='0' autoport='yes' replaceUser='yes' multiUser='yes' listen='1.2.3.4'>\n\
             <listen type='address' address='1.2.3.4'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// SDL keeps only gl's enable; fullscreen and p2p are written only when yes. (Expected:
    /// libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn sdl_desktop_dbus() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='sdl' fullscreen='yes' xauth='/x' display=':0'>\
             <gl rendernode='/r' enable='yes'/></graphics>\
             <graphics type='sdl' fullscreen='no'/>\
             <graphics type='desktop' fullscreen='no' display=':1'/>\
             <graphics type='egl-headless'><gl rendernode='/r'/></graphics>\
             <graphics type='dbus' p2p='no' address='unix:x'><audio id='1'/>\
             <gl rendernode='/r' enable='yes'/></graphics><graphics type='dbus' p2p='yes'/>\
             <audio id='1' type='none'/><video><model type='vga'/></video>",
            "<graphics type='sdl' display=':0' xauth='/x' fullscreen='yes'>\n\
             <gl enable='yes'/>\n\
             </graphics>\n\
             <graphics type='sdl'/>\n\
             <graphics type='desktop' display=':1'/>\n\
             <graphics type='egl-headless'>\n\
             <gl rendernode='/r'/>\n\
             </graphics>\n\
             <graphics type='dbus' address='unix:x'>\n\
             <gl enable='yes' rendernode='/r'/>\n\
             <audio id='1'/>\n\
             </graphics>\n\
             <graphics type='dbus' p2p='yes'/>\n\
             <audio id='1' type='none'/>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// Codecs, audio, alias, address. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn sound_children_order() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<sound model='ich6'>\
             <address type='pci' domain='0' bus='0' slot='5' function='0'/>\
             <alias name='ua-s'/><audio id='1'/><codec type='micro'/><codec type='duplex'/>\
             </sound><sound model='ich9'>\n  </sound><audio id='1' type='none'/>",
            "<sound model='ich6'>\n\
             <codec type='micro'/>\n\
             <codec type='duplex'/>\n\
             <audio id='1'/>\n\
             <alias name='ua-s'/>\n\
             <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>\n\
             </sound>\n\
             <sound model='ich9'/>\n\
             <audio id='1' type='none'/>",
        );
    }

    /// virDomainAudioDefFormat's order, numbers in decimal, an empty input or output not written.
    /// (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn audio_backends() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<audio serverName='s' timerPeriod='40' type='pulseaudio' id='1'><input/>\
             <output latency='5' name='n' streamName='x' fixedSettings='yes' voices='2' bufferLength='100' mixingEngine='yes'>\
             <settings format='s16' channels='2' frequency='44100'/></output></audio>\
             <audio type='alsa' id='2'><output dev='/dev/y'/><input dev='/dev/x'/></audio>\
             <audio type='sdl' id='3' driver='pulseaudio'><input bufferCount='4'/></audio>\
             <audio type='file' id='4' path='/tmp/f'/>\
             <audio type='oss' id='5' dspPolicy='3' exclusive='no' tryMMap='yes'>\
             <input tryPoll='yes' bufferCount='2' dev='/dev/d'/></audio>\
             <audio type='jack' id='7'>\
             <input exactName='yes' connectPorts='x' clientName='c' serverName='j'/></audio>\
             <audio id='8' type='pulseaudio'>\
             <input voices='+1' mixingEngine='no' bufferLength='010'/>\
             <output fixedSettings='no'/></audio>",
            "<audio id='1' type='pulseaudio' timerPeriod='40' serverName='s'>\n\
             <output mixingEngine='yes' fixedSettings='yes' voices='2' bufferLength='100' name='n' streamName='x' latency='5'>\n\
             <settings frequency='44100' channels='2' format='s16'/>\n\
             </output>\n\
             </audio>\n\
             <audio id='2' type='alsa'>\n\
             <input dev='/dev/x'/>\n\
             <output dev='/dev/y'/>\n\
             </audio>\n\
             <audio id='3' type='sdl' driver='pulseaudio'>\n\
             <input bufferCount='4'/>\n\
             </audio>\n\
             <audio id='4' type='file' path='/tmp/f'/>\n\
             <audio id='5' type='oss' tryMMap='yes' exclusive='no' dspPolicy='3'>\n\
             <input dev='/dev/d' bufferCount='2' tryPoll='yes'/>\n\
             </audio>\n\
             <audio id='7' type='jack'>\n\
             <input serverName='j' clientName='c' connectPorts='x' exactName='yes'/>\n\
             </audio>\n\
             <audio id='8' type='pulseaudio'>\n\
             <input mixingEngine='no' voices='1' bufferLength='10'/>\n\
             <output fixedSettings='no'/>\n\
             </audio>",
        );
    }

    /// One mode a channel (the last), `any` not written, channels in their enum order;
    /// defaultMode any not written. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn spice_channels_and_defaults() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='spice' autoport='yes' passwd='p' defaultMode='any'>\
             <channel name='usbredir' mode='secure'/><channel name='record' mode='insecure'/>\
             <channel name='main' mode='insecure'/><channel name='main' mode='secure'/>\
             <channel name='display' mode='any'/><channel name='cursor' mode='secure'/>\
             <mouse mode='server'/><jpeg compression='never'/></graphics><video>\
             <model type='vga'/></video>",
            "<graphics type='spice' autoport='yes' passwd='p'>\n\
             <listen type='address'/>\n\
             <channel name='main' mode='secure'/>\n\
             <channel name='cursor' mode='secure'/>\n\
             <channel name='record' mode='insecure'/>\n\
             <channel name='usbredir' mode='secure'/>\n\
             <jpeg compression='never'/>\n\
             <mouse mode='server'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// passwdValidTo and connected are written only with a password (an empty one counts).
    /// (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn graphics_password_expiry_needs_a_password() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' passwdValidTo='2010-04-09T15:51:00' connected='keep' autoport='yes' passwd=''/>\
             <graphics type='spice' autoport='yes' passwdValidTo='2010-04-09T15:51:00' connected='keep'/>\
             <graphics type='vnc' connected='keep'/><video><model type='vga'/></video>",
            "<graphics type='vnc' port='-1' autoport='yes' passwd='' passwdValidTo='2010-04-09T15:51:00' connected='keep'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A Xen domain's `linux` os type is `xen`: the xen bus. (Expected: libvirt 9.0's output,
    /// checked with the oracle.)
    #[test]
    fn input_bus_on_xen_linux() {
        check(
            ("xen", "linux", "x86_64"),
            "<input type='mouse'/><input type='keyboard'/>",
            "<input type='mouse' bus='xen'/>\n\
             <input type='keyboard' bus='xen'/>",
        );
    }

    /// The expiry written back zero-padded (the year not); a time that does not exist is the
    /// epoch. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn graphics_password_expiry_normalised() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' passwd='a' passwdValidTo='2010-4-9T1:2:3'/>\
             <graphics type='vnc' passwd='a' passwdValidTo=' +999-04-09T15:51: 7'/>\
             <graphics type='vnc' passwd='a' passwdValidTo='2010-02-30T00:00:00'/>\
             <graphics type='spice' autoport='yes' passwd='a' passwdValidTo='2010-04-09T15:51:60'/>\
             <video><model type='vga'/></video>",
            "<graphics type='vnc' port='-1' autoport='yes' passwd='a' passwdValidTo='2010-04-09T01:02:03'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' passwd='a' passwdValidTo='999-04-09T15:51:07'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' passwd='a' passwdValidTo='1970-01-01T00:00:00'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='spice' autoport='yes' passwd='a' passwdValidTo='1970-01-01T00:00:00'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A generated websocket port is written as -1 (the domain is not live); without an address
    /// listen no websocket. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn vnc_generated_websocket() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' websocketGenerated='yes'/>\
             <graphics type='vnc' websocket='5' websocketGenerated='no'/>\
             <graphics type='vnc' websocket='5' websocketGenerated='yes'>\
             <listen type='none'/></graphics><video><model type='vga'/></video>",
            "<graphics type='vnc' port='-1' autoport='yes' websocket='-1'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' websocket='5'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc'>\n\
             <listen type='none'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// The model's attributes are read with XPath: an empty value is no value. (Expected: libvirt
    /// 9.0's output, checked with the oracle.)
    #[test]
    fn video_empty_model_attributes_are_absent() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<video><model type='qxl' heads='' vgamem='' vram64='' ram=''/></video><video>\
             <model type='vga' primary='' vram=''/></video>",
            "<video>\n\
             <model type='qxl' ram='65536' vram='65536' heads='1' primary='yes'/>\n\
             </video>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1'/>\n\
             </video>",
        );
    }

    /// Audio ids are read unsigned and written with %d. (Expected: libvirt 9.0's output, checked
    /// with the oracle.)
    #[test]
    fn audio_ids_wrap_like_a_signed_int() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<sound model='ich6'><audio id='3000000000'/></sound>\
             <audio id='3000000000' type='none'/><audio id='2147483648' type='none'/>\
             <audio id=' +7' type='none'/>",
            "<sound model='ich6'>\n\
             <audio id='-1294967296'/>\n\
             </sound>\n\
             <audio id='-1294967296' type='none'/>\n\
             <audio id='-2147483648' type='none'/>\n\
             <audio id='7' type='none'/>",
        );
    }

    /// egl-headless keeps only gl's render node, and no empty gl. (Expected: libvirt 9.0's
    /// output, checked with the oracle.)
    #[test]
    fn egl_headless_gl_needs_a_render_node() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='egl-headless'><gl enable='yes'/></graphics>\
             <graphics type='egl-headless'><gl/></graphics><graphics type='egl-headless'>\
             <gl enable='no' rendernode='/r'/></graphics><video><model type='vga'/></video>",
            "<graphics type='egl-headless'/>\n\
             <graphics type='egl-headless'/>\n\
             <graphics type='egl-headless'>\n\
             <gl rendernode='/r'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A socket or none listen has no address (nor does its graphics); the input bus none is not
    /// written. (Expected: libvirt 9.0's output, checked with the oracle.)
    #[test]
    fn listen_address_only_for_address_and_network() {
        check(
            ("qemu", "hvm", "x86_64"),
            "<graphics type='vnc' listen='::'><listen type='socket' address='::'/></graphics>\
             <graphics type='vnc'><listen type='none' address='1.1.1.1'/></graphics>\
             <input type='evdev' bus='none'><source dev='/dev/x'/></input><video>\
             <model type='vga'/></video>",
            "<input type='evdev'>\n\
             <source dev='/dev/x'/>\n\
             </input>\n\
             <graphics type='vnc'>\n\
             <listen type='socket'/>\n\
             </graphics>\n\
             <graphics type='vnc'>\n\
             <listen type='none'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }

    /// A domain with an id is formatted live (without `VIR_DOMAIN_DEF_FORMAT_INACTIVE`): an
    /// autoport VNC port and a network listen's address are written. (Expected: libvirt
    /// 9.0's output, checked with the oracle.)
    #[test]
    fn graphics_of_a_live_domain() {
        check(
            ("qemu' id='3", "hvm", "x86_64"),
            "<graphics type='vnc' port='5901' autoport='yes'/>\
             <graphics type='vnc' port='-1' autoport='no'/><graphics type='vnc'>\
             <listen type='network' network='n' address='2.2.2.2'/></graphics>\
             <graphics type='spice' port='5900' autoport='yes'>\
             <listen type='network' network='n' address='2.2.2.2'/></graphics>\
             <video><model type='vga'/></video>",
            "<graphics type='vnc' port='5901' autoport='yes'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='no'>\n\
             <listen type='address'/>\n\
             </graphics>\n\
             <graphics type='vnc' port='-1' autoport='yes' listen='2.2.2.2'>\n\
             <listen type='network' address='2.2.2.2' network='n'/>\n\
             </graphics>\n\
             <graphics type='spice' port='5900' autoport='yes' listen='2.2.2.2'>\n\
             <listen type='network' address='2.2.2.2' network='n'/>\n\
             </graphics>\n\
             <video>\n\
             <model type='vga' vram='16384' heads='1' primary='yes'/>\n\
             </video>",
        );
    }
}
