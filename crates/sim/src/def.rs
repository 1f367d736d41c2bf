//! Reading and changing the parts of a definition the host uses (memory, vCPUs), as
//! libvirt's `virDomainDefGet*`/`Set*` helpers do.

use std::collections::VecDeque;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

use virtkit_domxml::Vcpu;

/// A definition the host keeps (owning its strings), shared copy-on-write: the live and
/// persistent copies of a domain, a migration's payload and a save image share one tree
/// until one of them changes (`DerefMut` clones it then), so starting, saving and migrating
/// a domain do not copy its whole definition.
#[derive(Clone, Debug)]
pub(crate) struct Def(Arc<virtkit_domxml::Domain<'static>>);

impl Deref for Def {
    type Target = virtkit_domxml::Domain<'static>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Def {
    fn deref_mut(&mut self) -> &mut Self::Target {
        Arc::make_mut(&mut self.0)
    }
}

impl From<virtkit_domxml::Domain<'static>> for Def {
    fn from(def: virtkit_domxml::Domain<'static>) -> Def {
        Def(Arc::new(def))
    }
}

impl PartialEq for Def {
    fn eq(&self, other: &Def) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

/// How many parsed documents [`parse`] remembers, and the largest it remembers.
const MEMO_ENTRIES: usize = 16;
const MEMO_MAX_LEN: usize = 64 * 1024;

/// Reads a definition that owns its strings.
///
/// Parsing is a pure function of the text, so the last few results are remembered and
/// shared (copy-on-write): the same document defined, migrated or restored again, as tests
/// and demos do many times, is parsed once. At most [`MEMO_ENTRIES`] documents of at most
/// [`MEMO_MAX_LEN`] bytes are kept; errors are not.
pub(crate) fn parse(xml: &str) -> Result<Def, virtkit_domxml::Error> {
    type Memo = VecDeque<(String, Def)>;
    static MEMO: Mutex<Memo> = Mutex::new(VecDeque::new());
    let memo = || MEMO.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let remembered = xml.len() <= MEMO_MAX_LEN;
    if remembered
        && let Some(def) = memo().iter().find(|(text, _)| text == xml).map(|(_, d)| d.clone())
    {
        return Ok(def);
    }
    let def = Def::from(virtkit_domxml::Domain::from_xml_owned(xml)?);
    if remembered {
        let mut m = memo();
        if m.len() == MEMO_ENTRIES {
            m.pop_front();
        }
        m.push_back((xml.to_owned(), def.clone()));
    }
    Ok(def)
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
