//! Typed `<cachetune>` and `<memorytune>` of `<cputune>` (libvirt's resctrl allocations).
//!
//! libvirt keeps one allocation per vcpu set: a `<memorytune>` over the vcpus of a
//! `<cachetune>` joins it, so memory tunes are written in the order of the cache tunes they
//! join, then the others in their own order. Cache banks are written in (level, type, id)
//! order and their sizes in the largest unit that divides them (`virFormatIntPretty`); memory
//! nodes in id order. What libvirt would refuse (overlapping vcpu sets, a bank or node given
//! twice, a monitor outside its tune's vcpus) is kept as given.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use virtkit_cpumap::CpuSet;

use crate::doc::Element;
use crate::parts::{attr, branch, end, leaf, open, opt_u32};
use crate::types::parse_ull;

/// The cache types in libvirt's order.
const CACHE_TYPES: [&str; 3] = ["both", "code", "data"];

/// One `<cache id level type size unit/>` of a `<cachetune>`, the size in bytes.
///
/// ```
/// let b = virtkit_domxml::CacheBank { id: 0, level: 3, kind: "both".into(), size_bytes: 786_432 };
/// assert_eq!(b.size_bytes / 1024, 768);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheBank {
    /// `id`: the host cache bank.
    pub id: u32,
    /// `level`.
    pub level: u32,
    /// `type`: `both`, `code`, `data`.
    pub kind: String,
    /// `size` (with `unit`, KiB by default), in bytes.
    pub size_bytes: u64,
}

/// `<cachetune vcpus>`: cache allocations and monitors for a set of vcpus.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><vcpu>2</vcpu><cputune><cachetune vcpus='0-1'>\
///     <cache id='0' level='3' type='both' size='2048' unit='KiB'/></cachetune></cputune></domain>")
///     .unwrap();
/// let t = &d.cputune.as_ref().unwrap().cachetunes[0];
/// assert_eq!(t.caches[0].size_bytes, 2 << 20);
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("size='2' unit='MiB'"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheTune {
    /// `vcpus`.
    pub vcpus: CpuSet,
    /// `id`: the allocation's name on the host (live definitions; not written with
    /// [`FormatFlags::INACTIVE`](crate::FormatFlags::INACTIVE)).
    pub id: Option<String>,
    /// `<cache>`s, in libvirt's order.
    pub caches: Vec<CacheBank>,
    /// `<monitor level vcpus/>`s: (level, vcpus).
    pub monitors: Vec<(u32, CpuSet)>,
}

/// `<memorytune vcpus>`: memory bandwidth allocations and monitors for a set of vcpus.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><vcpu>2</vcpu><cputune>\
///     <memorytune vcpus='0'><node id='1' bandwidth='30'/><node id='0' bandwidth='20'/>\
///     </memorytune></cputune></domain>").unwrap();
/// assert_eq!(d.cputune.unwrap().memorytunes[0].nodes, [(0, 20), (1, 30)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryTune {
    /// `vcpus`.
    pub vcpus: CpuSet,
    /// `<node id bandwidth/>`s: (id, bandwidth in percent), in id order.
    pub nodes: Vec<(u32, u32)>,
    /// `<monitor vcpus/>`s.
    pub monitors: Vec<CpuSet>,
}

fn vcpus_of(e: &Element<'_>) -> Option<CpuSet> {
    e.attribute("vcpus")?.parse::<CpuSet>().ok().filter(|s| !s.is_empty())
}

/// Reads a `<monitor>`: (level, vcpus), `level` only in a `<cachetune>`. Vcpus outside those
/// of the tune (libvirt refuses them) are kept as given.
fn parse_monitor(m: &Element<'_>, cache: bool) -> Option<(Option<u32>, CpuSet)> {
    let allowed: &[&str] = if cache { &["level", "vcpus"] } else { &["vcpus"] };
    if !leaf(m, allowed) || !m.children.is_empty() {
        return None;
    }
    let vcpus = vcpus_of(m)?;
    let level = if cache { Some(opt_u32(m, "level")??) } else { None };
    Some((level, vcpus))
}

pub(crate) fn parse_cachetune(e: &Element<'_>) -> Option<CacheTune> {
    if !branch(e, &["vcpus", "id"]) {
        return None;
    }
    let vcpus = vcpus_of(e)?;
    let id = e.attribute("id").map(str::to_string);
    let mut t = CacheTune { vcpus, id, caches: Vec::new(), monitors: Vec::new() };
    for c in e.elements() {
        match &*c.name {
            "cache" => {
                if !leaf(c, &["id", "level", "type", "size", "unit"]) || !c.children.is_empty() {
                    return None;
                }
                let kind = c.attribute("type")?;
                CACHE_TYPES.iter().position(|k| *k == kind)?;
                let kib = crate::types::memory_kib(c.attribute("size")?, c.attribute("unit"));
                // Sizes are kept in bytes: only units that give whole KiB are read here.
                let bytes = match c.attribute("unit") {
                    Some(u) if u.eq_ignore_ascii_case("b") || u.eq_ignore_ascii_case("bytes") => {
                        parse_ull(c.attribute("size")?)?
                    }
                    _ => kib.ok()?.checked_mul(1024)?,
                };
                let bank = CacheBank {
                    id: opt_u32(c, "id")??,
                    level: opt_u32(c, "level")??,
                    kind: kind.to_string(),
                    size_bytes: bytes,
                };
                // A bank given twice (libvirt refuses it) is kept twice.
                t.caches.push(bank);
            }
            "monitor" => {
                let (level, set) = parse_monitor(c, true)?;
                t.monitors.push((level?, set));
            }
            _ => return None,
        }
    }
    if t.caches.is_empty() && t.monitors.is_empty() {
        return None;
    }
    let type_rank = |k: &str| CACHE_TYPES.iter().position(|n| *n == k);
    t.caches.sort_by_key(|b| (b.level, type_rank(&b.kind), b.id));
    Some(t)
}

pub(crate) fn parse_memorytune(e: &Element<'_>) -> Option<MemoryTune> {
    if !branch(e, &["vcpus"]) {
        return None;
    }
    let vcpus = vcpus_of(e)?;
    let mut t = MemoryTune { vcpus, nodes: Vec::new(), monitors: Vec::new() };
    for c in e.elements() {
        match &*c.name {
            "node" => {
                if !leaf(c, &["id", "bandwidth"]) || !c.children.is_empty() {
                    return None;
                }
                // A node given twice (libvirt refuses it) is kept twice.
                t.nodes.push((opt_u32(c, "id")??, opt_u32(c, "bandwidth")??));
            }
            "monitor" => t.monitors.push(parse_monitor(c, false)?.1),
            _ => return None,
        }
    }
    if t.nodes.is_empty() && t.monitors.is_empty() {
        return None;
    }
    t.nodes.sort_by_key(|(id, _)| *id);
    Some(t)
}

fn disjoint(a: &CpuSet, b: &CpuSet) -> bool {
    !a.iter().any(|v| b.contains(v))
}

/// Puts memory tunes in libvirt's order when they follow libvirt's grouping (cache tunes
/// pairwise disjoint; a memory tune either over exactly the vcpus of one cache tune or
/// disjoint from all other tunes); tunes libvirt refuses keep their own order.
pub(crate) fn order_tunes(caches: &[CacheTune], memory: &mut [MemoryTune]) {
    if grouped(caches, memory).is_some() {
        memory
            .sort_by_key(|m| caches.iter().position(|c| c.vcpus == m.vcpus).unwrap_or(usize::MAX));
    }
}

/// libvirt's grouping of tunes (see [`order_tunes`]); `None` for what libvirt refuses.
fn grouped(caches: &[CacheTune], memory: &[MemoryTune]) -> Option<()> {
    for (i, a) in caches.iter().enumerate() {
        if caches[..i].iter().any(|b| !disjoint(&a.vcpus, &b.vcpus)) {
            return None;
        }
    }
    for (i, m) in memory.iter().enumerate() {
        let joins = caches.iter().any(|c| c.vcpus == m.vcpus);
        let collides = caches.iter().any(|c| c.vcpus != m.vcpus && !disjoint(&c.vcpus, &m.vcpus))
            || memory[..i].iter().any(|o| !disjoint(&o.vcpus, &m.vcpus));
        if collides && !joins || memory[..i].iter().any(|o| o.vcpus == m.vcpus) {
            return None;
        }
    }
    Some(())
}

/// libvirt's reading of tunes for a domain of `count` vcpus: the vcpus of a tune beyond the
/// count are dropped, and a tune left without any is dropped whole. A monitor naming a vcpu
/// beyond the count (libvirt refuses it) leaves the tunes as given.
pub(crate) fn shrink_tunes(caches: &mut Vec<CacheTune>, memory: &mut Vec<MemoryTune>, count: u32) {
    let within = |s: &CpuSet| s.iter().all(|v| v < count);
    let shrink = |s: &CpuSet| s.iter().filter(|v| *v < count).collect::<CpuSet>();
    if !caches.iter().all(|c| c.monitors.iter().all(|(_, m)| within(m)))
        || !memory.iter().all(|t| t.monitors.iter().all(within))
    {
        return;
    }
    for c in caches.iter_mut() {
        c.vcpus = shrink(&c.vcpus);
    }
    for m in memory.iter_mut() {
        m.vcpus = shrink(&m.vcpus);
    }
    caches.retain(|c| !c.vcpus.is_empty());
    memory.retain(|m| !m.vcpus.is_empty());
    order_tunes(caches, memory);
}

/// `virFormatIntPretty`: the size in the largest unit that divides it.
fn pretty(bytes: u64) -> (u64, &'static str) {
    const UNITS: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = bytes;
    let mut unit = 0;
    while value != 0 && value.is_multiple_of(1024) && unit + 1 < UNITS.len() {
        value /= 1024;
        unit += 1;
    }
    (value, UNITS[unit])
}

pub(crate) fn cachetune_occurrences(t: &CacheTune) -> usize {
    2 + usize::from(t.id.is_some()) + 6 * t.caches.len() + 3 * t.monitors.len()
}

pub(crate) fn memorytune_occurrences(t: &MemoryTune) -> usize {
    2 + 3 * t.nodes.len() + 2 * t.monitors.len()
}

pub(crate) fn write_cachetune(out: &mut String, t: &CacheTune, inactive: bool) {
    open(out, 2, "cachetune");
    attr(out, "vcpus", Some(&t.vcpus.to_string()));
    if !inactive {
        attr(out, "id", t.id.as_deref());
    }
    out.push_str(">\n");
    for b in &t.caches {
        let (size, unit) = pretty(b.size_bytes);
        open(out, 3, "cache");
        attr(out, "id", Some(&b.id.to_string()));
        attr(out, "level", Some(&b.level.to_string()));
        attr(out, "type", Some(&b.kind));
        attr(out, "size", Some(&size.to_string()));
        attr(out, "unit", Some(unit));
        out.push_str("/>\n");
    }
    for (level, vcpus) in &t.monitors {
        open(out, 3, "monitor");
        attr(out, "level", Some(&level.to_string()));
        attr(out, "vcpus", Some(&vcpus.to_string()));
        out.push_str("/>\n");
    }
    end(out, 2, "cachetune");
}

pub(crate) fn write_memorytune(out: &mut String, t: &MemoryTune) {
    open(out, 2, "memorytune");
    attr(out, "vcpus", Some(&t.vcpus.to_string()));
    out.push_str(">\n");
    for (id, bandwidth) in &t.nodes {
        open(out, 3, "node");
        attr(out, "id", Some(&id.to_string()));
        attr(out, "bandwidth", Some(&bandwidth.to_string()));
        out.push_str("/>\n");
    }
    for vcpus in &t.monitors {
        open(out, 3, "monitor");
        attr(out, "vcpus", Some(&vcpus.to_string()));
        out.push_str("/>\n");
    }
    end(out, 2, "memorytune");
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn sizes_in_the_largest_dividing_unit() {
        assert_eq!(pretty(0), (0, "B"));
        assert_eq!(pretty(1000), (1000, "B"));
        assert_eq!(pretty(768 * 1024), (768, "KiB"));
        assert_eq!(pretty(6 << 20), (6, "MiB"));
    }
}
