//! Typed `<memtune>`, `<blkiotune>`, `<resource>`, `<sysinfo>`, `<idmap>`, `<perf>`,
//! `<keywrap>` and `<defaultiothread>`, written in libvirt's order (`virDomainDefFormatInternal`
//! and the formatters it calls). As everywhere in the model, an element is typed only when
//! the model understands all of it; otherwise it stays lossless.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::doc::Element;
use crate::parts::{
    attr, branch, close_text, count, end, leaf, open, opt_string, opt_u32, set_once, text_child,
    text_of, write_block,
};
use crate::types::{memory_kib, on_off, on_off_str, parse_ull};

/// libvirt's "unlimited" memory limit (`VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`, in KiB): libvirt
/// reads limits at or above it as no limit and does not write them. They are kept (and
/// written) as read here, so that nothing is lost; [`Domain::apply_defaults`] drops them as
/// libvirt does.
///
/// [`Domain::apply_defaults`]: crate::Domain::apply_defaults
pub(crate) const UNLIMITED_KIB: u64 = 9_007_199_254_740_991;

/// `<memtune>`: memory limits of the domain, in KiB.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><memtune><hard_limit unit='MiB'>1</hard_limit>\
///     </memtune></domain>").unwrap();
/// assert_eq!(d.memtune.as_ref().unwrap().hard_limit, Some(1024));
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("<hard_limit unit='KiB'>1024</hard_limit>"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Memtune {
    /// `<hard_limit>`.
    pub hard_limit: Option<u64>,
    /// `<soft_limit>`.
    pub soft_limit: Option<u64>,
    /// `<min_guarantee>` (libvirt drops 0, which such an element keeps lossless).
    pub min_guarantee: Option<u64>,
    /// `<swap_hard_limit>`.
    pub swap_hard_limit: Option<u64>,
}

impl Memtune {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Memtune> {
        if !branch(e, &[]) {
            return None;
        }
        let mut m = Memtune::default();
        for c in e.elements() {
            if !leaf(c, &["unit"]) {
                return None;
            }
            let kib = memory_kib(&c.text(), c.attribute("unit")).ok()?;
            let slot = match &*c.name {
                "hard_limit" => &mut m.hard_limit,
                "soft_limit" => &mut m.soft_limit,
                "min_guarantee" if kib != 0 => &mut m.min_guarantee,
                "swap_hard_limit" => &mut m.swap_hard_limit,
                _ => return None,
            };
            set_once(slot, Some(kib))?;
        }
        (m != Memtune::default()).then_some(m)
    }

    fn fields(&self) -> [(&'static str, Option<u64>); 4] {
        [
            ("hard_limit", self.hard_limit),
            ("soft_limit", self.soft_limit),
            ("min_guarantee", self.min_guarantee),
            ("swap_hard_limit", self.swap_hard_limit),
        ]
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + 2 * self.fields().iter().filter(|(_, v)| v.is_some()).count()
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        for (name, v) in self.fields() {
            if let Some(v) = v {
                open(&mut body, 2, name);
                attr(&mut body, "unit", Some("KiB"));
                close_text(&mut body, name, Some(&v.to_string()));
            }
        }
        write_block(out, "memtune", &body);
    }
}

/// One `<blkiotune><device>`: per-device weight and throttles (0 is "unset" for libvirt; such
/// a device stays lossless).
///
/// ```
/// let d = virtkit_domxml::BlkioDevice { path: "/dev/sda".into(), weight: Some(100),
///     ..Default::default() };
/// assert_eq!(d.read_iops_sec, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlkioDevice {
    /// `<path>`.
    pub path: String,
    /// `<weight>`.
    pub weight: Option<u32>,
    /// `<read_iops_sec>`.
    pub read_iops_sec: Option<u32>,
    /// `<write_iops_sec>`.
    pub write_iops_sec: Option<u32>,
    /// `<read_bytes_sec>`.
    pub read_bytes_sec: Option<u64>,
    /// `<write_bytes_sec>`.
    pub write_bytes_sec: Option<u64>,
}

/// `<blkiotune>`: block I/O weight and per-device tuning.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><blkiotune><weight>800</weight>\
///     <device><path>/dev/sda</path><weight>400</weight></device></blkiotune></domain>").unwrap();
/// let b = d.blkiotune.unwrap();
/// assert_eq!((b.weight, b.devices[0].weight), (Some(800), Some(400)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blkiotune {
    /// `<weight>`.
    pub weight: Option<u32>,
    /// `<device>`s.
    pub devices: Vec<BlkioDevice>,
}

fn nonzero<T: TryFrom<u64>>(e: &Element<'_>) -> Option<T> {
    let v = parse_ull(text_of(e)?.trim())?;
    if v == 0 {
        return None;
    }
    T::try_from(v).ok()
}

impl Blkiotune {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Blkiotune> {
        if !branch(e, &[]) {
            return None;
        }
        let mut b = Blkiotune::default();
        for c in e.elements() {
            match &*c.name {
                "weight" => set_once(&mut b.weight, nonzero(c))?,
                "device" => {
                    if !branch(c, &[]) {
                        return None;
                    }
                    let mut path = None;
                    let mut d = BlkioDevice::default();
                    for f in c.elements() {
                        match &*f.name {
                            "path" => set_once(&mut path, text_of(f))?,
                            "weight" => set_once(&mut d.weight, nonzero(f))?,
                            "read_iops_sec" => set_once(&mut d.read_iops_sec, nonzero(f))?,
                            "write_iops_sec" => set_once(&mut d.write_iops_sec, nonzero(f))?,
                            "read_bytes_sec" => set_once(&mut d.read_bytes_sec, nonzero(f))?,
                            "write_bytes_sec" => set_once(&mut d.write_bytes_sec, nonzero(f))?,
                            _ => return None,
                        }
                    }
                    d.path = path?;
                    if d == (BlkioDevice { path: d.path.clone(), ..BlkioDevice::default() })
                        || b.devices.iter().any(|o| o.path == d.path)
                    {
                        return None;
                    }
                    b.devices.push(d);
                }
                _ => return None,
            }
        }
        (b != Blkiotune::default()).then_some(b)
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + usize::from(self.weight.is_some())
            + self
                .devices
                .iter()
                .map(|d| {
                    2 + count(&[
                        d.weight.is_some(),
                        d.read_iops_sec.is_some(),
                        d.write_iops_sec.is_some(),
                        d.read_bytes_sec.is_some(),
                        d.write_bytes_sec.is_some(),
                    ])
                })
                .sum::<usize>()
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        text_child(&mut body, 2, "weight", self.weight.map(|w| w.to_string()).as_deref());
        for d in &self.devices {
            open(&mut body, 2, "device");
            body.push_str(">\n");
            text_child(&mut body, 3, "path", Some(&d.path));
            let values = [
                ("weight", d.weight.map(u64::from)),
                ("read_iops_sec", d.read_iops_sec.map(u64::from)),
                ("write_iops_sec", d.write_iops_sec.map(u64::from)),
                ("read_bytes_sec", d.read_bytes_sec),
                ("write_bytes_sec", d.write_bytes_sec),
            ];
            for (name, v) in values {
                text_child(&mut body, 3, name, v.map(|v| v.to_string()).as_deref());
            }
            end(&mut body, 2, "device");
        }
        write_block(out, "blkiotune", &body);
    }
}

/// `<resource><partition>/machine</partition><fibrechannel appid='...'/></resource>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><resource>\
///     <partition>/machine</partition></resource></domain>").unwrap();
/// assert_eq!(d.resource.unwrap().partition.as_deref(), Some("/machine"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resource {
    /// `<partition>`.
    pub partition: Option<String>,
    /// `<fibrechannel appid>`.
    pub fibrechannel_appid: Option<String>,
}

impl Resource {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Resource> {
        if !branch(e, &[]) {
            return None;
        }
        let mut r = Resource::default();
        for c in e.elements() {
            match &*c.name {
                "partition" => set_once(&mut r.partition, text_of(c))?,
                "fibrechannel" if leaf(c, &["appid"]) && c.children.is_empty() => {
                    set_once(&mut r.fibrechannel_appid, opt_string(c, "appid"))?;
                }
                _ => return None,
            }
        }
        (r != Resource::default()).then_some(r)
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + usize::from(self.partition.is_some())
            + 2 * usize::from(self.fibrechannel_appid.is_some())
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        text_child(&mut body, 2, "partition", self.partition.as_deref());
        if let Some(id) = &self.fibrechannel_appid {
            open(&mut body, 2, "fibrechannel");
            attr(&mut body, "appid", Some(id));
            body.push_str("/>\n");
        }
        write_block(out, "resource", &body);
    }
}

/// One `<uid>`/`<gid>` mapping of `<idmap>`: `start`, `target`, `count`.
///
/// ```
/// let m = virtkit_domxml::IdMapping { start: 0, target: 1000, count: 10 };
/// assert_eq!(m.target, 1000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IdMapping {
    /// `start`: the first id in the container.
    pub start: u32,
    /// `target`: the first id on the host.
    pub target: u32,
    /// `count`.
    pub count: u32,
}

/// `<idmap>`: user and group id mappings of a container, each list sorted by `start` as
/// libvirt sorts it.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='lxc'><idmap>\
///     <uid start='10' target='1000' count='10'/><uid start='0' target='0' count='1'/>\
///     </idmap></domain>").unwrap();
/// assert_eq!(d.idmap.unwrap().uids[0].start, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdMap {
    /// `<uid>`s.
    pub uids: Vec<IdMapping>,
    /// `<gid>`s.
    pub gids: Vec<IdMapping>,
}

impl IdMap {
    pub(crate) fn parse(e: &Element<'_>) -> Option<IdMap> {
        if !branch(e, &[]) {
            return None;
        }
        let mut m = IdMap::default();
        for c in e.elements() {
            if !leaf(c, &["start", "target", "count"]) || !c.children.is_empty() {
                return None;
            }
            let entry = IdMapping {
                start: opt_u32(c, "start")??,
                target: opt_u32(c, "target")??,
                count: opt_u32(c, "count")??,
            };
            match &*c.name {
                "uid" => m.uids.push(entry),
                "gid" => m.gids.push(entry),
                _ => return None,
            }
        }
        m.uids.sort_by_key(|x| x.start);
        m.gids.sort_by_key(|x| x.start);
        Some(m)
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + 4 * (self.uids.len() + self.gids.len())
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        for (name, list) in [("uid", &self.uids), ("gid", &self.gids)] {
            for x in list {
                open(&mut body, 2, name);
                attr(&mut body, "start", Some(&x.start.to_string()));
                attr(&mut body, "target", Some(&x.target.to_string()));
                attr(&mut body, "count", Some(&x.count.to_string()));
                body.push_str("/>\n");
            }
        }
        write_block(out, "idmap", &body);
    }
}

/// libvirt's perf events, in its order (`virPerfEvent`).
pub const PERF_EVENTS: [&str; 22] = [
    "cmt",
    "mbmt",
    "mbml",
    "cpu_cycles",
    "instructions",
    "cache_references",
    "cache_misses",
    "branch_instructions",
    "branch_misses",
    "bus_cycles",
    "stalled_cycles_frontend",
    "stalled_cycles_backend",
    "ref_cpu_cycles",
    "cpu_clock",
    "task_clock",
    "page_faults",
    "context_switches",
    "cpu_migrations",
    "page_faults_min",
    "page_faults_maj",
    "alignment_faults",
    "emulation_faults",
];

/// `<perf><event name enabled/></perf>`: (event, enabled) pairs in libvirt's order
/// ([`PERF_EVENTS`]).
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><perf>\
///     <event name='mbml' enabled='no'/><event name='cmt' enabled='yes'/></perf></domain>").unwrap();
/// assert_eq!(d.perf.unwrap().events, [("cmt".to_owned(), true), ("mbml".to_owned(), false)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Perf {
    /// The events.
    pub events: Vec<(String, bool)>,
}

fn perf_rank(name: &str) -> usize {
    PERF_EVENTS.iter().position(|n| *n == name).unwrap_or(usize::MAX)
}

impl Perf {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Perf> {
        if !branch(e, &[]) {
            return None;
        }
        let mut p = Perf::default();
        for c in e.elements() {
            if c.name != "event" || !leaf(c, &["name", "enabled"]) || !c.children.is_empty() {
                return None;
            }
            let name = c.attribute("name")?;
            let enabled = crate::parts::yes_no(c.attribute("enabled")?)?;
            if perf_rank(name) == usize::MAX || p.events.iter().any(|(n, _)| n == name) {
                return None;
            }
            p.events.push((name.to_string(), enabled));
        }
        if p.events.is_empty() {
            return None;
        }
        p.events.sort_by_key(|(n, _)| perf_rank(n));
        Some(p)
    }

    pub(crate) fn occurrences(&self) -> usize {
        1 + 3 * self.events.len()
    }

    pub(crate) fn write(&self, out: &mut String) {
        let mut body = String::new();
        for (name, enabled) in &self.events {
            open(&mut body, 2, "event");
            attr(&mut body, "name", Some(name));
            attr(&mut body, "enabled", Some(crate::parts::yes_no_str(*enabled)));
            body.push_str("/>\n");
        }
        write_block(out, "perf", &body);
    }
}

/// `<keywrap><cipher name='aes' state='on'/><cipher name='dea' state='off'/></keywrap>` (s390).
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><keywrap>\
///     <cipher name='dea' state='on'/><cipher name='aes' state='off'/></keywrap></domain>").unwrap();
/// let k = d.keywrap.unwrap();
/// assert_eq!((k.aes, k.dea), (Some(false), Some(true)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Keywrap {
    /// The `aes` cipher's state.
    pub aes: Option<bool>,
    /// The `dea` cipher's state.
    pub dea: Option<bool>,
}

impl Keywrap {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Keywrap> {
        if !branch(e, &[]) {
            return None;
        }
        let mut k = Keywrap::default();
        for c in e.elements() {
            if c.name != "cipher" || !leaf(c, &["name", "state"]) || !c.children.is_empty() {
                return None;
            }
            let state = on_off(c.attribute("state")?)?;
            match c.attribute("name")? {
                "aes" => set_once(&mut k.aes, Some(state))?,
                "dea" => set_once(&mut k.dea, Some(state))?,
                _ => return None,
            }
        }
        (k != Keywrap::default()).then_some(k)
    }

    pub(crate) fn occurrences(self) -> usize {
        1 + 3 * count(&[self.aes.is_some(), self.dea.is_some()])
    }

    pub(crate) fn write(self, out: &mut String) {
        let mut body = String::new();
        for (name, state) in [("aes", self.aes), ("dea", self.dea)] {
            if let Some(s) = state {
                open(&mut body, 2, "cipher");
                attr(&mut body, "name", Some(name));
                attr(&mut body, "state", Some(on_off_str(s)));
                body.push_str("/>\n");
            }
        }
        write_block(out, "keywrap", &body);
    }
}

/// `<defaultiothread thread_pool_min thread_pool_max/>`.
///
/// ```
/// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'>\
///     <defaultiothread thread_pool_max='8'/></domain>").unwrap();
/// assert_eq!(d.defaultiothread.unwrap().thread_pool_max, Some(8));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DefaultIothread {
    /// `thread_pool_min`.
    pub thread_pool_min: Option<u32>,
    /// `thread_pool_max`.
    pub thread_pool_max: Option<u32>,
}

impl DefaultIothread {
    pub(crate) fn parse(e: &Element<'_>) -> Option<DefaultIothread> {
        if !leaf(e, &["thread_pool_min", "thread_pool_max"]) || !e.children.is_empty() {
            return None;
        }
        let d = DefaultIothread {
            thread_pool_min: opt_u32(e, "thread_pool_min")?,
            thread_pool_max: opt_u32(e, "thread_pool_max")?,
        };
        // libvirt keeps no definition for an empty element.
        (d != DefaultIothread::default()).then_some(d)
    }

    pub(crate) fn occurrences(self) -> usize {
        1 + count(&[self.thread_pool_min.is_some(), self.thread_pool_max.is_some()])
    }

    pub(crate) fn write(self, out: &mut String) {
        open(out, 1, "defaultiothread");
        attr(out, "thread_pool_min", self.thread_pool_min.map(|v| v.to_string()).as_deref());
        attr(out, "thread_pool_max", self.thread_pool_max.map(|v| v.to_string()).as_deref());
        out.push_str("/>\n");
    }
}

/// The entries of each SMBIOS section in libvirt's order (`virSysinfoFormat`).
const SMBIOS_SECTIONS: [(&str, &[&str]); 4] = [
    ("bios", &["vendor", "version", "date", "release"]),
    ("system", &["manufacturer", "product", "version", "serial", "uuid", "sku", "family"]),
    ("baseBoard", &["manufacturer", "product", "version", "serial", "asset", "location"]),
    ("chassis", &["manufacturer", "version", "serial", "asset", "sku"]),
];

/// One `<entry name file>value</entry>` of a `fwcfg` `<sysinfo>`.
///
/// ```
/// let e = virtkit_domxml::FwCfgEntry { name: "opt/x".into(), file: None, value: Some("v".into()) };
/// assert_eq!(e.name, "opt/x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FwCfgEntry {
    /// `name`.
    pub name: String,
    /// `file`: a host file with the value.
    pub file: Option<String>,
    /// The value.
    pub value: Option<String>,
}

/// `<sysinfo type='smbios'>` (sections of named entries, written in libvirt's order) or
/// `<sysinfo type='fwcfg'>` (firmware configuration entries).
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><sysinfo type='smbios'><system>\
///     <entry name='product'>P</entry><entry name='manufacturer'>M</entry></system>\
///     </sysinfo></domain>").unwrap();
/// let s = &d.sysinfo[0];
/// assert_eq!(s.system[0], ("manufacturer".to_owned(), "M".to_owned()));
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains(
///     "<system>\n      <entry name='manufacturer'>M</entry>\n      <entry name='product'>P</entry>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sysinfo {
    /// `type`: `smbios` or `fwcfg`.
    pub kind: String,
    /// `<bios>` entries: (name, value).
    pub bios: Vec<(String, String)>,
    /// `<system>` entries.
    pub system: Vec<(String, String)>,
    /// `<baseBoard>`s, each with its entries.
    pub base_boards: Vec<Vec<(String, String)>>,
    /// `<chassis>` entries.
    pub chassis: Vec<(String, String)>,
    /// `<oemStrings>` entries.
    pub oem_strings: Vec<String>,
    /// The entries of a `fwcfg` sysinfo.
    pub fwcfg: Vec<FwCfgEntry>,
}

/// Reads the named entries of an SMBIOS section, sorted in libvirt's order.
fn smbios_section(e: &Element<'_>, names: &[&str]) -> Option<Vec<(String, String)>> {
    if !branch(e, &[]) {
        return None;
    }
    let mut list: Vec<(String, String)> = Vec::new();
    for c in e.elements() {
        if c.name != "entry" || !leaf(c, &["name"]) {
            return None;
        }
        let name = c.attribute("name")?;
        let value = c.text();
        // libvirt ignores unknown names and empty values, and reads the first of duplicates.
        if !names.contains(&name) || value.is_empty() || list.iter().any(|(n, _)| n == name) {
            return None;
        }
        if name == "uuid" && value.parse::<crate::Uuid>().ok()?.to_string() != value {
            // libvirt rewrites the uuid in canonical form; other forms stay lossless.
            return None;
        }
        list.push((name.to_string(), value.into_owned()));
    }
    if list.is_empty() {
        return None;
    }
    list.sort_by_key(|(n, _)| names.iter().position(|x| x == n));
    Some(list)
}

impl Sysinfo {
    pub(crate) fn parse(e: &Element<'_>) -> Option<Sysinfo> {
        if !branch(e, &["type"]) {
            return None;
        }
        let kind = e.attribute("type")?;
        let mut s = Sysinfo { kind: kind.to_string(), ..Sysinfo::default() };
        for c in e.elements() {
            if kind == "fwcfg" {
                if c.name != "entry" || !leaf(c, &["name", "file"]) {
                    return None;
                }
                let value = c.text();
                let name = c.attribute("name")?;
                if s.fwcfg.iter().any(|x| x.name == name) {
                    return None;
                }
                s.fwcfg.push(FwCfgEntry {
                    name: name.to_string(),
                    file: opt_string(c, "file"),
                    value: (!value.is_empty()).then(|| value.into_owned()),
                });
                continue;
            }
            if kind != "smbios" {
                return None;
            }
            if c.name == "oemStrings" {
                if !branch(c, &[]) || !s.oem_strings.is_empty() {
                    return None;
                }
                for x in c.elements() {
                    let text = text_of(x).filter(|t| x.name == "entry" && !t.is_empty())?;
                    s.oem_strings.push(text);
                }
                if s.oem_strings.is_empty() {
                    return None;
                }
                continue;
            }
            let (_, names) = SMBIOS_SECTIONS.iter().find(|(n, _)| *n == c.name)?;
            let list = smbios_section(c, names)?;
            let slot = match &*c.name {
                "bios" => &mut s.bios,
                "system" => &mut s.system,
                "chassis" => &mut s.chassis,
                _ => {
                    s.base_boards.push(list);
                    continue;
                }
            };
            if !slot.is_empty() {
                return None;
            }
            *slot = list;
        }
        Some(s)
    }

    pub(crate) fn occurrences(&self) -> usize {
        let section = |l: &[(String, String)]| if l.is_empty() { 0 } else { 1 + 2 * l.len() };
        let oem = if self.oem_strings.is_empty() { 0 } else { 1 + self.oem_strings.len() };
        2 + section(&self.bios)
            + section(&self.system)
            + self.base_boards.iter().map(|b| section(b)).sum::<usize>()
            + section(&self.chassis)
            + oem
            + self.fwcfg.iter().map(|f| 2 + usize::from(f.file.is_some())).sum::<usize>()
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "sysinfo");
        attr(out, "type", Some(&self.kind));
        let mut body = String::new();
        let mut section = |name: &str, list: &[(String, String)]| {
            if list.is_empty() {
                return;
            }
            open(&mut body, 2, name);
            body.push_str(">\n");
            for (n, v) in list {
                open(&mut body, 3, "entry");
                attr(&mut body, "name", Some(n));
                close_text(&mut body, "entry", Some(v));
            }
            end(&mut body, 2, name);
        };
        section("bios", &self.bios);
        section("system", &self.system);
        for b in &self.base_boards {
            section("baseBoard", b);
        }
        section("chassis", &self.chassis);
        if !self.oem_strings.is_empty() {
            open(&mut body, 2, "oemStrings");
            body.push_str(">\n");
            for v in &self.oem_strings {
                text_child(&mut body, 3, "entry", Some(v));
            }
            end(&mut body, 2, "oemStrings");
        }
        for f in &self.fwcfg {
            open(&mut body, 2, "entry");
            attr(&mut body, "name", Some(&f.name));
            attr(&mut body, "file", f.file.as_deref());
            close_text(&mut body, "entry", f.value.as_deref());
        }
        if body.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            out.push_str(&body);
            end(out, 1, "sysinfo");
        }
    }
}

/// `<launchSecurity type='sev'|'sev-snp'|'s390-pv'>`: confidential guest settings (`tdx`
/// stays lossless for now).
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><launchSecurity type='sev'>\
///     <policy>0x1</policy></launchSecurity></domain>").unwrap();
/// assert_eq!(d.launch_security.as_ref().unwrap().policy, Some(1));
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("<policy>0x0001</policy>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LaunchSecurity {
    /// `type`: `sev`, `sev-snp`, `s390-pv`.
    pub kind: String,
    /// `kernelHashes` (sev).
    pub kernel_hashes: Option<bool>,
    /// `authorKey` (sev-snp).
    pub author_key: Option<bool>,
    /// `vcek` (sev-snp).
    pub vcek: Option<bool>,
    /// `<cbitpos>`.
    pub cbitpos: Option<u32>,
    /// `<reducedPhysBits>`.
    pub reduced_phys_bits: Option<u32>,
    /// `<policy>` (hexadecimal in the XML).
    pub policy: Option<u64>,
    /// The base64 blobs in libvirt's order: `dhCert`, `session` (sev); `guestVisibleWorkarounds`,
    /// `idBlock`, `idAuth`, `hostData` (sev-snp).
    pub blobs: Vec<(String, String)>,
}

const SEV_BLOBS: [&str; 2] = ["dhCert", "session"];
const SNP_BLOBS: [&str; 4] = ["guestVisibleWorkarounds", "idBlock", "idAuth", "hostData"];

impl LaunchSecurity {
    pub(crate) fn parse(e: &Element<'_>) -> Option<LaunchSecurity> {
        let kind = e.attribute("type")?;
        let (attrs, blobs): (&[&str], &[&str]) = match kind {
            "sev" => (&["type", "kernelHashes"], &SEV_BLOBS),
            "sev-snp" => (&["type", "authorKey", "vcek"], &SNP_BLOBS),
            "s390-pv" => (&["type"], &[]),
            _ => return None,
        };
        if !branch(e, attrs) {
            return None;
        }
        let yes_no = |name: &str| match e.attribute(name) {
            None => Some(None),
            Some(v) => crate::parts::yes_no(v).map(Some),
        };
        let mut l = LaunchSecurity {
            kind: kind.to_string(),
            kernel_hashes: yes_no("kernelHashes")?,
            author_key: yes_no("authorKey")?,
            vcek: yes_no("vcek")?,
            ..LaunchSecurity::default()
        };
        for c in e.elements() {
            let text = text_of(c)?;
            match &*c.name {
                "cbitpos" if kind != "s390-pv" => {
                    set_once(&mut l.cbitpos, text.trim().parse().ok())?;
                }
                "reducedPhysBits" if kind != "s390-pv" => {
                    set_once(&mut l.reduced_phys_bits, text.trim().parse().ok())?;
                }
                "policy" if kind != "s390-pv" => {
                    let t = text.trim();
                    let hex = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
                    let v = u64::from_str_radix(hex, 16).ok()?;
                    if kind == "sev" && u32::try_from(v).is_err() {
                        return None;
                    }
                    set_once(&mut l.policy, Some(v))?;
                }
                name if blobs.contains(&name) => {
                    if text.is_empty() || l.blobs.iter().any(|(n, _)| n == name) {
                        return None;
                    }
                    l.blobs.push((name.to_string(), text));
                }
                _ => return None,
            }
        }
        if kind == "sev" && l.policy.is_none() {
            return None;
        }
        l.blobs.sort_by_key(|(n, _)| blobs.iter().position(|b| b == n));
        Some(l)
    }

    pub(crate) fn occurrences(&self) -> usize {
        2 + count(&[
            self.kernel_hashes.is_some(),
            self.author_key.is_some(),
            self.vcek.is_some(),
            self.cbitpos.is_some(),
            self.reduced_phys_bits.is_some(),
            self.policy.is_some(),
        ]) + self.blobs.len()
    }

    pub(crate) fn write(&self, out: &mut String) {
        open(out, 1, "launchSecurity");
        attr(out, "type", Some(&self.kind));
        attr(out, "kernelHashes", self.kernel_hashes.map(crate::parts::yes_no_str));
        attr(out, "authorKey", self.author_key.map(crate::parts::yes_no_str));
        attr(out, "vcek", self.vcek.map(crate::parts::yes_no_str));
        let mut body = String::new();
        text_child(&mut body, 2, "cbitpos", self.cbitpos.map(|v| v.to_string()).as_deref());
        let bits = self.reduced_phys_bits.map(|v| v.to_string());
        text_child(&mut body, 2, "reducedPhysBits", bits.as_deref());
        let policy = self.policy.map(|p| {
            if self.kind == "sev" {
                alloc::format!("0x{p:04x}")
            } else {
                alloc::format!("0x{p:08x}")
            }
        });
        text_child(&mut body, 2, "policy", policy.as_deref());
        for (name, value) in &self.blobs {
            text_child(&mut body, 2, name, Some(value));
        }
        if body.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            out.push_str(&body);
            end(out, 1, "launchSecurity");
        }
    }
}

/// The limits of a throttle group in libvirt's order (`virDomainDiskIoTuneFormat`);
/// `group_name` comes after `size_iops_sec`.
pub const THROTTLE_LIMITS: [&str; 19] = [
    "total_bytes_sec",
    "read_bytes_sec",
    "write_bytes_sec",
    "total_iops_sec",
    "read_iops_sec",
    "write_iops_sec",
    "total_bytes_sec_max",
    "read_bytes_sec_max",
    "write_bytes_sec_max",
    "total_iops_sec_max",
    "read_iops_sec_max",
    "write_iops_sec_max",
    "size_iops_sec",
    "total_bytes_sec_max_length",
    "read_bytes_sec_max_length",
    "write_bytes_sec_max_length",
    "total_iops_sec_max_length",
    "read_iops_sec_max_length",
    "write_iops_sec_max_length",
];

/// One `<throttlegroup>` of `<throttlegroups>`: a named set of I/O limits disks share.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let d = Domain::from_xml("<domain type='kvm'><throttlegroups><throttlegroup>\
///     <group_name>g</group_name><total_iops_sec>10</total_iops_sec></throttlegroup>\
///     </throttlegroups></domain>").unwrap();
/// let g = &d.throttlegroups.as_ref().unwrap()[0];
/// assert_eq!((g.group_name.as_str(), g.limits[0].1), ("g", 10));
/// assert!(d.to_xml_flags(FormatFlags::SECURE).contains(
///     "<total_iops_sec>10</total_iops_sec>\n      <group_name>g</group_name>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Throttlegroup {
    /// `<group_name>`.
    pub group_name: String,
    /// The limits set (non-zero), as (name, value) in libvirt's order ([`THROTTLE_LIMITS`]).
    pub limits: Vec<(String, u64)>,
}

pub(crate) fn parse_throttlegroups(e: &Element<'_>) -> Option<Vec<Throttlegroup>> {
    if !branch(e, &[]) {
        return None;
    }
    let mut groups: Vec<Throttlegroup> = Vec::new();
    for g in e.elements() {
        if g.name != "throttlegroup" || !branch(g, &[]) {
            return None;
        }
        let mut name = None;
        let mut limits: Vec<(String, u64)> = Vec::new();
        for c in g.elements() {
            if c.name == "group_name" {
                set_once(&mut name, text_of(c).filter(|t| !t.is_empty()))?;
                continue;
            }
            let rank = THROTTLE_LIMITS.iter().position(|n| *n == c.name)?;
            // libvirt treats 0 as unset and does not write it.
            let v = parse_ull(text_of(c)?.trim()).filter(|v| *v != 0)?;
            if limits.iter().any(|(n, _)| *n == c.name) {
                return None;
            }
            limits.push((THROTTLE_LIMITS[rank].to_string(), v));
        }
        let group_name = name?;
        if groups.iter().any(|o| o.group_name == group_name) {
            return None;
        }
        limits.sort_by_key(|(n, _)| THROTTLE_LIMITS.iter().position(|x| x == n));
        groups.push(Throttlegroup { group_name, limits });
    }
    (!groups.is_empty()).then_some(groups)
}

pub(crate) fn throttlegroups_occurrences(groups: &[Throttlegroup]) -> usize {
    1 + groups.iter().map(|g| 2 + g.limits.len()).sum::<usize>()
}

pub(crate) fn write_throttlegroups(out: &mut String, groups: &[Throttlegroup]) {
    let mut body = String::new();
    for g in groups {
        open(&mut body, 2, "throttlegroup");
        body.push_str(">\n");
        let mut named = false;
        for (name, v) in &g.limits {
            if !named && name.ends_with("_length") {
                text_child(&mut body, 3, "group_name", Some(&g.group_name));
                named = true;
            }
            text_child(&mut body, 3, name, Some(&v.to_string()));
        }
        if !named {
            text_child(&mut body, 3, "group_name", Some(&g.group_name));
        }
        end(&mut body, 2, "throttlegroup");
    }
    write_block(out, "throttlegroups", &body);
}
