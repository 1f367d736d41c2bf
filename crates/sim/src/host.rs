//! The process-wide registry of sim hosts, a host's domains and what a host remembers besides
//! them (save images, incoming migrations, events waiting for delivery, the connections to
//! deliver them to, feature answers and faults).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, Weak};

use crate::def::Def;
use virtkit_api::enums::{CEnum, DomainRunningReason, DomainShutoffReason, DomainState};
use virtkit_api::events::DomainEvent;
use virtkit_api::types::Uuid;
use virtkit_api::{Domain, EventRegistry, WeakConnect};

use crate::faults::Control;
use crate::node::NodeInfo;

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

/// The outgoing migration of a domain (its job between Begin and Confirm).
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools)] // Independent facts of one job.
pub(crate) struct MigrationOut {
    /// The state the domain had when the migration began (restored when it is cancelled).
    pub(crate) resume_to: Option<(DomainState, i32)>,
    /// Set by `virDomainAbortJob`: the next Perform fails.
    pub(crate) abort_requested: bool,
    /// Perform succeeded: the guest now lives on the destination.
    pub(crate) performed: bool,
    /// Started (ms of the host's clock) for the job statistics.
    pub(crate) started_ms: u64,
    /// Begun with `VIR_MIGRATE_POSTCOPY`.
    pub(crate) postcopy: bool,
    /// `virDomainMigrateStartPostCopy` was called.
    pub(crate) postcopy_started: bool,
}

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
    /// Destroyed when the connection that started it closes (`VIR_DOMAIN_START_AUTODESTROY`):
    /// the connection's serial number.
    pub(crate) autodestroy: Option<u64>,
    /// The managed save image: the definition it holds and whether it restores paused.
    pub(crate) managed_save: Option<Image>,
    /// Simulated guest counters, advanced on each query of a running domain.
    pub(crate) counters: Counters,
    /// The outgoing migration, if one is under way.
    pub(crate) migration: Option<MigrationOut>,
    /// The guest clock (`virDomainGetTime`): seconds and nanoseconds.
    pub(crate) guest_time: (i64, u32),
    /// The guest's frozen file systems (`/`, `/boot`).
    pub(crate) frozen: [bool; 2],
    /// The vCPUs the guest took offline (`virDomainSetGuestVcpus`), cleared when it starts.
    pub(crate) guest_offline: virtkit_cpumap::CpuSet,
    /// Migration downtime, bandwidth and cache.
    pub(crate) migration_tunables: crate::migtune::MigrationTunables,
}

/// Counters that move while a guest runs: CPU time and I/O.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counters {
    /// Total CPU time in nanoseconds.
    pub(crate) cpu_time: u64,
    /// Ticks seen (one per query of a running domain).
    pub(crate) ticks: u64,
}

impl Counters {
    /// One step of a running guest: 10 ms of CPU time per vCPU.
    pub(crate) fn tick(&mut self, vcpus: u32) {
        self.ticks += 1;
        self.cpu_time += 10_000_000 * u64::from(vcpus.max(1));
    }
}

/// A save image (`virDomainSave` file, managed save): the definition and the state to
/// restore to.
#[derive(Debug, Clone)]
pub(crate) struct Image {
    pub(crate) def: Def,
    /// The guest was running (not paused) when saved.
    pub(crate) running: bool,
}

impl Image {
    /// `VIR_DOMAIN_SAVE_RUNNING` / `_PAUSED` of a save-image redefinition: the state the
    /// guest restores in (neither keeps the saved one).
    pub(crate) fn restore_as(&mut self, flags: virtkit_api::flags::DomainSaveRestoreFlags) {
        use virtkit_api::flags::DomainSaveRestoreFlags as S;
        if flags.contains(S::RUNNING) {
            self.running = true;
        } else if flags.contains(S::PAUSED) {
            self.running = false;
        }
    }
}

impl Dom {
    pub(crate) fn new(def: Def, persistent: bool) -> Dom {
        Dom {
            def,
            new_def: None,
            state: DomainState::Shutoff,
            reason: DomainShutoffReason::Unknown.raw(),
            id: -1,
            persistent,
            autostart: false,
            autodestroy: None,
            managed_save: None,
            counters: Counters::default(),
            migration: None,
            guest_time: (crate::guest::GUEST_EPOCH, 0),
            frozen: [false; 2],
            guest_offline: virtkit_cpumap::CpuSet::new(),
            migration_tunables: crate::migtune::MigrationTunables::default(),
        }
    }

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

    /// What an event about this domain names.
    pub(crate) fn handle_ref(&self) -> DomRef {
        DomRef { name: self.name().to_owned(), uuid: Uuid(self.uuid()), id: self.id }
    }
}

/// The identity of a domain an event is about (a `Domain` is made per connection).
#[derive(Debug, Clone)]
pub(crate) struct DomRef {
    pub(crate) name: String,
    pub(crate) uuid: Uuid,
    pub(crate) id: i32,
}

/// A migration a destination host prepared and not yet finished.
#[derive(Debug, Clone)]
pub(crate) struct Incoming {
    /// Names the migration in cookies.
    pub(crate) token: u64,
    /// The domain name on this host.
    pub(crate) name: String,
    /// The UUID (none for a v1 Prepare, which does not know the domain yet).
    pub(crate) uuid: Option<[u8; 16]>,
    /// Offline: only the definition moves.
    pub(crate) offline: bool,
    /// The definition (offline: what Finish defines).
    pub(crate) def: Option<Def>,
    /// The guest's state arrived (Perform ran).
    pub(crate) transferred: bool,
    /// The source's persistent definition when `PERSIST_DEST` is asked for.
    pub(crate) persistent_def: Option<Def>,
    /// A domain with this UUID was defined here before the migration (it stays defined).
    pub(crate) was_defined: bool,
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
    /// Save images by path (`virDomainSave`, `virDomainCoreDump` write here, not to files).
    pub(crate) images: BTreeMap<String, Image>,
    /// Core dumps by path: the name of the dumped domain.
    pub(crate) dumps: BTreeMap<String, String>,
    /// Migrations this host prepared as the destination.
    pub(crate) incoming: Vec<Incoming>,
    /// Events raised under the lock, delivered once it is released.
    pub(crate) pending: Vec<(DomRef, DomainEvent)>,
    /// The node (`virNodeInfo`).
    pub(crate) node: NodeInfo,
    /// A clock in milliseconds, advanced by queries (there is no wall clock on wasm32).
    pub(crate) clock_ms: u64,
}

/// One open connection's event callbacks.
#[derive(Default)]
pub(crate) struct ConnEvents {
    pub(crate) registry: EventRegistry,
    pub(crate) conn: Mutex<WeakConnect>,
    /// The connection's serial number (for autodestroy).
    pub(crate) serial: u64,
}

/// A simulated hypervisor host.
pub(crate) struct HostCore {
    pub(crate) name: String,
    state: Mutex<HostState>,
    /// The connections open to this host (weak: a connection owns its events).
    conns: Mutex<Vec<Weak<ConnEvents>>>,
    /// Feature answers, faults and the call log.
    pub(crate) control: Mutex<Control>,
}

impl std::fmt::Debug for HostCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostCore").field("name", &self.name).finish_non_exhaustive()
    }
}

/// The default node's `test` domain, running with id 1.
fn default_domain() -> Dom {
    let mut def = crate::def::parse(DEFAULT_DOMAIN_XML).expect("the default domain XML parses");
    def.id = None;
    let mut test = Dom::new(def, true);
    test.new_def = Some(test.def.clone());
    test.set_state(DomainState::Running, DomainRunningReason::Unknown.raw());
    test.id = 1;
    test
}

fn name_seed(name: &str) -> u64 {
    name.bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl HostCore {
    /// A host like `test:///default`.
    pub(crate) fn new_default(name: &str) -> HostCore {
        HostCore::with_state(name, vec![default_domain()], 2, NodeInfo::default())
    }

    /// A host with the given domains and node (from a node document).
    pub(crate) fn with_state(
        name: &str,
        domains: Vec<Dom>,
        next_id: i32,
        node: NodeInfo,
    ) -> HostCore {
        HostCore {
            name: name.to_owned(),
            state: Mutex::new(HostState {
                domains,
                next_id,
                uuid_seed: name_seed(name),
                images: BTreeMap::new(),
                dumps: BTreeMap::new(),
                incoming: Vec::new(),
                pending: Vec::new(),
                node,
                clock_ms: 0,
            }),
            conns: Mutex::default(),
            control: Mutex::new(Control::default()),
        }
    }

    /// The state, locked. Events raised meanwhile wait in `pending` until [`HostCore::run`]
    /// or [`HostCore::deliver`] hands them out.
    pub(crate) fn lock(&self) -> MutexGuard<'_, HostState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn control(&self) -> MutexGuard<'_, Control> {
        self.control.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` under the lock, then delivers the events it raised (outside the lock, so
    /// callbacks may call back into the host).
    pub(crate) fn run<T>(&self, f: impl FnOnce(&mut HostState) -> T) -> T {
        let (out, events) = {
            let mut state = self.lock();
            let out = f(&mut state);
            (out, std::mem::take(&mut state.pending))
        };
        self.dispatch(events);
        out
    }

    #[allow(clippy::needless_pass_by_value)] // Taken from the state, dropped here.
    fn dispatch(&self, events: Vec<(DomRef, DomainEvent)>) {
        if events.is_empty() {
            return;
        }
        let conns: Vec<Arc<ConnEvents>> = {
            let mut list = self.conns.lock().unwrap_or_else(PoisonError::into_inner);
            list.retain(|c| c.strong_count() > 0);
            list.iter().filter_map(Weak::upgrade).collect()
        };
        for ce in conns {
            if ce.registry.is_empty() {
                continue;
            }
            let weak = ce.conn.lock().unwrap_or_else(PoisonError::into_inner).clone();
            let Some(conn) = weak.upgrade() else { continue };
            for (d, event) in &events {
                let dom = Domain::new(&conn, &d.name, d.uuid, d.id);
                ce.registry.emit(&conn, &dom, event);
            }
        }
    }

    /// Remembers a new connection's event state.
    pub(crate) fn attach(&self, events: &Arc<ConnEvents>) {
        let mut list = self.conns.lock().unwrap_or_else(PoisonError::into_inner);
        list.retain(|c| c.strong_count() > 0);
        list.push(Arc::downgrade(events));
    }

    /// The number of open connections.
    pub(crate) fn connections(&self) -> usize {
        let mut list = self.conns.lock().unwrap_or_else(PoisonError::into_inner);
        list.retain(|c| c.strong_count() > 0);
        list.len()
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

    /// Queues a lifecycle event about the domain at `index`.
    pub(crate) fn lifecycle(&mut self, index: usize, event: impl CEnum, detail: impl CEnum) {
        let d = self.domains[index].handle_ref();
        self.emit(d, DomainEvent::Lifecycle { event: event.raw(), detail: detail.raw() });
    }

    /// Queues an event.
    pub(crate) fn emit(&mut self, d: DomRef, event: DomainEvent) {
        self.pending.push((d, event));
    }

    /// Marks `dom` stopped with `reason` (`testDomainShutdownState`): the pending persistent
    /// definition takes effect and a transient domain disappears. Returns whether the domain
    /// is still there.
    pub(crate) fn stop(&mut self, index: usize, reason: DomainShutoffReason) -> bool {
        let dom = &mut self.domains[index];
        dom.set_state(DomainState::Shutoff, reason.raw());
        dom.id = -1;
        dom.autodestroy = None;
        dom.migration = None;
        if let Some(def) = dom.new_def.take() {
            dom.def = def;
        }
        if !dom.persistent {
            self.domains.remove(index);
            return false;
        }
        true
    }

    /// Starts the inactive domain at `index` with a new id, in `state`/`reason`.
    pub(crate) fn start(&mut self, index: usize, state: DomainState, reason: i32) {
        let id = self.next_id;
        self.next_id += 1;
        let dom = &mut self.domains[index];
        dom.id = id;
        dom.guest_offline = virtkit_cpumap::CpuSet::new();
        if dom.persistent && dom.new_def.is_none() {
            dom.new_def = Some(dom.def.clone());
        }
        dom.set_state(state, reason);
    }

    /// Advances the clock and the counters of running domains.
    pub(crate) fn tick(&mut self) {
        self.clock_ms += 10;
        for d in &mut self.domains {
            if d.state == DomainState::Running {
                let n = crate::def::vcpus_current(&d.def);
                d.counters.tick(n);
            }
        }
    }

    pub(crate) fn find_uuid(&self, uuid: [u8; 16]) -> Option<usize> {
        self.domains.iter().position(|d| d.uuid() == uuid)
    }
}

/// What the registry holds for a name: the host, kept alive by its connections and
/// [`crate::Host`] handles.
fn hosts() -> &'static Mutex<BTreeMap<String, Weak<HostCore>>> {
    static HOSTS: OnceLock<Mutex<BTreeMap<String, Weak<HostCore>>>> = OnceLock::new();
    HOSTS.get_or_init(Mutex::default)
}

/// The host named `name`, created like `test:///default` when nothing holds it.
pub(crate) fn host(name: &str) -> Arc<HostCore> {
    let mut map = hosts().lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(host) = map.get(name).and_then(Weak::upgrade) {
        return host;
    }
    map.retain(|_, h| h.strong_count() > 0);
    let host = Arc::new(HostCore::new_default(name));
    map.insert(name.to_owned(), Arc::downgrade(&host));
    host
}

/// The host named `name` if something holds it.
pub(crate) fn existing(name: &str) -> Option<Arc<HostCore>> {
    hosts().lock().unwrap_or_else(PoisonError::into_inner).get(name).and_then(Weak::upgrade)
}

/// Registers `core` under its name; refused when a live host has the name.
pub(crate) fn install(core: HostCore) -> Result<Arc<HostCore>, Arc<HostCore>> {
    let mut map = hosts().lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(host) = map.get(&core.name).and_then(Weak::upgrade) {
        return Err(host);
    }
    map.retain(|_, h| h.strong_count() > 0);
    let host = Arc::new(core);
    map.insert(host.name.clone(), Arc::downgrade(&host));
    Ok(host)
}
