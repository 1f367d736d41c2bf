//! [`SimDriver`]: the [`Driver`] callbacks of a connection to a sim host, with the state
//! checks and messages of libvirt's test driver (`src/test/test_driver.c`).

use std::sync::Arc;

use virtkit_api::enums::{
    CEnum, DomainPausedReason, DomainRunningReason, DomainShutoffReason, DomainState,
};
use virtkit_api::flags::{
    ConnectListAllDomainsFlags as ListFlags, DomainCreateFlags, DomainDefineFlags,
    DomainDestroyFlags, DomainMemoryModFlags, DomainRebootFlags, DomainShutdownFlags,
    DomainUndefineFlags, DomainVcpuFlags, DomainXMLFlags,
};
use virtkit_api::types::{DomainInfo, StateReason, Uuid, VcpuInfo, Vcpus};
use virtkit_api::{Connect, Domain, Driver, Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::{FormatFlags, LifecycleAction, Memory, Vcpu};

use crate::NODE_CPUS;
use crate::host::{Dom, Host, HostState, host};

/// A definition as the host keeps it (owning its strings).
type Def = virtkit_domxml::Domain<'static>;

/// The driver of one connection to a sim host: what [`virtkit_api::Connect::open`] gets for
/// a `sim:///NAME` URI once [`register`](crate::register) has run.
///
/// ```
/// virtkit_sim::register();
/// let conn = virtkit_api::Connect::open("sim:///doc-driver")?;
/// assert_eq!(conn.num_of_domains()?, 1);
/// # Ok::<(), virtkit_api::Error>(())
/// ```
pub struct SimDriver {
    host: Arc<Host>,
}

impl std::fmt::Debug for SimDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimDriver").field("host", &self.host.name).finish()
    }
}

/// The [`virtkit_api::DriverFactory`] of the `sim` scheme: `sim:///NAME` (an empty name is
/// `default`).
pub(crate) fn open(uri: &str, _read_only: bool) -> Result<Arc<dyn Driver>> {
    let path = uri
        .split_once("://")
        .map(|(_, rest)| rest)
        .and_then(|rest| rest.strip_prefix('/'))
        .ok_or_else(|| {
            Error::new(ErrorCode::InvalidArg, ErrorDomain::Test, format!("invalid sim URI '{uri}'"))
        })?;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let name = if path.is_empty() { "default" } else { path };
    if name.contains('/') {
        return Err(Error::new(
            ErrorCode::InvalidArg,
            ErrorDomain::Test,
            format!("invalid sim host name '{name}' in '{uri}'"),
        ));
    }
    Ok(Arc::new(SimDriver { host: host(name) }))
}

fn no_domain() -> Error {
    Error::verbatim(ErrorCode::NoDomain, ErrorDomain::Test, "Domain not found")
}

fn internal(detail: String) -> Error {
    Error::new(ErrorCode::InternalError, ErrorDomain::Test, detail)
}

fn not_running() -> Error {
    Error::new(ErrorCode::OperationInvalid, ErrorDomain::Domain, "domain is not running")
}

/// `virCheckFlags`: unknown bits are `unsupported flags (0x..) in function {func}`.
fn check_flags(bits: u32, allowed: u32, func: &str) -> Result<()> {
    let extra = bits & !allowed;
    if extra != 0 {
        return Err(Error::new(
            ErrorCode::InvalidArg,
            ErrorDomain::Test,
            format!("unsupported flags (0x{extra:x}) in function {func}"),
        ));
    }
    Ok(())
}

fn xml_error(e: &virtkit_domxml::Error) -> Error {
    Error::new(ErrorCode::XmlError, ErrorDomain::Domain, e.to_string())
}

fn memory_kib(def: &Def) -> u64 {
    def.memory.as_ref().map_or(0, |m| m.kib)
}

fn current_memory_kib(def: &Def) -> u64 {
    def.current_memory.as_ref().map_or_else(|| memory_kib(def), |m| m.kib)
}

fn vcpus_max(def: &Def) -> u32 {
    def.vcpu.as_ref().map_or(1, |v| v.count)
}

fn vcpus_current(def: &Def) -> u32 {
    def.vcpu.as_ref().map_or(1, |v| v.current.unwrap_or(v.count))
}

fn set_vcpus_current(def: &mut Def, n: u32) {
    let v = def.vcpu.get_or_insert(Vcpu { placement: None, cpuset: None, current: None, count: 1 });
    v.current = if n == v.count { None } else { Some(n) };
}

fn set_vcpus_max(def: &mut Def, n: u32) {
    let cur = vcpus_current(def).min(n);
    let v = def.vcpu.get_or_insert(Vcpu { placement: None, cpuset: None, current: None, count: 1 });
    v.count = n;
    v.current = if cur == n { None } else { Some(cur) };
}

/// Which definitions a modification touches (`virDomainObjGetDefs` after
/// `virDomainObjUpdateModificationImpact`): `(live, config)`.
fn impact(dom: &Dom, live: bool, config: bool) -> Result<(bool, bool)> {
    let (mut live, config) =
        if !live && !config { (dom.is_active(), !dom.is_active()) } else { (live, config) };
    if live && !dom.is_active() {
        return Err(not_running());
    }
    if config && !dom.persistent {
        return Err(Error::new(
            ErrorCode::OperationInvalid,
            ErrorDomain::Domain,
            "transient domains do not have any persistent config",
        ));
    }
    live &= dom.is_active();
    Ok((live, config))
}

/// A parsed definition checked for what the host needs: a name, a memory size, a UUID.
fn parse_def(state: &mut HostState, xml: &str) -> Result<Def> {
    let mut def = Def::from_xml_owned(xml).map_err(|e| xml_error(&e))?;
    if def.name.as_deref().is_none_or(str::is_empty) {
        return Err(Error::verbatim(
            ErrorCode::NoName,
            ErrorDomain::Domain,
            "missing name information",
        ));
    }
    if def.memory.is_none() {
        return Err(Error::new(
            ErrorCode::XmlError,
            ErrorDomain::Domain,
            "Memory size must be specified via <memory> or in the <numa> configuration",
        ));
    }
    if def.uuid.is_none() {
        def.uuid = Some(virtkit_domxml::Uuid(state.generate_uuid()));
    }
    def.id = None;
    if let Some(cur) = &def.current_memory
        && cur.kib > memory_kib(&def)
    {
        def.current_memory = def.memory.as_ref().map(|m| Memory { kib: m.kib, dump_core: None });
    }
    Ok(def)
}

/// `virDomainObjListAdd`'s duplicate checks: the index of the domain `def` replaces, if any.
fn find_slot(state: &HostState, def: &Def, live: bool) -> Result<Option<usize>> {
    let name = def.name.as_deref().unwrap_or_default();
    let uuid = def.uuid.map(|u| u.0).unwrap_or_default();
    if let Some(i) = state.domains.iter().position(|d| d.uuid() == uuid) {
        let d = &state.domains[i];
        if d.name() != name {
            return Err(Error::verbatim(
                ErrorCode::OperationFailed,
                ErrorDomain::Domain,
                format!(
                    "operation failed: domain '{}' is already defined with uuid {}",
                    d.name(),
                    uuid_string(uuid)
                ),
            ));
        }
        if live && d.is_active() {
            return Err(Error::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Domain,
                format!("domain '{name}' is already active"),
            ));
        }
        return Ok(Some(i));
    }
    if let Some(d) = state.domains.iter().find(|d| d.name() == name) {
        return Err(Error::verbatim(
            ErrorCode::OperationFailed,
            ErrorDomain::Domain,
            format!(
                "operation failed: domain '{name}' already exists with uuid {}",
                uuid_string(d.uuid())
            ),
        ));
    }
    Ok(None)
}

fn uuid_string(u: [u8; 16]) -> String {
    virtkit_domxml::Uuid(u).to_string()
}

impl SimDriver {
    fn handle(conn: &Connect, dom: &Dom) -> Domain {
        Domain::new(conn, dom.name(), Uuid(dom.uuid()), dom.id)
    }

    /// Runs `f` on the domain behind `dom` (`testDomObjFromDomain`).
    fn with<T>(
        &self,
        dom: &Domain,
        f: impl FnOnce(&mut HostState, usize) -> Result<T>,
    ) -> Result<T> {
        let mut state = self.host.lock();
        let uuid = dom.uuid();
        let Some(i) = state.domains.iter().position(|d| d.uuid() == uuid.0) else {
            return Err(Error::new(
                ErrorCode::NoDomain,
                ErrorDomain::Test,
                format!("no domain with matching uuid '{}' ({})", dom.uuid_string(), dom.name()),
            ));
        };
        f(&mut state, i)
    }

    fn lookup(&self, conn: &Connect, pred: impl Fn(&Dom) -> bool) -> Result<Domain> {
        let state = self.host.lock();
        state.domains.iter().find(|d| pred(d)).map(|d| Self::handle(conn, d)).ok_or_else(no_domain)
    }

    fn set_memory_impl(
        &self,
        dom: &Domain,
        memory: u64,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        let all = DomainMemoryModFlags::LIVE
            | DomainMemoryModFlags::CONFIG
            | DomainMemoryModFlags::MAXIMUM;
        check_flags(flags.bits(), all.bits(), "testDomainSetMemoryFlags")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let (live, config) = impact(
                d,
                flags.contains(DomainMemoryModFlags::LIVE),
                flags.contains(DomainMemoryModFlags::CONFIG),
            )?;
            if flags.contains(DomainMemoryModFlags::MAXIMUM) {
                if live {
                    return Err(Error::new(
                        ErrorCode::OperationInvalid,
                        ErrorDomain::Test,
                        "cannot resize the maximum memory on an active domain",
                    ));
                }
                let def = d.persistent_def_mut();
                def.memory = Some(Memory {
                    kib: memory,
                    dump_core: def.memory.as_ref().and_then(|m| m.dump_core),
                });
                if current_memory_kib(def) > memory {
                    def.current_memory = Some(Memory { kib: memory, dump_core: None });
                }
                return Ok(());
            }
            let max = if live { memory_kib(&d.def) } else { memory_kib(d.persistent_def()) };
            if memory > max {
                return Err(Error::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Test,
                    "cannot set memory higher than max memory",
                ));
            }
            if live {
                d.def.current_memory = Some(Memory { kib: memory, dump_core: None });
            }
            if config {
                d.persistent_def_mut().current_memory =
                    Some(Memory { kib: memory, dump_core: None });
            }
            Ok(())
        })
    }

    fn set_vcpus_impl(&self, dom: &Domain, nvcpus: u32, flags: DomainVcpuFlags) -> Result<()> {
        let all = DomainVcpuFlags::LIVE | DomainVcpuFlags::CONFIG | DomainVcpuFlags::MAXIMUM;
        check_flags(flags.bits(), all.bits(), "testDomainSetVcpusFlags")?;
        if nvcpus > 32 {
            return Err(Error::new(
                ErrorCode::InvalidArg,
                ErrorDomain::Test,
                format!("requested cpu amount exceeds maximum supported amount ({nvcpus} > 32)"),
            ));
        }
        let maximum = flags.contains(DomainVcpuFlags::MAXIMUM);
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let (live, config) = impact(
                d,
                flags.contains(DomainVcpuFlags::LIVE),
                flags.contains(DomainVcpuFlags::CONFIG),
            )?;
            let exceeds = |max: u32| {
                Error::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Test,
                    format!("requested cpu amount exceeds maximum ({nvcpus} > {max})"),
                )
            };
            if live && vcpus_max(&d.def) < nvcpus {
                return Err(exceeds(vcpus_max(&d.def)));
            }
            if config && !maximum && vcpus_max(d.persistent_def()) < nvcpus {
                return Err(exceeds(vcpus_max(d.persistent_def())));
            }
            if live && maximum {
                return Err(Error::argument_unsupported(
                    "cannot change the maximum vcpu count of a running domain",
                ));
            }
            if live {
                set_vcpus_current(&mut d.def, nvcpus);
            }
            if config {
                let def = d.persistent_def_mut();
                if maximum {
                    set_vcpus_max(def, nvcpus);
                } else {
                    set_vcpus_current(def, nvcpus);
                }
            }
            Ok(())
        })
    }

    #[allow(clippy::single_match_else)] // Two shapes of one decision read better as a match.
    fn define(&self, conn: &Connect, xml: &str) -> Result<Domain> {
        let mut state = self.host.lock();
        let def = parse_def(&mut state, xml)?;
        let slot = find_slot(&state, &def, false)?;
        let dom = match slot {
            Some(i) => {
                let d = &mut state.domains[i];
                d.persistent = true;
                if d.is_active() {
                    d.new_def = Some(def);
                } else {
                    d.def = def;
                }
                d
            }
            None => {
                state.domains.push(Dom {
                    def,
                    new_def: None,
                    state: DomainState::Shutoff,
                    reason: DomainShutoffReason::Unknown.raw(),
                    id: -1,
                    persistent: true,
                    autostart: false,
                    cpu_time: 0,
                });
                state.domains.last_mut().expect("just pushed")
            }
        };
        Ok(Self::handle(conn, dom))
    }

    fn stop(&self, dom: &Domain, reason: DomainShutoffReason) -> Result<()> {
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            state.stop(i, reason);
            Ok(())
        })
    }

    fn list(&self, conn: &Connect, flags: ListFlags) -> Vec<Domain> {
        let state = self.host.lock();
        let pair = |a: ListFlags, b: ListFlags, is_a: bool| {
            !flags.intersects(a | b) || (flags.contains(a) && is_a) || (flags.contains(b) && !is_a)
        };
        state
            .domains
            .iter()
            .filter(|d| {
                let st = d.state;
                let kind =
                    ListFlags::RUNNING | ListFlags::PAUSED | ListFlags::SHUTOFF | ListFlags::OTHER;
                let by_state = !flags.intersects(kind)
                    || (flags.contains(ListFlags::RUNNING) && st == DomainState::Running)
                    || (flags.contains(ListFlags::PAUSED) && st == DomainState::Paused)
                    || (flags.contains(ListFlags::SHUTOFF) && st == DomainState::Shutoff)
                    || (flags.contains(ListFlags::OTHER)
                        && !matches!(
                            st,
                            DomainState::Running | DomainState::Paused | DomainState::Shutoff
                        ));
                pair(ListFlags::ACTIVE, ListFlags::INACTIVE, d.is_active())
                    && pair(ListFlags::PERSISTENT, ListFlags::TRANSIENT, d.persistent)
                    && by_state
                    && pair(ListFlags::AUTOSTART, ListFlags::NO_AUTOSTART, d.autostart)
                    && pair(ListFlags::MANAGEDSAVE, ListFlags::NO_MANAGEDSAVE, false)
                    && pair(ListFlags::HAS_SNAPSHOT, ListFlags::NO_SNAPSHOT, false)
                    && pair(ListFlags::HAS_CHECKPOINT, ListFlags::NO_CHECKPOINT, false)
            })
            .map(|d| Self::handle(conn, d))
            .collect()
    }
}

impl Driver for SimDriver {
    fn connect_list_domains(&self, _conn: &Connect, maxids: i32) -> Result<Vec<i32>> {
        let state = self.host.lock();
        let ids = state.domains.iter().filter(|d| d.is_active()).map(|d| d.id);
        Ok(ids.take(usize::try_from(maxids).unwrap_or(0)).collect())
    }

    fn connect_num_of_domains(&self, _conn: &Connect) -> Result<i32> {
        Ok(self.host.lock().domains.iter().filter(|d| d.is_active()).count() as i32)
    }

    fn connect_num_of_defined_domains(&self, _conn: &Connect) -> Result<i32> {
        Ok(self.host.lock().domains.iter().filter(|d| !d.is_active()).count() as i32)
    }

    fn connect_list_defined_domains(&self, _conn: &Connect, maxnames: i32) -> Result<Vec<String>> {
        let state = self.host.lock();
        let names = state.domains.iter().filter(|d| !d.is_active()).map(|d| d.name().to_owned());
        Ok(names.take(usize::try_from(maxnames).unwrap_or(0)).collect())
    }

    fn connect_list_all_domains(&self, conn: &Connect, flags: ListFlags) -> Result<Vec<Domain>> {
        check_flags(flags.bits(), ListFlags::all().bits() & 0xffff, "testConnectListAllDomains")?;
        Ok(self.list(conn, flags))
    }

    fn domain_lookup_by_id(&self, conn: &Connect, id: i32) -> Result<Domain> {
        self.lookup(conn, |d| d.is_active() && d.id == id)
    }

    fn domain_lookup_by_uuid(&self, conn: &Connect, uuid: &Uuid) -> Result<Domain> {
        self.lookup(conn, |d| d.uuid() == uuid.0)
    }

    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        self.lookup(conn, |d| d.name() == name)
    }

    fn domain_get_os_type(&self, dom: &Domain) -> Result<String> {
        self.with(dom, |_, _| Ok("linux".to_owned()))
    }

    fn domain_get_info(&self, dom: &Domain) -> Result<DomainInfo> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if d.is_active() {
                d.cpu_time += 10_000_000;
            }
            Ok(DomainInfo {
                state: d.state.raw(),
                max_mem: memory_kib(&d.def),
                memory: current_memory_kib(&d.def),
                nr_virt_cpu: vcpus_current(&d.def),
                cpu_time: d.cpu_time,
            })
        })
    }

    fn domain_get_state(&self, dom: &Domain, flags: u32) -> Result<StateReason> {
        check_flags(flags, 0, "testDomainGetState")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            Ok(StateReason { state: d.state.raw(), reason: d.reason })
        })
    }

    fn domain_get_xml_desc(&self, dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        let all = DomainXMLFlags::SECURE | DomainXMLFlags::INACTIVE | DomainXMLFlags::MIGRATABLE;
        check_flags(flags.bits(), all.bits(), "testDomainGetXMLDesc")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let inactive = flags.contains(DomainXMLFlags::INACTIVE);
            let mut def = if inactive { d.persistent_def().clone() } else { d.def.clone() };
            def.id = (d.is_active() && !inactive).then_some(d.id);
            let mut f = FormatFlags::NONE.bits();
            if flags.contains(DomainXMLFlags::SECURE) {
                f |= FormatFlags::SECURE.bits();
            }
            if inactive {
                f |= FormatFlags::INACTIVE.bits();
            }
            if flags.contains(DomainXMLFlags::MIGRATABLE) {
                f |= FormatFlags::MIGRATABLE.bits();
            }
            let f = FormatFlags::from_bits(f).unwrap_or(FormatFlags::NONE);
            Ok(def.to_xml_flags(f))
        })
    }

    fn domain_get_autostart(&self, dom: &Domain) -> Result<bool> {
        self.with(dom, |state, i| Ok(state.domains[i].autostart))
    }

    fn domain_set_autostart(&self, dom: &Domain, autostart: bool) -> Result<()> {
        self.with(dom, |state, i| {
            state.domains[i].autostart = autostart;
            Ok(())
        })
    }

    fn domain_is_active(&self, dom: &Domain) -> Result<bool> {
        self.with(dom, |state, i| Ok(state.domains[i].is_active()))
    }

    fn domain_is_persistent(&self, dom: &Domain) -> Result<bool> {
        self.with(dom, |state, i| Ok(state.domains[i].persistent))
    }

    fn domain_is_updated(&self, dom: &Domain) -> Result<bool> {
        self.with(dom, |_, _| Ok(false))
    }

    #[allow(clippy::single_match_else)] // As in `define`.
    fn domain_create_xml(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        check_flags(flags.bits(), DomainCreateFlags::START_PAUSED.bits(), "testDomainCreateXML")?;
        let mut state = self.host.lock();
        let def = parse_def(&mut state, xml)?;
        let i = match find_slot(&state, &def, true)? {
            Some(i) => {
                let d = &mut state.domains[i];
                if d.persistent {
                    d.new_def = Some(d.def.clone());
                }
                d.def = def;
                i
            }
            None => {
                state.domains.push(Dom {
                    def,
                    new_def: None,
                    state: DomainState::Shutoff,
                    reason: DomainShutoffReason::Unknown.raw(),
                    id: -1,
                    persistent: false,
                    autostart: false,
                    cpu_time: 0,
                });
                state.domains.len() - 1
            }
        };
        state.start(i);
        if flags.contains(DomainCreateFlags::START_PAUSED) {
            state.domains[i].set_state(DomainState::Paused, DomainPausedReason::User.raw());
        }
        Ok(Self::handle(conn, &state.domains[i]))
    }

    fn domain_define_xml(&self, conn: &Connect, xml: &str) -> Result<Domain> {
        self.define(conn, xml)
    }

    fn domain_define_xml_flags(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainDefineFlags,
    ) -> Result<Domain> {
        check_flags(flags.bits(), DomainDefineFlags::VALIDATE.bits(), "testDomainDefineXMLFlags")?;
        self.define(conn, xml)
    }

    fn domain_undefine(&self, dom: &Domain) -> Result<()> {
        self.domain_undefine_flags(dom, DomainUndefineFlags::empty())
    }

    fn domain_undefine_flags(&self, dom: &Domain, flags: DomainUndefineFlags) -> Result<()> {
        let all = DomainUndefineFlags::MANAGED_SAVE
            | DomainUndefineFlags::SNAPSHOTS_METADATA
            | DomainUndefineFlags::NVRAM
            | DomainUndefineFlags::KEEP_NVRAM;
        check_flags(flags.bits(), all.bits(), "testDomainUndefineFlags")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if d.is_active() {
                d.persistent = false;
                d.autostart = false;
                d.new_def = None;
            } else {
                state.domains.remove(i);
            }
            Ok(())
        })
    }

    fn domain_create(&self, dom: &Domain) -> Result<()> {
        self.domain_create_with_flags(dom, DomainCreateFlags::NONE)
    }

    fn domain_create_with_flags(&self, dom: &Domain, flags: DomainCreateFlags) -> Result<()> {
        check_flags(
            flags.bits(),
            DomainCreateFlags::START_PAUSED.bits(),
            "testDomainCreateWithFlags",
        )?;
        self.with(dom, |state, i| {
            if state.domains[i].is_active() {
                return Err(internal(format!("Domain '{}' is already running", dom.name())));
            }
            state.start(i);
            if flags.contains(DomainCreateFlags::START_PAUSED) {
                state.domains[i].set_state(DomainState::Paused, DomainPausedReason::User.raw());
            }
            Ok(())
        })
    }

    fn domain_suspend(&self, dom: &Domain) -> Result<()> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if matches!(d.state, DomainState::Shutoff | DomainState::Paused) {
                return Err(internal(format!("domain '{}' not running", dom.name())));
            }
            d.set_state(DomainState::Paused, DomainPausedReason::User.raw());
            Ok(())
        })
    }

    fn domain_resume(&self, dom: &Domain) -> Result<()> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if d.state != DomainState::Paused {
                return Err(internal(format!("domain '{}' not paused", dom.name())));
            }
            d.set_state(DomainState::Running, DomainRunningReason::Unpaused.raw());
            Ok(())
        })
    }

    fn domain_shutdown(&self, dom: &Domain) -> Result<()> {
        self.domain_shutdown_flags(dom, DomainShutdownFlags::DEFAULT)
    }

    fn domain_shutdown_flags(&self, dom: &Domain, flags: DomainShutdownFlags) -> Result<()> {
        check_flags(flags.bits(), 0, "testDomainShutdownFlags")?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(internal(format!("domain '{}' not running", dom.name())));
            }
            state.stop(i, DomainShutoffReason::Shutdown);
            Ok(())
        })
    }

    fn domain_reboot(&self, dom: &Domain, flags: DomainRebootFlags) -> Result<()> {
        let all = DomainRebootFlags::ACPI_POWER_BTN
            | DomainRebootFlags::GUEST_AGENT
            | DomainRebootFlags::INITCTL
            | DomainRebootFlags::SIGNAL
            | DomainRebootFlags::PARAVIRT;
        check_flags(flags.bits(), all.bits(), "testDomainReboot")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            match d.def.on_reboot.unwrap_or(LifecycleAction::Restart) {
                LifecycleAction::Destroy => state.stop(i, DomainShutoffReason::Shutdown),
                LifecycleAction::Preserve => {
                    d.set_state(
                        DomainState::Shutdown,
                        virtkit_api::enums::DomainShutdownReason::User.raw(),
                    );
                }
                _ => d.set_state(DomainState::Running, DomainRunningReason::Booted.raw()),
            }
            Ok(())
        })
    }

    fn domain_reset(&self, dom: &Domain, flags: u32) -> Result<()> {
        check_flags(flags, 0, "testDomainReset")?;
        self.with(
            dom,
            |state, i| if state.domains[i].is_active() { Ok(()) } else { Err(not_running()) },
        )
    }

    fn domain_destroy(&self, dom: &Domain) -> Result<()> {
        self.stop(dom, DomainShutoffReason::Destroyed)
    }

    fn domain_destroy_flags(&self, dom: &Domain, flags: DomainDestroyFlags) -> Result<()> {
        check_flags(flags.bits(), DomainDestroyFlags::GRACEFUL.bits(), "testDomainDestroyFlags")?;
        self.stop(dom, DomainShutoffReason::Destroyed)
    }

    fn domain_get_max_memory(&self, dom: &Domain) -> Result<u64> {
        self.with(dom, |state, i| Ok(memory_kib(&state.domains[i].def)))
    }

    fn domain_set_max_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.set_memory_impl(dom, memory, DomainMemoryModFlags::MAXIMUM)
    }

    fn domain_set_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.set_memory_impl(dom, memory, DomainMemoryModFlags::LIVE)
    }

    fn domain_set_memory_flags(
        &self,
        dom: &Domain,
        memory: u64,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        self.set_memory_impl(dom, memory, flags)
    }

    fn domain_set_vcpus(&self, dom: &Domain, nvcpus: u32) -> Result<()> {
        self.set_vcpus_impl(dom, nvcpus, DomainVcpuFlags::LIVE)
    }

    fn domain_set_vcpus_flags(
        &self,
        dom: &Domain,
        nvcpus: u32,
        flags: DomainVcpuFlags,
    ) -> Result<()> {
        self.set_vcpus_impl(dom, nvcpus, flags)
    }

    fn domain_get_vcpus_flags(&self, dom: &Domain, flags: DomainVcpuFlags) -> Result<i32> {
        let all = DomainVcpuFlags::LIVE | DomainVcpuFlags::CONFIG | DomainVcpuFlags::MAXIMUM;
        check_flags(flags.bits(), all.bits(), "testDomainGetVcpusFlags")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let (live, _) = impact(
                d,
                flags.contains(DomainVcpuFlags::LIVE),
                flags.contains(DomainVcpuFlags::CONFIG),
            )?;
            let def = if live { &d.def } else { d.persistent_def() };
            let n = if flags.contains(DomainVcpuFlags::MAXIMUM) {
                vcpus_max(def)
            } else {
                vcpus_current(def)
            };
            Ok(n as i32)
        })
    }

    fn domain_get_max_vcpus(&self, dom: &Domain) -> Result<i32> {
        self.domain_get_vcpus_flags(dom, DomainVcpuFlags::LIVE | DomainVcpuFlags::MAXIMUM)
    }

    fn domain_get_vcpus(&self, dom: &Domain, maxinfo: i32, maplen: i32) -> Result<Vcpus> {
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(Error::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Test,
                    "cannot list vcpus for an inactive domain",
                ));
            }
            let n = vcpus_current(&d.def).min(u32::try_from(maxinfo).unwrap_or(0));
            let maplen = usize::try_from(maplen).unwrap_or(0);
            let mut out = Vcpus::default();
            for v in 0..n {
                out.info.push(VcpuInfo {
                    number: v,
                    state: virtkit_api::enums::VcpuState::Running.raw(),
                    cpu_time: d.cpu_time / u64::from(n.max(1)),
                    cpu: (v % NODE_CPUS) as i32,
                });
                let mut map = vec![0u8; maplen];
                for cpu in 0..(NODE_CPUS as usize).min(maplen * 8) {
                    let _inside = virtkit_cpumap::maps::use_cpu(&mut map, cpu);
                }
                out.cpumaps.extend_from_slice(&map);
            }
            Ok(out)
        })
    }
}
