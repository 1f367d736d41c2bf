//! The parts of `<features>` with children: `<hyperv>`, `<kvm>`, `<xen>`, `<capabilities>`
//! (switches such as `<relaxed state='on'/>`, some with one parameter or children of their
//! own), and the sizes of `<smm><tseg>`, `<hpt><maxpagesize>` and `<tcg><tb-cache>`.
//! Switches are written in libvirt's order (`virDomainDefFormatFeatures`).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::doc::Element;
use crate::parts::{FeatureKind, attr, branch, close_text, end, leaf, open};
use crate::types::{memory_kib, on_off, on_off_str};

/// A switch inside a feature: `<name state='on|off' param='...'>` with its own switches
/// (`<stimer state='on'><direct state='on'/></stimer>`).
///
/// ```
/// use virtkit_domxml::{Domain, FeatureKind};
/// let d = Domain::from_xml("<domain type='kvm'><features><hyperv><spinlocks state='on' \
///     retries='4096'/><relaxed state='on'/></hyperv></features></domain>").unwrap();
/// let hv = &d.features.unwrap().items[0];
/// assert_eq!(hv.kind, FeatureKind::Hyperv);
/// assert_eq!(hv.switches[0].name, "relaxed");
/// assert_eq!(hv.switches[1].param.as_deref(), Some("4096"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubFeature {
    /// The element name (`relaxed`, `hidden`, `e820_host`, `mknod`, ...).
    pub name: String,
    /// `state`.
    pub state: bool,
    /// The one parameter the switch takes when on, if any (`retries` of `spinlocks`, `value`
    /// of `vendor_id`, `size` of `dirty-ring`, `mode` of `passthrough`).
    pub param: Option<String>,
    /// Nested switches (`direct`, `extended`), all on.
    pub children: Vec<String>,
}

/// A switch: its name, the attribute of its parameter and its nested switches.
type Switch = (&'static str, Option<&'static str>, &'static [&'static str]);

/// The switches of `<hyperv>` in libvirt's order, each with its parameter and nested switches.
const HYPERV: &[Switch] = &[
    ("relaxed", None, &[]),
    ("vapic", None, &[]),
    ("spinlocks", Some("retries"), &[]),
    ("vpindex", None, &[]),
    ("runtime", None, &[]),
    ("synic", None, &[]),
    ("stimer", None, &["direct"]),
    ("reset", None, &[]),
    ("vendor_id", Some("value"), &[]),
    ("frequencies", None, &[]),
    ("reenlightenment", None, &[]),
    ("tlbflush", None, &["direct", "extended"]),
    ("ipi", None, &[]),
    ("evmcs", None, &[]),
    ("avic", None, &[]),
    ("emsr_bitmap", None, &[]),
    ("xmm_input", None, &[]),
];

const KVM: &[Switch] = &[
    ("hidden", None, &[]),
    ("hint-dedicated", None, &[]),
    ("poll-control", None, &[]),
    ("pv-ipi", None, &[]),
    ("dirty-ring", Some("size"), &[]),
];

const XEN: &[Switch] = &[("e820_host", None, &[]), ("passthrough", Some("mode"), &[])];

/// The process capabilities of `<capabilities>` (containers), in libvirt's order.
const CAPS: [&str; 37] = [
    "audit_control",
    "audit_write",
    "block_suspend",
    "chown",
    "dac_override",
    "dac_read_search",
    "fowner",
    "fsetid",
    "ipc_lock",
    "ipc_owner",
    "kill",
    "lease",
    "linux_immutable",
    "mac_admin",
    "mac_override",
    "mknod",
    "net_admin",
    "net_bind_service",
    "net_broadcast",
    "net_raw",
    "setgid",
    "setfcap",
    "setpcap",
    "setuid",
    "sys_admin",
    "sys_boot",
    "sys_chroot",
    "sys_module",
    "sys_nice",
    "sys_pacct",
    "sys_ptrace",
    "sys_rawio",
    "sys_resource",
    "sys_time",
    "sys_tty_config",
    "syslog",
    "wake_alarm",
];

fn table(kind: FeatureKind) -> Option<&'static [Switch]> {
    match kind {
        FeatureKind::Hyperv => Some(HYPERV),
        FeatureKind::Kvm => Some(KVM),
        FeatureKind::Xen => Some(XEN),
        _ => None,
    }
}

/// libvirt's rank of a switch of `kind`.
fn rank(kind: FeatureKind, name: &str) -> Option<usize> {
    match kind {
        FeatureKind::Capabilities => CAPS.iter().position(|c| *c == name),
        _ => table(kind)?.iter().position(|(n, _, _)| *n == name),
    }
}

/// Reads the switches of a feature element of `kind`, sorted in libvirt's order.
pub(crate) fn parse_switches(kind: FeatureKind, e: &Element<'_>) -> Option<Vec<SubFeature>> {
    let mut list: Vec<SubFeature> = Vec::new();
    for c in e.elements() {
        rank(kind, &c.name)?;
        let (param, nested): (Option<&str>, &[&str]) = match table(kind) {
            Some(t) => t.iter().find(|(n, _, _)| *n == c.name).map(|(_, p, k)| (*p, *k))?,
            None => (None, &[]),
        };
        let mut allowed = alloc::vec!["state"];
        allowed.extend(param);
        if !branch(c, &allowed) || list.iter().any(|s| s.name == c.name) {
            return None;
        }
        let state = on_off(c.attribute("state")?)?;
        let value = param.and_then(|p| c.attribute(p));
        // libvirt keeps the parameter and nested switches of a switch that is on only, and
        // needs `retries` and `value` then.
        let required = matches!(&*c.name, "spinlocks" | "vendor_id");
        if (!state && value.is_some()) || (state && required && value.is_none()) {
            return None;
        }
        let mut children: Vec<String> = Vec::new();
        for n in c.elements() {
            let ok = state
                && nested.contains(&&*n.name)
                && leaf(n, &["state"])
                && n.children.is_empty()
                && n.attribute("state") == Some("on")
                && !children.iter().any(|x| *x == n.name);
            if !ok {
                return None;
            }
            children.push(n.name.to_string());
        }
        children.sort_by_key(|n| nested.iter().position(|x| x == n));
        list.push(SubFeature {
            name: c.name.to_string(),
            state,
            param: value.map(str::to_string),
            children,
        });
    }
    list.sort_by_key(|s| rank(kind, &s.name));
    Some(list)
}

/// Reads the one size child of `<smm>` (`<tseg>`, written in MiB when it is a whole number of them), `<hpt>` (`<maxpagesize>`) or
/// `<tcg>` (`<tb-cache>`, both in KiB): `Some(None)` without one, `None` for what the model
/// does not hold.
// Outer `None`: not a value this model holds; inner `None`: absent.
#[allow(clippy::option_option)]
pub(crate) fn parse_size(kind: FeatureKind, e: &Element<'_>) -> Option<Option<u64>> {
    let child = match kind {
        FeatureKind::Smm => "tseg",
        FeatureKind::Hpt => "maxpagesize",
        FeatureKind::Tcg => "tb-cache",
        _ => return e.elements().next().is_none().then_some(None),
    };
    let mut size = None;
    for c in e.elements() {
        if c.name != child || !leaf(c, &["unit"]) || size.is_some() {
            return None;
        }
        let text = c.text();
        let kib = if kind == FeatureKind::Smm {
            // In MiB by default; libvirt writes it in MiB (and refuses a size that is not a
            // whole number of MiB, which is written in KiB here so that nothing is lost).
            memory_kib(&text, Some(c.attribute("unit").unwrap_or("MiB"))).ok()?
        } else {
            memory_kib(&text, c.attribute("unit")).ok()?
        };
        size = Some(kib);
    }
    Some(size)
}

pub(crate) fn switches_occurrences(list: &[SubFeature]) -> usize {
    list.iter().map(|s| 2 + usize::from(s.param.is_some()) + 2 * s.children.len()).sum()
}

/// Writes the children of a feature element (after its start tag's attributes): its switches
/// or its size, and the end of the element.
pub(crate) fn write_children(
    out: &mut String,
    kind: FeatureKind,
    switches: &[SubFeature],
    size_kib: Option<u64>,
) {
    let name = kind.name();
    if let Some(kib) = size_kib {
        out.push_str(">\n");
        let (child, value, unit) = match kind {
            FeatureKind::Smm if kib.is_multiple_of(1024) => ("tseg", kib / 1024, "MiB"),
            FeatureKind::Smm => ("tseg", kib, "KiB"),
            FeatureKind::Hpt => ("maxpagesize", kib, "KiB"),
            _ => ("tb-cache", kib, "KiB"),
        };
        open(out, 3, child);
        attr(out, "unit", Some(unit));
        close_text(out, child, Some(&value.to_string()));
        end(out, 2, name);
        return;
    }
    if switches.is_empty() && kind != FeatureKind::Hyperv {
        out.push_str("/>\n");
        return;
    }
    // libvirt writes <hyperv> open and closed even without a switch.
    out.push_str(">\n");
    for s in switches {
        open(out, 3, &s.name);
        attr(out, "state", Some(on_off_str(s.state)));
        let param = table(kind)
            .and_then(|t| t.iter().find(|(n, _, _)| *n == s.name))
            .and_then(|(_, p, _)| *p);
        if let Some(p) = param {
            attr(out, p, s.param.as_deref());
        }
        if s.children.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        for c in &s.children {
            open(out, 4, c);
            attr(out, "state", Some("on"));
            out.push_str("/>\n");
        }
        end(out, 3, &s.name);
    }
    end(out, 2, name);
}
