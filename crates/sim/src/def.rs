//! Reading and changing the parts of a definition the host uses (memory, vCPUs), as
//! libvirt's `virDomainDefGet*`/`Set*` helpers do.

use virtkit_domxml::Vcpu;

/// A definition the host keeps (owning its strings).
pub(crate) type Def = virtkit_domxml::Domain<'static>;

/// Reads a definition that owns its strings.
pub(crate) fn parse(xml: &str) -> Result<Def, virtkit_domxml::Error> {
    Def::from_xml_owned(xml)
}

/// `virDomainDefGetMemoryTotal` in KiB.
pub(crate) fn memory_kib(def: &Def) -> u64 {
    def.memory.as_ref().map_or(0, |m| m.kib)
}

/// The balloon (`currentMemory`) in KiB; the total when unset.
pub(crate) fn current_memory_kib(def: &Def) -> u64 {
    def.current_memory.as_ref().map_or_else(|| memory_kib(def), |m| m.kib)
}

/// `virDomainDefGetVcpusMax`.
pub(crate) fn vcpus_max(def: &Def) -> u32 {
    def.vcpu.as_ref().map_or(1, |v| v.count)
}

/// `virDomainDefGetVcpus`: the online vCPUs.
pub(crate) fn vcpus_current(def: &Def) -> u32 {
    def.vcpu.as_ref().map_or(1, |v| v.current.unwrap_or(v.count))
}

fn vcpu_mut(def: &mut Def) -> &mut Vcpu {
    def.vcpu.get_or_insert(Vcpu { placement: None, cpuset: None, current: None, count: 1 })
}

/// `virDomainDefSetVcpus`.
pub(crate) fn set_vcpus_current(def: &mut Def, n: u32) {
    let v = vcpu_mut(def);
    v.current = if n == v.count { None } else { Some(n) };
}

/// `virDomainDefSetVcpusMax`: the online count follows down.
pub(crate) fn set_vcpus_max(def: &mut Def, n: u32) {
    let cur = vcpus_current(def).min(n);
    let v = vcpu_mut(def);
    v.count = n;
    v.current = if cur == n { None } else { Some(cur) };
}
