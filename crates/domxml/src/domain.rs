//! The domain: typed fields for what the model knows, lossless elements for the rest, and
//! libvirt's child order when formatting.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use virtkit_cpumap::CpuSet;

use crate::device_defaults;
use crate::device_ids;
use crate::doc::{Attribute, Element, Limits, Node, parse_document};
use crate::drivers::{DriverNamespaces, driver_prefix, driver_uri};
use crate::error::{Error, ErrorKind};
use crate::fmt::{
    Style, display_element, escape_libvirt_attr, indent, push_display, push_u64, text_element,
    write_element,
};
use crate::namespaces::{Scope, declaration, relies_on, renamed_into, uses_prefix};
use crate::parts::{
    Clock, Cpu, Cputune, Features, IothreadId, MemoryBacking, NumaMemory, Numatune, Os, Pm,
    SecLabel, VcpuState, iothreadids_occurrences, is_element_or_space, parse_iothreadids,
    parse_vcpus, vcpus_occurrences, write_iothreadids, write_vcpus,
};
use crate::qemu::{QEMU_NAMESPACE, QemuNamespace};
use crate::resctrl::shrink_tunes;
use crate::tune::{
    Blkiotune, DefaultIothread, IdMap, Keywrap, LaunchSecurity, Memtune, Perf, Resource, Sysinfo,
    Throttlegroup, UNLIMITED_KIB, parse_throttlegroups, throttlegroups_occurrences,
    write_throttlegroups,
};
use crate::types::{
    LifecycleAction, MaxMemory, Memory, Placement, Uuid, Vcpu, memory_kib, on_off, on_off_str,
    parse_ull,
};

/// The children of `<domain>` in the order libvirt formats them
/// (`virDomainDefFormatInternalSetRootName`). Elements with other names (foreign namespaces
/// such as `qemu:commandline`) come after all of these, in their own order.
pub const DOMAIN_CHILD_ORDER: [&str; 39] = [
    "name",
    "uuid",
    "genid",
    "title",
    "description",
    "metadata",
    "maxMemory",
    "memory",
    "currentMemory",
    "blkiotune",
    "memtune",
    "memoryBacking",
    "vcpu",
    "vcpus",
    "iothreads",
    "iothreadids",
    "defaultiothread",
    "throttlegroups",
    "cputune",
    "numatune",
    "resource",
    "sysinfo",
    "bootloader",
    "bootloader_args",
    "os",
    "idmap",
    "features",
    "cpu",
    "clock",
    "on_poweroff",
    "on_reboot",
    "on_crash",
    "on_lockfailure",
    "pm",
    "perf",
    "devices",
    "seclabel",
    "keywrap",
    "launchSecurity",
];

/// The largest `<iothreads>` count that [`Domain::apply_defaults`] completes `<iothreadids>`
/// up to; beyond it the list stays as read (a bound on memory, not libvirt behaviour).
const MAX_COMPLETED_IOTHREADS: u32 = 1 << 16;

/// libvirt's name for the architecture this code was built for (`virArchFromHost`), if it
/// has one.
const HOST_ARCH: Option<&str> = if cfg!(target_arch = "x86_64") {
    Some("x86_64")
} else if cfg!(target_arch = "aarch64") {
    Some("aarch64")
} else if cfg!(target_arch = "x86") {
    Some("i686")
} else if cfg!(target_arch = "s390x") {
    Some("s390x")
} else if cfg!(target_arch = "powerpc64") {
    Some(if cfg!(target_endian = "little") { "ppc64le" } else { "ppc64" })
} else if cfg!(target_arch = "riscv64") {
    Some("riscv64")
} else if cfg!(target_arch = "loongarch64") {
    Some("loongarch64")
} else {
    None
};

/// The position of `name` in [`DOMAIN_CHILD_ORDER`], at compile time (a name not in it is a
/// compile-time error).
const fn rank_of(name: &str) -> usize {
    let mut i = 0;
    while i < DOMAIN_CHILD_ORDER.len() {
        let n = DOMAIN_CHILD_ORDER[i].as_bytes();
        let m = name.as_bytes();
        if n.len() == m.len() {
            let mut j = 0;
            while j < n.len() && n[j] == m[j] {
                j += 1;
            }
            if j == n.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("not a child of <domain> in DOMAIN_CHILD_ORDER")
}

fn rank(name: &str) -> usize {
    DOMAIN_CHILD_ORDER.iter().position(|n| *n == name).unwrap_or(DOMAIN_CHILD_ORDER.len())
}

/// libvirt's `virDomainGetXMLDesc` flags, as a typed set.
///
/// ```
/// use virtkit_domxml::FormatFlags;
/// let f = FormatFlags::SECURE | FormatFlags::INACTIVE;
/// assert!(f.contains(FormatFlags::SECURE));
/// assert_eq!(f.bits(), 3);
/// assert_eq!(FormatFlags::from_bits(8), Some(FormatFlags::MIGRATABLE));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FormatFlags(u32);

impl FormatFlags {
    /// No flag: libvirt's default output (no secrets).
    pub const NONE: FormatFlags = FormatFlags(0);
    /// `VIR_DOMAIN_XML_SECURE`: include secrets such as graphics passwords.
    pub const SECURE: FormatFlags = FormatFlags(1);
    /// `VIR_DOMAIN_XML_INACTIVE`: the persistent definition, without live-only data (the
    /// domain `id`).
    pub const INACTIVE: FormatFlags = FormatFlags(2);
    /// `VIR_DOMAIN_XML_MIGRATABLE`: for migration; implies [`INACTIVE`](Self::INACTIVE) here.
    pub const MIGRATABLE: FormatFlags = FormatFlags(8);

    /// The raw bits.
    ///
    /// ```
    /// assert_eq!(virtkit_domxml::FormatFlags::SECURE.bits(), 1);
    /// ```
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// The set from raw bits, or `None` if an unknown bit is set.
    ///
    /// ```
    /// use virtkit_domxml::FormatFlags;
    /// assert_eq!(FormatFlags::from_bits(4), None);
    /// ```
    pub const fn from_bits(bits: u32) -> Option<FormatFlags> {
        if bits & !0b1011 == 0 { Some(FormatFlags(bits)) } else { None }
    }

    /// Whether every flag of `other` is set.
    ///
    /// ```
    /// use virtkit_domxml::FormatFlags;
    /// assert!(!FormatFlags::NONE.contains(FormatFlags::SECURE));
    /// ```
    pub const fn contains(self, other: FormatFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl core::ops::BitOr for FormatFlags {
    type Output = FormatFlags;

    fn bitor(self, rhs: FormatFlags) -> FormatFlags {
        FormatFlags(self.0 | rhs.0)
    }
}

/// One child of `<devices>`, kept losslessly; its kind, alias and address are readable.
///
/// ```
/// use virtkit_domxml::Domain;
/// let d = Domain::from_xml("<domain type='kvm'><devices><disk type='file'>\
///     <alias name='virtio-disk0'/><address type='pci' slot='0x04'/></disk></devices></domain>")
///     .unwrap();
/// let disk = &d.devices.as_ref().unwrap().items[0];
/// assert_eq!(disk.kind(), "disk");
/// assert_eq!(disk.alias(), Some("virtio-disk0"));
/// assert_eq!(disk.address().unwrap().attribute("slot"), Some("0x04"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device<'a> {
    /// The device element, as read.
    pub element: Element<'a>,
}

impl<'a> Device<'a> {
    /// The same device, owning all its strings.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<rng/>").unwrap();
    /// let d: virtkit_domxml::Device<'static> = virtkit_domxml::Device { element: e }.into_owned();
    /// assert_eq!(d.kind(), "rng");
    /// ```
    pub fn into_owned(self) -> Device<'static> {
        Device { element: self.element.into_owned() }
    }

    /// The kind of device: the element name (`disk`, `interface`, `graphics`, ...).
    ///
    /// ```
    /// let d = virtkit_domxml::Device { element: virtkit_domxml::Element::new("rng") };
    /// assert_eq!(d.kind(), "rng");
    /// ```
    pub fn kind(&self) -> &str {
        &self.element.name
    }

    /// `<alias name=...>`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<rng><alias name='rng0'/></rng>").unwrap();
    /// assert_eq!(virtkit_domxml::Device { element: e }.alias(), Some("rng0"));
    /// ```
    pub fn alias(&self) -> Option<&str> {
        self.element.child("alias").and_then(|a| a.attribute("name"))
    }

    /// `<address .../>`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<rng><address type='pci'/></rng>").unwrap();
    /// let d = virtkit_domxml::Device { element: e };
    /// assert_eq!(d.address().unwrap().attribute("type"), Some("pci"));
    /// ```
    pub fn address(&self) -> Option<&Element<'a>> {
        self.element.child("address")
    }
}

/// `<devices>`: every device in document order (the typed device model is a later step).
///
/// ```
/// use virtkit_domxml::Domain;
/// let d = Domain::from_xml("<domain type='kvm'><devices><emulator>/bin/q</emulator>\
///     <disk/></devices></domain>").unwrap();
/// let kinds: Vec<_> = d.devices.unwrap().items.iter().map(|x| x.kind().to_owned()).collect();
/// assert_eq!(kinds, ["emulator", "disk"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Devices<'a> {
    /// The devices, in order.
    pub items: Vec<Device<'a>>,
}

impl Devices<'_> {
    /// The same devices, owning all their strings.
    ///
    /// ```
    /// let d: virtkit_domxml::Devices<'static> = virtkit_domxml::Devices::default().into_owned();
    /// assert!(d.items.is_empty());
    /// ```
    pub fn into_owned(self) -> Devices<'static> {
        Devices { items: self.items.into_iter().map(Device::into_owned).collect() }
    }
}

/// A libvirt domain definition.
///
/// Fields the model types are public and typed; every other child of `<domain>` is kept as an
/// [`Element`] in [`others`](Self::others), so that nothing is lost. Formatting writes typed
/// and kept children in libvirt's order ([`DOMAIN_CHILD_ORDER`]); children with other names
/// (foreign namespaces) follow in their own order. A typed child that carries something the
/// model does not know (an unexpected attribute or child) is kept whole in `others` instead.
///
/// ```
/// use virtkit_domxml::{Domain, FormatFlags};
/// let xml = "<domain type='kvm'>\n  <name>vm1</name>\n  <memory unit='KiB'>1024</memory>\n</domain>\n";
/// let d = Domain::from_xml(xml).unwrap();
/// assert_eq!(d.name.as_deref(), Some("vm1"));
/// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), xml);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Domain<'a> {
    /// `type`: the hypervisor (`kvm`, `qemu`, `xen`, `lxc`, `bhyve`, `test`, ...).
    pub domain_type: String,
    /// `id`: the live domain id.
    pub id: Option<i32>,
    /// Other attributes of `<domain>`, such as namespace declarations. The declarations of
    /// the typed driver namespaces are not here: libvirt writes its own (`xmlns:qemu=...`,
    /// after `id`), and drops any other declaration of their URI or prefix that nothing
    /// kept relies on; so does the model.
    pub attributes: Vec<Attribute<'a>>,
    /// `<name>`.
    pub name: Option<String>,
    /// `<uuid>`.
    pub uuid: Option<Uuid>,
    /// `<genid>`: `Some(None)` for an empty `<genid/>` (libvirt generates one).
    pub genid: Option<Option<Uuid>>,
    /// `<title>`.
    pub title: Option<String>,
    /// `<description>`.
    pub description: Option<String>,
    /// `<metadata>`: foreign XML, each child declaring its namespace.
    pub metadata: Option<Element<'a>>,
    /// `<maxMemory>`.
    pub max_memory: Option<MaxMemory>,
    /// `<memory>`.
    pub memory: Option<Memory>,
    /// `<currentMemory>`.
    pub current_memory: Option<Memory>,
    /// `<vcpu>`.
    pub vcpu: Option<Vcpu>,
    /// `<iothreads>`: the number of IOThreads.
    pub iothreads: Option<u32>,
    /// `<memoryBacking>`.
    pub memory_backing: Option<MemoryBacking>,
    /// `<iothreadids>`.
    pub iothreadids: Option<Vec<IothreadId>>,
    /// `<vcpus>`: per-vcpu state.
    pub vcpus: Option<Vec<VcpuState>>,
    /// `<cputune>`.
    pub cputune: Option<Cputune>,
    /// `<numatune>`.
    pub numatune: Option<Numatune>,
    /// `<os>`.
    pub os: Option<Os>,
    /// `<features>`.
    pub features: Option<Features>,
    /// `<cpu>`.
    pub cpu: Option<Cpu>,
    /// `<clock>`.
    pub clock: Option<Clock>,
    /// `<pm>`.
    pub pm: Option<Pm>,
    /// Domain-level `<seclabel>`s, in order.
    pub seclabels: Vec<SecLabel>,
    /// `<on_poweroff>`.
    pub on_poweroff: Option<LifecycleAction>,
    /// `<on_reboot>`.
    pub on_reboot: Option<LifecycleAction>,
    /// `<on_crash>`.
    pub on_crash: Option<LifecycleAction>,
    /// `<on_lockfailure>`.
    pub on_lockfailure: Option<LifecycleAction>,
    /// `<devices>`.
    pub devices: Option<Devices<'a>>,
    /// `<memtune>`.
    pub memtune: Option<Memtune>,
    /// `<blkiotune>`.
    pub blkiotune: Option<Blkiotune>,
    /// `<defaultiothread>`.
    pub defaultiothread: Option<DefaultIothread>,
    /// `<resource>`.
    pub resource: Option<Resource>,
    /// `<bootloader>`: the host boot loader (Xen's pygrub, bhyve's grub-bhyve, ...).
    pub bootloader: Option<String>,
    /// `<bootloader_args>`.
    pub bootloader_args: Option<String>,
    /// `<sysinfo>`s, in order.
    pub sysinfo: Vec<Sysinfo>,
    /// `<idmap>`.
    pub idmap: Option<IdMap>,
    /// `<perf>`.
    pub perf: Option<Perf>,
    /// `<keywrap>`.
    pub keywrap: Option<Keywrap>,
    /// `<throttlegroups>`.
    pub throttlegroups: Option<Vec<Throttlegroup>>,
    /// The QEMU namespace's elements (`<qemu:commandline>`, ...), recognised by namespace
    /// URI whatever the prefix and wherever it is declared (as libvirt reads them), written
    /// under `qemu:` with the declaration on `<domain>` (as libvirt writes them).
    ///
    /// ```
    /// use virtkit_domxml::{Domain, FormatFlags};
    /// let d = Domain::from_xml("<domain type='qemu'><ns0:commandline \
    ///     xmlns:ns0='http://libvirt.org/schemas/domain/qemu/1.0'><ns0:arg value='-s'/>\
    ///     </ns0:commandline></domain>").unwrap();
    /// assert_eq!(d.qemu.as_ref().unwrap().args, ["-s"]);
    /// assert_eq!(d.to_xml_flags(FormatFlags::SECURE), "\
    /// <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
    ///   <qemu:commandline>
    ///     <qemu:arg value='-s'/>
    ///   </qemu:commandline>
    /// </domain>
    /// ");
    /// ```
    pub qemu: Option<QemuNamespace>,
    /// The bhyve, Xen, LXC and VMware namespaces' elements, recognised by URI and written
    /// under the driver's prefix as [`qemu`](Self::qemu)'s.
    pub drivers: Option<DriverNamespaces>,
    /// `<launchSecurity>`.
    pub launch_security: Option<LaunchSecurity>,
    /// Every other child of `<domain>`, as read, in document order.
    pub others: Vec<Element<'a>>,
}

/// How many element and attribute occurrences land in typed fields.
///
/// ```
/// use virtkit_domxml::Domain;
/// let d = Domain::from_xml("<domain type='kvm'><name>a</name><os><type>hvm</type></os>\
///     <devices><disk/></devices></domain>").unwrap();
/// // domain, @type, name, os, os/type are typed; devices and disk are counted apart.
/// let c = d.coverage();
/// assert_eq!((c.typed, c.untyped, c.devices), (5, 0, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Occurrences outside `<devices>` held in typed fields (`<domain>` and its attributes
    /// included).
    pub typed: usize,
    /// Occurrences outside `<devices>` kept as lossless elements.
    pub untyped: usize,
    /// Occurrences inside `<devices>` (the element itself included); none is typed yet.
    pub devices: usize,
}

struct Ctx<'a> {
    input: &'a str,
}

impl Ctx<'_> {
    fn err(&self, e: &Element<'_>, kind: ErrorKind) -> Error {
        let mut path = String::from("/domain");
        if e.name != "domain" {
            path.push('/');
            path.push_str(&e.name);
        }
        Error::at(kind, self.input, e.source_offset().unwrap_or(0), path)
    }

    fn invalid(
        &self,
        e: &Element<'_>,
        what: &str,
        value: &str,
        reason: impl core::fmt::Display,
    ) -> Error {
        let kind = ErrorKind::InvalidValue {
            what: what.into(),
            value: value.into(),
            reason: reason.to_string(),
        };
        self.err(e, kind)
    }
}

/// Whether `e` has only the attributes in `allowed` and no child element.
fn simple(e: &Element<'_>, allowed: &[&str]) -> bool {
    e.is_text_only() && e.attributes.iter().all(|a| allowed.contains(&&*a.name))
}

fn parse_memory(cx: &Ctx<'_>, e: &Element<'_>, allow_dump: bool) -> Result<Option<Memory>, Error> {
    let allowed: &[&str] = if allow_dump { &["unit", "dumpCore"] } else { &["unit"] };
    if !simple(e, allowed) {
        return Ok(None);
    }
    let text = e.text();
    let kib =
        memory_kib(&text, e.attribute("unit")).map_err(|r| cx.invalid(e, &e.name, &text, r))?;
    let dump_core = match e.attribute("dumpCore") {
        None => None,
        Some(v) => {
            Some(on_off(v).ok_or_else(|| cx.invalid(e, "@dumpCore", v, "expected on or off"))?)
        }
    };
    Ok(Some(Memory { kib, dump_core }))
}

fn parse_u32(cx: &Ctx<'_>, e: &Element<'_>, what: &str, v: &str) -> Result<u32, Error> {
    parse_ull(v)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| cx.invalid(e, what, v, "expected an unsigned integer"))
}

fn parse_cpuset(cx: &Ctx<'_>, e: &Element<'_>, what: &str, v: &str) -> Result<CpuSet, Error> {
    let set: CpuSet = v.parse().map_err(|err| cx.invalid(e, what, v, err))?;
    if set.is_empty() {
        return Err(cx.invalid(e, what, v, "the cpu list selects no cpu"));
    }
    Ok(set)
}

fn parse_vcpu(cx: &Ctx<'_>, e: &Element<'_>) -> Result<Option<Vcpu>, Error> {
    if !simple(e, &["placement", "cpuset", "current"]) {
        return Ok(None);
    }
    let text = e.text();
    let count = parse_u32(cx, e, "vcpu", &text)?;
    let placement = match e.attribute("placement") {
        None => None,
        Some(v) => Some(v.parse::<Placement>().map_err(|r| cx.invalid(e, "@placement", v, r))?),
    };
    let cpuset = match e.attribute("cpuset") {
        None => None,
        Some(v) => Some(parse_cpuset(cx, e, "@cpuset", v)?),
    };
    let current = match e.attribute("current") {
        None => None,
        Some(v) => {
            let n = parse_u32(cx, e, "@current", v)?;
            if n > count {
                return Err(cx.invalid(e, "@current", v, "more vcpus online than the maximum"));
            }
            Some(n)
        }
    };
    Ok(Some(Vcpu { placement, cpuset, current, count }))
}

impl<'a> Domain<'a> {
    /// Reads a domain document with the default [`Limits`].
    ///
    /// ```
    /// let d = virtkit_domxml::Domain::from_xml("<domain type='qemu'><name>x</name></domain>").unwrap();
    /// assert_eq!(d.domain_type, "qemu");
    /// ```
    pub fn from_xml(xml: &'a str) -> Result<Domain<'a>, Error> {
        Domain::from_xml_with(xml, &Limits::default())
    }

    /// Reads a domain document under explicit [`Limits`].
    ///
    /// ```
    /// use virtkit_domxml::{Domain, Limits};
    /// let d = Domain::from_xml_with("<domain type='kvm'/>", &Limits::default()).unwrap();
    /// assert_eq!(d.domain_type, "kvm");
    /// ```
    pub fn from_xml_with(xml: &'a str, limits: &Limits) -> Result<Domain<'a>, Error> {
        let root = parse_document(xml, limits)?;
        Domain::from_root(root, &Ctx { input: xml })
    }

    /// The same definition, owning all its strings: no longer tied to the document it was
    /// read from (to keep it in a long-lived structure).
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// let xml = String::from("<domain type='kvm'><name>a</name><devices><disk/></devices></domain>");
    /// let d: Domain<'static> = Domain::from_xml(&xml).unwrap().into_owned();
    /// drop(xml);
    /// assert_eq!(d.devices.unwrap().items[0].kind(), "disk");
    /// ```
    pub fn into_owned(self) -> Domain<'static> {
        Domain {
            domain_type: self.domain_type,
            id: self.id,
            attributes: self.attributes.into_iter().map(Attribute::into_owned).collect(),
            name: self.name,
            uuid: self.uuid,
            genid: self.genid,
            title: self.title,
            description: self.description,
            metadata: self.metadata.map(Element::into_owned),
            max_memory: self.max_memory,
            memory: self.memory,
            current_memory: self.current_memory,
            vcpu: self.vcpu,
            iothreads: self.iothreads,
            memory_backing: self.memory_backing,
            iothreadids: self.iothreadids,
            vcpus: self.vcpus,
            cputune: self.cputune,
            numatune: self.numatune,
            os: self.os,
            features: self.features,
            cpu: self.cpu,
            clock: self.clock,
            pm: self.pm,
            seclabels: self.seclabels,
            on_poweroff: self.on_poweroff,
            on_reboot: self.on_reboot,
            on_crash: self.on_crash,
            on_lockfailure: self.on_lockfailure,
            devices: self.devices.map(Devices::into_owned),
            memtune: self.memtune,
            blkiotune: self.blkiotune,
            defaultiothread: self.defaultiothread,
            resource: self.resource,
            bootloader: self.bootloader,
            bootloader_args: self.bootloader_args,
            sysinfo: self.sysinfo,
            idmap: self.idmap,
            perf: self.perf,
            keywrap: self.keywrap,
            throttlegroups: self.throttlegroups,
            qemu: self.qemu,
            drivers: self.drivers,
            launch_security: self.launch_security,
            others: self.others.into_iter().map(Element::into_owned).collect(),
        }
    }
}

impl Domain<'static> {
    /// Reads a domain document into a definition that owns all its strings
    /// ([`from_xml`](Domain::from_xml) then [`into_owned`](Domain::into_owned)), for keeping
    /// it after the text is gone.
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// let d: Domain<'static> =
    ///     Domain::from_xml_owned(&String::from("<domain type='kvm'/>")).unwrap();
    /// assert_eq!(d.domain_type, "kvm");
    /// ```
    pub fn from_xml_owned(xml: &str) -> Result<Domain<'static>, Error> {
        Domain::from_xml(xml).map(Domain::into_owned)
    }
}

impl<'a> Domain<'a> {
    fn from_root(root: Element<'a>, cx: &Ctx<'_>) -> Result<Domain<'a>, Error> {
        if root.name != "domain" {
            return Err(cx
                .err(&root, ErrorKind::WrongRoot(root.name.clone().into_owned()))
                .without_path());
        }
        let mut d = Domain::default();
        let mut has_type = false;
        for a in &root.attributes {
            match &*a.name {
                "type" if !has_type => {
                    d.domain_type = a.value.clone().into_owned();
                    has_type = true;
                }
                "id" if d.id.is_none() => match a.value.parse::<i32>() {
                    Ok(id) if id >= -1 => d.id = (id >= 0).then_some(id),
                    _ => d.attributes.push(a.clone()),
                },
                _ => d.attributes.push(a.clone()),
            }
        }
        if !has_type {
            return Err(cx.err(&root, ErrorKind::Missing("attribute 'type' of <domain>".into())));
        }
        // Text directly inside <domain> carries nothing for libvirt, which ignores it; so do we.
        let mut decls = Element::new("domain");
        decls.attributes =
            root.attributes.iter().filter(|a| declaration(a).is_some()).cloned().collect();
        let outer = Scope::root();
        let scope = outer.enter(&decls);
        // A driver whose prefix <domain> binds to another namespace that the document uses
        // stays lossless: its declaration could not be written on <domain>.
        let blocked: Vec<&str> = decls
            .attributes
            .iter()
            .filter_map(|a| {
                let prefix = declaration(a)??;
                let clash = driver_uri(prefix).is_some_and(|uri| a.value != uri)
                    && (root.attributes.iter().any(|b| uses_prefix(&b.name, prefix))
                        || root.elements().any(|c| relies_on(c, prefix)));
                clash.then_some(prefix)
            })
            .collect();
        let mut cputune = None;
        for node in root.children {
            let Node::Element(e) = node else { continue };
            let is_devices = e.name == "devices"
                && d.devices.is_none()
                && e.attributes.is_empty()
                && e.children.iter().all(is_element_or_space);
            if is_devices {
                let items = e
                    .children
                    .into_iter()
                    .filter_map(|n| match n {
                        Node::Element(element) => Some(Device { element }),
                        _ => None,
                    })
                    .collect();
                d.devices = Some(Devices { items });
            } else if !d.take(cx, &e, &scope, &blocked)? {
                d.others.push(e);
            } else if e.name == "cputune" {
                cputune = Some(e);
            }
        }
        d.absorb_declarations();
        // libvirt drops the vcpus of cache and memory tunes beyond the vcpu count (and tunes
        // left without vcpus); without a typed vcpu count the tunes stay lossless.
        if let (Some(t), Some(e)) = (&mut d.cputune, cputune) {
            let has_tunes = !t.cachetunes.is_empty() || !t.memorytunes.is_empty();
            match &d.vcpu {
                Some(v) => shrink_tunes(&mut t.cachetunes, &mut t.memorytunes, v.count),
                None if has_tunes => {
                    d.cputune = None;
                    d.others.push(e);
                }
                None => {}
            }
        }
        Ok(d)
    }

    /// Puts `e` in its typed field; `false` when it stays a lossless element.
    // One arm per typed child of <domain>: clearer as one match than split up.
    #[allow(clippy::too_many_lines)]
    fn take(
        &mut self,
        cx: &Ctx<'_>,
        e: &Element<'a>,
        scope: &Scope<'_, 'a>,
        blocked: &[&str],
    ) -> Result<bool, Error> {
        macro_rules! once {
            ($field:expr, $value:expr) => {{
                if $field.is_some() {
                    return Ok(false);
                }
                match $value {
                    Some(v) => {
                        $field = Some(v);
                        return Ok(true);
                    }
                    None => return Ok(false),
                }
            }};
        }
        let text_only = simple(e, &[]);
        match &*e.name {
            "name" if text_only => once!(self.name, Some(e.text().into_owned())),
            "title" if text_only => once!(self.title, Some(e.text().into_owned())),
            "description" if text_only => once!(self.description, Some(e.text().into_owned())),
            "uuid" if text_only => {
                let text = e.text();
                let uuid = text.parse::<Uuid>().map_err(|r| cx.invalid(e, "uuid", &text, r))?;
                once!(self.uuid, Some(uuid))
            }
            "genid" if text_only => {
                let text = e.text();
                let genid = if text.is_empty() {
                    None
                } else {
                    Some(text.parse::<Uuid>().map_err(|r| cx.invalid(e, "genid", &text, r))?)
                };
                once!(self.genid, Some(genid))
            }
            "metadata"
                if e.attributes.is_empty()
                    && !e.children.iter().any(|n| matches!(n, Node::Text(_) | Node::CData(_))) =>
            {
                once!(self.metadata, Some(metadata(e, scope)))
            }
            "maxMemory" if simple(e, &["unit", "slots"]) => {
                let text = e.text();
                let kib = memory_kib(&text, e.attribute("unit"))
                    .map_err(|r| cx.invalid(e, "maxMemory", &text, r))?;
                let slots = match e.attribute("slots") {
                    None => None,
                    Some(v) => Some(parse_u32(cx, e, "@slots", v)?),
                };
                once!(self.max_memory, Some(MaxMemory { kib, slots }))
            }
            "os" => once!(self.os, Os::parse(e)),
            "memtune" => once!(self.memtune, Memtune::parse(e)),
            "blkiotune" => once!(self.blkiotune, Blkiotune::parse(e)),
            "defaultiothread" => once!(self.defaultiothread, DefaultIothread::parse(e)),
            "resource" => once!(self.resource, Resource::parse(e)),
            "idmap" => once!(self.idmap, IdMap::parse(e)),
            "perf" => once!(self.perf, Perf::parse(e)),
            "keywrap" => once!(self.keywrap, Keywrap::parse(e)),
            "throttlegroups" => once!(self.throttlegroups, parse_throttlegroups(e)),
            "launchSecurity" => once!(self.launch_security, LaunchSecurity::parse(e)),
            "bootloader" if text_only && !e.text().is_empty() => {
                once!(self.bootloader, Some(e.text().into_owned()))
            }
            "bootloader_args" if text_only && !e.text().is_empty() => {
                once!(self.bootloader_args, Some(e.text().into_owned()))
            }
            "memoryBacking" => once!(self.memory_backing, MemoryBacking::parse(e)),
            "iothreadids" => once!(self.iothreadids, parse_iothreadids(e)),
            "sysinfo" => {
                // As seclabels below: an untyped one keeps the later ones untyped.
                if self.others.iter().any(|o| o.name == "sysinfo") {
                    return Ok(false);
                }
                match Sysinfo::parse(e) {
                    Some(s) => {
                        self.sysinfo.push(s);
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
            "seclabel" => {
                // Several are allowed; an untyped one earlier keeps the later ones untyped too,
                // so that their relative order survives.
                if self.others.iter().any(|o| o.name == "seclabel") {
                    return Ok(false);
                }
                match SecLabel::parse(e) {
                    Some(s) => {
                        self.seclabels.push(s);
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
            "vcpus" => once!(self.vcpus, parse_vcpus(e)),
            "cputune" => once!(self.cputune, Cputune::parse(e)),
            "numatune" => once!(self.numatune, Numatune::parse(e)),
            "pm" => once!(self.pm, Pm::parse(e)),
            "cpu" => once!(self.cpu, Cpu::parse(e)),
            "features" => once!(self.features, Features::parse(e)),
            "clock" => once!(self.clock, Clock::parse(e)),
            "memory" => once!(self.memory, parse_memory(cx, e, true)?),
            "currentMemory" => once!(self.current_memory, parse_memory(cx, e, false)?),
            "vcpu" => once!(self.vcpu, parse_vcpu(cx, e)?),
            "iothreads" if text_only => {
                let n = parse_u32(cx, e, "iothreads", &e.text())?;
                once!(self.iothreads, Some(n))
            }
            "on_poweroff" | "on_reboot" | "on_crash" | "on_lockfailure" if text_only => {
                let text = e.text();
                let action: LifecycleAction =
                    text.parse().map_err(|r| cx.invalid(e, &e.name, &text, r))?;
                match &*e.name {
                    "on_poweroff" => once!(self.on_poweroff, Some(action)),
                    "on_reboot" => once!(self.on_reboot, Some(action)),
                    "on_crash" => once!(self.on_crash, Some(action)),
                    _ => once!(self.on_lockfailure, Some(action)),
                }
            }
            _ => Ok(self.take_driver(e, scope, blocked).is_some()),
        }
    }

    /// Puts `e` in the typed elements of a driver namespace (QEMU, bhyve, Xen, LXC, VMware)
    /// when it is in one, by URI whatever its prefix, as libvirt reads them.
    fn take_driver(
        &mut self,
        e: &Element<'a>,
        scope: &Scope<'_, 'a>,
        blocked: &[&str],
    ) -> Option<()> {
        let (uri, _) = scope.enter(e).name(&e.name);
        let uri = uri?;
        let prefix = driver_prefix(uri).filter(|p| !blocked.contains(p))?;
        let e = renamed_into(e, scope, uri, prefix)?;
        if prefix == "qemu" {
            let mut q = self.qemu.clone().unwrap_or_default();
            q.take(&e)?;
            self.qemu = Some(q);
        } else {
            let mut n = self.drivers.clone().unwrap_or_default();
            n.take(&e)?;
            self.drivers = Some(n);
        }
        Some(())
    }

    /// The driver namespaces of the typed elements, (prefix, URI): those written on
    /// `<domain>`, as libvirt writes its driver's.
    fn typed_namespaces(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let qemu = self.qemu.as_ref().map(|_| ("qemu", QEMU_NAMESPACE));
        qemu.into_iter().chain(self.drivers.iter().flat_map(DriverNamespaces::namespaces))
    }

    /// Drops the declarations of `<domain>` that the typed driver namespaces replace: the
    /// driver's prefix (libvirt declares it itself) and the driver's URI under another prefix
    /// when nothing kept uses that prefix (libvirt writes only its own declaration).
    fn absorb_declarations(&mut self) {
        let typed: Vec<(&str, &str)> = self.typed_namespaces().collect();
        if typed.is_empty() {
            return;
        }
        let absorbed: Vec<bool> = self
            .attributes
            .iter()
            .map(|a| {
                let Some(Some(prefix)) = declaration(a) else { return false };
                typed
                    .iter()
                    .any(|(p, u)| *p == prefix || (a.value == *u && !self.relies_on(prefix)))
            })
            .collect();
        let mut flags = absorbed.into_iter();
        self.attributes.retain(|_| !flags.next().unwrap_or(false));
    }

    /// Whether anything kept as read (attributes of `<domain>`, kept children, devices,
    /// metadata) uses `prefix` through a declaration on `<domain>`.
    fn relies_on(&self, prefix: &str) -> bool {
        self.attributes.iter().any(|a| declaration(a).is_none() && uses_prefix(&a.name, prefix))
            || self.others.iter().any(|e| relies_on(e, prefix))
            || self.devices.iter().flat_map(|d| &d.items).any(|i| relies_on(&i.element, prefix))
            || self.metadata.as_ref().is_some_and(|m| relies_on(m, prefix))
    }

    /// Formats the domain as libvirt does, without secrets (libvirt's default).
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// let d = Domain::from_xml("<domain type='kvm'><devices><graphics type='vnc' passwd='s'/>\
    ///     </devices></domain>").unwrap();
    /// assert!(!d.to_xml().contains("passwd"));
    /// let d = Domain::from_xml("<domain type='kvm'><devices><disk type='network'><source \
    ///     protocol='https' name='x'><cookies><cookie name='c'>v</cookie></cookies></source>\
    ///     </disk></devices></domain>").unwrap();
    /// assert!(!d.to_xml().contains("cookie"));
    /// assert!(d.to_xml_flags(virtkit_domxml::FormatFlags::SECURE).contains("<cookie name='c'>v</cookie>"));
    /// ```
    pub fn to_xml(&self) -> String {
        self.to_xml_flags(FormatFlags::NONE)
    }

    /// Formats the domain as libvirt's `virDomainGetXMLDesc` does with `flags`.
    ///
    /// ```
    /// use virtkit_domxml::{Domain, FormatFlags};
    /// let d = Domain::from_xml("<domain type='kvm' id='3'><devices><graphics type='vnc' passwd='s'/>\
    ///     </devices></domain>").unwrap();
    /// assert!(d.to_xml_flags(FormatFlags::SECURE).contains("passwd='s'"));
    /// assert!(!d.to_xml_flags(FormatFlags::INACTIVE).contains("id='3'"));
    /// ```
    pub fn to_xml_flags(&self, flags: FormatFlags) -> String {
        let mut out = String::with_capacity(self.size_hint());
        self.write(&mut out, flags);
        out
    }

    /// A guess at the formatted size, so that the output is allocated once in most cases.
    fn size_hint(&self) -> usize {
        let devices = self.devices.as_ref().map_or(0, |d| d.items.len());
        4096 + 256 * (devices + self.others.len())
    }

    fn write(&self, out: &mut String, flags: FormatFlags) {
        let inactive =
            flags.contains(FormatFlags::INACTIVE) || flags.contains(FormatFlags::MIGRATABLE);
        out.push_str("<domain type='");
        escape_libvirt_attr(out, &self.domain_type);
        out.push('\'');
        if let (Some(id), false) = (self.id, inactive) {
            out.push_str(" id='");
            push_display(out, &id);
            out.push('\'');
        }
        for (prefix, uri) in self.typed_namespaces() {
            out.push_str(" xmlns:");
            out.push_str(prefix);
            out.push_str("='");
            out.push_str(uri);
            out.push('\'');
        }
        for a in &self.attributes {
            out.push(' ');
            out.push_str(&a.name);
            out.push_str("='");
            escape_libvirt_attr(out, &a.value);
            out.push('\'');
        }
        let ranks: Vec<usize> = self.others.iter().map(|e| rank(&e.name)).collect();
        out.push_str(">\n");
        let body = out.len();
        for r in 0..=DOMAIN_CHILD_ORDER.len() {
            self.write_typed(out, r, flags);
            for (e, _) in self.others.iter().zip(&ranks).filter(|(_, rk)| **rk == r) {
                write_kept(out, e, 1, flags);
            }
        }
        if out.len() == body {
            out.truncate(body - 2);
            out.push_str("/>\n");
        } else {
            out.push_str("</domain>\n");
        }
    }

    // One arm per typed child of <domain>, in libvirt's order.
    #[allow(clippy::too_many_lines)]
    fn write_typed(&self, out: &mut String, rank: usize, flags: FormatFlags) {
        if rank >= DOMAIN_CHILD_ORDER.len() {
            // After libvirt's own elements: the driver namespace's.
            if let Some(q) = &self.qemu {
                q.write(out);
            }
            if let Some(n) = &self.drivers {
                n.write(out);
            }
            return;
        }
        // Integer comparisons: a string match here costs more than the writing.
        match rank {
            r if r == const { rank_of("name") } => {
                text_element(out, 1, "name", self.name.as_deref());
            }
            r if r == const { rank_of("uuid") } => {
                display_element(out, 1, "uuid", self.uuid.as_ref());
            }
            r if r == const { rank_of("genid") } => match self.genid {
                Some(Some(g)) => display_element(out, 1, "genid", Some(&g)),
                Some(None) => out.push_str("  <genid/>\n"),
                None => {}
            },
            r if r == const { rank_of("title") } => {
                text_element(out, 1, "title", self.title.as_deref());
            }
            r if r == const { rank_of("description") } => {
                text_element(out, 1, "description", self.description.as_deref());
            }
            r if r == const { rank_of("metadata") } => {
                if let Some(m) = &self.metadata {
                    write_element(out, m, 1, Style::Libxml2);
                }
            }
            r if r == const { rank_of("maxMemory") } => {
                if let Some(m) = &self.max_memory {
                    out.push_str("  <maxMemory");
                    if let Some(slots) = m.slots {
                        out.push_str(" slots='");
                        push_u64(out, u64::from(slots));
                        out.push('\'');
                    }
                    out.push_str(" unit='KiB'>");
                    push_u64(out, m.kib);
                    out.push_str("</maxMemory>\n");
                }
            }
            r if r == const { rank_of("memory") } => {
                write_memory(out, "memory", self.memory.as_ref());
            }
            r if r == const { rank_of("currentMemory") } => {
                write_memory(out, "currentMemory", self.current_memory.as_ref());
            }
            r if r == const { rank_of("vcpu") } => {
                if let Some(v) = &self.vcpu {
                    out.push_str("  <vcpu");
                    if let Some(p) = v.placement {
                        out.push_str(" placement='");
                        push_display(out, &p);
                        out.push('\'');
                    }
                    if let Some(set) = &v.cpuset {
                        out.push_str(" cpuset='");
                        set.format_into(out);
                        out.push('\'');
                    }
                    if let Some(current) = v.current.filter(|c| *c != v.count) {
                        out.push_str(" current='");
                        push_u64(out, u64::from(current));
                        out.push('\'');
                    }
                    out.push('>');
                    push_u64(out, u64::from(v.count));
                    out.push_str("</vcpu>\n");
                }
            }
            r if r == const { rank_of("iothreads") } => {
                display_element(out, 1, "iothreads", self.iothreads.as_ref());
            }
            r if r == const { rank_of("memoryBacking") } => {
                if let Some(m) = &self.memory_backing {
                    m.write(out);
                }
            }
            r if r == const { rank_of("iothreadids") } => {
                if let Some(list) = &self.iothreadids {
                    write_iothreadids(out, list);
                }
            }
            r if r == const { rank_of("seclabel") } => {
                for s in &self.seclabels {
                    s.write(out);
                }
            }
            r if r == const { rank_of("vcpus") } => {
                if let Some(v) = &self.vcpus {
                    write_vcpus(out, v);
                }
            }
            r if r == const { rank_of("cputune") } => {
                if let Some(t) = &self.cputune {
                    let inactive = flags.contains(FormatFlags::INACTIVE)
                        || flags.contains(FormatFlags::MIGRATABLE);
                    t.write(out, inactive);
                }
            }
            r if r == const { rank_of("numatune") } => {
                if let Some(n) = &self.numatune {
                    n.write(out);
                }
            }
            r if r == const { rank_of("pm") } => {
                if let Some(pm) = self.pm {
                    pm.write(out);
                }
            }
            r if r == const { rank_of("os") } => {
                if let Some(os) = &self.os {
                    os.write(out);
                }
            }
            r if r == const { rank_of("features") } => {
                if let Some(f) = &self.features {
                    f.write(out);
                }
            }
            r if r == const { rank_of("cpu") } => {
                if let Some(cpu) = &self.cpu {
                    cpu.write(out);
                }
            }
            r if r == const { rank_of("clock") } => {
                if let Some(clock) = &self.clock {
                    clock.write(out);
                }
            }
            r if r == const { rank_of("memtune") } => {
                if let Some(m) = &self.memtune {
                    m.write(out);
                }
            }
            r if r == const { rank_of("blkiotune") } => {
                if let Some(b) = &self.blkiotune {
                    b.write(out);
                }
            }
            r if r == const { rank_of("defaultiothread") } => {
                if let Some(d) = self.defaultiothread {
                    d.write(out);
                }
            }
            r if r == const { rank_of("resource") } => {
                if let Some(r) = &self.resource {
                    r.write(out);
                }
            }
            r if r == const { rank_of("bootloader") } => {
                text_element(out, 1, "bootloader", self.bootloader.as_deref());
            }
            r if r == const { rank_of("bootloader_args") } => {
                text_element(out, 1, "bootloader_args", self.bootloader_args.as_deref());
            }
            r if r == const { rank_of("sysinfo") } => {
                for s in &self.sysinfo {
                    s.write(out);
                }
            }
            r if r == const { rank_of("idmap") } => {
                if let Some(m) = &self.idmap {
                    m.write(out);
                }
            }
            r if r == const { rank_of("perf") } => {
                if let Some(p) = &self.perf {
                    p.write(out);
                }
            }
            r if r == const { rank_of("keywrap") } => {
                if let Some(k) = self.keywrap {
                    k.write(out);
                }
            }
            r if r == const { rank_of("throttlegroups") } => {
                if let Some(g) = &self.throttlegroups {
                    write_throttlegroups(out, g);
                }
            }
            r if r == const { rank_of("launchSecurity") } => {
                if let Some(l) = &self.launch_security {
                    l.write(out);
                }
            }
            r if r == const { rank_of("on_poweroff") } => {
                write_action(out, "on_poweroff", self.on_poweroff);
            }
            r if r == const { rank_of("on_reboot") } => {
                write_action(out, "on_reboot", self.on_reboot);
            }
            r if r == const { rank_of("on_crash") } => write_action(out, "on_crash", self.on_crash),
            r if r == const { rank_of("on_lockfailure") } => {
                write_action(out, "on_lockfailure", self.on_lockfailure);
            }
            r if r == const { rank_of("devices") } => {
                if let Some(devices) = &self.devices {
                    write_devices(out, devices, flags);
                }
            }
            _ => {}
        }
    }

    /// Counts typed and lossless occurrences (see [`Coverage`]).
    ///
    /// ```
    /// let d = virtkit_domxml::Domain::from_xml("<domain type='kvm'><memory unit='KiB'>1</memory></domain>")
    ///     .unwrap();
    /// assert_eq!(d.coverage().typed, 4);
    /// ```
    pub fn coverage(&self) -> Coverage {
        let mut c =
            Coverage { typed: 1 + 1 + usize::from(self.id.is_some()), ..Coverage::default() };
        // The declaration of a typed driver namespace, which libvirt writes itself on
        // <domain>, is one typed occurrence (whatever the input declared); other attributes
        // of <domain> are kept as read.
        c.typed += self.typed_namespaces().count();
        c.untyped += self.attributes.len();
        let mut typed = |present: bool, n: usize| {
            if present {
                c.typed += n;
            }
        };
        typed(self.name.is_some(), 1);
        typed(self.uuid.is_some(), 1);
        typed(self.genid.is_some(), 1);
        typed(self.title.is_some(), 1);
        typed(self.description.is_some(), 1);
        if let Some(m) = &self.max_memory {
            typed(true, 2 + usize::from(m.slots.is_some()));
        }
        if let Some(m) = &self.memory {
            typed(true, 2 + usize::from(m.dump_core.is_some()));
        }
        typed(self.current_memory.is_some(), 2);
        if let Some(v) = &self.vcpu {
            let attrs = [v.placement.is_some(), v.cpuset.is_some(), v.current.is_some()];
            typed(true, 1 + attrs.iter().filter(|x| **x).count());
        }
        typed(self.iothreads.is_some(), 1);
        typed(true, self.os.as_ref().map_or(0, Os::occurrences));
        typed(true, self.vcpus.as_deref().map_or(0, vcpus_occurrences));
        typed(true, self.cputune.as_ref().map_or(0, Cputune::occurrences));
        typed(true, self.numatune.as_ref().map_or(0, Numatune::occurrences));
        typed(true, self.pm.map_or(0, Pm::occurrences));
        typed(true, self.memory_backing.as_ref().map_or(0, MemoryBacking::occurrences));
        typed(true, self.iothreadids.as_deref().map_or(0, iothreadids_occurrences));
        typed(true, self.seclabels.iter().map(SecLabel::occurrences).sum());
        typed(true, self.features.as_ref().map_or(0, Features::occurrences));
        typed(true, self.cpu.as_ref().map_or(0, Cpu::occurrences));
        typed(true, self.clock.as_ref().map_or(0, Clock::occurrences));
        typed(true, self.memtune.as_ref().map_or(0, Memtune::occurrences));
        typed(true, self.blkiotune.as_ref().map_or(0, Blkiotune::occurrences));
        typed(true, self.defaultiothread.map_or(0, DefaultIothread::occurrences));
        typed(true, self.resource.as_ref().map_or(0, Resource::occurrences));
        typed(self.bootloader.is_some(), 1);
        typed(self.bootloader_args.is_some(), 1);
        typed(true, self.sysinfo.iter().map(Sysinfo::occurrences).sum());
        typed(true, self.idmap.as_ref().map_or(0, IdMap::occurrences));
        typed(true, self.perf.as_ref().map_or(0, Perf::occurrences));
        typed(true, self.keywrap.map_or(0, Keywrap::occurrences));
        typed(true, self.qemu.as_ref().map_or(0, QemuNamespace::occurrences));
        typed(true, self.drivers.as_ref().map_or(0, DriverNamespaces::occurrences));
        typed(true, self.throttlegroups.as_deref().map_or(0, throttlegroups_occurrences));
        typed(true, self.launch_security.as_ref().map_or(0, LaunchSecurity::occurrences));
        for a in [self.on_poweroff, self.on_reboot, self.on_crash, self.on_lockfailure] {
            typed(a.is_some(), 1);
        }
        if let Some(m) = &self.metadata {
            // The metadata element is typed; the foreign XML inside it is kept as such by design.
            c.typed += m.occurrences();
        }
        if let Some(d) = &self.devices {
            c.devices += 1 + d.items.iter().map(|i| i.element.occurrences()).sum::<usize>();
        }
        for e in &self.others {
            c.untyped += e.occurrences();
        }
        c
    }

    /// Fills in what libvirt's generic parser fills in when a document leaves it out, with
    /// the architecture of the machine this code runs on as the host architecture (see
    /// [`apply_defaults_for_arch`](Self::apply_defaults_for_arch)), and generates a missing
    /// uuid and an empty `<genid/>`'s value from the operating system's random source (see
    /// [`generate_ids`](Self::generate_ids)).
    ///
    /// The result formats as libvirt's own parse + format of the same document (libvirt
    /// 11.3's generic parser, `virDomainDefParseString` with a generic `virDomainXMLOption`);
    /// `tests/libvirt_defaults.rs` compares it with the system libvirt over the corpus.
    ///
    /// ```
    /// use virtkit_domxml::{Domain, FormatFlags};
    /// let mut d = Domain::from_xml("<domain type='kvm'><name>a</name>\
    ///     <memory>1024</memory><vcpu>1</vcpu></domain>").unwrap();
    /// d.apply_defaults();
    /// let xml = d.to_xml_flags(FormatFlags::SECURE);
    /// assert!(xml.contains("<currentMemory unit='KiB'>1024</currentMemory>"));
    /// assert!(xml.contains("<vcpu placement='static'>1</vcpu>"));
    /// assert!(xml.contains("<on_crash>destroy</on_crash>"));
    /// ```
    pub fn apply_defaults(&mut self) {
        // The ids first, so that the device defaults put generated MACs in their place.
        #[cfg(all(feature = "std", not(target_family = "wasm")))]
        self.generate_ids(|| {
            let mut bytes = [0u8; 16];
            // Without a working random source the ids stay missing (libvirt fails instead).
            getrandom::fill(&mut bytes).ok().map(|()| bytes)
        });
        self.apply_defaults_for_arch(HOST_ARCH);
    }

    /// Generates the random ids libvirt's parser generates: the `<uuid>` when there is none
    /// and the value of an empty `<genid/>` (`virUUIDGenerate`), then, interface by interface,
    /// a missing MAC address (`52:54:00` and three random bytes, `virDomainNetGenerateMAC`) and
    /// a virtual port's missing `instanceid` (`802.1Qbg` or untyped) and `interfaceid`
    /// (`openvswitch` or untyped), in that order, each from the 16 random bytes `random`
    /// returns (version 4 uuids; `None` leaves the id missing).
    /// [`apply_defaults`](Self::apply_defaults) does this with the operating system's random
    /// source (with the `std` feature, outside WebAssembly); elsewhere give one (in a browser,
    /// `crypto.getRandomValues`).
    ///
    /// ```
    /// use virtkit_domxml::{Domain, Uuid};
    /// let mut d = Domain::from_xml("<domain type='kvm'><genid/></domain>").unwrap();
    /// let mut n = 0u8;
    /// d.generate_ids(|| { n += 1; Some([n; 16]) });
    /// assert_eq!(d.uuid.unwrap().to_string(), "01010101-0101-4101-8101-010101010101");
    /// assert_eq!(d.genid, Some(Some(Uuid::from_random_bytes([2; 16]))));
    /// d.generate_ids(|| Some([9; 16]));
    /// assert_eq!(d.genid, Some(Some(Uuid::from_random_bytes([2; 16]))));
    /// ```
    pub fn generate_ids(&mut self, mut random: impl FnMut() -> Option<[u8; 16]>) {
        if self.uuid.is_none() {
            self.uuid = random().map(Uuid::from_random_bytes);
        }
        if let Some(g @ None) = &mut self.genid {
            *g = random().map(Uuid::from_random_bytes);
        }
        if let Some(d) = &mut self.devices {
            device_ids::generate(&mut d.items, &mut random);
        }
    }

    /// Fills in what libvirt's generic parser (`virDomainDefParseString` with a generic
    /// `virDomainXMLOption`) fills in: `currentMemory` (= `memory`); `<vcpu>` (one, static) and
    /// its `placement` (`static`, or `auto` when `<numatune><memory placement='auto'>` says
    /// so); the os `arch` (`host_arch`, unless `None`) and, for `hvm` guests without any
    /// per-device boot order or host boot loader, `<boot dev='hd'/>`; `<cpu mode='custom'>`
    /// when a cpu names a model or match without a mode, `match='exact'` for a custom model,
    /// `fallback='allow'` for a named custom or host-model model (a `<model>` without a name
    /// is dropped, as libvirt never writes one); NUMA cell ids in order, and `memory` as the
    /// sum of the cells when absent; an empty `<cpu/>` removed; `<clock offset='utc'/>`; and the lifecycle actions (`destroy`,
    /// `restart`, `destroy`). Like libvirt's parser it also ties NUMA memory and vcpu placement
    /// together (automatic vcpus get `<numatune><memory mode='strict' placement='auto'/>`
    /// unless told otherwise; automatic memory placement makes unpinned vcpus automatic), gives
    /// `<numatune><memory>` its `mode='strict'` and drops `placement='static'` beside a nodeset,
    /// completes `<iothreadids>` up to the `<iothreads>` count with the smallest free ids,
    /// makes a loader path `type='rom'`, writes `state='on'` on on/off features given without
    /// a state (`<pmu/>`, `<hap/>`, `<smm/>`, ...), gives a CPU topology `dies='1'` and
    /// `clusters='1'` when absent, puts NUMA cells in id order, and drops what libvirt reads as
    /// nothing or never writes: the boot menu timeout of a disabled menu, an empty title or
    /// description, `<bootloader_args>` without a `<bootloader>`, memory limits at or above
    /// libvirt's "unlimited", and the `<metadata>` children without a namespace or repeating
    /// one. Inside `<devices>` it applies libvirt's device defaults (implicit controllers and
    /// consoles, drive addresses, the primary video, ...) and libvirt's device order. It does
    /// not generate ids; [`apply_defaults`](Self::apply_defaults) and
    /// [`generate_ids`](Self::generate_ids) do.
    ///
    /// ```
    /// use virtkit_domxml::{Domain, FormatFlags};
    /// let mut d = Domain::from_xml("<domain type='kvm'><vcpu placement='auto'>2</vcpu>\
    ///     <iothreads>3</iothreads><iothreadids><iothread id='2'/></iothreadids>\
    ///     <os><type>hvm</type><loader>/bios.bin</loader><bootmenu enable='no' timeout='9'/></os>\
    ///     <cpu><model>qemu64</model><topology sockets='1' cores='2' threads='1'/></cpu>\
    ///     <description></description></domain>").unwrap();
    /// d.apply_defaults_for_arch(None);
    /// let xml = d.to_xml_flags(FormatFlags::SECURE);
    /// assert!(xml.contains("<numatune>\n    <memory mode='strict' placement='auto'/>"));
    /// assert!(xml.contains("<iothread id='2'/>\n    <iothread id='1'/>\n    <iothread id='3'/>"));
    /// assert!(xml.contains("<loader type='rom'>/bios.bin</loader>"));
    /// assert!(xml.contains("<bootmenu enable='no'/>"));
    /// assert!(xml.contains("<cpu mode='custom' match='exact'>\n    <model fallback='allow'>qemu64</model>"));
    /// assert!(xml.contains("<topology sockets='1' dies='1' clusters='1' cores='2' threads='1'/>"));
    /// assert!(!xml.contains("description"));
    /// ```
    ///
    /// ```
    /// use virtkit_domxml::{Domain, FormatFlags};
    /// let mut d = Domain::from_xml("<domain type='kvm'><os><type>hvm</type></os></domain>").unwrap();
    /// d.apply_defaults_for_arch(Some("aarch64"));
    /// let xml = d.to_xml_flags(FormatFlags::SECURE);
    /// assert!(xml.contains("<type arch='aarch64'>hvm</type>\n    <boot dev='hd'/>"));
    /// assert!(xml.contains("<clock offset='utc'/>"));
    /// ```
    pub fn apply_defaults_for_arch(&mut self, host_arch: Option<&str>) {
        // libvirt reads an empty title or description as none.
        for text in [&mut self.title, &mut self.description] {
            if text.as_deref() == Some("") {
                *text = None;
            }
        }
        if let (None, Some(m)) = (&self.current_memory, &self.memory) {
            self.current_memory = Some(Memory { kib: m.kib, dump_core: None });
        }
        self.default_placement();
        // virDomainDefParseIOThreads: listed ids are completed with the smallest free ids up
        // to the <iothreads> count (up to MAX_COMPLETED_IOTHREADS, so that a huge count in a
        // document cannot exhaust memory).
        if let (Some(n), Some(ids)) = (self.iothreads, self.iothreadids.as_mut())
            && !ids.is_empty()
            && n <= MAX_COMPLETED_IOTHREADS
        {
            let mut next = 1;
            while ids.len() < n as usize {
                if !ids.iter().any(|t| t.id == next) {
                    ids.push(IothreadId { id: next, ..IothreadId::default() });
                }
                next += 1;
            }
        }
        let host_bootloader = self.bootloader.is_some();
        let device_boot_order = self
            .devices
            .as_ref()
            .is_some_and(|d| d.items.iter().any(|i| i.element.child("boot").is_some()));
        if let Some(os) = &mut self.os
            && let Some(t) = &mut os.os_type
        {
            if t.arch.is_none() {
                t.arch = host_arch.map(str::to_owned);
            }
            // No default boot device with a host boot loader (bhyve's grub-bhyve, Xen's
            // pygrub), which chooses itself.
            if t.value == "hvm" && os.boot.is_empty() && !device_boot_order && !host_bootloader {
                os.boot.push("hd".to_owned());
            }
        }
        if let Some(os) = &mut self.os {
            // virDomainDefPostParseOs: a loader path is a ROM unless said otherwise.
            if let Some(l) = &mut os.loader
                && l.path.is_some()
                && l.kind.is_none()
            {
                l.kind = Some("rom".to_owned());
            }
            // The boot menu's timeout is read only when the menu is enabled.
            if let Some(m) = &mut os.bootmenu
                && m.enable != Some(true)
            {
                m.timeout = None;
            }
        }
        if let Some(cpu) = &mut self.cpu {
            if cpu.mode.is_none() && (cpu.model.is_some() || cpu.match_.is_some()) {
                cpu.mode = Some("custom".to_owned());
            }
            if cpu.mode.as_deref() == Some("custom") && cpu.match_.is_none() && cpu.model.is_some()
            {
                cpu.match_ = Some("exact".to_owned());
            }
            // virCPUDefFormatBuf writes <model> only with a name; a named guest model falls
            // back to what the host allows unless told otherwise.
            if cpu.model.as_ref().is_some_and(|m| m.name.is_none() && m.vendor_id.is_none()) {
                cpu.model = None;
            }
            if matches!(cpu.mode.as_deref(), Some("custom" | "host-model"))
                && let Some(m) = &mut cpu.model
                && m.name.is_some()
            {
                m.fallback.get_or_insert_with(|| "allow".to_owned());
            }
            // virCPUDefParseXML (11.x): dies and clusters default to one.
            if let Some(t) = &mut cpu.topology {
                t.dies.get_or_insert(1);
                t.clusters.get_or_insert(1);
            }
            if let Some(cells) = &mut cpu.numa {
                for (i, cell) in cells.iter_mut().enumerate() {
                    cell.id.get_or_insert(i as u32);
                }
                // virDomainNumaDefParseXML stores each cell at its id: written in id order.
                cells.sort_by_key(|c| c.id);
                if self.memory.is_none() && !cells.is_empty() {
                    let kib = cells.iter().map(|c| c.memory_kib).fold(0u64, u64::saturating_add);
                    self.memory = Some(Memory { kib, dump_core: None });
                    self.current_memory.get_or_insert(Memory { kib, dump_core: None });
                }
            }
        }
        if self.cpu.as_ref().is_some_and(|c| *c == Cpu::default()) {
            // libvirt keeps no definition for an empty <cpu/>.
            self.cpu = None;
        }
        let has_raw_clock = self.others.iter().any(|e| e.name == "clock");
        if self.clock.is_none() && !has_raw_clock {
            self.clock = Some(Clock { offset: Some("utc".to_owned()), ..Clock::default() });
        }
        if let Some(f) = &mut self.features {
            f.default_states();
        }
        self.on_poweroff.get_or_insert(LifecycleAction::Destroy);
        self.on_reboot.get_or_insert(LifecycleAction::Restart);
        self.on_crash.get_or_insert(LifecycleAction::Destroy);
        self.drop_what_libvirt_drops();
        self.default_devices();
    }

    /// What libvirt's parser reads as nothing or its formatter never writes (see
    /// [`apply_defaults_for_arch`](Self::apply_defaults_for_arch)).
    fn drop_what_libvirt_drops(&mut self) {
        // virDomainDefFormatInternal writes <bootloader_args> only after a <bootloader>.
        if self.bootloader.is_none() {
            self.bootloader_args = None;
        }
        // virDomainParseMemoryLimit: a limit at or above VIR_DOMAIN_MEMORY_PARAM_UNLIMITED is
        // no limit, and virMemoryLimitIsSet keeps the formatter from writing it.
        if let Some(m) = &mut self.memtune {
            for limit in [&mut m.hard_limit, &mut m.soft_limit, &mut m.swap_hard_limit] {
                if limit.is_some_and(|kib| kib >= UNLIMITED_KIB) {
                    *limit = None;
                }
            }
            if *m == Memtune::default() {
                self.memtune = None;
            }
        }
        // virXMLNodeSanitizeNamespaces: of the children of <metadata>, those without a
        // namespace and all but the first of each namespace are dropped.
        if let Some(m) = &mut self.metadata {
            let mut seen: Vec<String> = Vec::new();
            m.children.retain(|n| {
                let Node::Element(c) = n else { return true };
                let root = Scope::root();
                let uri = root.enter(c).uri(c.prefix()).filter(|u| !u.is_empty());
                match uri {
                    Some(u) if !seen.iter().any(|s| s == u) => {
                        seen.push(u.to_owned());
                        true
                    }
                    _ => false,
                }
            });
        }
    }

    /// The device defaults (`device_defaults`), with what they depend on outside `<devices>`.
    fn default_devices(&mut self) {
        let os_type = self.os.as_ref().and_then(|o| o.os_type.as_ref());
        let cx = device_defaults::Context {
            domain_type: &self.domain_type,
            os_type: os_type.map(|t| t.value.as_str()),
            arch: os_type.and_then(|t| t.arch.as_deref()),
            live: self.id.is_some(),
        };
        // libvirt always writes <devices>, even around no device.
        let devices = self.devices.get_or_insert_with(Devices::default);
        device_defaults::apply(devices, &cx);
    }

    /// The vcpu count and placement and the NUMA memory placement, as libvirt's parser ties
    /// them together (see [`apply_defaults_for_arch`](Self::apply_defaults_for_arch)).
    fn default_placement(&mut self) {
        let raw_numatune = self.others.iter().find(|e| e.name == "numatune");
        let vcpu = self.vcpu.get_or_insert(Vcpu {
            placement: None,
            cpuset: None,
            current: None,
            count: 1,
        });
        // virDomainNumatuneParseXML: with vcpus placed automatically, memory is too (a
        // <memory> without placement or nodeset, or none at all); libvirt always writes a
        // mode, and no placement beside a static nodeset.
        if vcpu.placement == Some(Placement::Auto) && raw_numatune.is_none() {
            let n = self.numatune.get_or_insert_with(Numatune::default);
            let m = n.memory.get_or_insert_with(NumaMemory::default);
            if m.placement.is_none() && m.nodeset.is_none() {
                m.placement = Some("auto".to_owned());
            }
        }
        if let Some(m) = self.numatune.as_mut().and_then(|n| n.memory.as_mut()) {
            m.mode.get_or_insert_with(|| "strict".to_owned());
            if m.placement.as_deref() == Some("static") && m.nodeset.is_some() {
                m.placement = None;
            }
        }
        let numa_auto = self.numatune.as_ref().is_some_and(|n| {
            n.memory.as_ref().is_some_and(|m| m.placement.as_deref() == Some("auto"))
        }) || raw_numatune.is_some_and(|e| {
            e.child("memory").and_then(|m| m.attribute("placement")) == Some("auto")
        });
        // virDomainDefParseXML: automatic memory placement makes the vcpus' automatic too,
        // unless something pins them (a cpuset, vcpupin, emulatorpin or iothreadpin).
        let pinned = self.cputune.as_ref().is_some_and(|t| {
            !t.vcpupin.is_empty() || t.emulatorpin.is_some() || !t.iothreadpin.is_empty()
        }) || self.others.iter().any(|e| e.name == "cputune");
        if numa_auto && vcpu.cpuset.is_none() && !pinned {
            vcpu.placement = Some(Placement::Auto);
        }
        vcpu.placement.get_or_insert(Placement::Static);
    }
}

impl Error {
    fn without_path(mut self) -> Error {
        self.clear_path();
        self
    }
}

fn write_memory(out: &mut String, name: &str, m: Option<&Memory>) {
    if let Some(m) = m {
        indent(out, 1);
        out.push('<');
        out.push_str(name);
        if let Some(d) = m.dump_core {
            out.push_str(" dumpCore='");
            out.push_str(on_off_str(d));
            out.push('\'');
        }
        out.push_str(" unit='KiB'>");
        push_u64(out, m.kib);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }
}

fn write_action(out: &mut String, name: &str, a: Option<LifecycleAction>) {
    display_element(out, 1, name, a.as_ref());
}

fn write_devices(out: &mut String, devices: &Devices<'_>, flags: FormatFlags) {
    // libvirt always writes the pair, even around no device.
    out.push_str("  <devices>\n");
    for d in &devices.items {
        write_kept(out, &d.element, 2, flags);
    }
    out.push_str("  </devices>\n");
}

/// Writes an element kept as read, without the secrets that libvirt writes only with
/// `VIR_DOMAIN_XML_SECURE`, unless `flags` has [`FormatFlags::SECURE`].
///
/// libvirt withholds exactly two things (`virDomainGraphicsAuthDefFormatAttr` and the HTTP
/// cookies of `virDomainDiskSourceFormat`): `passwd` on `<graphics>` (vnc, spice, rdp: the
/// only graphics with a password in the schema), and the `<cookies>` of a network
/// `<source>` (disks, their backing stores and mirrors, nvram). Secret *references*
/// (`<auth><secret uuid=.../>`, `<encryption>`), launch-security certificates and key paths are
/// written either way, as libvirt writes them. `tests/libvirt_secrets.rs` checks this against
/// libvirt's own formatter over the corpus. Kept elements outside `<devices>` (a second
/// `<devices>`, an `<os>` the model leaves untyped) are filtered the same way.
fn write_kept(out: &mut String, e: &Element<'_>, depth: usize, flags: FormatFlags) {
    if !flags.contains(FormatFlags::SECURE) && holds_secret(e) {
        let mut e = e.clone();
        strip_secrets(&mut e);
        write_element(out, &e, depth, Style::Libvirt);
    } else {
        write_element(out, e, depth, Style::Libvirt);
    }
}

fn is_secret_attribute(owner: &Element<'_>, name: &str) -> bool {
    owner.name == "graphics" && name == "passwd"
}

fn is_secret_child(owner: &Element<'_>, child: &Element<'_>) -> bool {
    owner.name == "source" && child.name == "cookies"
}

fn holds_secret(e: &Element<'_>) -> bool {
    e.attributes.iter().any(|a| is_secret_attribute(e, &a.name))
        || e.elements().any(|c| is_secret_child(e, c) || holds_secret(c))
}

fn strip_secrets(e: &mut Element<'_>) {
    let owner = Element::new(e.name.clone());
    e.attributes.retain(|a| !is_secret_attribute(&owner, &a.name));
    e.children.retain(|n| !matches!(n, Node::Element(c) if is_secret_child(&owner, c)));
    for n in &mut e.children {
        if let Node::Element(c) = n {
            strip_secrets(c);
        }
    }
}

/// The `<metadata>` element with a namespace declaration on every prefixed child that relies
/// on one declared higher up (libvirt copies each child out with its namespace).
fn metadata<'a>(e: &Element<'a>, outer: &Scope<'_, 'a>) -> Element<'a> {
    let scope = outer.enter(e);
    let mut m = e.clone();
    for node in &mut m.children {
        let Node::Element(child) = node else { continue };
        let decl = match child.prefix() {
            Some(p) => alloc::format!("xmlns:{p}"),
            None => continue,
        };
        if child.attribute(&decl).is_some() {
            continue;
        }
        if let Some(uri) = scope.uri(child.prefix()) {
            child.attributes.insert(0, Attribute::new(decl, uri.to_owned()));
        }
    }
    m
}
