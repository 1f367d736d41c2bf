//! [`SimDriver`]: the [`Driver`] callbacks of a connection to a sim host, with the state
//! checks and messages of libvirt's test driver (`src/test/test_driver.c`). Each callback
//! passes through the host's fault injection first ([`crate::Host::inject`]); the bodies
//! live in the modules named for what they do.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use virtkit_api::enums::{
    CEnum, DomainCoreDumpFormat, DomainEventID, DomainInterfaceAddressesSource, DomainLifecycle,
    DomainLifecycleAction, DomainMetadataType, DomainProcessSignal, KeycodeSet,
};
use virtkit_api::events::DomainEventCallback;
use virtkit_api::flags::{
    ConnectGetAllDomainStatsFlags, ConnectListAllDomainsFlags as ListFlags, DomainAbortJobFlags,
    DomainCoreDumpFlags, DomainCreateFlags, DomainDefineFlags, DomainDestroyFlags,
    DomainGetHostnameFlags, DomainGetJobStatsFlags, DomainMemoryFlags, DomainMemoryModFlags,
    DomainMigrateFlags, DomainMigrateMaxSpeedFlags, DomainModificationImpact, DomainRebootFlags,
    DomainSaveImageXMLFlags, DomainSaveRestoreFlags, DomainSetTimeFlags,
    DomainSetUserPasswordFlags, DomainShutdownFlags, DomainStatsTypes, DomainUndefineFlags,
    DomainVcpuFlags, DomainXMLFlags,
};
use virtkit_api::types::{
    BlockInfo, BlockStats, ControlInfo, DiskError, DomainInfo, FsInfo, GuestTime, IOThreadInfo,
    Interface, InterfaceStats, JobInfo, JobStats, MemoryStat, SecurityLabel, StateReason,
    StatsRecord, Uuid, Vcpus,
};
use virtkit_api::{
    Connect, Domain, Driver, DrvFeature, Error, ErrorCode, ErrorDomain, MigrateBegun,
    MigrateFinished, MigratePrepared, Result,
};
use virtkit_cpumap::CpuMaps;
use virtkit_typedparams::TypedParams;

use crate::def::Def;
use crate::faults::FaultAction;
use crate::host::{ConnEvents, Dom, HostCore, HostState, host};

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
    pub(crate) host: Arc<HostCore>,
    pub(crate) events: Arc<ConnEvents>,
}

impl std::fmt::Debug for SimDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimDriver").field("host", &self.host.name).finish_non_exhaustive()
    }
}

fn invalid_uri(uri: &str) -> Error {
    Error::new(ErrorCode::InvalidArg, ErrorDomain::Test, format!("invalid sim URI '{uri}'"))
}

/// Where a `sim` URI points: a named host, or (not on wasm32) a node document file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// `sim:///NAME` or `sim://NAME/`.
    Named(String),
    /// `sim:///absolute/path.xml`: a private host read from the file.
    File(String),
}

/// Parses a `sim` URI: `sim:///NAME` (empty: `default`), `sim://NAME/` (the host named by
/// the authority, the form peer-to-peer migration needs, since libvirt refuses a destination
/// URI without a server), or `sim:///path/to/node.xml`.
pub(crate) fn target(uri: &str) -> Result<Target> {
    let rest = uri.split_once("://").map(|(_, rest)| rest).ok_or_else(|| invalid_uri(uri))?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    if !authority.is_empty() {
        if !path.is_empty() || authority.contains(['@', ':']) {
            return Err(invalid_uri(uri));
        }
        return Ok(Target::Named(authority.to_owned()));
    }
    if path.contains('/')
        || std::path::Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
    {
        return Ok(Target::File(format!("/{path}")));
    }
    Ok(Target::Named(if path.is_empty() { "default".to_owned() } else { path.to_owned() }))
}

/// The serial numbers of connections (for autodestroy).
static SERIAL: AtomicU64 = AtomicU64::new(1);

impl SimDriver {
    pub(crate) fn for_host(host: Arc<HostCore>) -> SimDriver {
        let events = Arc::new(ConnEvents {
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            ..ConnEvents::default()
        });
        host.attach(&events);
        SimDriver { host, events }
    }
}

/// The [`virtkit_api::DriverFactory`] of the `sim` scheme.
pub(crate) fn open(uri: &str, _read_only: bool) -> Result<Arc<dyn Driver>> {
    let core = match target(uri)? {
        Target::Named(name) => host(&name),
        Target::File(path) => Arc::new(crate::handle::host_from_file(&path)?),
    };
    Ok(Arc::new(SimDriver::for_host(core)))
}

pub(crate) fn no_domain() -> Error {
    Error::verbatim(ErrorCode::NoDomain, ErrorDomain::Test, "Domain not found")
}

pub(crate) fn internal(detail: String) -> Error {
    Error::new(ErrorCode::InternalError, ErrorDomain::Test, detail)
}

pub(crate) fn not_running() -> Error {
    Error::new(ErrorCode::OperationInvalid, ErrorDomain::Domain, "domain is not running")
}

pub(crate) fn op_invalid(detail: impl Into<String>) -> Error {
    Error::new(ErrorCode::OperationInvalid, ErrorDomain::Test, detail.into())
}

pub(crate) fn invalid_arg(detail: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidArg, ErrorDomain::Test, detail.into())
}

/// `virCheckFlags`: unknown bits are `unsupported flags (0x..) in function {func}`.
pub(crate) fn check_flags(bits: u32, allowed: u32, func: &str) -> Result<()> {
    let extra = bits & !allowed;
    if extra != 0 {
        return Err(invalid_arg(format!("unsupported flags (0x{extra:x}) in function {func}")));
    }
    Ok(())
}

/// Which definitions a modification touches (`virDomainObjGetDefs` after
/// `virDomainObjUpdateModificationImpact`): `(live, config)`.
pub(crate) fn impact(dom: &Dom, live: bool, config: bool) -> Result<(bool, bool)> {
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

/// Runs `f` on each definition `flags` (`AFFECT_*`) select (`virDomainObjGetDefs`): the
/// live one first, then the persistent one; `f` is told whether it has the live one. The
/// first error stops it (changes already made stay, as in libvirt's loops).
pub(crate) fn each_def(
    dom: &mut Dom,
    flags: u32,
    mut f: impl FnMut(&mut Def, bool) -> Result<()>,
) -> Result<()> {
    let (live, config) = impact(dom, flags & 1 != 0, flags & 2 != 0)?;
    if live {
        f(&mut dom.def, true)?;
    }
    if config {
        f(dom.persistent_def_mut(), false)?;
    }
    Ok(())
}

/// `virDomainObjGetOneDef`: the one definition `flags` (`AFFECT_*`) name; both is an error.
pub(crate) fn one_def(dom: &Dom, flags: u32) -> Result<bool> {
    let live = flags & 1 != 0;
    let config = flags & 2 != 0;
    if live && config {
        // `virReportInvalidArg` in domain_conf.c: the text as is, from the domain module.
        return Err(Error::verbatim(
            ErrorCode::InvalidArg,
            ErrorDomain::Domain,
            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
        ));
    }
    let (live, _) = impact(dom, live, config)?;
    Ok(live)
}

impl SimDriver {
    pub(crate) fn handle(conn: &Connect, dom: &Dom) -> Domain {
        Domain::new(conn, dom.name(), Uuid(dom.uuid()), dom.id)
    }

    /// Runs a driver call: logs it, applies an armed fault, runs `body`.
    pub(crate) fn call<T>(
        &self,
        name: &'static str,
        body: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let fault = self.host.control().enter(name);
        match fault {
            None | Some(FaultAction::NoDomain) => body(),
            Some(FaultAction::Crash) => Err(self.crash()),
            Some(FaultAction::Fail(e)) => Err(e),
            Some(FaultAction::FailAfter(e)) => {
                let _ = body();
                Err(e)
            }
        }
    }

    /// [`FaultAction::Crash`]: the host loses its guests; the call's error.
    fn crash(&self) -> Error {
        crate::Host(self.host.clone()).crash();
        crate::faults::crashed()
    }

    /// Like [`SimDriver::call`] for calls that can answer "no domain": `body` gets whether
    /// [`FaultAction::NoDomain`] fired.
    pub(crate) fn call_opt<T>(
        &self,
        name: &'static str,
        body: impl FnOnce(bool) -> Result<T>,
    ) -> Result<T> {
        let fault = self.host.control().enter(name);
        match fault {
            None => body(false),
            Some(FaultAction::NoDomain) => body(true),
            Some(FaultAction::Crash) => Err(self.crash()),
            Some(FaultAction::Fail(e)) => Err(e),
            Some(FaultAction::FailAfter(e)) => {
                let _ = body(false);
                Err(e)
            }
        }
    }

    /// Runs `f` on the domain behind `dom` (`testDomObjFromDomain`), then delivers the events
    /// it raised.
    pub(crate) fn with<T>(
        &self,
        dom: &Domain,
        f: impl FnOnce(&mut HostState, usize) -> Result<T>,
    ) -> Result<T> {
        let uuid = dom.uuid();
        self.host.run(|state| {
            let Some(i) = state.find_uuid(uuid.0) else {
                return Err(Error::new(
                    ErrorCode::NoDomain,
                    ErrorDomain::Test,
                    format!(
                        "no domain with matching uuid '{}' ({})",
                        dom.uuid_string(),
                        dom.name()
                    ),
                ));
            };
            f(state, i)
        })
    }

    fn lookup(&self, conn: &Connect, pred: impl Fn(&Dom) -> bool) -> Result<Domain> {
        let state = self.host.lock();
        state.domains.iter().find(|d| pred(d)).map(|d| Self::handle(conn, d)).ok_or_else(no_domain)
    }

    fn list(&self, conn: &Connect, flags: ListFlags) -> Vec<Domain> {
        let state = self.host.lock();
        state
            .domains
            .iter()
            .filter(|d| list_match(d, flags))
            .map(|d| Self::handle(conn, d))
            .collect()
    }

    fn remember(&self, conn: &Connect) {
        let mut slot = self.events.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if slot.upgrade().is_none_or(|c| &c != conn) {
            *slot = conn.downgrade();
        }
    }
}

/// `virDomainObjListFilter` for `virConnectListAllDomains` flags.
pub(crate) fn list_match(d: &Dom, flags: ListFlags) -> bool {
    use virtkit_api::enums::DomainState;
    let pair = |a: ListFlags, b: ListFlags, is_a: bool| {
        !flags.intersects(a | b) || (flags.contains(a) && is_a) || (flags.contains(b) && !is_a)
    };
    let st = d.state;
    let kind = ListFlags::RUNNING | ListFlags::PAUSED | ListFlags::SHUTOFF | ListFlags::OTHER;
    let by_state = !flags.intersects(kind)
        || (flags.contains(ListFlags::RUNNING) && st == DomainState::Running)
        || (flags.contains(ListFlags::PAUSED) && st == DomainState::Paused)
        || (flags.contains(ListFlags::SHUTOFF) && st == DomainState::Shutoff)
        || (flags.contains(ListFlags::OTHER)
            && !matches!(st, DomainState::Running | DomainState::Paused | DomainState::Shutoff));
    pair(ListFlags::ACTIVE, ListFlags::INACTIVE, d.is_active())
        && pair(ListFlags::PERSISTENT, ListFlags::TRANSIENT, d.persistent)
        && by_state
        && pair(ListFlags::AUTOSTART, ListFlags::NO_AUTOSTART, d.autostart)
        && pair(ListFlags::MANAGEDSAVE, ListFlags::NO_MANAGEDSAVE, d.managed_save.is_some())
        && pair(ListFlags::HAS_SNAPSHOT, ListFlags::NO_SNAPSHOT, false)
        && pair(ListFlags::HAS_CHECKPOINT, ListFlags::NO_CHECKPOINT, false)
}

impl Driver for SimDriver {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        self.call("supports_feature", || Ok(self.host.control().feature(feature)))
    }

    fn close(&self) -> Result<()> {
        self.autodestroy();
        Ok(())
    }

    fn connect_list_domains(&self, _conn: &Connect, maxids: i32) -> Result<Vec<i32>> {
        self.call("connect_list_domains", || {
            let state = self.host.lock();
            let ids = state.domains.iter().filter(|d| d.is_active()).map(|d| d.id);
            Ok(ids.take(usize::try_from(maxids).unwrap_or(0)).collect())
        })
    }

    fn connect_num_of_domains(&self, _conn: &Connect) -> Result<i32> {
        self.call("connect_num_of_domains", || {
            let n = self.host.lock().domains.iter().filter(|d| d.is_active()).count();
            Ok(i32::try_from(n).unwrap_or(i32::MAX))
        })
    }

    fn connect_num_of_defined_domains(&self, _conn: &Connect) -> Result<i32> {
        self.call("connect_num_of_defined_domains", || {
            let n = self.host.lock().domains.iter().filter(|d| !d.is_active()).count();
            Ok(i32::try_from(n).unwrap_or(i32::MAX))
        })
    }

    fn connect_list_defined_domains(&self, _conn: &Connect, maxnames: i32) -> Result<Vec<String>> {
        self.call("connect_list_defined_domains", || {
            let state = self.host.lock();
            let names =
                state.domains.iter().filter(|d| !d.is_active()).map(|d| d.name().to_owned());
            Ok(names.take(usize::try_from(maxnames).unwrap_or(0)).collect())
        })
    }

    fn connect_list_all_domains(&self, conn: &Connect, flags: ListFlags) -> Result<Vec<Domain>> {
        self.call("connect_list_all_domains", || {
            check_flags(
                flags.bits(),
                ListFlags::all().bits() & 0xffff,
                "testConnectListAllDomains",
            )?;
            Ok(self.list(conn, flags))
        })
    }

    fn domain_lookup_by_id(&self, conn: &Connect, id: i32) -> Result<Domain> {
        self.call("domain_lookup_by_id", || self.lookup(conn, |d| d.is_active() && d.id == id))
    }

    fn domain_lookup_by_uuid(&self, conn: &Connect, uuid: &Uuid) -> Result<Domain> {
        self.call("domain_lookup_by_uuid", || self.lookup(conn, |d| d.uuid() == uuid.0))
    }

    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        self.call("domain_lookup_by_name", || self.lookup(conn, |d| d.name() == name))
    }

    fn domain_get_os_type(&self, dom: &Domain) -> Result<String> {
        self.call("domain_get_os_type", || self.with(dom, |_, _| Ok("linux".to_owned())))
    }

    fn domain_get_info(&self, dom: &Domain) -> Result<DomainInfo> {
        self.call("domain_get_info", || self.info(dom))
    }

    fn domain_get_state(&self, dom: &Domain, flags: u32) -> Result<StateReason> {
        self.call("domain_get_state", || {
            check_flags(flags, 0, "testDomainGetState")?;
            self.with(dom, |state, i| {
                let d = &state.domains[i];
                Ok(StateReason { state: d.state.raw(), reason: d.reason })
            })
        })
    }

    fn domain_get_xml_desc(&self, dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        self.call("domain_get_xml_desc", || self.xml_desc(dom, flags))
    }

    fn domain_get_autostart(&self, dom: &Domain) -> Result<bool> {
        self.call("domain_get_autostart", || self.with(dom, |s, i| Ok(s.domains[i].autostart)))
    }

    fn domain_set_autostart(&self, dom: &Domain, autostart: bool) -> Result<()> {
        self.call("domain_set_autostart", || self.set_autostart(dom, autostart))
    }

    fn domain_is_active(&self, dom: &Domain) -> Result<bool> {
        self.call("domain_is_active", || self.with(dom, |s, i| Ok(s.domains[i].is_active())))
    }

    fn domain_is_persistent(&self, dom: &Domain) -> Result<bool> {
        self.call("domain_is_persistent", || self.with(dom, |s, i| Ok(s.domains[i].persistent)))
    }

    fn domain_is_updated(&self, dom: &Domain) -> Result<bool> {
        self.call("domain_is_updated", || self.with(dom, |_, _| Ok(false)))
    }

    fn domain_create_xml(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        self.call("domain_create_xml", || self.create_xml(conn, xml, flags))
    }

    fn domain_define_xml(&self, conn: &Connect, xml: &str) -> Result<Domain> {
        self.call("domain_define_xml", || self.define(conn, xml))
    }

    fn domain_define_xml_flags(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainDefineFlags,
    ) -> Result<Domain> {
        self.call("domain_define_xml_flags", || {
            check_flags(
                flags.bits(),
                DomainDefineFlags::VALIDATE.bits(),
                "testDomainDefineXMLFlags",
            )?;
            self.define(conn, xml)
        })
    }

    fn domain_undefine(&self, dom: &Domain) -> Result<()> {
        self.call("domain_undefine", || self.undefine(dom, DomainUndefineFlags::empty()))
    }

    fn domain_undefine_flags(&self, dom: &Domain, flags: DomainUndefineFlags) -> Result<()> {
        self.call("domain_undefine_flags", || self.undefine(dom, flags))
    }

    fn domain_create(&self, dom: &Domain) -> Result<()> {
        self.call("domain_create", || self.create(dom, DomainCreateFlags::NONE))
    }

    fn domain_create_with_flags(&self, dom: &Domain, flags: DomainCreateFlags) -> Result<()> {
        self.call("domain_create_with_flags", || self.create(dom, flags))
    }

    fn domain_suspend(&self, dom: &Domain) -> Result<()> {
        self.call("domain_suspend", || self.suspend(dom))
    }

    fn domain_resume(&self, dom: &Domain) -> Result<()> {
        self.call("domain_resume", || self.resume(dom))
    }

    fn domain_pm_suspend_for_duration(
        &self,
        dom: &Domain,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_pm_suspend_for_duration", || {
            self.pm_suspend(dom, target, duration, flags)
        })
    }

    fn domain_pm_wakeup(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.call("domain_pm_wakeup", || self.pm_wakeup(dom, flags))
    }

    fn domain_shutdown(&self, dom: &Domain) -> Result<()> {
        self.call("domain_shutdown", || self.shutdown(dom, DomainShutdownFlags::DEFAULT))
    }

    fn domain_shutdown_flags(&self, dom: &Domain, flags: DomainShutdownFlags) -> Result<()> {
        self.call("domain_shutdown_flags", || self.shutdown(dom, flags))
    }

    fn domain_reboot(&self, dom: &Domain, flags: DomainRebootFlags) -> Result<()> {
        self.call("domain_reboot", || self.reboot(dom, flags))
    }

    fn domain_reset(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.call("domain_reset", || {
            check_flags(flags, 0, "testDomainReset")?;
            self.with(
                dom,
                |s, i| if s.domains[i].is_active() { Ok(()) } else { Err(not_running()) },
            )
        })
    }

    fn domain_destroy(&self, dom: &Domain) -> Result<()> {
        self.call("domain_destroy", || self.destroy(dom))
    }

    fn domain_destroy_flags(&self, dom: &Domain, flags: DomainDestroyFlags) -> Result<()> {
        self.call("domain_destroy_flags", || {
            check_flags(
                flags.bits(),
                DomainDestroyFlags::GRACEFUL.bits(),
                "testDomainDestroyFlags",
            )?;
            self.destroy(dom)
        })
    }

    fn domain_set_lifecycle_action(
        &self,
        dom: &Domain,
        type_: DomainLifecycle,
        action: DomainLifecycleAction,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_set_lifecycle_action", || {
            self.set_lifecycle_action(dom, type_, action, flags)
        })
    }

    // ---- save, restore, managed save, core dump ----

    fn domain_save(&self, dom: &Domain, to: &str) -> Result<()> {
        self.call("domain_save", || self.save(dom, to, None, DomainSaveRestoreFlags::empty()))
    }

    fn domain_save_flags(
        &self,
        dom: &Domain,
        to: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.call("domain_save_flags", || self.save(dom, to, dxml, flags))
    }

    fn domain_restore(&self, conn: &Connect, from: &str) -> Result<()> {
        self.call("domain_restore", || {
            self.restore(conn, from, None, DomainSaveRestoreFlags::empty())
        })
    }

    fn domain_restore_flags(
        &self,
        conn: &Connect,
        from: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.call("domain_restore_flags", || self.restore(conn, from, dxml, flags))
    }

    fn domain_save_image_get_xml_desc(
        &self,
        _conn: &Connect,
        file: &str,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        self.call("domain_save_image_get_xml_desc", || self.save_image_xml(file, flags))
    }

    fn domain_save_image_define_xml(
        &self,
        _conn: &Connect,
        file: &str,
        dxml: &str,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.call("domain_save_image_define_xml", || self.save_image_define(file, dxml, flags))
    }

    fn domain_core_dump(&self, dom: &Domain, to: &str, flags: DomainCoreDumpFlags) -> Result<()> {
        self.call("domain_core_dump", || self.core_dump(dom, to, DomainCoreDumpFormat::Raw, flags))
    }

    fn domain_core_dump_with_format(
        &self,
        dom: &Domain,
        to: &str,
        format: DomainCoreDumpFormat,
        flags: DomainCoreDumpFlags,
    ) -> Result<()> {
        self.call("domain_core_dump_with_format", || self.core_dump(dom, to, format, flags))
    }

    fn domain_managed_save(&self, dom: &Domain, flags: DomainSaveRestoreFlags) -> Result<()> {
        self.call("domain_managed_save", || self.managed_save(dom, flags))
    }

    fn domain_has_managed_save_image(&self, dom: &Domain, flags: u32) -> Result<bool> {
        self.call("domain_has_managed_save_image", || {
            check_flags(flags, 0, "testDomainHasManagedSaveImage")?;
            self.with(dom, |s, i| Ok(s.domains[i].managed_save.is_some()))
        })
    }

    fn domain_managed_save_remove(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.call("domain_managed_save_remove", || {
            check_flags(flags, 0, "testDomainManagedSaveRemove")?;
            self.with(dom, |s, i| {
                s.domains[i].managed_save = None;
                Ok(())
            })
        })
    }

    fn domain_managed_save_get_xml_desc(
        &self,
        dom: &Domain,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        self.call("domain_managed_save_get_xml_desc", || self.managed_save_xml(dom, flags))
    }

    fn domain_managed_save_define_xml(
        &self,
        dom: &Domain,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.call("domain_managed_save_define_xml", || self.managed_save_define(dom, dxml, flags))
    }

    // ---- memory ----

    fn domain_get_max_memory(&self, dom: &Domain) -> Result<u64> {
        self.call("domain_get_max_memory", || {
            self.with(dom, |s, i| Ok(crate::def::memory_kib(&s.domains[i].def)))
        })
    }

    fn domain_set_max_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.call("domain_set_max_memory", || {
            self.set_memory(dom, memory, DomainMemoryModFlags::MAXIMUM)
        })
    }

    fn domain_set_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.call("domain_set_memory", || self.set_memory(dom, memory, DomainMemoryModFlags::LIVE))
    }

    fn domain_set_memory_flags(
        &self,
        dom: &Domain,
        memory: u64,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        self.call("domain_set_memory_flags", || self.set_memory(dom, memory, flags))
    }

    fn domain_set_memory_stats_period(
        &self,
        dom: &Domain,
        period: i32,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        self.call("domain_set_memory_stats_period", || self.set_stats_period(dom, period, flags))
    }

    // ---- vCPUs ----

    fn domain_set_vcpus(&self, dom: &Domain, nvcpus: u32) -> Result<()> {
        self.call("domain_set_vcpus", || self.set_vcpus(dom, nvcpus, DomainVcpuFlags::LIVE))
    }

    fn domain_set_vcpus_flags(
        &self,
        dom: &Domain,
        nvcpus: u32,
        flags: DomainVcpuFlags,
    ) -> Result<()> {
        self.call("domain_set_vcpus_flags", || self.set_vcpus(dom, nvcpus, flags))
    }

    fn domain_get_vcpus_flags(&self, dom: &Domain, flags: DomainVcpuFlags) -> Result<i32> {
        self.call("domain_get_vcpus_flags", || self.get_vcpus_flags(dom, flags))
    }

    fn domain_get_max_vcpus(&self, dom: &Domain) -> Result<i32> {
        self.call("domain_get_max_vcpus", || {
            self.get_vcpus_flags(dom, DomainVcpuFlags::LIVE | DomainVcpuFlags::MAXIMUM)
        })
    }

    fn domain_get_vcpus(&self, dom: &Domain, maxinfo: i32, maplen: i32) -> Result<Vcpus> {
        self.call("domain_get_vcpus", || self.vcpu_info(dom, maxinfo, maplen))
    }

    fn domain_pin_vcpu(&self, dom: &Domain, vcpu: u32, cpumap: &[u8]) -> Result<()> {
        self.call("domain_pin_vcpu", || self.pin_vcpu(dom, vcpu, cpumap, 0))
    }

    fn domain_pin_vcpu_flags(
        &self,
        dom: &Domain,
        vcpu: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_pin_vcpu_flags", || self.pin_vcpu(dom, vcpu, cpumap, flags.bits()))
    }

    fn domain_get_vcpu_pin_info(
        &self,
        dom: &Domain,
        ncpumaps: i32,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<CpuMaps> {
        self.call("domain_get_vcpu_pin_info", || {
            self.vcpu_pin_info(dom, ncpumaps, maplen, flags.bits())
        })
    }

    fn domain_pin_emulator(
        &self,
        dom: &Domain,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_pin_emulator", || self.pin_emulator(dom, cpumap, flags.bits()))
    }

    fn domain_get_emulator_pin_info(
        &self,
        dom: &Domain,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<Vec<u8>> {
        self.call("domain_get_emulator_pin_info", || {
            self.emulator_pin_info(dom, maplen, flags.bits())
        })
    }

    // ---- tunables ----

    fn domain_get_scheduler_type(&self, dom: &Domain) -> Result<(String, i32)> {
        self.call("domain_get_scheduler_type", || self.with(dom, |_, _| Ok(("fair".to_owned(), 1))))
    }

    fn domain_get_scheduler_parameters(&self, dom: &Domain) -> Result<TypedParams> {
        self.call("domain_get_scheduler_parameters", || self.sched_params(dom, 0))
    }

    fn domain_get_scheduler_parameters_flags(
        &self,
        dom: &Domain,
        flags: u32,
    ) -> Result<TypedParams> {
        self.call("domain_get_scheduler_parameters_flags", || self.sched_params(dom, flags))
    }

    fn domain_set_scheduler_parameters(&self, dom: &Domain, params: &TypedParams) -> Result<()> {
        self.call("domain_set_scheduler_parameters", || self.set_sched_params(dom, params, 0))
    }

    fn domain_set_scheduler_parameters_flags(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_scheduler_parameters_flags", || {
            self.set_sched_params(dom, params, flags)
        })
    }

    fn domain_get_memory_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_memory_parameters", || self.memory_params(dom, flags))
    }

    fn domain_set_memory_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_memory_parameters", || self.set_memory_params(dom, params, flags))
    }

    fn domain_get_blkio_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_blkio_parameters", || self.blkio_params(dom, flags))
    }

    fn domain_set_blkio_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_blkio_parameters", || self.set_blkio_params(dom, params, flags))
    }

    fn domain_set_block_io_tune(
        &self,
        dom: &Domain,
        disk: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_block_io_tune", || self.set_block_io_tune(dom, disk, params, flags))
    }

    fn domain_get_block_io_tune(
        &self,
        dom: &Domain,
        disk: Option<&str>,
        flags: u32,
    ) -> Result<TypedParams> {
        self.call("domain_get_block_io_tune", || self.block_io_tune(dom, disk, flags))
    }

    fn domain_get_numa_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_numa_parameters", || self.numa_params(dom, flags))
    }

    fn domain_set_numa_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_numa_parameters", || self.set_numa_params(dom, params, flags))
    }

    fn domain_get_perf_events(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_perf_events", || self.perf_events(dom, flags))
    }

    fn domain_set_perf_events(&self, dom: &Domain, params: &TypedParams, flags: u32) -> Result<()> {
        self.call("domain_set_perf_events", || self.set_perf_events(dom, params, flags))
    }

    fn domain_get_cpu_stats(
        &self,
        dom: &Domain,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> Result<Vec<TypedParams>> {
        self.call("domain_get_cpu_stats", || self.cpu_stats(dom, start_cpu, ncpus, flags))
    }

    // ---- statistics and jobs ----

    fn domain_block_stats(&self, dom: &Domain, disk: &str) -> Result<BlockStats> {
        self.call("domain_block_stats", || self.block_stats(dom, disk))
    }

    fn domain_interface_stats(&self, dom: &Domain, device: &str) -> Result<InterfaceStats> {
        self.call("domain_interface_stats", || self.interface_stats(dom, device))
    }

    fn domain_memory_stats(
        &self,
        dom: &Domain,
        nr_stats: u32,
        flags: u32,
    ) -> Result<Vec<MemoryStat>> {
        self.call("domain_memory_stats", || self.memory_stats(dom, nr_stats, flags))
    }

    fn connect_get_all_domain_stats(
        &self,
        conn: &Connect,
        doms: &[Domain],
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<StatsRecord>> {
        self.call("connect_get_all_domain_stats", || self.all_stats(conn, doms, stats, flags))
    }

    fn domain_get_job_info(&self, dom: &Domain) -> Result<JobInfo> {
        self.call("domain_get_job_info", || self.job_info(dom))
    }

    fn domain_get_job_stats(
        &self,
        dom: &Domain,
        flags: DomainGetJobStatsFlags,
    ) -> Result<JobStats> {
        self.call("domain_get_job_stats", || self.job_stats(dom, flags))
    }

    fn domain_abort_job(&self, dom: &Domain) -> Result<()> {
        self.call("domain_abort_job", || self.abort_job(dom, DomainAbortJobFlags::empty()))
    }

    fn domain_abort_job_flags(&self, dom: &Domain, flags: DomainAbortJobFlags) -> Result<()> {
        self.call("domain_abort_job_flags", || self.abort_job(dom, flags))
    }

    // ---- metadata ----

    fn domain_set_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        metadata: Option<&str>,
        key: Option<&str>,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_set_metadata", || {
            self.set_metadata(dom, type_, metadata, key, uri, flags.bits())
        })
    }

    fn domain_get_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<String> {
        self.call("domain_get_metadata", || self.get_metadata(dom, type_, uri, flags.bits()))
    }

    // ---- events ----

    fn connect_domain_event_register(&self, conn: &Connect, cb: DomainEventCallback) -> Result<()> {
        self.call("connect_domain_event_register", || {
            self.remember(conn);
            self.events.registry.register(&cb)
        })
    }

    fn connect_domain_event_deregister(
        &self,
        _conn: &Connect,
        cb: &DomainEventCallback,
    ) -> Result<()> {
        self.call("connect_domain_event_deregister", || self.events.registry.deregister(cb))
    }

    fn connect_domain_event_register_any(
        &self,
        conn: &Connect,
        dom: Option<&Domain>,
        event_id: DomainEventID,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        self.call("connect_domain_event_register_any", || {
            self.remember(conn);
            self.events.registry.register_any(dom, event_id, &cb)
        })
    }

    fn connect_domain_event_deregister_any(&self, _conn: &Connect, callback_id: i32) -> Result<()> {
        self.call("connect_domain_event_deregister_any", || {
            self.events.registry.deregister_any(callback_id)
        })
    }

    // ---- guest facts, rename, block info, interface bandwidth ----

    fn domain_get_hostname(&self, dom: &Domain, flags: DomainGetHostnameFlags) -> Result<String> {
        self.call("domain_get_hostname", || self.hostname(dom, flags))
    }

    fn domain_get_time(&self, dom: &Domain, flags: u32) -> Result<GuestTime> {
        self.call("domain_get_time", || self.guest_time(dom, flags))
    }

    fn domain_set_time(
        &self,
        dom: &Domain,
        seconds: i64,
        nseconds: u32,
        flags: DomainSetTimeFlags,
    ) -> Result<()> {
        self.call("domain_set_time", || self.set_guest_time(dom, seconds, nseconds, flags))
    }

    fn domain_get_control_info(&self, dom: &Domain, flags: u32) -> Result<ControlInfo> {
        self.call("domain_get_control_info", || self.control_info(dom, flags))
    }

    fn domain_rename(&self, dom: &Domain, new_name: &str, flags: u32) -> Result<()> {
        self.call("domain_rename", || self.rename(dom, new_name, flags))
    }

    fn domain_inject_nmi(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.call("domain_inject_nmi", || self.while_active(dom, flags, "testDomainInjectNMI"))
    }

    fn domain_send_key(
        &self,
        dom: &Domain,
        codeset: KeycodeSet,
        holdtime: u32,
        keycodes: &[u32],
        flags: u32,
    ) -> Result<()> {
        self.call("domain_send_key", || self.send_key(dom, codeset, holdtime, keycodes, flags))
    }

    fn domain_get_block_info(&self, dom: &Domain, disk: &str, flags: u32) -> Result<BlockInfo> {
        self.call("domain_get_block_info", || self.block_info(dom, disk, flags))
    }

    fn domain_get_disk_errors(&self, dom: &Domain, flags: u32) -> Result<Vec<DiskError>> {
        self.call("domain_get_disk_errors", || self.disk_errors(dom, flags))
    }

    fn domain_get_security_label(&self, dom: &Domain) -> Result<SecurityLabel> {
        self.call("domain_get_security_label", || self.security_label(dom))
    }

    fn domain_get_guest_vcpus(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_guest_vcpus", || self.guest_vcpus(dom, flags))
    }

    fn domain_set_guest_vcpus(
        &self,
        dom: &Domain,
        cpumap: &str,
        state: bool,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_guest_vcpus", || self.set_guest_vcpus(dom, cpumap, state, flags))
    }

    fn domain_get_fs_info(&self, dom: &Domain, flags: u32) -> Result<Vec<FsInfo>> {
        self.call("domain_get_fs_info", || self.fs_info(dom, flags))
    }

    fn domain_interface_addresses(
        &self,
        dom: &Domain,
        source: DomainInterfaceAddressesSource,
        flags: u32,
    ) -> Result<Vec<Interface>> {
        self.call("domain_interface_addresses", || self.interface_addresses(dom, source, flags))
    }

    fn domain_get_interface_parameters(
        &self,
        dom: &Domain,
        device: &str,
        flags: u32,
    ) -> Result<TypedParams> {
        self.call("domain_get_interface_parameters", || self.interface_params(dom, device, flags))
    }

    fn domain_set_interface_parameters(
        &self,
        dom: &Domain,
        device: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_set_interface_parameters", || {
            self.set_interface_params(dom, device, params, flags)
        })
    }

    fn domain_create_with_files(
        &self,
        dom: &Domain,
        _files: &[i32],
        flags: DomainCreateFlags,
    ) -> Result<()> {
        // As the test driver: the descriptors are not used.
        self.call("domain_create_with_files", || self.create(dom, flags))
    }

    fn domain_create_xml_with_files(
        &self,
        conn: &Connect,
        xml: &str,
        _files: &[i32],
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        self.call("domain_create_xml_with_files", || self.create_xml(conn, xml, flags))
    }

    // ---- IOThreads, agent calls, signals, memory peek ----

    fn domain_get_iothread_info(
        &self,
        dom: &Domain,
        flags: DomainModificationImpact,
    ) -> Result<Vec<IOThreadInfo>> {
        self.call("domain_get_iothread_info", || self.iothread_info(dom, flags))
    }

    fn domain_add_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_add_iothread", || self.add_iothread(dom, iothread_id, flags))
    }

    fn domain_del_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_del_iothread", || self.del_iothread(dom, iothread_id, flags))
    }

    fn domain_pin_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.call("domain_pin_iothread", || self.pin_iothread(dom, iothread_id, cpumap, flags))
    }

    fn domain_fs_freeze(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> Result<i32> {
        self.call("domain_fs_freeze", || self.fs_freeze(dom, mountpoints, flags, true))
    }

    fn domain_fs_thaw(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> Result<i32> {
        self.call("domain_fs_thaw", || self.fs_freeze(dom, mountpoints, flags, false))
    }

    fn domain_fs_trim(
        &self,
        dom: &Domain,
        mountpoint: Option<&str>,
        _minimum: u64,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_fs_trim", || self.fs_trim(dom, mountpoint, flags))
    }

    fn domain_set_user_password(
        &self,
        dom: &Domain,
        _user: &str,
        _password: &str,
        flags: DomainSetUserPasswordFlags,
    ) -> Result<()> {
        self.call("domain_set_user_password", || self.set_user_password(dom, flags))
    }

    fn domain_send_process_signal(
        &self,
        dom: &Domain,
        pid_value: i64,
        signum: DomainProcessSignal,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_send_process_signal", || {
            self.send_process_signal(dom, pid_value, signum, flags)
        })
    }

    fn domain_memory_peek(
        &self,
        dom: &Domain,
        start: u64,
        size: usize,
        flags: DomainMemoryFlags,
    ) -> Result<Vec<u8>> {
        self.call("domain_memory_peek", || self.memory_peek(dom, start, size, flags))
    }

    fn domain_get_launch_security_info(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.call("domain_get_launch_security_info", || self.launch_security_info(dom, flags))
    }

    // ---- migration tunables ----

    fn domain_migrate_set_max_downtime(
        &self,
        dom: &Domain,
        downtime: u64,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_migrate_set_max_downtime", || self.set_max_downtime(dom, downtime, flags))
    }

    fn domain_migrate_get_max_downtime(&self, dom: &Domain, flags: u32) -> Result<u64> {
        self.call("domain_migrate_get_max_downtime", || self.max_downtime(dom, flags))
    }

    fn domain_migrate_get_compression_cache(&self, dom: &Domain, flags: u32) -> Result<u64> {
        self.call("domain_migrate_get_compression_cache", || self.compression_cache(dom, flags))
    }

    fn domain_migrate_set_compression_cache(
        &self,
        dom: &Domain,
        cache_size: u64,
        flags: u32,
    ) -> Result<()> {
        self.call("domain_migrate_set_compression_cache", || {
            self.set_compression_cache(dom, cache_size, flags)
        })
    }

    fn domain_migrate_set_max_speed(
        &self,
        dom: &Domain,
        bandwidth: u64,
        flags: DomainMigrateMaxSpeedFlags,
    ) -> Result<()> {
        self.call("domain_migrate_set_max_speed", || self.set_max_speed(dom, bandwidth, flags))
    }

    fn domain_migrate_get_max_speed(
        &self,
        dom: &Domain,
        flags: DomainMigrateMaxSpeedFlags,
    ) -> Result<u64> {
        self.call("domain_migrate_get_max_speed", || self.max_speed(dom, flags))
    }

    fn domain_migrate_start_post_copy(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.call("domain_migrate_start_post_copy", || self.start_post_copy(dom, flags))
    }

    // ---- migration ----

    fn domain_migrate_prepare(
        &self,
        dconn: &Connect,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        _bandwidth: u64,
    ) -> Result<MigratePrepared> {
        self.call("domain_migrate_prepare", || self.prepare(dconn, &[], uri_in, flags, dname, None))
    }

    fn domain_migrate_perform(
        &self,
        dom: &Domain,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        self.call("domain_migrate_perform", || {
            self.perform_v2(dom, cookie, uri, flags, dname, bandwidth)
        })
    }

    fn domain_migrate_finish(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        _uri: &str,
        flags: DomainMigrateFlags,
    ) -> Result<Domain> {
        self.call("domain_migrate_finish", || {
            self.finish(dconn, dname, cookie, flags, false, false)?.dom.ok_or_else(no_domain)
        })
    }

    fn domain_migrate_prepare2(
        &self,
        dconn: &Connect,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        _bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.call("domain_migrate_prepare2", || {
            self.prepare(dconn, &[], uri_in, flags, dname, Some(dom_xml))
        })
    }

    fn domain_migrate_finish2(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        _uri: &str,
        flags: DomainMigrateFlags,
        retcode: i32,
    ) -> Result<Option<Domain>> {
        self.call_opt("domain_migrate_finish2", |none| {
            Ok(self.finish(dconn, dname, cookie, flags, retcode != 0, none)?.dom)
        })
    }

    fn domain_migrate_begin3(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        _bandwidth: u64,
    ) -> Result<MigrateBegun> {
        self.call("domain_migrate_begin3", || self.begin(dom, xmlin, flags, dname))
    }

    fn domain_migrate_prepare3(
        &self,
        dconn: &Connect,
        cookiein: &[u8],
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        _bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.call("domain_migrate_prepare3", || {
            self.prepare(dconn, cookiein, uri_in, flags, dname, Some(dom_xml))
        })
    }

    fn domain_migrate_perform3(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        cookiein: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<Vec<u8>> {
        let r = self.call("domain_migrate_perform3", || {
            let args = crate::migration::PerformArgs {
                xmlin,
                dconnuri,
                uri,
                dname,
                bandwidth,
                params: None,
            };
            self.perform3(dom, cookiein, &args, flags)
        });
        if r.is_err() {
            self.abandon_outgoing(dom);
        }
        r
    }

    fn domain_migrate_finish3(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookiein: &[u8],
        _dconnuri: Option<&str>,
        _uri: Option<&str>,
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.call_opt("domain_migrate_finish3", |none| {
            self.finish(dconn, dname, cookiein, flags, cancelled, none)
        })
    }

    fn domain_migrate_confirm3(
        &self,
        dom: &Domain,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        self.call("domain_migrate_confirm3", || self.confirm(dom, cookiein, flags, cancelled))
    }

    fn domain_migrate_begin3_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: DomainMigrateFlags,
    ) -> Result<MigrateBegun> {
        self.call("domain_migrate_begin3_params", || {
            let p = crate::migration::Params::read(params)?;
            self.begin(dom, p.dxml, flags, p.dname)
        })
    }

    fn domain_migrate_prepare3_params(
        &self,
        dconn: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<MigratePrepared> {
        self.call("domain_migrate_prepare3_params", || {
            let p = crate::migration::Params::read(params)?;
            let xml = p.dxml.ok_or_else(|| invalid_arg("no domain XML passed"))?;
            self.prepare(dconn, cookiein, p.uri, flags, p.dname, Some(xml))
        })
    }

    fn domain_migrate_perform3_params(
        &self,
        dom: &Domain,
        dconnuri: Option<&str>,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        let r = self.call("domain_migrate_perform3_params", || {
            let p = crate::migration::Params::read(params)?;
            let args = crate::migration::PerformArgs {
                xmlin: p.dxml,
                dconnuri,
                uri: p.uri,
                dname: p.dname,
                bandwidth: p.bandwidth,
                params: Some(params),
            };
            self.perform3(dom, cookiein, &args, flags)
        });
        if r.is_err() {
            self.abandon_outgoing(dom);
        }
        r
    }

    fn domain_migrate_finish3_params(
        &self,
        dconn: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.call_opt("domain_migrate_finish3_params", |none| {
            let p = crate::migration::Params::read(params)?;
            self.finish(dconn, p.dname, cookiein, flags, cancelled, none)
        })
    }

    fn domain_migrate_confirm3_params(
        &self,
        dom: &Domain,
        _params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        self.call("domain_migrate_confirm3_params", || {
            self.confirm(dom, cookiein, flags, cancelled)
        })
    }
}
