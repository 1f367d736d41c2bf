//! Typed `<os>`, `<clock>` and `<cpu>`.
//!
//! Each type reads an element only when it understands all of it: an unknown attribute or
//! child, or a value outside what the type holds, leaves the element to the lossless layer
//! ([`Domain::others`](crate::Domain::others)), so nothing is ever lost or reordered wrongly.
//! Formatting follows libvirt's attribute and child order (`virDomainDefFormatOs`,
//! `virDomainClockDefFormat`, `virCPUDefFormatBuf`).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use virtkit_cpumap::CpuSet;

use crate::doc::{Element, Node};
use crate::features::{
    SubFeature, parse_size, parse_switches, switches_occurrences, write_children,
};
use crate::fmt::{escape_libvirt, escape_libvirt_attr, indent};
use crate::resctrl::{
    CacheTune, MemoryTune, cachetune_occurrences, memorytune_occurrences, order_tunes,
    parse_cachetune, parse_memorytune, write_cachetune, write_memorytune,
};
use crate::types::{memory_kib, parse_ull};

/// Writes `<name` at `depth`.
pub(crate) fn open(out: &mut String, depth: usize, name: &str) {
    indent(out, depth);
    out.push('<');
    out.push_str(name);
}

/// Writes ` name='value'` when `value` is set.
pub(crate) fn attr(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        out.push(' ');
        out.push_str(name);
        out.push_str("='");
        escape_libvirt_attr(out, v);
        out.push('\'');
    }
}

/// Writes `>text</name>\n`, or `/>\n` for no text.
pub(crate) fn close_text(out: &mut String, name: &str, text: Option<&str>) {
    match text {
        Some(t) if !t.is_empty() => {
            out.push('>');
            escape_libvirt(out, t);
            out.push_str("</");
            out.push_str(name);
            out.push_str(">\n");
        }
        _ => out.push_str("/>\n"),
    }
}

pub(crate) fn end(out: &mut String, depth: usize, name: &str) {
    indent(out, depth);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

pub(crate) fn text_child(out: &mut String, depth: usize, name: &str, text: Option<&str>) {
    if let Some(t) = text {
        open(out, depth, name);
        close_text(out, name, Some(t));
    }
}

pub(crate) fn yes_no(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

pub(crate) fn yes_no_str(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// `Some(None)` when absent, `Some(Some(b))` for yes/no, `None` for anything else.
// `None` means "not a value this model holds" (the element stays lossless), inner `None`
// "absent".
#[allow(clippy::option_option)]
pub(crate) fn opt_yes_no(e: &Element<'_>, name: &str) -> Option<Option<bool>> {
    match e.attribute(name) {
        None => Some(None),
        Some(v) => yes_no(v).map(Some),
    }
}

pub(crate) fn opt_string(e: &Element<'_>, name: &str) -> Option<String> {
    e.attribute(name).map(str::to_string)
}

/// Whether `e`'s attributes are all in `allowed`.
fn attrs_within(e: &Element<'_>, allowed: &[&str]) -> bool {
    e.attributes.iter().all(|a| allowed.contains(&&*a.name))
}

/// Whether `e` is a leaf (no child element) with attributes in `allowed`.
pub(crate) fn leaf(e: &Element<'_>, allowed: &[&str]) -> bool {
    e.is_text_only() && attrs_within(e, allowed)
}

/// Whether `e` has element children only (white space aside) and attributes in `allowed`.
pub(crate) fn branch(e: &Element<'_>, allowed: &[&str]) -> bool {
    attrs_within(e, allowed) && e.children.iter().all(is_element_or_space)
}

/// Whether `n` is an element or white space (which libvirt ignores between elements, and in
/// an element that has none: `<cpu>\n  </cpu>` is an empty `<cpu/>`).
pub(crate) fn is_element_or_space(n: &Node<'_>) -> bool {
    match n {
        Node::Element(_) => true,
        Node::Text(t) => t.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')),
        Node::CData(_) => false,
    }
}

pub(crate) fn text_of(e: &Element<'_>) -> Option<String> {
    leaf(e, &[]).then(|| e.text().into_owned())
}

/// Occurrences of optional attributes that are set.
pub(crate) fn count(flags: &[bool]) -> usize {
    flags.iter().filter(|x| **x).count()
}

// ---------------------------------------------------------------------------------------------
// <os>

/// `<type arch='x86_64' machine='pc'>hvm</type>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><type arch='x86_64'>hvm</type>\
///     </os></domain>").unwrap();
/// let t = d.os.unwrap().os_type.unwrap();
/// assert_eq!((t.arch.as_deref(), &*t.value), (Some("x86_64"), "hvm"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OsType {
    /// `arch`.
    pub arch: Option<String>,
    /// `machine`.
    pub machine: Option<String>,
    /// `hvm`, `xen`, `linux`, `exe`, `uml`.
    pub value: String,
}

/// `<loader readonly='yes' secure='no' type='pflash' stateless='yes' format='raw'>path</loader>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><loader readonly='yes' \
///     type='pflash'>/c.fd</loader></os></domain>").unwrap();
/// let l = d.os.unwrap().loader.unwrap();
/// assert_eq!((l.readonly, l.path.as_deref()), (Some(true), Some("/c.fd")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loader {
    /// `readonly`.
    pub readonly: Option<bool>,
    /// `secure`.
    pub secure: Option<bool>,
    /// `type` (`rom`, `pflash`).
    pub kind: Option<String>,
    /// `stateless`.
    pub stateless: Option<bool>,
    /// `format` (`raw`, `qcow2`).
    pub format: Option<String>,
    /// The firmware path.
    pub path: Option<String>,
}

/// `<nvram template='...' templateFormat='raw' type='file' format='raw'>path</nvram>`, or with
/// a `<source>` instead of the path.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><nvram template='/t'>/v</nvram>\
///     </os></domain>").unwrap();
/// assert_eq!(d.os.unwrap().nvram.unwrap().template.as_deref(), Some("/t"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nvram {
    /// `template`.
    pub template: Option<String>,
    /// `templateFormat`.
    pub template_format: Option<String>,
    /// `type`.
    pub kind: Option<String>,
    /// `format`.
    pub format: Option<String>,
    /// The variable store path.
    pub path: Option<String>,
    /// `<source>`: a file or network variable store.
    pub source: Option<NvramSource>,
}

/// A `<host name port/>` of a network source.
///
/// ```
/// let h = virtkit_domxml::SourceHost { name: "example.com".into(), port: Some("6000".into()) };
/// assert_eq!(h.port.as_deref(), Some("6000"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceHost {
    /// `name`.
    pub name: String,
    /// `port`.
    pub port: Option<String>,
}

/// `<auth username><secret type usage|uuid/></auth>` of a network source.
///
/// ```
/// let a = virtkit_domxml::SourceAuth { username: "me".into(), secret_type: "iscsi".into(),
///     usage: Some("x".into()), uuid: None };
/// assert_eq!(a.secret_type, "iscsi");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceAuth {
    /// `username`.
    pub username: String,
    /// `<secret type>`.
    pub secret_type: String,
    /// `<secret usage>`.
    pub usage: Option<String>,
    /// `<secret uuid>`.
    pub uuid: Option<String>,
}

/// The `<source>` of an `<nvram>`: `<source file='...'/>` or
/// `<source protocol name><host/><auth/></source>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><nvram type='network'>\
///     <source protocol='nbd' name='vars'><host name='h' port='6000'/></source></nvram></os>\
///     </domain>").unwrap();
/// let src = d.os.unwrap().nvram.unwrap().source.unwrap();
/// assert_eq!((src.protocol.as_deref(), src.hosts[0].name.as_str()), (Some("nbd"), "h"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NvramSource {
    /// `file`.
    pub file: Option<String>,
    /// `protocol`.
    pub protocol: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `<host>`s.
    pub hosts: Vec<SourceHost>,
    /// `<auth>`.
    pub auth: Option<SourceAuth>,
}

impl NvramSource {
    fn parse(nvram: &Element<'_>) -> Option<NvramSource> {
        let mut it = nvram.elements();
        let e = it.next()?;
        if it.next().is_some() || e.name != "source" {
            return None;
        }
        let mut src = NvramSource::default();
        match nvram.attribute("type") {
            Some("file") => {
                if !leaf(e, &["file"]) || !e.children.is_empty() {
                    return None;
                }
                src.file = Some(e.attribute("file")?.to_string());
                return Some(src);
            }
            Some("network") => {}
            _ => return None,
        }
        if !branch(e, &["protocol", "name"]) {
            return None;
        }
        src.protocol = Some(e.attribute("protocol")?.to_string());
        src.name = opt_string(e, "name");
        for c in e.elements() {
            match &*c.name {
                "host" if leaf(c, &["name", "port"]) && c.children.is_empty() => {
                    src.hosts.push(SourceHost {
                        name: c.attribute("name")?.to_string(),
                        port: opt_string(c, "port"),
                    });
                }
                "auth" if branch(c, &["username"]) && src.auth.is_none() => {
                    let mut secrets = c.elements();
                    let secret = secrets.next()?;
                    let ok = secrets.next().is_none()
                        && secret.name == "secret"
                        && leaf(secret, &["type", "usage", "uuid"])
                        && secret.children.is_empty()
                        && (secret.attribute("usage").is_some()
                            != secret.attribute("uuid").is_some());
                    if !ok {
                        return None;
                    }
                    src.auth = Some(SourceAuth {
                        username: c.attribute("username")?.to_string(),
                        secret_type: secret.attribute("type")?.to_string(),
                        usage: opt_string(secret, "usage"),
                        uuid: opt_string(secret, "uuid"),
                    });
                }
                _ => return None,
            }
        }
        Some(src)
    }

    fn occurrences(&self) -> usize {
        1 + count(&[self.file.is_some(), self.protocol.is_some(), self.name.is_some()])
            + self.hosts.iter().map(|h| 2 + usize::from(h.port.is_some())).sum::<usize>()
            + self.auth.as_ref().map_or(0, |_| 5)
    }

    fn write(&self, out: &mut String) {
        open(out, 3, "source");
        attr(out, "file", self.file.as_deref());
        attr(out, "protocol", self.protocol.as_deref());
        attr(out, "name", self.name.as_deref());
        if self.hosts.is_empty() && self.auth.is_none() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        for h in &self.hosts {
            open(out, 4, "host");
            attr(out, "name", Some(&h.name));
            attr(out, "port", h.port.as_deref());
            out.push_str("/>\n");
        }
        if let Some(a) = &self.auth {
            open(out, 4, "auth");
            attr(out, "username", Some(&a.username));
            out.push_str(">\n");
            open(out, 5, "secret");
            attr(out, "type", Some(&a.secret_type));
            attr(out, "usage", a.usage.as_deref());
            attr(out, "uuid", a.uuid.as_deref());
            out.push_str("/>\n");
            end(out, 4, "auth");
        }
        end(out, 3, "source");
    }
}

/// `<bootmenu enable='yes' timeout='3000'/>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><bootmenu enable='yes'/>\
///     </os></domain>").unwrap();
/// assert_eq!(d.os.unwrap().bootmenu.unwrap().enable, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BootMenu {
    /// `enable`.
    pub enable: Option<bool>,
    /// `timeout` in milliseconds.
    pub timeout: Option<u32>,
}

/// `<bios useserial='yes' rebootTimeout='0'/>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><os><bios rebootTimeout='-1'/>\
///     </os></domain>").unwrap();
/// assert_eq!(d.os.unwrap().bios.unwrap().reboot_timeout, Some(-1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bios {
    /// `useserial`.
    pub useserial: Option<bool>,
    /// `rebootTimeout` in milliseconds (-1 disables).
    pub reboot_timeout: Option<i32>,
}

/// `<os>`: how the guest boots.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    \
///     <firmware>\n      <feature enabled='no' name='secure-boot'/>\n    </firmware>\n    \
///     <boot dev='hd'/>\n    <boot dev='cdrom'/>\n  </os>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// let os = d.os.as_ref().unwrap();
/// assert_eq!(os.boot, ["hd", "cdrom"]);
/// assert_eq!(os.firmware_features.as_ref().unwrap()[0], (false, "secure-boot".to_owned()));
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Os {
    /// `firmware` (`efi`, `bios`): firmware autoselection.
    pub firmware: Option<String>,
    /// `<type>`.
    pub os_type: Option<OsType>,
    /// `<firmware><feature enabled name/></firmware>`: (enabled, name) pairs.
    pub firmware_features: Option<Vec<(bool, String)>>,
    /// `<init>` (containers).
    pub init: Option<String>,
    /// `<initarg>`s.
    pub init_args: Vec<String>,
    /// `<initenv name=...>value</initenv>`s.
    pub init_env: Vec<(String, String)>,
    /// `<initdir>`.
    pub init_dir: Option<String>,
    /// `<inituser>`.
    pub init_user: Option<String>,
    /// `<initgroup>`.
    pub init_group: Option<String>,
    /// `<loader>`.
    pub loader: Option<Loader>,
    /// `<nvram>`.
    pub nvram: Option<Nvram>,
    /// `<kernel>`.
    pub kernel: Option<String>,
    /// `<initrd>`.
    pub initrd: Option<String>,
    /// `<cmdline>`.
    pub cmdline: Option<String>,
    /// `<dtb>`.
    pub dtb: Option<String>,
    /// `<root>`.
    pub root: Option<String>,
    /// `<shim>`.
    pub shim: Option<String>,
    /// `<acpi><table type=...>path</table></acpi>`: (type, path) pairs.
    pub acpi_tables: Option<Vec<(String, String)>>,
    /// `<boot dev=...>` in order.
    pub boot: Vec<String>,
    /// `<bootmenu>`.
    pub bootmenu: Option<BootMenu>,
    /// `<smbios mode=...>`.
    pub smbios: Option<String>,
    /// `<bios>`.
    pub bios: Option<Bios>,
}

/// libvirt's child order in `<os>`.
const OS_ORDER: [&str; 21] = [
    "type",
    "firmware",
    "init",
    "initarg",
    "initenv",
    "initdir",
    "inituser",
    "initgroup",
    "loader",
    "nvram",
    "kernel",
    "initrd",
    "cmdline",
    "dtb",
    "root",
    "shim",
    "acpi",
    "boot",
    "bootmenu",
    "smbios",
    "bios",
];

pub(crate) fn set_once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

impl Os {
    // One arm per child of <os>, in libvirt's order: clearer as one match than split up.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn parse(e: &Element<'_>) -> Option<Os> {
        if !branch(e, &["firmware"]) {
            return None;
        }
        let mut os = Os { firmware: opt_string(e, "firmware"), ..Os::default() };
        for c in e.elements() {
            if !OS_ORDER.contains(&&*c.name) {
                return None;
            }
            match &*c.name {
                "type" => {
                    let t = leaf(c, &["arch", "machine"]).then(|| OsType {
                        arch: opt_string(c, "arch"),
                        machine: opt_string(c, "machine"),
                        value: c.text().into_owned(),
                    });
                    set_once(&mut os.os_type, t)?;
                }
                "firmware" => {
                    if !branch(c, &[]) {
                        return None;
                    }
                    let mut list = Vec::new();
                    for f in c.elements() {
                        if f.name != "feature" || !leaf(f, &["enabled", "name"]) {
                            return None;
                        }
                        list.push((
                            yes_no(f.attribute("enabled")?)?,
                            f.attribute("name")?.to_string(),
                        ));
                    }
                    set_once(&mut os.firmware_features, Some(list))?;
                }
                "init" => set_once(&mut os.init, text_of(c))?,
                "initarg" => os.init_args.push(text_of(c)?),
                "initenv" => {
                    if !leaf(c, &["name"]) {
                        return None;
                    }
                    os.init_env.push((c.attribute("name")?.to_string(), c.text().into_owned()));
                }
                "initdir" => set_once(&mut os.init_dir, text_of(c))?,
                "inituser" => set_once(&mut os.init_user, text_of(c))?,
                "initgroup" => set_once(&mut os.init_group, text_of(c))?,
                "loader" => {
                    if !leaf(c, &["readonly", "secure", "type", "stateless", "format"]) {
                        return None;
                    }
                    let text = c.text();
                    let loader = Loader {
                        readonly: opt_yes_no(c, "readonly")?,
                        secure: opt_yes_no(c, "secure")?,
                        kind: opt_string(c, "type"),
                        stateless: opt_yes_no(c, "stateless")?,
                        format: opt_string(c, "format"),
                        path: (!text.is_empty()).then(|| text.into_owned()),
                    };
                    set_once(&mut os.loader, Some(loader))?;
                }
                "nvram" => {
                    let allowed = ["template", "templateFormat", "type", "format"];
                    let source = if leaf(c, &allowed) {
                        None
                    } else if branch(c, &allowed) {
                        Some(NvramSource::parse(c)?)
                    } else {
                        return None;
                    };
                    let text = c.text();
                    let nvram = Nvram {
                        template: opt_string(c, "template"),
                        template_format: opt_string(c, "templateFormat"),
                        kind: opt_string(c, "type"),
                        format: opt_string(c, "format"),
                        path: (source.is_none() && !text.is_empty()).then(|| text.into_owned()),
                        source,
                    };
                    set_once(&mut os.nvram, Some(nvram))?;
                }
                "kernel" => set_once(&mut os.kernel, text_of(c))?,
                "initrd" => set_once(&mut os.initrd, text_of(c))?,
                "cmdline" => set_once(&mut os.cmdline, text_of(c))?,
                "dtb" => set_once(&mut os.dtb, text_of(c))?,
                "root" => set_once(&mut os.root, text_of(c))?,
                "shim" => set_once(&mut os.shim, text_of(c))?,
                "acpi" => {
                    if !branch(c, &[]) {
                        return None;
                    }
                    let mut list = Vec::new();
                    for t in c.elements() {
                        if t.name != "table" || !leaf(t, &["type"]) {
                            return None;
                        }
                        list.push((t.attribute("type")?.to_string(), t.text().into_owned()));
                    }
                    set_once(&mut os.acpi_tables, Some(list))?;
                }
                "boot" => {
                    if !leaf(c, &["dev"]) || !c.children.is_empty() {
                        return None;
                    }
                    os.boot.push(c.attribute("dev")?.to_string());
                }
                "bootmenu" => {
                    if !leaf(c, &["enable", "timeout"]) || !c.children.is_empty() {
                        return None;
                    }
                    let timeout = match c.attribute("timeout") {
                        None => None,
                        Some(v) => Some(u32::try_from(parse_ull(v)?).ok()?),
                    };
                    let menu = BootMenu { enable: opt_yes_no(c, "enable")?, timeout };
                    set_once(&mut os.bootmenu, Some(menu))?;
                }
                "smbios" => {
                    if !leaf(c, &["mode"]) || !c.children.is_empty() {
                        return None;
                    }
                    set_once(&mut os.smbios, opt_string(c, "mode"))?;
                }
                _ => {
                    // "bios"
                    if !leaf(c, &["useserial", "rebootTimeout"]) || !c.children.is_empty() {
                        return None;
                    }
                    let reboot_timeout = match c.attribute("rebootTimeout") {
                        None => None,
                        Some(v) => Some(v.parse::<i32>().ok()?),
                    };
                    let bios = Bios { useserial: opt_yes_no(c, "useserial")?, reboot_timeout };
                    set_once(&mut os.bios, Some(bios))?;
                }
            }
        }
        // libvirt accepts the children in any order and writes them in its own, as here.
        Some(os)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let mut n = 1 + usize::from(self.firmware.is_some());
        if let Some(t) = &self.os_type {
            n += 1 + count(&[t.arch.is_some(), t.machine.is_some()]);
        }
        if let Some(f) = &self.firmware_features {
            n += 1 + 3 * f.len();
        }
        let texts = [
            &self.init,
            &self.init_dir,
            &self.init_user,
            &self.init_group,
            &self.kernel,
            &self.initrd,
            &self.cmdline,
            &self.dtb,
            &self.root,
            &self.shim,
        ];
        n += texts.iter().filter(|t| t.is_some()).count();
        n += self.init_args.len() + 2 * self.init_env.len();
        if let Some(l) = &self.loader {
            n += 1 + count(&[
                l.readonly.is_some(),
                l.secure.is_some(),
                l.kind.is_some(),
                l.stateless.is_some(),
                l.format.is_some(),
            ]);
        }
        if let Some(v) = &self.nvram {
            n += 1 + count(&[
                v.template.is_some(),
                v.template_format.is_some(),
                v.kind.is_some(),
                v.format.is_some(),
            ]);
            n += v.source.as_ref().map_or(0, NvramSource::occurrences);
        }
        if let Some(a) = &self.acpi_tables {
            n += 1 + 2 * a.len();
        }
        n += 2 * self.boot.len();
        if let Some(m) = &self.bootmenu {
            n += 1 + count(&[m.enable.is_some(), m.timeout.is_some()]);
        }
        n += 2 * usize::from(self.smbios.is_some());
        if let Some(b) = &self.bios {
            n += 1 + count(&[b.useserial.is_some(), b.reboot_timeout.is_some()]);
        }
        n
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "os");
        attr(out, "firmware", self.firmware.as_deref());
        out.push_str(">\n");
        let mark = out.len();
        self.write_children(out);
        close_block(out, mark, 1, "os");
    }

    fn write_children(&self, out: &mut String) {
        if let Some(t) = &self.os_type {
            open(out, 2, "type");
            attr(out, "arch", t.arch.as_deref());
            attr(out, "machine", t.machine.as_deref());
            close_text(out, "type", Some(&t.value));
        }
        if let Some(list) = &self.firmware_features {
            write_list(out, "firmware", list.is_empty(), |out| {
                for (enabled, name) in list {
                    open(out, 3, "feature");
                    attr(out, "enabled", Some(yes_no_str(*enabled)));
                    attr(out, "name", Some(name));
                    out.push_str("/>\n");
                }
            });
        }
        text_child(out, 2, "init", self.init.as_deref());
        for a in &self.init_args {
            text_child(out, 2, "initarg", Some(a));
        }
        for (name, value) in &self.init_env {
            open(out, 2, "initenv");
            attr(out, "name", Some(name));
            close_text(out, "initenv", Some(value));
        }
        text_child(out, 2, "initdir", self.init_dir.as_deref());
        text_child(out, 2, "inituser", self.init_user.as_deref());
        text_child(out, 2, "initgroup", self.init_group.as_deref());
        if let Some(l) = &self.loader {
            open(out, 2, "loader");
            attr(out, "readonly", l.readonly.map(yes_no_str));
            attr(out, "secure", l.secure.map(yes_no_str));
            attr(out, "type", l.kind.as_deref());
            attr(out, "stateless", l.stateless.map(yes_no_str));
            attr(out, "format", l.format.as_deref());
            close_text(out, "loader", l.path.as_deref());
        }
        if let Some(v) = &self.nvram {
            open(out, 2, "nvram");
            attr(out, "template", v.template.as_deref());
            attr(out, "templateFormat", v.template_format.as_deref());
            attr(out, "type", v.kind.as_deref());
            attr(out, "format", v.format.as_deref());
            match &v.source {
                Some(src) => {
                    out.push_str(">\n");
                    src.write(out);
                    end(out, 2, "nvram");
                }
                None => close_text(out, "nvram", v.path.as_deref()),
            }
        }
        text_child(out, 2, "kernel", self.kernel.as_deref());
        text_child(out, 2, "initrd", self.initrd.as_deref());
        text_child(out, 2, "cmdline", self.cmdline.as_deref());
        text_child(out, 2, "dtb", self.dtb.as_deref());
        text_child(out, 2, "root", self.root.as_deref());
        text_child(out, 2, "shim", self.shim.as_deref());
        if let Some(list) = &self.acpi_tables {
            write_list(out, "acpi", list.is_empty(), |out| {
                for (kind, path) in list {
                    open(out, 3, "table");
                    attr(out, "type", Some(kind));
                    close_text(out, "table", Some(path));
                }
            });
        }
        for dev in &self.boot {
            open(out, 2, "boot");
            attr(out, "dev", Some(dev));
            out.push_str("/>\n");
        }
        if let Some(m) = &self.bootmenu {
            open(out, 2, "bootmenu");
            attr(out, "enable", m.enable.map(yes_no_str));
            attr(out, "timeout", m.timeout.map(|t| t.to_string()).as_deref());
            out.push_str("/>\n");
        }
        if let Some(mode) = &self.smbios {
            open(out, 2, "smbios");
            attr(out, "mode", Some(mode));
            out.push_str("/>\n");
        }
        if let Some(b) = &self.bios {
            open(out, 2, "bios");
            attr(out, "useserial", b.useserial.map(yes_no_str));
            attr(out, "rebootTimeout", b.reboot_timeout.map(|t| t.to_string()).as_deref());
            out.push_str("/>\n");
        }
    }
}

/// Writes `<name>` at depth 2 with children from `body`, or `<name/>` when `empty`.
fn write_list(out: &mut String, name: &str, empty: bool, body: impl FnOnce(&mut String)) {
    open(out, 2, name);
    if empty {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    body(out);
    end(out, 2, name);
}

// ---------------------------------------------------------------------------------------------
// <clock>

/// `<catchup threshold slew limit/>` inside a `<timer>`.
///
/// ```
/// let c = virtkit_domxml::Catchup { threshold: Some(123), slew: None, limit: None };
/// assert_eq!(c.threshold, Some(123));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Catchup {
    /// `threshold`.
    pub threshold: Option<u64>,
    /// `slew`.
    pub slew: Option<u64>,
    /// `limit`.
    pub limit: Option<u64>,
}

/// `<timer name='rtc' present='yes' tickpolicy='catchup' track='guest' frequency mode>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><clock offset='utc'>\
///     <timer name='rtc' tickpolicy='catchup'/></clock></domain>").unwrap();
/// let t = &d.clock.unwrap().timers[0];
/// assert_eq!((&*t.name, t.tickpolicy.as_deref()), ("rtc", Some("catchup")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timer {
    /// `name` (`platform`, `pit`, `rtc`, `hpet`, `tsc`, `kvmclock`, `hypervclock`, `armvtimer`).
    pub name: String,
    /// `present`.
    pub present: Option<bool>,
    /// `tickpolicy`.
    pub tickpolicy: Option<String>,
    /// `track`.
    pub track: Option<String>,
    /// `frequency` in Hz (tsc).
    pub frequency: Option<u64>,
    /// `mode` (tsc).
    pub mode: Option<String>,
    /// `<catchup>`.
    pub catchup: Option<Catchup>,
}

/// `<clock offset='utc' adjustment basis start timezone>` with its timers.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <clock offset='variable' adjustment='30' basis='utc'/>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// assert_eq!(d.clock.as_ref().unwrap().adjustment.as_deref(), Some("30"));
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clock {
    /// `offset`: `utc`, `localtime`, `timezone`, `variable`, `absolute`.
    pub offset: Option<String>,
    /// `adjustment`: seconds or `reset`.
    pub adjustment: Option<String>,
    /// `basis`: `utc` or `localtime`.
    pub basis: Option<String>,
    /// `start`: epoch seconds (offset `absolute`).
    pub start: Option<u64>,
    /// `timezone` (offset `timezone`).
    pub timezone: Option<String>,
    /// `<timer>`s.
    pub timers: Vec<Timer>,
}

// `None` means "not a value this model holds" (the element stays lossless), inner `None`
// "absent".
#[allow(clippy::option_option)]
pub(crate) fn opt_u64(e: &Element<'_>, name: &str) -> Option<Option<u64>> {
    match e.attribute(name) {
        None => Some(None),
        Some(v) => parse_ull(v).map(Some),
    }
}

impl Clock {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Clock> {
        if !branch(e, &["offset", "adjustment", "basis", "start", "timezone"]) {
            return None;
        }
        let mut clock = Clock {
            offset: opt_string(e, "offset"),
            adjustment: opt_string(e, "adjustment"),
            basis: opt_string(e, "basis"),
            start: opt_u64(e, "start")?,
            timezone: opt_string(e, "timezone"),
            timers: Vec::new(),
        };
        for t in e.elements() {
            let allowed = ["name", "present", "tickpolicy", "track", "frequency", "mode"];
            if t.name != "timer" || !branch(t, &allowed) {
                return None;
            }
            let mut timer = Timer {
                name: t.attribute("name")?.to_string(),
                present: opt_yes_no(t, "present")?,
                tickpolicy: opt_string(t, "tickpolicy"),
                track: opt_string(t, "track"),
                frequency: opt_u64(t, "frequency")?,
                mode: opt_string(t, "mode"),
                catchup: None,
            };
            for c in t.elements() {
                if c.name != "catchup"
                    || !leaf(c, &["threshold", "slew", "limit"])
                    || timer.catchup.is_some()
                {
                    return None;
                }
                timer.catchup = Some(Catchup {
                    threshold: opt_u64(c, "threshold")?,
                    slew: opt_u64(c, "slew")?,
                    limit: opt_u64(c, "limit")?,
                });
            }
            clock.timers.push(timer);
        }
        Some(clock)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let mut n = 1 + count(&[
            self.offset.is_some(),
            self.adjustment.is_some(),
            self.basis.is_some(),
            self.start.is_some(),
            self.timezone.is_some(),
        ]);
        for t in &self.timers {
            n += 2 + count(&[
                t.present.is_some(),
                t.tickpolicy.is_some(),
                t.track.is_some(),
                t.frequency.is_some(),
                t.mode.is_some(),
            ]);
            if let Some(c) = &t.catchup {
                n += 1 + count(&[c.threshold.is_some(), c.slew.is_some(), c.limit.is_some()]);
            }
        }
        n
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "clock");
        attr(out, "offset", self.offset.as_deref());
        attr(out, "adjustment", self.adjustment.as_deref());
        attr(out, "basis", self.basis.as_deref());
        attr(out, "start", self.start.map(|s| s.to_string()).as_deref());
        attr(out, "timezone", self.timezone.as_deref());
        if self.timers.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        for t in &self.timers {
            open(out, 2, "timer");
            attr(out, "name", Some(&t.name));
            attr(out, "present", t.present.map(yes_no_str));
            attr(out, "tickpolicy", t.tickpolicy.as_deref());
            attr(out, "track", t.track.as_deref());
            attr(out, "frequency", t.frequency.map(|f| f.to_string()).as_deref());
            attr(out, "mode", t.mode.as_deref());
            match &t.catchup {
                None => out.push_str("/>\n"),
                Some(c) => {
                    out.push_str(">\n");
                    open(out, 3, "catchup");
                    attr(out, "threshold", c.threshold.map(|v| v.to_string()).as_deref());
                    attr(out, "slew", c.slew.map(|v| v.to_string()).as_deref());
                    attr(out, "limit", c.limit.map(|v| v.to_string()).as_deref());
                    out.push_str("/>\n");
                    end(out, 2, "timer");
                }
            }
        }
        end(out, 1, "clock");
    }
}

// ---------------------------------------------------------------------------------------------
// <cpu>

/// `<model fallback='forbid' vendor_id='...'>name</model>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><cpu mode='custom' match='exact'>\
///     <model fallback='allow'>qemu64</model></cpu></domain>").unwrap();
/// let m = d.cpu.unwrap().model.unwrap();
/// assert_eq!((m.fallback.as_deref(), m.name.as_deref()), (Some("allow"), Some("qemu64")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CpuModel {
    /// `fallback`: `allow` or `forbid`.
    pub fallback: Option<String>,
    /// `vendor_id`.
    pub vendor_id: Option<String>,
    /// The model name.
    pub name: Option<String>,
}

/// `<topology sockets dies clusters cores threads/>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><cpu><topology sockets='1' \
///     cores='2' threads='1'/></cpu></domain>").unwrap();
/// assert_eq!(d.cpu.unwrap().topology.unwrap().cores, Some(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Topology {
    /// `sockets`.
    pub sockets: Option<u32>,
    /// `dies`.
    pub dies: Option<u32>,
    /// `clusters`.
    pub clusters: Option<u32>,
    /// `cores`.
    pub cores: Option<u32>,
    /// `threads`.
    pub threads: Option<u32>,
}

/// `<cell id cpus memory unit memAccess discard/>` of the guest NUMA topology (cells with
/// distances or caches stay lossless for now).
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><cpu><numa><cell id='0' \
///     cpus='0-2,^1' memory='1' unit='GiB'/></numa></cpu></domain>").unwrap();
/// let cell = &d.cpu.unwrap().numa.unwrap()[0];
/// assert_eq!(cell.cpus.as_ref().unwrap().to_string(), "0,2");
/// assert_eq!(cell.memory_kib, 1_048_576);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NumaCell {
    /// `id`.
    pub id: Option<u32>,
    /// `cpus`.
    pub cpus: Option<CpuSet>,
    /// `memory`, in KiB.
    pub memory_kib: u64,
    /// `memAccess`: `shared` or `private`.
    pub mem_access: Option<String>,
    /// `discard`.
    pub discard: Option<bool>,
    /// `<distances>`: (sibling cell id, distance) pairs, as libvirt completes them (a distance
    /// given for one direction only is applied to the other as well), in cell id order.
    pub distances: Option<Vec<(u32, u32)>>,
    /// `<cache>`s of the cell's memory side.
    pub caches: Vec<NumaCache>,
}

/// `<cache level associativity policy><size value unit/><line value unit/></cache>` of a
/// NUMA cell (the memory side cache).
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><cpu><numa><cell cpus='0' \
///     memory='1024'><cache level='1' associativity='direct' policy='writeback'><size value='10'/>\
///     <line value='8' unit='B'/></cache></cell></numa></cpu></domain>").unwrap();
/// let cache = &d.cpu.unwrap().numa.unwrap()[0].caches[0];
/// assert_eq!((cache.level, cache.size_kib, cache.line_bytes), (1, 10, Some(8)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NumaCache {
    /// `level`.
    pub level: u32,
    /// `associativity`: `none`, `direct`, `full`.
    pub associativity: String,
    /// `policy`: `none`, `writeback`, `writethrough`.
    pub policy: String,
    /// `<size value>`, in KiB.
    pub size_kib: u64,
    /// `<line value>`, in bytes.
    pub line_bytes: Option<u32>,
}

/// One `<interconnects>` entry of the guest NUMA topology: `<latency>` or `<bandwidth>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><cpu><numa><cell cpus='0' \
///     memory='1024'/><interconnects><bandwidth initiator='0' target='0' type='access' \
///     value='1' unit='MiB'/></interconnects></numa></cpu></domain>").unwrap();
/// let i = &d.cpu.unwrap().numa_interconnects.unwrap()[0];
/// assert_eq!((i.bandwidth, i.value), (true, 1024));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interconnect {
    /// `true` for `<bandwidth>` (value in KiB/s), `false` for `<latency>` (value in ns).
    pub bandwidth: bool,
    /// `initiator`: the initiating cell.
    pub initiator: u32,
    /// `target`: the target cell.
    pub target: u32,
    /// `cache`: the level of the target's cache, when not its memory.
    pub cache: Option<u32>,
    /// `type`: `access`, `read`, `write`.
    pub kind: String,
    /// `value`.
    pub value: u64,
}

/// `<cpu mode match check migratable>`: the guest CPU.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <cpu mode='custom' match='exact' check='none'>\n    \
///     <model fallback='forbid'>qemu64</model>\n    <feature policy='require' name='x2apic'/>\n  \
///     </cpu>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// assert_eq!(d.cpu.as_ref().unwrap().features, [("require".to_owned(), "x2apic".to_owned())]);
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cpu {
    /// `mode`: `custom`, `host-model`, `host-passthrough`, `maximum`.
    pub mode: Option<String>,
    /// `match`: `minimum`, `exact`, `strict`.
    pub match_: Option<String>,
    /// `check`: `none`, `partial`, `full`.
    pub check: Option<String>,
    /// `migratable`.
    pub migratable: Option<bool>,
    /// `deprecated_features`: `on` or `off`.
    pub deprecated_features: Option<String>,
    /// `<model>`.
    pub model: Option<CpuModel>,
    /// `<vendor>`.
    pub vendor: Option<String>,
    /// `<topology>`.
    pub topology: Option<Topology>,
    /// `<cache level mode/>`: (level, mode).
    pub cache: Option<(Option<u32>, String)>,
    /// `<maxphysaddr mode bits limit/>`: (mode, bits, limit).
    pub maxphysaddr: Option<(String, Option<u32>, Option<u32>)>,
    /// `<feature policy name/>`s: (policy, name).
    pub features: Vec<(String, String)>,
    /// `<numa>` cells.
    pub numa: Option<Vec<NumaCell>>,
    /// `<numa><interconnects>`: latencies and bandwidths between cells.
    pub numa_interconnects: Option<Vec<Interconnect>>,
}

// `None` means "not a value this model holds" (the element stays lossless), inner `None`
// "absent".
#[allow(clippy::option_option)]
pub(crate) fn opt_u32(e: &Element<'_>, name: &str) -> Option<Option<u32>> {
    match e.attribute(name) {
        None => Some(None),
        Some(v) => u32::try_from(parse_ull(v)?).ok().map(Some),
    }
}

fn cpu_order(name: &str) -> Option<usize> {
    ["model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa"]
        .iter()
        .position(|n| *n == name)
}

impl Cpu {
    // One arm per child of <cpu>: clearer as one match than split up.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn parse(e: &Element<'_>) -> Option<Cpu> {
        let allowed = ["mode", "match", "check", "migratable", "deprecated_features"];
        if !branch(e, &allowed) {
            return None;
        }
        let mut cpu = Cpu {
            mode: opt_string(e, "mode"),
            match_: opt_string(e, "match"),
            check: opt_string(e, "check"),
            migratable: match e.attribute("migratable") {
                None => None,
                Some(v) => Some(crate::types::on_off(v)?),
            },
            deprecated_features: opt_string(e, "deprecated_features"),
            ..Cpu::default()
        };
        for c in e.elements() {
            // libvirt accepts the children in any order and writes them in its own.
            cpu_order(&c.name)?;
            match &*c.name {
                "model" => {
                    if !leaf(c, &["fallback", "vendor_id"]) {
                        return None;
                    }
                    let text = c.text();
                    let model = CpuModel {
                        fallback: opt_string(c, "fallback"),
                        vendor_id: opt_string(c, "vendor_id"),
                        name: (!text.is_empty()).then(|| text.into_owned()),
                    };
                    set_once(&mut cpu.model, Some(model))?;
                }
                "vendor" => set_once(&mut cpu.vendor, text_of(c))?,
                "topology" => {
                    if !leaf(c, &["sockets", "dies", "clusters", "cores", "threads"])
                        || !c.children.is_empty()
                    {
                        return None;
                    }
                    let t = Topology {
                        sockets: opt_u32(c, "sockets")?,
                        dies: opt_u32(c, "dies")?,
                        clusters: opt_u32(c, "clusters")?,
                        cores: opt_u32(c, "cores")?,
                        threads: opt_u32(c, "threads")?,
                    };
                    set_once(&mut cpu.topology, Some(t))?;
                }
                "cache" => {
                    if !leaf(c, &["level", "mode"]) || !c.children.is_empty() {
                        return None;
                    }
                    let cache = (opt_u32(c, "level")?, c.attribute("mode")?.to_string());
                    set_once(&mut cpu.cache, Some(cache))?;
                }
                "maxphysaddr" => {
                    if !leaf(c, &["mode", "bits", "limit"]) || !c.children.is_empty() {
                        return None;
                    }
                    let m = (
                        c.attribute("mode")?.to_string(),
                        opt_u32(c, "bits")?,
                        opt_u32(c, "limit")?,
                    );
                    set_once(&mut cpu.maxphysaddr, Some(m))?;
                }
                "feature" => {
                    if !leaf(c, &["policy", "name"]) || !c.children.is_empty() {
                        return None;
                    }
                    // Without a policy (libvirt then writes `require` in custom mode) the
                    // element stays lossless.
                    let policy = c.attribute("policy")?;
                    cpu.features.push((policy.to_string(), c.attribute("name")?.to_string()));
                }
                _ => {
                    // "numa"
                    let (cells, interconnects) = parse_numa(c)?;
                    set_once(&mut cpu.numa, Some(cells))?;
                    cpu.numa_interconnects = interconnects;
                }
            }
        }
        Some(cpu)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let mut n = 1 + count(&[
            self.mode.is_some(),
            self.match_.is_some(),
            self.check.is_some(),
            self.migratable.is_some(),
            self.deprecated_features.is_some(),
        ]);
        if let Some(m) = &self.model {
            n += 1 + count(&[m.fallback.is_some(), m.vendor_id.is_some()]);
        }
        n += usize::from(self.vendor.is_some());
        if let Some(t) = &self.topology {
            n += 1 + count(&[
                t.sockets.is_some(),
                t.dies.is_some(),
                t.clusters.is_some(),
                t.cores.is_some(),
                t.threads.is_some(),
            ]);
        }
        if let Some((level, _)) = &self.cache {
            n += 2 + usize::from(level.is_some());
        }
        if let Some((_, bits, limit)) = &self.maxphysaddr {
            n += 2 + count(&[bits.is_some(), limit.is_some()]);
        }
        n += 3 * self.features.len();
        if let Some(cells) = &self.numa {
            n += 1;
            for c in cells {
                n += 3 + count(&[
                    c.id.is_some(),
                    c.cpus.is_some(),
                    c.mem_access.is_some(),
                    c.discard.is_some(),
                ]);
                n += c.distances.as_ref().map_or(0, |d| 1 + 3 * d.len());
                n += c
                    .caches
                    .iter()
                    .map(|k| 7 + 3 * usize::from(k.line_bytes.is_some()))
                    .sum::<usize>();
            }
        }
        if let Some(list) = &self.numa_interconnects {
            n += 1 + list
                .iter()
                .map(|i| 5 + usize::from(i.cache.is_some()) + usize::from(i.bandwidth))
                .sum::<usize>();
        }
        n
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "cpu");
        attr(out, "mode", self.mode.as_deref());
        attr(out, "match", self.match_.as_deref());
        attr(out, "check", self.check.as_deref());
        attr(out, "migratable", self.migratable.map(crate::types::on_off_str));
        attr(out, "deprecated_features", self.deprecated_features.as_deref());
        out.push_str(">\n");
        let mark = out.len();
        let body = &mut *out;
        if let Some(m) = &self.model {
            open(body, 2, "model");
            attr(body, "fallback", m.fallback.as_deref());
            attr(body, "vendor_id", m.vendor_id.as_deref());
            close_text(body, "model", m.name.as_deref());
        }
        text_child(body, 2, "vendor", self.vendor.as_deref());
        if let Some(t) = &self.topology {
            open(body, 2, "topology");
            for (name, v) in [
                ("sockets", t.sockets),
                ("dies", t.dies),
                ("clusters", t.clusters),
                ("cores", t.cores),
                ("threads", t.threads),
            ] {
                attr(body, name, v.map(|v| v.to_string()).as_deref());
            }
            body.push_str("/>\n");
        }
        if let Some((level, mode)) = &self.cache {
            open(body, 2, "cache");
            attr(body, "level", level.map(|v| v.to_string()).as_deref());
            attr(body, "mode", Some(mode));
            body.push_str("/>\n");
        }
        if let Some((mode, bits, limit)) = &self.maxphysaddr {
            open(body, 2, "maxphysaddr");
            attr(body, "mode", Some(mode));
            attr(body, "bits", bits.map(|v| v.to_string()).as_deref());
            attr(body, "limit", limit.map(|v| v.to_string()).as_deref());
            body.push_str("/>\n");
        }
        for (policy, name) in &self.features {
            open(body, 2, "feature");
            attr(body, "policy", Some(policy));
            attr(body, "name", Some(name));
            body.push_str("/>\n");
        }
        if let Some(cells) = &self.numa {
            write_list(body, "numa", cells.is_empty(), |out| {
                for c in cells {
                    open(out, 3, "cell");
                    attr(out, "id", c.id.map(|v| v.to_string()).as_deref());
                    attr(out, "cpus", c.cpus.as_ref().map(CpuSet::to_string).as_deref());
                    attr(out, "memory", Some(&c.memory_kib.to_string()));
                    attr(out, "unit", Some("KiB"));
                    attr(out, "memAccess", c.mem_access.as_deref());
                    attr(out, "discard", c.discard.map(yes_no_str));
                    write_cell_children(out, c);
                }
                if let Some(list) = &self.numa_interconnects {
                    write_interconnects(out, list);
                }
            });
        }
        close_block(out, mark, 1, "cpu");
    }
}

/// Reads `<numa>`: its cells (distances completed as libvirt completes them) and
/// interconnects. `None` for anything libvirt would refuse or this model does not hold.
fn parse_numa(e: &Element<'_>) -> Option<(Vec<NumaCell>, Option<Vec<Interconnect>>)> {
    if !branch(e, &[]) {
        return None;
    }
    let mut cells = Vec::new();
    let mut siblings: Vec<Option<Vec<(u32, u32)>>> = Vec::new();
    let mut interconnects = None;
    for cell in e.elements() {
        if cell.name == "interconnects" {
            set_once(&mut interconnects, parse_interconnects(cell))?;
            continue;
        }
        let allowed = ["id", "cpus", "memory", "unit", "memAccess", "discard"];
        if cell.name != "cell" || !branch(cell, &allowed) {
            return None;
        }
        let mut raw = None;
        let mut caches = Vec::new();
        for c in cell.elements() {
            match &*c.name {
                "distances" => {
                    if !branch(c, &[]) || c.elements().next().is_none() {
                        return None;
                    }
                    let mut list = Vec::new();
                    for s in c.elements() {
                        if s.name != "sibling"
                            || !leaf(s, &["id", "value"])
                            || !s.children.is_empty()
                        {
                            return None;
                        }
                        list.push((opt_u32(s, "id")??, opt_u32(s, "value")??));
                    }
                    set_once(&mut raw, Some(list))?;
                }
                "cache" => caches.push(parse_numa_cache(c)?),
                _ => return None,
            }
        }
        siblings.push(raw);
        cells.push(NumaCell {
            id: opt_u32(cell, "id")?,
            cpus: opt_cpuset(cell, "cpus")?,
            memory_kib: memory_kib(cell.attribute("memory")?, cell.attribute("unit")).ok()?,
            mem_access: opt_string(cell, "memAccess"),
            discard: opt_yes_no(cell, "discard")?,
            distances: None,
            caches,
        });
    }
    if complete_distances(&mut cells, &siblings).is_none() {
        // Cells libvirt refuses (an id out of range or repeated, a distance out of range)
        // have no completed table: their distances are kept as given.
        for (cell, raw) in cells.iter_mut().zip(siblings) {
            cell.distances = raw;
        }
    }
    Some((cells, interconnects))
}

/// libvirt's reading of NUMA distances: a cell's own distance is 10, every other one between
/// 11 and 255, and a distance given in one direction only holds for the other one too.
fn complete_distances(cells: &mut [NumaCell], siblings: &[Option<Vec<(u32, u32)>>]) -> Option<()> {
    const LOCAL: u32 = 10;
    let n = cells.len();
    let mut ids = Vec::with_capacity(n);
    for (i, c) in cells.iter().enumerate() {
        let id = c.id.map_or(i, |v| v as usize);
        if id >= n || ids.contains(&id) {
            return None;
        }
        ids.push(id);
    }
    let mut table: Vec<Option<Vec<u32>>> = alloc::vec![None; n];
    let new_row = |own: usize| {
        let mut row = alloc::vec![0u32; n];
        row[own] = LOCAL;
        row
    };
    for (cur, list) in ids.iter().zip(siblings) {
        for &(sib, value) in list.iter().flatten() {
            let sib = sib as usize;
            let valid = (LOCAL..=255).contains(&value) && ((sib == *cur) == (value == LOCAL));
            if sib >= n || !valid {
                return None;
            }
            table[*cur].get_or_insert_with(|| new_row(*cur))[sib] = value;
            let back = table[sib].get_or_insert_with(|| new_row(sib));
            if back[*cur] == 0 {
                back[*cur] = value;
            }
        }
    }
    for (cell, id) in cells.iter_mut().zip(ids) {
        cell.distances = table[id]
            .as_ref()
            .map(|row| (0u32..).zip(row.iter().copied()).filter(|(_, v)| *v != 0).collect());
    }
    Some(())
}

fn parse_numa_cache(c: &Element<'_>) -> Option<NumaCache> {
    if !branch(c, &["level", "associativity", "policy"]) {
        return None;
    }
    let (mut size, mut line) = (None, None);
    for k in c.elements() {
        if !leaf(k, &["value", "unit"]) || !k.children.is_empty() {
            return None;
        }
        // libvirt looks the unit up at `./size/unit` (an element), so the attribute is never
        // applied: sizes are KiB and lines bytes whatever it says; other units stay lossless.
        let unit = k.attribute("unit");
        match &*k.name {
            "size" if matches!(unit, None | Some("KiB")) => {
                set_once(&mut size, Some(parse_ull(k.attribute("value")?)?))?;
            }
            "line" if matches!(unit, None | Some("B")) => {
                let v = u32::try_from(parse_ull(k.attribute("value")?)?).ok()?;
                set_once(&mut line, Some(v).filter(|v| *v != 0))?;
            }
            _ => return None,
        }
    }
    Some(NumaCache {
        level: opt_u32(c, "level")?.filter(|l| *l != 0)?,
        associativity: c.attribute("associativity")?.to_string(),
        policy: c.attribute("policy")?.to_string(),
        size_kib: size?,
        line_bytes: line,
    })
}

fn parse_interconnects(e: &Element<'_>) -> Option<Vec<Interconnect>> {
    if !branch(e, &[]) {
        return None;
    }
    let mut list = Vec::new();
    for c in e.elements() {
        let bandwidth = match &*c.name {
            "latency" => false,
            "bandwidth" => true,
            _ => return None,
        };
        let mut allowed = alloc::vec!["initiator", "target", "cache", "type", "value"];
        if bandwidth {
            allowed.push("unit");
        }
        if !leaf(c, &allowed) || !c.children.is_empty() {
            return None;
        }
        let raw = c.attribute("value")?;
        let value =
            if bandwidth { memory_kib(raw, c.attribute("unit")).ok()? } else { parse_ull(raw)? };
        list.push(Interconnect {
            bandwidth,
            initiator: opt_u32(c, "initiator")??,
            target: opt_u32(c, "target")??,
            cache: opt_u32(c, "cache")?.filter(|v| *v != 0),
            kind: c.attribute("type")?.to_string(),
            value,
        });
    }
    // libvirt writes no `<interconnects/>` for an empty list.
    (!list.is_empty()).then_some(list)
}

/// Writes the end of a `<cell` start tag and its distances and caches.
fn write_cell_children(out: &mut String, c: &NumaCell) {
    if c.distances.is_none() && c.caches.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    if let Some(list) = &c.distances {
        open(out, 4, "distances");
        out.push_str(">\n");
        for (id, value) in list {
            open(out, 5, "sibling");
            attr(out, "id", Some(&id.to_string()));
            attr(out, "value", Some(&value.to_string()));
            out.push_str("/>\n");
        }
        end(out, 4, "distances");
    }
    for k in &c.caches {
        open(out, 4, "cache");
        attr(out, "level", Some(&k.level.to_string()));
        attr(out, "associativity", Some(&k.associativity));
        attr(out, "policy", Some(&k.policy));
        out.push_str(">\n");
        open(out, 5, "size");
        attr(out, "value", Some(&k.size_kib.to_string()));
        attr(out, "unit", Some("KiB"));
        out.push_str("/>\n");
        if let Some(line) = k.line_bytes {
            open(out, 5, "line");
            attr(out, "value", Some(&line.to_string()));
            attr(out, "unit", Some("B"));
            out.push_str("/>\n");
        }
        end(out, 4, "cache");
    }
    end(out, 3, "cell");
}

fn write_interconnects(out: &mut String, list: &[Interconnect]) {
    open(out, 3, "interconnects");
    out.push_str(">\n");
    for i in list {
        let name = if i.bandwidth { "bandwidth" } else { "latency" };
        open(out, 4, name);
        attr(out, "initiator", Some(&i.initiator.to_string()));
        attr(out, "target", Some(&i.target.to_string()));
        attr(out, "cache", i.cache.map(|v| v.to_string()).as_deref());
        attr(out, "type", Some(&i.kind));
        attr(out, "value", Some(&i.value.to_string()));
        attr(out, "unit", i.bandwidth.then_some("KiB"));
        out.push_str("/>\n");
    }
    end(out, 3, "interconnects");
}

// ---------------------------------------------------------------------------------------------
// <cputune>, <numatune>, <vcpus>, <iothreadids>, <pm>

/// `<vcpusched>`, `<iothreadsched>` or `<emulatorsched>`: a real-time scheduler for a set of
/// threads.
///
/// ```
/// let s = virtkit_domxml::Sched { ids: None, scheduler: "fifo".into(), priority: Some(1) };
/// assert_eq!(s.scheduler, "fifo");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sched {
    /// `vcpus` or `iothreads` (absent on `<emulatorsched>`).
    pub ids: Option<CpuSet>,
    /// `scheduler`: `batch`, `idle`, `fifo`, `rr`.
    pub scheduler: String,
    /// `priority`.
    pub priority: Option<i32>,
}

/// `<cputune>`: CPU shares, periods and quotas, pinning and schedulers. Every cpu list is a
/// [`CpuSet`] and is written back as libvirt formats it (`0-3,^1` becomes `0,2-3`); schedulers
/// are kept per thread, as libvirt keeps them (`<vcpusched vcpus='2-3'>` becomes one element
/// for vcpu 2 and one for vcpu 3).
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><cputune><vcpupin vcpu='0' cpuset='0-3,^1'/>\
///     <shares>2048</shares></cputune></domain>").unwrap();
/// let t = d.cputune.as_ref().unwrap();
/// assert_eq!(t.shares, Some(2048));
/// assert_eq!(t.vcpupin[0].1.to_string(), "0,2-3");
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), "<domain type='kvm'>\n  <cputune>\n    \
///     <shares>2048</shares>\n    <vcpupin vcpu='0' cpuset='0,2-3'/>\n  </cputune>\n</domain>\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cputune {
    /// `<shares>`.
    pub shares: Option<u64>,
    /// `<period>`.
    pub period: Option<u64>,
    /// `<quota>`.
    pub quota: Option<i64>,
    /// `<global_period>`.
    pub global_period: Option<u64>,
    /// `<global_quota>`.
    pub global_quota: Option<i64>,
    /// `<emulator_period>`.
    pub emulator_period: Option<u64>,
    /// `<emulator_quota>`.
    pub emulator_quota: Option<i64>,
    /// `<iothread_period>`.
    pub iothread_period: Option<u64>,
    /// `<iothread_quota>`.
    pub iothread_quota: Option<i64>,
    /// `<vcpupin vcpu cpuset/>`s: (vcpu, cpuset).
    pub vcpupin: Vec<(u32, CpuSet)>,
    /// `<emulatorpin cpuset/>`.
    pub emulatorpin: Option<CpuSet>,
    /// `<iothreadpin iothread cpuset/>`s: (iothread, cpuset).
    pub iothreadpin: Vec<(u32, CpuSet)>,
    /// `<emulatorsched>`.
    pub emulatorsched: Option<Sched>,
    /// `<vcpusched>`s.
    pub vcpusched: Vec<Sched>,
    /// `<iothreadsched>`s.
    pub iothreadsched: Vec<Sched>,
    /// `<cachetune>`s.
    pub cachetunes: Vec<CacheTune>,
    /// `<memorytune>`s, in libvirt's order (see [`MemoryTune`]).
    pub memorytunes: Vec<MemoryTune>,
}

pub(crate) fn num_text<T: core::str::FromStr>(e: &Element<'_>) -> Option<T> {
    if !leaf(e, &[]) {
        return None;
    }
    e.text().trim().parse().ok()
}

/// A non-empty cpu list (libvirt refuses lists that select nothing, such as `0,^0`; such an
/// element stays lossless).
fn cpuset_attr(e: &Element<'_>, name: &str) -> Option<CpuSet> {
    e.attribute(name)?.parse::<CpuSet>().ok().filter(|s| !s.is_empty())
}

fn parse_sched(e: &Element<'_>, ids: Option<&str>) -> Option<Sched> {
    let mut allowed = alloc::vec!["scheduler", "priority"];
    allowed.extend(ids);
    if !leaf(e, &allowed) || !e.children.is_empty() {
        return None;
    }
    let priority = match e.attribute("priority") {
        None => None,
        Some(v) => Some(v.parse().ok()?),
    };
    Some(Sched {
        ids: match ids {
            Some(name) => Some(cpuset_attr(e, name)?),
            None => None,
        },
        scheduler: e.attribute("scheduler")?.to_string(),
        priority,
    })
}

/// libvirt keeps one scheduler per thread and writes one element per thread, in id order:
/// `<vcpusched vcpus='0-1'>` reads as two elements. Overlapping sets (which libvirt refuses)
/// give `None`.
fn split_sched(list: &[Sched]) -> Option<Vec<Sched>> {
    let mut out: Vec<(u32, Sched)> = Vec::new();
    for s in list {
        for id in s.ids.as_ref()? {
            if out.iter().any(|(seen, _)| *seen == id) {
                return None;
            }
            let single: CpuSet = core::iter::once(id).collect();
            out.push((
                id,
                Sched { ids: Some(single), scheduler: s.scheduler.clone(), priority: s.priority },
            ));
        }
    }
    out.sort_by_key(|(id, _)| *id);
    Some(out.into_iter().map(|(_, s)| s).collect())
}

fn write_sched(out: &mut String, name: &str, ids: Option<&str>, s: &Sched) {
    open(out, 2, name);
    if let (Some(attr_name), Some(set)) = (ids, &s.ids) {
        attr(out, attr_name, Some(&set.to_string()));
    }
    attr(out, "scheduler", Some(&s.scheduler));
    attr(out, "priority", s.priority.map(|p| p.to_string()).as_deref());
    out.push_str("/>\n");
}

impl Cputune {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Cputune> {
        if !branch(e, &[]) {
            return None;
        }
        let mut t = Cputune::default();
        for c in e.elements() {
            match &*c.name {
                "shares" => set_once(&mut t.shares, num_text(c))?,
                "period" => set_once(&mut t.period, num_text(c))?,
                "quota" => set_once(&mut t.quota, num_text(c))?,
                "global_period" => set_once(&mut t.global_period, num_text(c))?,
                "global_quota" => set_once(&mut t.global_quota, num_text(c))?,
                "emulator_period" => set_once(&mut t.emulator_period, num_text(c))?,
                "emulator_quota" => set_once(&mut t.emulator_quota, num_text(c))?,
                "iothread_period" => set_once(&mut t.iothread_period, num_text(c))?,
                "iothread_quota" => set_once(&mut t.iothread_quota, num_text(c))?,
                "vcpupin" | "iothreadpin" => {
                    let id_name = if c.name == "vcpupin" { "vcpu" } else { "iothread" };
                    if !leaf(c, &[id_name, "cpuset"]) || !c.children.is_empty() {
                        return None;
                    }
                    let id = u32::try_from(parse_ull(c.attribute(id_name)?)?).ok()?;
                    let pin = (id, cpuset_attr(c, "cpuset")?);
                    if c.name == "vcpupin" { t.vcpupin.push(pin) } else { t.iothreadpin.push(pin) }
                }
                "emulatorpin" => {
                    if !leaf(c, &["cpuset"]) || !c.children.is_empty() {
                        return None;
                    }
                    set_once(&mut t.emulatorpin, cpuset_attr(c, "cpuset"))?;
                }
                "emulatorsched" => set_once(&mut t.emulatorsched, parse_sched(c, None))?,
                "vcpusched" => t.vcpusched.push(parse_sched(c, Some("vcpus"))?),
                "iothreadsched" => t.iothreadsched.push(parse_sched(c, Some("iothreads"))?),
                "cachetune" => t.cachetunes.push(parse_cachetune(c)?),
                "memorytune" => t.memorytunes.push(parse_memorytune(c)?),
                _ => return None,
            }
        }
        // Tunes and schedulers libvirt refuses (overlapping vcpu sets, a thread in two
        // schedulers) are kept as given, in their own order.
        order_tunes(&t.cachetunes, &mut t.memorytunes);
        if let Some(split) = split_sched(&t.vcpusched) {
            t.vcpusched = split;
        }
        if let Some(split) = split_sched(&t.iothreadsched) {
            t.iothreadsched = split;
        }
        Some(t)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let scalars = [
            self.shares.is_some(),
            self.period.is_some(),
            self.quota.is_some(),
            self.global_period.is_some(),
            self.global_quota.is_some(),
            self.emulator_period.is_some(),
            self.emulator_quota.is_some(),
            self.iothread_period.is_some(),
            self.iothread_quota.is_some(),
        ];
        let sched =
            |s: &Sched| 2 + usize::from(s.ids.is_some()) + usize::from(s.priority.is_some());
        1 + count(&scalars)
            + 3 * (self.vcpupin.len() + self.iothreadpin.len())
            + 2 * usize::from(self.emulatorpin.is_some())
            + self.emulatorsched.as_ref().map_or(0, sched)
            + self.vcpusched.iter().chain(&self.iothreadsched).map(sched).sum::<usize>()
            + self.cachetunes.iter().map(cachetune_occurrences).sum::<usize>()
            + self.memorytunes.iter().map(memorytune_occurrences).sum::<usize>()
    }

    /// Writes `<cputune>`; `inactive` leaves out what only live definitions carry.
    pub(crate) fn write(&self, out: &mut String, inactive: bool) {
        let mut body = String::new();
        let scalars: [(&str, Option<String>); 9] = [
            ("shares", self.shares.map(|v| v.to_string())),
            ("period", self.period.map(|v| v.to_string())),
            ("quota", self.quota.map(|v| v.to_string())),
            ("global_period", self.global_period.map(|v| v.to_string())),
            ("global_quota", self.global_quota.map(|v| v.to_string())),
            ("emulator_period", self.emulator_period.map(|v| v.to_string())),
            ("emulator_quota", self.emulator_quota.map(|v| v.to_string())),
            ("iothread_period", self.iothread_period.map(|v| v.to_string())),
            ("iothread_quota", self.iothread_quota.map(|v| v.to_string())),
        ];
        for (name, value) in &scalars {
            text_child(&mut body, 2, name, value.as_deref());
        }
        for (vcpu, set) in &self.vcpupin {
            open(&mut body, 2, "vcpupin");
            attr(&mut body, "vcpu", Some(&vcpu.to_string()));
            attr(&mut body, "cpuset", Some(&set.to_string()));
            body.push_str("/>\n");
        }
        if let Some(set) = &self.emulatorpin {
            open(&mut body, 2, "emulatorpin");
            attr(&mut body, "cpuset", Some(&set.to_string()));
            body.push_str("/>\n");
        }
        for (id, set) in &self.iothreadpin {
            open(&mut body, 2, "iothreadpin");
            attr(&mut body, "iothread", Some(&id.to_string()));
            attr(&mut body, "cpuset", Some(&set.to_string()));
            body.push_str("/>\n");
        }
        if let Some(s) = &self.emulatorsched {
            write_sched(&mut body, "emulatorsched", None, s);
        }
        for s in &self.vcpusched {
            write_sched(&mut body, "vcpusched", Some("vcpus"), s);
        }
        for s in &self.iothreadsched {
            write_sched(&mut body, "iothreadsched", Some("iothreads"), s);
        }
        for t in &self.cachetunes {
            write_cachetune(&mut body, t, inactive);
        }
        for t in &self.memorytunes {
            write_memorytune(&mut body, t);
        }
        write_block(out, "cputune", &body);
    }
}

/// Ends an element whose children were written straight after a tentative `>\n` at `mark`:
/// `</name>` at `depth`, or `/>` instead of `>` if nothing was written.
pub(crate) fn close_block(out: &mut String, mark: usize, depth: usize, name: &str) {
    if out.len() == mark {
        out.truncate(mark - 2);
        out.push_str("/>\n");
    } else {
        end(out, depth, name);
    }
}

/// Writes `<name>` + body + `</name>` at depth 1, or `<name/>` for an empty body.
pub(crate) fn write_block(out: &mut String, name: &str, body: &str) {
    open(out, 1, name);
    if body.is_empty() {
        out.push_str("/>\n");
    } else {
        out.push_str(">\n");
        out.push_str(body);
        end(out, 1, name);
    }
}

/// `<numatune>`: host NUMA policy of the guest memory.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><numatune><memory mode='strict' nodeset='0-2,^1'/>\
///     <memnode cellid='0' mode='preferred' nodeset='1'/></numatune></domain>").unwrap();
/// let n = d.numatune.as_ref().unwrap();
/// assert_eq!(n.memory.as_ref().unwrap().nodeset.as_ref().unwrap().to_string(), "0,2");
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("<memory mode='strict' nodeset='0,2'/>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Numatune {
    /// `<memory mode nodeset placement/>`.
    pub memory: Option<NumaMemory>,
    /// `<memnode cellid mode nodeset/>`s.
    pub memnodes: Vec<MemNode>,
}

/// `<numatune><memory mode='strict' nodeset='0-1' placement='static'/>`.
///
/// ```
/// let m = virtkit_domxml::NumaMemory { mode: Some("strict".into()), nodeset: None, placement: None };
/// assert_eq!(m.mode.as_deref(), Some("strict"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NumaMemory {
    /// `mode`: `strict`, `preferred`, `interleave`, `restrictive`.
    pub mode: Option<String>,
    /// `nodeset`.
    pub nodeset: Option<CpuSet>,
    /// `placement`: `static` or `auto`.
    pub placement: Option<String>,
}

/// `<memnode cellid='0' mode='strict' nodeset='1'/>`.
///
/// ```
/// let m = virtkit_domxml::MemNode { cellid: 0, mode: None, nodeset: None };
/// assert_eq!(m.cellid, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemNode {
    /// `cellid`.
    pub cellid: u32,
    /// `mode`.
    pub mode: Option<String>,
    /// `nodeset`.
    pub nodeset: Option<CpuSet>,
}

// As `opt_yes_no`: outer `None` for a value the model cannot hold.
#[allow(clippy::option_option)]
fn opt_cpuset(e: &Element<'_>, name: &str) -> Option<Option<CpuSet>> {
    match e.attribute(name) {
        None => Some(None),
        Some(v) => v.parse::<CpuSet>().ok().filter(|s| !s.is_empty()).map(Some),
    }
}

impl Numatune {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Numatune> {
        if !branch(e, &[]) {
            return None;
        }
        let mut n = Numatune::default();
        for c in e.elements() {
            match &*c.name {
                "memory" => {
                    if !leaf(c, &["mode", "nodeset", "placement"]) || !c.children.is_empty() {
                        return None;
                    }
                    let m = NumaMemory {
                        mode: opt_string(c, "mode"),
                        nodeset: opt_cpuset(c, "nodeset")?,
                        placement: opt_string(c, "placement"),
                    };
                    set_once(&mut n.memory, Some(m))?;
                }
                "memnode" => {
                    if !leaf(c, &["cellid", "mode", "nodeset"]) || !c.children.is_empty() {
                        return None;
                    }
                    n.memnodes.push(MemNode {
                        cellid: u32::try_from(parse_ull(c.attribute("cellid")?)?).ok()?,
                        mode: opt_string(c, "mode"),
                        nodeset: opt_cpuset(c, "nodeset")?,
                    });
                }
                _ => return None,
            }
        }
        Some(n)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let mut n = 1;
        if let Some(m) = &self.memory {
            n += 1 + count(&[m.mode.is_some(), m.nodeset.is_some(), m.placement.is_some()]);
        }
        for m in &self.memnodes {
            n += 2 + count(&[m.mode.is_some(), m.nodeset.is_some()]);
        }
        n
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        if let Some(m) = &self.memory {
            open(&mut body, 2, "memory");
            attr(&mut body, "mode", m.mode.as_deref());
            attr(&mut body, "nodeset", m.nodeset.as_ref().map(CpuSet::to_string).as_deref());
            attr(&mut body, "placement", m.placement.as_deref());
            body.push_str("/>\n");
        }
        for m in &self.memnodes {
            open(&mut body, 2, "memnode");
            attr(&mut body, "cellid", Some(&m.cellid.to_string()));
            attr(&mut body, "mode", m.mode.as_deref());
            attr(&mut body, "nodeset", m.nodeset.as_ref().map(CpuSet::to_string).as_deref());
            body.push_str("/>\n");
        }
        write_block(out, "numatune", &body);
    }
}

/// One `<vcpus><vcpu id enabled hotpluggable order/></vcpus>` entry.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><vcpus><vcpu id='0' enabled='yes' \
///     hotpluggable='no' order='1'/></vcpus></domain>").unwrap();
/// assert_eq!(d.vcpus.unwrap()[0].order, Some(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VcpuState {
    /// `id`.
    pub id: u32,
    /// `enabled`.
    pub enabled: Option<bool>,
    /// `hotpluggable`.
    pub hotpluggable: Option<bool>,
    /// `order`.
    pub order: Option<u32>,
}

pub(crate) fn parse_vcpus(e: &Element<'_>) -> Option<Vec<VcpuState>> {
    if !branch(e, &[]) {
        return None;
    }
    let mut list = Vec::new();
    for c in e.elements() {
        if c.name != "vcpu"
            || !leaf(c, &["id", "enabled", "hotpluggable", "order"])
            || !c.children.is_empty()
        {
            return None;
        }
        list.push(VcpuState {
            id: u32::try_from(parse_ull(c.attribute("id")?)?).ok()?,
            enabled: opt_yes_no(c, "enabled")?,
            hotpluggable: opt_yes_no(c, "hotpluggable")?,
            order: opt_u32(c, "order")?,
        });
    }
    Some(list)
}

pub(crate) fn vcpus_occurrences(list: &[VcpuState]) -> usize {
    1 + list
        .iter()
        .map(|v| 2 + count(&[v.enabled.is_some(), v.hotpluggable.is_some(), v.order.is_some()]))
        .sum::<usize>()
}

pub(crate) fn write_vcpus(out: &mut String, list: &[VcpuState]) {
    let mut body = String::new();
    for v in list {
        open(&mut body, 2, "vcpu");
        attr(&mut body, "id", Some(&v.id.to_string()));
        attr(&mut body, "enabled", v.enabled.map(yes_no_str));
        attr(&mut body, "hotpluggable", v.hotpluggable.map(yes_no_str));
        attr(&mut body, "order", v.order.map(|o| o.to_string()).as_deref());
        body.push_str("/>\n");
    }
    write_block(out, "vcpus", &body);
}

/// `<pm><suspend-to-mem enabled/><suspend-to-disk enabled/></pm>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><pm><suspend-to-disk enabled='no'/>\
///     </pm></domain>").unwrap();
/// assert_eq!(d.pm.unwrap().suspend_to_disk, Some(false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pm {
    /// `<suspend-to-mem enabled>`.
    pub suspend_to_mem: Option<bool>,
    /// `<suspend-to-disk enabled>`.
    pub suspend_to_disk: Option<bool>,
}

impl Pm {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Pm> {
        if !branch(e, &[]) {
            return None;
        }
        let mut pm = Pm::default();
        for c in e.elements() {
            if !leaf(c, &["enabled"]) || !c.children.is_empty() {
                return None;
            }
            let value = yes_no(c.attribute("enabled")?)?;
            match &*c.name {
                "suspend-to-mem" => set_once(&mut pm.suspend_to_mem, Some(value))?,
                "suspend-to-disk" => set_once(&mut pm.suspend_to_disk, Some(value))?,
                _ => return None,
            }
        }
        Some(pm)
    }

    pub(crate) fn occurrences(self) -> usize {
        1 + 2 * count(&[self.suspend_to_mem.is_some(), self.suspend_to_disk.is_some()])
    }

    pub(crate) fn write(self, out: &mut String) {
        let mut body = String::new();
        for (name, v) in
            [("suspend-to-mem", self.suspend_to_mem), ("suspend-to-disk", self.suspend_to_disk)]
        {
            if let Some(v) = v {
                open(&mut body, 2, name);
                attr(&mut body, "enabled", Some(yes_no_str(v)));
                body.push_str("/>\n");
            }
        }
        write_block(out, "pm", &body);
    }
}

// ---------------------------------------------------------------------------------------------
// <features>

macro_rules! feature_kinds {
    ($($(#[$doc:meta])* $kind:ident = $name:literal, $attr:expr;)*) => {
        /// A hypervisor feature of `<features>`, in libvirt's formatting order.
        ///
        /// ```
        /// use virtkit_domxml::FeatureKind;
        /// assert_eq!(FeatureKind::from_name("gic"), Some(FeatureKind::Gic));
        /// assert_eq!(FeatureKind::Gic.attribute(), Some("version"));
        /// assert!(FeatureKind::Acpi < FeatureKind::Gic);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FeatureKind {
            $($(#[$doc])* $kind,)*
        }

        const FEATURE_KINDS: &[(FeatureKind, &str, Option<&str>)] = &[
            $((FeatureKind::$kind, $name, $attr),)*
        ];
    };
}

feature_kinds! {
    /// `<acpi/>`
    Acpi = "acpi", None;
    /// `<apic eoi='on'/>`
    Apic = "apic", Some("eoi");
    /// `<pae/>`
    Pae = "pae", None;
    /// `<hap state='on'/>`
    Hap = "hap", Some("state");
    /// `<viridian/>`
    Viridian = "viridian", None;
    /// `<privnet/>`
    Privnet = "privnet", None;
    /// `<hyperv mode='custom'>` with its switches (libvirt writes `mode`, `custom` when absent)
    Hyperv = "hyperv", Some("mode");
    /// `<kvm>` with its switches
    Kvm = "kvm", None;
    /// `<pvspinlock state='on'/>`
    Pvspinlock = "pvspinlock", Some("state");
    /// `<capabilities policy='allow'>` with its switches (containers)
    Capabilities = "capabilities", Some("policy");
    /// `<pmu state='on'/>`
    Pmu = "pmu", Some("state");
    /// `<vmport state='on'/>`
    Vmport = "vmport", Some("state");
    /// `<gic version='3'/>`
    Gic = "gic", Some("version");
    /// `<smm state='on'/>`, perhaps with `<tseg>`
    Smm = "smm", Some("state");
    /// `<ioapic driver='kvm'/>`
    Ioapic = "ioapic", Some("driver");
    /// `<hpt resizing='required'/>`, perhaps with `<maxpagesize>`
    Hpt = "hpt", Some("resizing");
    /// `<vmcoreinfo state='on'/>`
    Vmcoreinfo = "vmcoreinfo", Some("state");
    /// `<htm state='on'/>`
    Htm = "htm", Some("state");
    /// `<nested-hv state='on'/>`
    NestedHv = "nested-hv", Some("state");
    /// `<msrs unknown='ignore'/>`
    Msrs = "msrs", Some("unknown");
    /// `<ccf-assist state='on'/>`
    CcfAssist = "ccf-assist", Some("state");
    /// `<xen>` with its switches
    Xen = "xen", None;
    /// `<cfpc value='broken'/>`
    Cfpc = "cfpc", Some("value");
    /// `<sbbc value='broken'/>`
    Sbbc = "sbbc", Some("value");
    /// `<ibs value='broken'/>`
    Ibs = "ibs", Some("value");
    /// `<tcg><tb-cache unit='KiB'>N</tb-cache></tcg>`
    Tcg = "tcg", None;
    /// `<async-teardown enabled='yes'/>`
    AsyncTeardown = "async-teardown", Some("enabled");
    /// `<ras state='on'/>`
    Ras = "ras", Some("state");
    /// `<ps2 state='on'/>`
    Ps2 = "ps2", Some("state");
    /// `<aia value='aplic-imsic'/>`
    Aia = "aia", Some("value");
}

impl FeatureKind {
    /// The feature for an element name.
    ///
    /// ```
    /// assert_eq!(virtkit_domxml::FeatureKind::from_name("hyperv"), Some(virtkit_domxml::FeatureKind::Hyperv));
    /// ```
    pub fn from_name(name: &str) -> Option<FeatureKind> {
        FEATURE_KINDS.iter().find(|(_, n, _)| *n == name).map(|(k, _, _)| *k)
    }

    /// The element name.
    ///
    /// ```
    /// assert_eq!(virtkit_domxml::FeatureKind::NestedHv.name(), "nested-hv");
    /// ```
    pub fn name(self) -> &'static str {
        FEATURE_KINDS.iter().find(|(k, _, _)| *k == self).map_or("", |(_, n, _)| n)
    }

    /// The one attribute the feature carries, if any (`state`, `version`, ...).
    ///
    /// ```
    /// assert_eq!(virtkit_domxml::FeatureKind::Pae.attribute(), None);
    /// ```
    pub fn attribute(self) -> Option<&'static str> {
        FEATURE_KINDS.iter().find(|(k, _, _)| *k == self).and_then(|(_, _, a)| *a)
    }
}

/// One feature and the value of its attribute (`on`, `3`, `kvm`, ...), if given.
///
/// ```
/// let f = virtkit_domxml::Feature { kind: virtkit_domxml::FeatureKind::Gic, value: Some("3".into()),
///     switches: Vec::new(), size_kib: None };
/// assert_eq!(f.kind.attribute(), Some("version"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feature {
    /// Which feature.
    pub kind: FeatureKind,
    /// The value of [`FeatureKind::attribute`].
    pub value: Option<String>,
    /// The switches of `<hyperv>`, `<kvm>`, `<xen>` and `<capabilities>`, in libvirt's order.
    pub switches: Vec<SubFeature>,
    /// `<smm><tseg>` (a whole number of MiB), `<hpt><maxpagesize>` or `<tcg><tb-cache>`, in
    /// KiB.
    pub size_kib: Option<u64>,
}

/// `<features>`, written in libvirt's order.
///
/// ```
/// use virtkit_domxml::{Domain, FeatureKind, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><features><gic version='3'/><acpi/></features>\
///     </domain>").unwrap();
/// let f = d.features.as_ref().unwrap();
/// assert_eq!(f.items[1].kind, FeatureKind::Gic);
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("<features>\n    <acpi/>\n    <gic version='3'/>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Features {
    /// The features, in libvirt's order.
    pub items: Vec<Feature>,
}

impl Features {
    /// On/off features given without a state read as on (libvirt always writes the state).
    pub(crate) fn default_states(&mut self) {
        for item in &mut self.items {
            let switch = matches!(
                item.kind,
                FeatureKind::Hap
                    | FeatureKind::Pmu
                    | FeatureKind::Vmport
                    | FeatureKind::Pvspinlock
                    | FeatureKind::Vmcoreinfo
                    | FeatureKind::Htm
                    | FeatureKind::NestedHv
                    | FeatureKind::CcfAssist
                    | FeatureKind::Ras
                    | FeatureKind::Ps2
                    | FeatureKind::Smm
            );
            if switch {
                item.value.get_or_insert_with(|| String::from("on"));
            }
        }
    }

    pub(crate) fn parse(e: &Element<'_>) -> Option<Features> {
        if !branch(e, &[]) {
            return None;
        }
        let mut items: Vec<Feature> = Vec::new();
        for c in e.elements() {
            let kind = FeatureKind::from_name(&c.name)?;
            let allowed: Vec<&str> = kind.attribute().into_iter().collect();
            if !branch(c, &allowed) || items.iter().any(|f| f.kind == kind) {
                return None;
            }
            let value = kind.attribute().and_then(|a| c.attribute(a)).map(str::to_string);
            let (switches, size_kib) = match kind {
                FeatureKind::Hyperv | FeatureKind::Kvm | FeatureKind::Xen => {
                    (parse_switches(kind, c)?, None)
                }
                FeatureKind::Capabilities => {
                    let list = parse_switches(kind, c)?;
                    // libvirt drops a default policy without capabilities.
                    if list.is_empty() && matches!(value.as_deref(), None | Some("default")) {
                        return None;
                    }
                    (list, None)
                }
                _ => (Vec::new(), parse_size(kind, c)?),
            };
            if matches!(kind, FeatureKind::Kvm | FeatureKind::Xen) && switches.is_empty()
                || kind == FeatureKind::Tcg && size_kib.is_none()
            {
                return None;
            }
            items.push(Feature { kind, value, switches, size_kib });
        }
        items.sort_by_key(|f| f.kind);
        Some(Features { items })
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + self
            .items
            .iter()
            .map(|f| {
                1 + usize::from(f.value.is_some())
                    + switches_occurrences(&f.switches)
                    + 2 * usize::from(f.size_kib.is_some())
            })
            .sum::<usize>()
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        let mut items: Vec<&Feature> = self.items.iter().collect();
        items.sort_by_key(|f| f.kind);
        for f in items {
            open(&mut body, 2, f.kind.name());
            let value = match (f.kind, f.value.as_deref()) {
                (FeatureKind::Hyperv, None) => Some("custom"),
                (FeatureKind::Capabilities, None) => Some("default"),
                (_, v) => v,
            };
            if let Some(a) = f.kind.attribute() {
                attr(&mut body, a, value);
            }
            write_children(&mut body, f.kind, &f.switches, f.size_kib);
        }
        write_block(out, "features", &body);
    }
}

// ---------------------------------------------------------------------------------------------
// <memoryBacking>, <seclabel>, <iothreadids>

/// `<page size unit nodeset/>` of `<hugepages>`, the size in KiB.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><memoryBacking><hugepages>\
///     <page size='2' unit='MiB' nodeset='0-1'/></hugepages></memoryBacking></domain>").unwrap();
/// let page = &d.memory_backing.unwrap().hugepages.unwrap()[0];
/// assert_eq!(page.size_kib, 2048);
/// assert_eq!(page.nodeset.as_ref().unwrap().to_string(), "0-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HugePage {
    /// `size`, in KiB.
    pub size_kib: u64,
    /// `nodeset`: the guest NUMA nodes it backs.
    pub nodeset: Option<CpuSet>,
}

/// `<memoryBacking>`: how guest memory is backed.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <memoryBacking>\n    <nosharepages/>\n    \
///     <source type='memfd'/>\n    <access mode='shared'/>\n  </memoryBacking>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// assert_eq!(d.memory_backing.as_ref().unwrap().access.as_deref(), Some("shared"));
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemoryBacking {
    /// `<hugepages>` with its `<page>`s (`Some(empty)` for a bare `<hugepages/>`).
    pub hugepages: Option<Vec<HugePage>>,
    /// `<nosharepages/>`.
    pub nosharepages: bool,
    /// `<locked/>`.
    pub locked: bool,
    /// `<source type=...>`: `file`, `anonymous`, `memfd`.
    pub source: Option<String>,
    /// `<access mode=...>`: `shared`, `private`.
    pub access: Option<String>,
    /// `<allocation mode=... threads=...>`: (mode, threads).
    pub allocation: Option<(Option<String>, Option<u32>)>,
    /// `<discard/>`.
    pub discard: bool,
}

fn flag(slot: &mut bool, c: &Element<'_>) -> Option<()> {
    if *slot || !c.attributes.is_empty() || !c.children.is_empty() {
        return None;
    }
    *slot = true;
    Some(())
}

impl MemoryBacking {
    pub(crate) fn parse(e: &Element<'_>) -> Option<MemoryBacking> {
        if !branch(e, &[]) {
            return None;
        }
        let mut m = MemoryBacking::default();
        for c in e.elements() {
            match &*c.name {
                "hugepages" => {
                    if !branch(c, &[]) {
                        return None;
                    }
                    let mut pages = Vec::new();
                    for p in c.elements() {
                        if p.name != "page"
                            || !leaf(p, &["size", "unit", "nodeset"])
                            || !p.children.is_empty()
                        {
                            return None;
                        }
                        pages.push(HugePage {
                            size_kib: memory_kib(p.attribute("size")?, p.attribute("unit")).ok()?,
                            nodeset: opt_cpuset(p, "nodeset")?,
                        });
                    }
                    set_once(&mut m.hugepages, Some(pages))?;
                }
                "nosharepages" => flag(&mut m.nosharepages, c)?,
                "locked" => flag(&mut m.locked, c)?,
                "discard" => flag(&mut m.discard, c)?,
                "source" | "access" => {
                    let name = if c.name == "source" { "type" } else { "mode" };
                    if !leaf(c, &[name]) || !c.children.is_empty() {
                        return None;
                    }
                    let slot = if c.name == "source" { &mut m.source } else { &mut m.access };
                    set_once(slot, opt_string(c, name))?;
                }
                "allocation" => {
                    if !leaf(c, &["mode", "threads"]) || !c.children.is_empty() {
                        return None;
                    }
                    set_once(
                        &mut m.allocation,
                        Some((opt_string(c, "mode"), opt_u32(c, "threads")?)),
                    )?;
                }
                _ => return None,
            }
        }
        Some(m)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let mut n = 1 + count(&[self.nosharepages, self.locked, self.discard]);
        if let Some(pages) = &self.hugepages {
            n += 1 + pages.iter().map(|p| 3 + usize::from(p.nodeset.is_some())).sum::<usize>();
        }
        n += 2 * count(&[self.source.is_some(), self.access.is_some()]);
        if let Some((mode, threads)) = &self.allocation {
            n += 1 + count(&[mode.is_some(), threads.is_some()]);
        }
        n
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        if let Some(pages) = &self.hugepages {
            write_list(&mut body, "hugepages", pages.is_empty(), |out| {
                for p in pages {
                    open(out, 3, "page");
                    attr(out, "size", Some(&p.size_kib.to_string()));
                    attr(out, "unit", Some("KiB"));
                    attr(out, "nodeset", p.nodeset.as_ref().map(CpuSet::to_string).as_deref());
                    out.push_str("/>\n");
                }
            });
        }
        for (name, on) in [("nosharepages", self.nosharepages), ("locked", self.locked)] {
            if on {
                open(&mut body, 2, name);
                body.push_str("/>\n");
            }
        }
        for (name, attr_name, value) in
            [("source", "type", &self.source), ("access", "mode", &self.access)]
        {
            if let Some(v) = value {
                open(&mut body, 2, name);
                attr(&mut body, attr_name, Some(v));
                body.push_str("/>\n");
            }
        }
        if let Some((mode, threads)) = &self.allocation {
            open(&mut body, 2, "allocation");
            attr(&mut body, "mode", mode.as_deref());
            attr(&mut body, "threads", threads.map(|t| t.to_string()).as_deref());
            body.push_str("/>\n");
        }
        if self.discard {
            open(&mut body, 2, "discard");
            body.push_str("/>\n");
        }
        write_block(out, "memoryBacking", &body);
    }
}

/// A domain-level `<seclabel type model relabel>` with its labels.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <seclabel type='static' model='selinux' relabel='no'>\n    \
///     <label>system_u:system_r:svirt_t:s0:c1</label>\n  </seclabel>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// assert_eq!(d.seclabels[0].model.as_deref(), Some("selinux"));
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecLabel {
    /// `type`: `dynamic`, `static`, `none`.
    pub kind: Option<String>,
    /// `model`: `selinux`, `apparmor`, `dac`, ...
    pub model: Option<String>,
    /// `relabel`.
    pub relabel: Option<bool>,
    /// `<label>`.
    pub label: Option<String>,
    /// `<imagelabel>`.
    pub imagelabel: Option<String>,
    /// `<baselabel>`.
    pub baselabel: Option<String>,
}

impl SecLabel {
    pub(crate) fn parse(e: &Element<'_>) -> Option<SecLabel> {
        if !branch(e, &["type", "model", "relabel"]) {
            return None;
        }
        let mut s = SecLabel {
            kind: opt_string(e, "type"),
            model: opt_string(e, "model"),
            relabel: opt_yes_no(e, "relabel")?,
            ..SecLabel::default()
        };
        for c in e.elements() {
            let slot = match &*c.name {
                "label" => &mut s.label,
                "imagelabel" => &mut s.imagelabel,
                "baselabel" => &mut s.baselabel,
                _ => return None,
            };
            set_once(slot, text_of(c))?;
        }
        Some(s)
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + count(&[
            self.kind.is_some(),
            self.model.is_some(),
            self.relabel.is_some(),
            self.label.is_some(),
            self.imagelabel.is_some(),
            self.baselabel.is_some(),
        ])
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "seclabel");
        attr(out, "type", self.kind.as_deref());
        attr(out, "model", self.model.as_deref());
        attr(out, "relabel", self.relabel.map(yes_no_str));
        let mut body = String::new();
        text_child(&mut body, 2, "label", self.label.as_deref());
        text_child(&mut body, 2, "imagelabel", self.imagelabel.as_deref());
        text_child(&mut body, 2, "baselabel", self.baselabel.as_deref());
        if body.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            out.push_str(&body);
            end(out, 1, "seclabel");
        }
    }
}

/// `<poll max grow shrink/>` of an `<iothread>`: its polling settings.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><iothreadids>\
///     <iothread id='1'><poll max='123'/></iothread></iothreadids></domain>").unwrap();
/// assert_eq!(d.iothreadids.unwrap()[0].poll.unwrap().max, Some(123));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IothreadPoll {
    /// `max`: the longest polling time, in ns.
    pub max: Option<u64>,
    /// `grow`.
    pub grow: Option<u64>,
    /// `shrink`.
    pub shrink: Option<u64>,
}

/// One `<iothreadids><iothread id thread_pool_min thread_pool_max/>` entry.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><iothreadids>\
///     <iothread id='2' thread_pool_max='8'/></iothreadids></domain>").unwrap();
/// assert_eq!(d.iothreadids.unwrap()[0].thread_pool_max, Some(8));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IothreadId {
    /// `id`.
    pub id: u32,
    /// `thread_pool_min`.
    pub thread_pool_min: Option<i32>,
    /// `thread_pool_max`.
    pub thread_pool_max: Option<i32>,
    /// `<poll>`.
    pub poll: Option<IothreadPoll>,
}

pub(crate) fn parse_iothreadids(e: &Element<'_>) -> Option<Vec<IothreadId>> {
    if !branch(e, &[]) {
        return None;
    }
    let mut list = Vec::new();
    for c in e.elements() {
        let allowed = ["id", "thread_pool_min", "thread_pool_max"];
        if c.name != "iothread" || !branch(c, &allowed) {
            return None;
        }
        let mut poll = None;
        for p in c.elements() {
            if p.name != "poll" || !leaf(p, &["max", "grow", "shrink"]) || !p.children.is_empty() {
                return None;
            }
            let value = IothreadPoll {
                max: opt_u64(p, "max")?,
                grow: opt_u64(p, "grow")?,
                shrink: opt_u64(p, "shrink")?,
            };
            // libvirt writes no empty <poll/>.
            set_once(&mut poll, Some(value).filter(|v| *v != IothreadPoll::default()))?;
        }
        let int = |name: &str| -> Option<Option<i32>> {
            match c.attribute(name) {
                None => Some(None),
                Some(v) => v.parse().ok().map(Some),
            }
        };
        list.push(IothreadId {
            id: u32::try_from(parse_ull(c.attribute("id")?)?).ok()?,
            thread_pool_min: int("thread_pool_min")?,
            thread_pool_max: int("thread_pool_max")?,
            poll,
        });
    }
    Some(list)
}

pub(crate) fn iothreadids_occurrences(list: &[IothreadId]) -> usize {
    1 + list
        .iter()
        .map(|t| {
            2 + count(&[t.thread_pool_min.is_some(), t.thread_pool_max.is_some()])
                + t.poll.map_or(0, |p| {
                    1 + count(&[p.max.is_some(), p.grow.is_some(), p.shrink.is_some()])
                })
        })
        .sum::<usize>()
}

pub(crate) fn write_iothreadids(out: &mut String, list: &[IothreadId]) {
    let mut body = String::new();
    for t in list {
        open(&mut body, 2, "iothread");
        attr(&mut body, "id", Some(&t.id.to_string()));
        attr(&mut body, "thread_pool_min", t.thread_pool_min.map(|v| v.to_string()).as_deref());
        attr(&mut body, "thread_pool_max", t.thread_pool_max.map(|v| v.to_string()).as_deref());
        match t.poll {
            None => body.push_str("/>\n"),
            Some(p) => {
                body.push_str(">\n");
                open(&mut body, 3, "poll");
                attr(&mut body, "max", p.max.map(|v| v.to_string()).as_deref());
                attr(&mut body, "grow", p.grow.map(|v| v.to_string()).as_deref());
                attr(&mut body, "shrink", p.shrink.map(|v| v.to_string()).as_deref());
                body.push_str("/>\n");
                end(&mut body, 2, "iothread");
            }
        }
    }
    write_block(out, "iothreadids", &body);
}
