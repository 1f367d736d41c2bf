//! The process-wide registry of sim hosts and a host's domains.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, Weak};

use virtkit_api::enums::CEnum;
use virtkit_api::enums::{DomainRunningReason, DomainShutoffReason, DomainState};

/// A definition as the host keeps it (owning its strings).
type Def = virtkit_domxml::Domain<'static>;

/// libvirt's `test:///default` domain, as `virsh -c test:///default dumpxml test` shows it
/// (without the live id).
pub(crate) const DEFAULT_DOMAIN_XML: &str = "<domain type='test'>
  <name>test</name>
  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
  <memory unit='KiB'>8388608</memory>
  <currentMemory unit='KiB'>2097152</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='i686'>hvm</type>
    <boot dev='hd'/>
  </os>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/diskimage1'/>
      <target dev='vda' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
    </disk>
    <interface type='network'>
      <mac address='aa:bb:cc:dd:ee:ff'/>
      <source network='default'/>
      <target dev='testnet0'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
    </interface>
    <memballoon model='virtio'>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
    </memballoon>
  </devices>
</domain>
";

/// One domain of a host (`virDomainObj`).
#[derive(Debug, Clone)]
pub(crate) struct Dom {
    /// The definition in effect: the live one while active, the persistent one otherwise.
    pub(crate) def: Def,
    /// The persistent definition of an active persistent domain changed while it runs
    /// (`newDef`), applied when it stops.
    pub(crate) new_def: Option<Def>,
    pub(crate) state: DomainState,
    pub(crate) reason: i32,
    /// The live id, -1 while inactive.
    pub(crate) id: i32,
    pub(crate) persistent: bool,
    pub(crate) autostart: bool,
    pub(crate) cpu_time: u64,
}

impl Dom {
    pub(crate) fn name(&self) -> &str {
        self.def.name.as_deref().unwrap_or_default()
    }

    pub(crate) fn uuid(&self) -> [u8; 16] {
        self.def.uuid.map(|u| u.0).unwrap_or_default()
    }

    pub(crate) fn is_active(&self) -> bool {
        self.state != DomainState::Shutoff
    }

    pub(crate) fn set_state(&mut self, state: DomainState, reason: i32) {
        self.state = state;
        self.reason = reason;
    }

    /// The persistent definition (`virDomainObjGetPersistentDef`): `newDef` while active,
    /// created from the live one on first use.
    pub(crate) fn persistent_def_mut(&mut self) -> &mut Def {
        if self.is_active() {
            let live = &self.def;
            self.new_def.get_or_insert_with(|| live.clone())
        } else {
            &mut self.def
        }
    }

    /// The persistent definition, read-only.
    pub(crate) fn persistent_def(&self) -> &Def {
        if self.is_active() { self.new_def.as_ref().unwrap_or(&self.def) } else { &self.def }
    }
}

/// Host state behind a host's lock.
#[derive(Debug)]
pub(crate) struct HostState {
    /// Domains in definition order.
    pub(crate) domains: Vec<Dom>,
    /// The id the next started domain gets.
    pub(crate) next_id: i32,
    /// Seed of generated UUIDs.
    pub(crate) uuid_seed: u64,
}

/// A simulated hypervisor host.
#[derive(Debug)]
pub(crate) struct Host {
    pub(crate) name: String,
    state: Mutex<HostState>,
}

impl Host {
    fn new(name: &str) -> Host {
        let mut def = Def::from_xml(DEFAULT_DOMAIN_XML).expect("the default domain XML parses");
        def.id = None;
        let test = Dom {
            new_def: Some(def.clone()),
            def,
            state: DomainState::Running,
            reason: DomainRunningReason::Booted.raw(),
            id: 1,
            persistent: true,
            autostart: false,
            cpu_time: 0,
        };
        let seed = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Host {
            name: name.to_owned(),
            state: Mutex::new(HostState { domains: vec![test], next_id: 2, uuid_seed: seed }),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, HostState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl HostState {
    /// A fresh UUID (version 4 layout, from a per-host splitmix64 sequence).
    pub(crate) fn generate_uuid(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        for half in out.chunks_mut(8) {
            self.uuid_seed = self.uuid_seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.uuid_seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            half.copy_from_slice(&z.to_be_bytes());
        }
        out[6] = (out[6] & 0x0f) | 0x40;
        out[8] = (out[8] & 0x3f) | 0x80;
        out
    }

    /// Marks `dom` stopped with `reason` (`testDomainShutdownState`): the pending persistent
    /// definition takes effect and a transient domain disappears.
    pub(crate) fn stop(&mut self, index: usize, reason: DomainShutoffReason) {
        let dom = &mut self.domains[index];
        dom.set_state(DomainState::Shutoff, reason.raw());
        dom.id = -1;
        if let Some(def) = dom.new_def.take() {
            dom.def = def;
        }
        if !dom.persistent {
            self.domains.remove(index);
        }
    }

    /// Starts the inactive domain at `index` with a new id.
    pub(crate) fn start(&mut self, index: usize) {
        let id = self.next_id;
        self.next_id += 1;
        let dom = &mut self.domains[index];
        dom.id = id;
        if dom.persistent && dom.new_def.is_none() {
            dom.new_def = Some(dom.def.clone());
        }
        dom.set_state(DomainState::Running, DomainRunningReason::Booted.raw());
    }
}

fn hosts() -> &'static Mutex<BTreeMap<String, Weak<Host>>> {
    static HOSTS: OnceLock<Mutex<BTreeMap<String, Weak<Host>>>> = OnceLock::new();
    HOSTS.get_or_init(Mutex::default)
}

/// The host named `name`, created when no connection holds it.
pub(crate) fn host(name: &str) -> Arc<Host> {
    let mut map = hosts().lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(host) = map.get(name).and_then(Weak::upgrade) {
        return host;
    }
    map.retain(|_, h| h.strong_count() > 0);
    let host = Arc::new(Host::new(name));
    map.insert(name.to_owned(), Arc::downgrade(&host));
    host
}
