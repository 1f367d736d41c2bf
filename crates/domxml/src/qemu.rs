//! The QEMU driver's namespace (`xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'`):
//! `<qemu:commandline>`, `<qemu:capabilities>`, `<qemu:override>` and `<qemu:deprecation>`,
//! written after everything else in libvirt's order (`qemuDomainDefNamespaceFormatXML`).
//! Recognised by namespace URI, as libvirt's XPath lookups do, whatever the prefix
//! (`<ns0:commandline xmlns:ns0=...>`, a default namespace) and wherever it is declared;
//! written under `qemu:` with `xmlns:qemu` on `<domain>`, as libvirt writes them.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::doc::Element;
use crate::parts::{attr, branch, end, leaf, open, set_once};

/// The QEMU namespace's URI.
pub const QEMU_NAMESPACE: &str = "http://libvirt.org/schemas/domain/qemu/1.0";

/// `<qemu:property name type value/>` of a device override.
///
/// ```
/// let p = virtkit_domxml::QemuProperty { name: "p".into(), kind: "remove".into(), value: None };
/// assert_eq!(p.kind, "remove");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QemuProperty {
    /// `name`.
    pub name: String,
    /// `type`: `string`, `signed`, `unsigned`, `bool`, `remove`.
    pub kind: String,
    /// `value`.
    pub value: Option<String>,
}

/// `<qemu:device alias><qemu:frontend>` properties of an override.
///
/// ```
/// let d = virtkit_domxml::QemuDeviceOverride { alias: "ua-disk".into(), frontend: Vec::new() };
/// assert_eq!(d.alias, "ua-disk");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QemuDeviceOverride {
    /// `alias`.
    pub alias: String,
    /// The `<qemu:frontend>` properties, in order.
    pub frontend: Vec<QemuProperty>,
}

/// The elements of the QEMU namespace.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\
///     <qemu:commandline><qemu:env name='A'/><qemu:arg value='-s'/></qemu:commandline></domain>")
///     .unwrap();
/// let q = d.qemu.as_ref().unwrap();
/// assert_eq!(q.args, ["-s"]);
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains(
///     "<qemu:commandline>\n    <qemu:arg value='-s'/>\n    <qemu:env name='A'/>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QemuNamespace {
    /// `<qemu:commandline><qemu:arg value/>`s.
    pub args: Vec<String>,
    /// `<qemu:commandline><qemu:env name value/>`s.
    pub env: Vec<(String, Option<String>)>,
    /// `<qemu:capabilities><qemu:add capability/>`s.
    pub caps_add: Vec<String>,
    /// `<qemu:capabilities><qemu:del capability/>`s.
    pub caps_del: Vec<String>,
    /// `<qemu:override>` devices.
    pub overrides: Vec<QemuDeviceOverride>,
    /// `<qemu:deprecation behavior/>`.
    pub deprecation: Option<String>,
}

fn only(e: &Element<'_>, name: &str, attrs: &[&str]) -> bool {
    e.name == name && leaf(e, attrs) && e.children.is_empty()
}

impl QemuNamespace {
    /// Reads one element of the namespace, already renamed into `qemu:` without declarations
    /// (`namespaces::renamed_into`), into `self`; `None` when it stays lossless.
    pub(crate) fn take(&mut self, e: &Element<'_>) -> Option<()> {
        match &*e.name {
            "qemu:commandline" if branch(e, &[]) && self.args.is_empty() && self.env.is_empty() => {
                for c in e.elements() {
                    if only(c, "qemu:arg", &["value"]) {
                        self.args.push(c.attribute("value")?.to_string());
                    } else if only(c, "qemu:env", &["name", "value"]) {
                        let name = c.attribute("name")?;
                        let first = name.chars().next()?;
                        let valid = (first.is_ascii_alphabetic() || first == '_')
                            && name.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
                        if !valid {
                            return None;
                        }
                        self.env.push((name.to_string(), c.attribute("value").map(str::to_string)));
                    } else {
                        return None;
                    }
                }
                (!self.args.is_empty() || !self.env.is_empty()).then_some(())
            }
            "qemu:capabilities"
                if branch(e, &[]) && self.caps_add.is_empty() && self.caps_del.is_empty() =>
            {
                for c in e.elements() {
                    let cap = c.attribute("capability").map(str::to_string);
                    if only(c, "qemu:add", &["capability"]) {
                        self.caps_add.push(cap?);
                    } else if only(c, "qemu:del", &["capability"]) {
                        self.caps_del.push(cap?);
                    } else {
                        return None;
                    }
                }
                (!self.caps_add.is_empty() || !self.caps_del.is_empty()).then_some(())
            }
            "qemu:override" if branch(e, &[]) && self.overrides.is_empty() => {
                for d in e.elements() {
                    if d.name != "qemu:device" || !branch(d, &["alias"]) {
                        return None;
                    }
                    let mut frontend = None;
                    for f in d.elements() {
                        if f.name != "qemu:frontend" || !branch(f, &[]) {
                            return None;
                        }
                        let mut props = Vec::new();
                        for p in f.elements() {
                            if !only(p, "qemu:property", &["name", "type", "value"]) {
                                return None;
                            }
                            props.push(QemuProperty {
                                name: p.attribute("name")?.to_string(),
                                kind: p.attribute("type")?.to_string(),
                                value: p.attribute("value").map(str::to_string),
                            });
                        }
                        set_once(&mut frontend, Some(props).filter(|p| !p.is_empty()))?;
                    }
                    self.overrides.push(QemuDeviceOverride {
                        alias: d.attribute("alias")?.to_string(),
                        frontend: frontend?,
                    });
                }
                (!self.overrides.is_empty()).then_some(())
            }
            "qemu:deprecation" if only(e, "qemu:deprecation", &["behavior"]) => {
                set_once(&mut self.deprecation, Some(e.attribute("behavior")?.to_string()))
            }
            _ => None,
        }
    }

    pub(crate) fn occurrences(&self) -> usize {
        let block = |n: usize| if n == 0 { 0 } else { 1 + n };
        block(
            2 * self.args.len()
                + self.env.iter().map(|(_, v)| 2 + usize::from(v.is_some())).sum::<usize>(),
        ) + block(2 * (self.caps_add.len() + self.caps_del.len()))
            + block(
                self.overrides
                    .iter()
                    .map(|d| {
                        3 + d
                            .frontend
                            .iter()
                            .map(|p| 3 + usize::from(p.value.is_some()))
                            .sum::<usize>()
                    })
                    .sum(),
            )
            + 2 * usize::from(self.deprecation.is_some())
    }

    pub(crate) fn write(&self, out: &mut String) {
        if !self.args.is_empty() || !self.env.is_empty() {
            open(out, 1, "qemu:commandline");
            out.push_str(">\n");
            for a in &self.args {
                open(out, 2, "qemu:arg");
                attr(out, "value", Some(a));
                out.push_str("/>\n");
            }
            for (name, value) in &self.env {
                open(out, 2, "qemu:env");
                attr(out, "name", Some(name));
                attr(out, "value", value.as_deref());
                out.push_str("/>\n");
            }
            end(out, 1, "qemu:commandline");
        }
        if !self.caps_add.is_empty() || !self.caps_del.is_empty() {
            open(out, 1, "qemu:capabilities");
            out.push_str(">\n");
            for (name, list) in [("qemu:add", &self.caps_add), ("qemu:del", &self.caps_del)] {
                for cap in list {
                    open(out, 2, name);
                    attr(out, "capability", Some(cap));
                    out.push_str("/>\n");
                }
            }
            end(out, 1, "qemu:capabilities");
        }
        if !self.overrides.is_empty() {
            open(out, 1, "qemu:override");
            out.push_str(">\n");
            for d in &self.overrides {
                open(out, 2, "qemu:device");
                attr(out, "alias", Some(&d.alias));
                out.push_str(">\n");
                open(out, 3, "qemu:frontend");
                out.push_str(">\n");
                for p in &d.frontend {
                    open(out, 4, "qemu:property");
                    attr(out, "name", Some(&p.name));
                    attr(out, "type", Some(&p.kind));
                    attr(out, "value", p.value.as_deref());
                    out.push_str("/>\n");
                }
                end(out, 3, "qemu:frontend");
                end(out, 2, "qemu:device");
            }
            end(out, 1, "qemu:override");
        }
        if let Some(b) = &self.deprecation {
            open(out, 1, "qemu:deprecation");
            attr(out, "behavior", Some(b));
            out.push_str("/>\n");
        }
    }
}
