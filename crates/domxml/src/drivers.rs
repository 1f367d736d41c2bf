//! The namespaces of the bhyve, Xen, LXC and VMware drivers: `<bhyve:commandline>`,
//! `<xen:commandline>` (arguments), `<lxc:namespace>` (shared namespaces) and
//! `<vmware:datacenterpath>`. As libvirt, the model recognises them by namespace URI whatever
//! the prefix and wherever the namespace is declared, and writes them after libvirt's own
//! elements under the driver's prefix, declared on `<domain>`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::doc::Element;
use crate::parts::{attr, branch, end, leaf, open, text_child, text_of};
use crate::qemu::QEMU_NAMESPACE;

/// The drivers' namespace URIs by prefix.
pub const DRIVER_NAMESPACES: [(&str, &str); 4] = [
    ("bhyve", "http://libvirt.org/schemas/domain/bhyve/1.0"),
    ("xen", "http://libvirt.org/schemas/domain/xen/1.0"),
    ("lxc", "http://libvirt.org/schemas/domain/lxc/1.0"),
    ("vmware", "http://libvirt.org/schemas/domain/vmware/1.0"),
];

/// The shared namespaces of `<lxc:namespace>`, in libvirt's order.
const LXC_SHARES: [&str; 3] = ["sharenet", "shareipc", "shareuts"];

/// The bhyve, Xen, LXC and VMware namespace elements.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='bhyve' xmlns:bhyve='http://libvirt.org/schemas/domain/bhyve/1.0'>\
///     <bhyve:commandline><bhyve:arg value='-H'/></bhyve:commandline></domain>").unwrap();
/// assert_eq!(d.drivers.as_ref().unwrap().commandline, Some(("bhyve".to_owned(), vec!["-H".to_owned()])));
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("<bhyve:arg value='-H'/>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DriverNamespaces {
    /// `<bhyve:commandline>` or `<xen:commandline>`: (prefix, `<arg value>`s).
    pub commandline: Option<(String, Vec<String>)>,
    /// `<lxc:namespace>`: (share, type, value) in libvirt's order (`sharenet`, `shareipc`,
    /// `shareuts`).
    pub lxc_namespace: Option<Vec<(String, String, String)>>,
    /// `<vmware:datacenterpath>`.
    pub vmware_datacenterpath: Option<String>,
}

/// The prefix libvirt writes for the driver namespace `uri` (`qemu`, `bhyve`, `xen`, `lxc`,
/// `vmware`).
pub(crate) fn driver_prefix(uri: &str) -> Option<&'static str> {
    if uri == QEMU_NAMESPACE {
        return Some("qemu");
    }
    DRIVER_NAMESPACES.iter().find(|(_, u)| *u == uri).map(|(p, _)| *p)
}

/// The namespace URI of the driver whose prefix libvirt writes as `prefix`.
pub(crate) fn driver_uri(prefix: &str) -> Option<&'static str> {
    if prefix == "qemu" {
        return Some(QEMU_NAMESPACE);
    }
    DRIVER_NAMESPACES.iter().find(|(p, _)| *p == prefix).map(|(_, u)| *u)
}

impl DriverNamespaces {
    /// Reads one element, already renamed into its driver's prefix without declarations
    /// (`namespaces::renamed_into`), into `self`; `None` when it stays lossless.
    pub(crate) fn take(&mut self, e: &Element<'_>) -> Option<()> {
        let prefix = e.prefix()?;
        match (prefix, e.local_name()) {
            ("bhyve" | "xen", "commandline") if branch(e, &[]) && self.commandline.is_none() => {
                let arg = alloc::format!("{prefix}:arg");
                let mut args = Vec::new();
                for c in e.elements() {
                    if c.name != arg || !leaf(c, &["value"]) || !c.children.is_empty() {
                        return None;
                    }
                    args.push(c.attribute("value")?.to_string());
                }
                if args.is_empty() {
                    return None;
                }
                self.commandline = Some((prefix.to_string(), args));
            }
            ("lxc", "namespace") if branch(e, &[]) && self.lxc_namespace.is_none() => {
                let mut list: Vec<(String, String, String)> = Vec::new();
                for c in e.elements() {
                    let share = c.name.strip_prefix("lxc:")?;
                    if !LXC_SHARES.contains(&share)
                        || !leaf(c, &["type", "value"])
                        || !c.children.is_empty()
                        || list.iter().any(|(s, _, _)| s == share)
                    {
                        return None;
                    }
                    list.push((
                        share.to_string(),
                        c.attribute("type")?.to_string(),
                        c.attribute("value")?.to_string(),
                    ));
                }
                if list.is_empty() {
                    return None;
                }
                list.sort_by_key(|(s, _, _)| LXC_SHARES.iter().position(|x| x == s));
                self.lxc_namespace = Some(list);
            }
            ("vmware", "datacenterpath") if self.vmware_datacenterpath.is_none() => {
                self.vmware_datacenterpath = Some(text_of(e).filter(|t| !t.is_empty())?);
            }
            _ => return None,
        }
        Some(())
    }

    /// The namespaces (prefix, URI) of the typed elements, in [`DRIVER_NAMESPACES`]' order:
    /// those libvirt declares on `<domain>`.
    pub(crate) fn namespaces(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        DRIVER_NAMESPACES.iter().copied().filter(|(prefix, _)| match *prefix {
            "lxc" => self.lxc_namespace.is_some(),
            "vmware" => self.vmware_datacenterpath.is_some(),
            _ => self.commandline.as_ref().is_some_and(|(p, _)| p == prefix),
        })
    }

    pub(crate) fn occurrences(&self) -> usize {
        self.commandline.as_ref().map_or(0, |(_, args)| 1 + 2 * args.len())
            + self.lxc_namespace.as_ref().map_or(0, |l| 1 + 3 * l.len())
            + usize::from(self.vmware_datacenterpath.is_some())
    }

    pub(crate) fn write(&self, out: &mut String) {
        if let Some((prefix, args)) = &self.commandline {
            let name = alloc::format!("{prefix}:commandline");
            let arg = alloc::format!("{prefix}:arg");
            open(out, 1, &name);
            out.push_str(">\n");
            for a in args {
                open(out, 2, &arg);
                attr(out, "value", Some(a));
                out.push_str("/>\n");
            }
            end(out, 1, &name);
        }
        if let Some(list) = &self.lxc_namespace {
            open(out, 1, "lxc:namespace");
            out.push_str(">\n");
            for (share, kind, value) in list {
                open(out, 2, &alloc::format!("lxc:{share}"));
                attr(out, "type", Some(kind));
                attr(out, "value", Some(value));
                out.push_str("/>\n");
            }
            end(out, 1, "lxc:namespace");
        }
        text_child(out, 1, "vmware:datacenterpath", self.vmware_datacenterpath.as_deref());
    }
}
