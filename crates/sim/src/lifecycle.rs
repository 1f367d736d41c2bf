//! Defining, starting, stopping, saving and restoring domains, with the test driver's checks,
//! states, reasons and lifecycle events.

use virtkit_api::enums::{
    CEnum, DomainCoreDumpFormat, DomainEventDefinedDetailType as Defined,
    DomainEventPMSuspendedDetailType as PmSuspended, DomainEventResumedDetailType as Resumed,
    DomainEventStartedDetailType as Started, DomainEventStoppedDetailType as Stopped,
    DomainEventSuspendedDetailType as Suspended, DomainEventType as Ev,
    DomainEventUndefinedDetailType as Undefined, DomainPMSuspendedReason, DomainPausedReason,
    DomainRunningReason, DomainShutdownReason, DomainShutoffReason, DomainState,
};
use virtkit_api::events::DomainEvent;
use virtkit_api::flags::{
    DomainCoreDumpFlags, DomainCreateFlags, DomainMemoryModFlags, DomainRebootFlags,
    DomainSaveImageXMLFlags, DomainSaveRestoreFlags, DomainShutdownFlags, DomainUndefineFlags,
    DomainVcpuFlags, DomainXMLFlags,
};
use virtkit_api::types::DomainInfo;
use virtkit_api::{Connect, Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::{FormatFlags, LifecycleAction, Memory};

use crate::def::Def;

use crate::def::{
    current_memory_kib, memory_kib, set_vcpus_current, set_vcpus_max, vcpus_current, vcpus_max,
};
use crate::driver::{
    SimDriver, check_flags, impact, internal, invalid_arg, not_running, op_invalid,
};
use crate::host::{Dom, HostState, Image};

fn xml_error(e: &virtkit_domxml::Error) -> Error {
    Error::new(ErrorCode::XmlError, ErrorDomain::Domain, e.to_string())
}

/// A parsed definition checked for what the host needs: a name, a memory size, a UUID.
pub(crate) fn parse_def(state: &mut HostState, xml: &str) -> Result<Def> {
    let mut def = crate::def::parse(xml).map_err(|e| xml_error(&e))?;
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
    if def.id.is_some() {
        def.id = None;
    }
    if let Some(cur) = &def.current_memory
        && cur.kib > memory_kib(&def)
    {
        def.current_memory = def.memory.as_ref().map(|m| Memory { kib: m.kib, dump_core: None });
    }
    Ok(def)
}

fn uuid_string(u: [u8; 16]) -> String {
    virtkit_domxml::Uuid(u).to_string()
}

/// `virDomainObjListAdd`'s duplicate checks: the index of the domain `def` replaces, if any.
pub(crate) fn find_slot(state: &HostState, def: &Def, live: bool) -> Result<Option<usize>> {
    let name = def.name.as_deref().unwrap_or_default();
    let uuid = def.uuid.map(|u| u.0).unwrap_or_default();
    if let Some(i) = state.find_uuid(uuid) {
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

/// Adds `def` as a live domain (create, restore, incoming migration): an inactive persistent
/// domain of the same UUID keeps its definition as the pending persistent one.
#[allow(clippy::single_match_else)] // Two shapes of one decision read better as a match.
pub(crate) fn add_live(state: &mut HostState, def: Def) -> Result<usize> {
    match find_slot(state, &def, true)? {
        Some(i) => {
            let d = &mut state.domains[i];
            if d.persistent {
                d.new_def = Some(d.def.clone());
            }
            d.def = def;
            Ok(i)
        }
        None => {
            state.domains.push(Dom::new(def, false));
            Ok(state.domains.len() - 1)
        }
    }
}

fn format_flags(secure: bool, inactive: bool, migratable: bool) -> FormatFlags {
    let mut f = FormatFlags::NONE.bits();
    if secure {
        f |= FormatFlags::SECURE.bits();
    }
    if inactive {
        f |= FormatFlags::INACTIVE.bits();
    }
    if migratable {
        f |= FormatFlags::MIGRATABLE.bits();
    }
    FormatFlags::from_bits(f).unwrap_or(FormatFlags::NONE)
}

/// The XML of an image or a definition as `virDomainDefFormat(..., SECURE)` writes it.
pub(crate) fn secure_xml(def: &Def) -> String {
    def.to_xml_flags(format_flags(true, true, false))
}

fn no_image(path: &str) -> Error {
    Error::new(
        ErrorCode::SystemError,
        ErrorDomain::Test,
        format!("cannot read domain image '{path}': No such file or directory"),
    )
}

impl SimDriver {
    pub(crate) fn info(&self, dom: &Domain) -> Result<DomainInfo> {
        self.with(dom, |state, i| {
            state.tick();
            let d = &state.domains[i];
            Ok(DomainInfo {
                state: d.state.raw(),
                max_mem: memory_kib(&d.def),
                memory: current_memory_kib(&d.def),
                nr_virt_cpu: vcpus_current(&d.def),
                cpu_time: d.counters.cpu_time,
            })
        })
    }

    pub(crate) fn xml_desc(&self, dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        let all = DomainXMLFlags::SECURE
            | DomainXMLFlags::INACTIVE
            | DomainXMLFlags::UPDATE_CPU
            | DomainXMLFlags::MIGRATABLE;
        check_flags(flags.bits(), all.bits(), "testDomainGetXMLDesc")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let inactive = flags.contains(DomainXMLFlags::INACTIVE);
            let mut def = if inactive { d.persistent_def().clone() } else { d.def.clone() };
            def.id = (d.is_active() && !inactive).then_some(d.id);
            Ok(def.to_xml_flags(format_flags(
                flags.contains(DomainXMLFlags::SECURE),
                inactive,
                flags.contains(DomainXMLFlags::MIGRATABLE),
            )))
        })
    }

    pub(crate) fn set_autostart(&self, dom: &Domain, autostart: bool) -> Result<()> {
        self.with(dom, |state, i| {
            // As the test driver: a transient domain takes the flag too.
            state.domains[i].autostart = autostart;
            Ok(())
        })
    }

    #[allow(clippy::single_match_else)] // Two shapes of one decision read better as a match.
    pub(crate) fn define(&self, conn: &Connect, xml: &str) -> Result<Domain> {
        self.host.run(|state| {
            let def = parse_def(state, xml)?;
            let (i, detail) = match find_slot(state, &def, false)? {
                Some(i) => {
                    let d = &mut state.domains[i];
                    let detail = if d.persistent { Defined::Updated } else { Defined::Added };
                    d.persistent = true;
                    if d.is_active() {
                        d.new_def = Some(def);
                    } else {
                        d.def = def;
                    }
                    (i, detail)
                }
                None => {
                    state.domains.push(Dom::new(def, true));
                    (state.domains.len() - 1, Defined::Added)
                }
            };
            state.lifecycle(i, Ev::Defined, detail);
            Ok(Self::handle(conn, &state.domains[i]))
        })
    }

    pub(crate) fn undefine(&self, dom: &Domain, flags: DomainUndefineFlags) -> Result<()> {
        let all = DomainUndefineFlags::MANAGED_SAVE
            | DomainUndefineFlags::SNAPSHOTS_METADATA
            | DomainUndefineFlags::CHECKPOINTS_METADATA
            | DomainUndefineFlags::NVRAM
            | DomainUndefineFlags::KEEP_NVRAM
            | DomainUndefineFlags::TPM
            | DomainUndefineFlags::KEEP_TPM;
        check_flags(flags.bits(), all.bits(), "testDomainUndefineFlags")?;
        if flags.contains(DomainUndefineFlags::NVRAM | DomainUndefineFlags::KEEP_NVRAM) {
            return Err(op_invalid("cannot both keep and delete nvram"));
        }
        self.with(dom, |state, i| {
            // As the test driver: undefining a transient (running) domain succeeds.
            let d = &mut state.domains[i];
            if d.managed_save.is_some() {
                if !flags.contains(DomainUndefineFlags::MANAGED_SAVE) {
                    return Err(op_invalid(
                        "Refusing to undefine while domain managed save image exists",
                    ));
                }
                d.managed_save = None;
            }
            state.lifecycle(i, Ev::Undefined, Undefined::Removed);
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

    /// Starts the domain at `i` (`testDomainStartState`) with the create flags' effects.
    fn start_with(state: &mut HostState, i: usize, flags: DomainCreateFlags, serial: u64) {
        state.start(i, DomainState::Running, DomainRunningReason::Booted.raw());
        state.lifecycle(i, Ev::Started, Started::Booted);
        if flags.contains(DomainCreateFlags::START_AUTODESTROY) {
            state.domains[i].autodestroy = Some(serial);
        }
        if flags.contains(DomainCreateFlags::START_PAUSED) {
            state.domains[i].set_state(DomainState::Paused, DomainPausedReason::User.raw());
            state.lifecycle(i, Ev::Suspended, Suspended::Paused);
        }
    }

    pub(crate) fn create_xml(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        check_flags(flags.bits(), CREATE_FLAGS.bits(), "testDomainCreateXML")?;
        let serial = self.events.serial;
        self.host.run(|state| {
            let def = parse_def(state, xml)?;
            let i = add_live(state, def)?;
            Self::start_with(state, i, flags, serial);
            Ok(Self::handle(conn, &state.domains[i]))
        })
    }

    pub(crate) fn create(&self, dom: &Domain, flags: DomainCreateFlags) -> Result<()> {
        check_flags(flags.bits(), CREATE_FLAGS.bits(), "testDomainCreateWithFlags")?;
        let serial = self.events.serial;
        self.with(dom, |state, i| {
            if state.domains[i].is_active() {
                return Err(internal(format!("Domain '{}' is already running", dom.name())));
            }
            // A managed save image is consumed (the test driver starts such a domain as
            // booted, and so does the sim).
            state.domains[i].managed_save = None;
            Self::start_with(state, i, flags, serial);
            Ok(())
        })
    }

    /// Destroys the domains this connection started with `START_AUTODESTROY`.
    pub(crate) fn autodestroy(&self) {
        let serial = self.events.serial;
        self.host.run(|state| {
            while let Some(i) = state.domains.iter().position(|d| d.autodestroy == Some(serial)) {
                state.lifecycle(i, Ev::Stopped, Stopped::Destroyed);
                state.stop(i, DomainShutoffReason::Destroyed);
            }
        });
    }

    pub(crate) fn suspend(&self, dom: &Domain) -> Result<()> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if matches!(d.state, DomainState::Shutoff | DomainState::Paused) {
                return Err(internal(format!("domain '{}' not running", dom.name())));
            }
            d.set_state(DomainState::Paused, DomainPausedReason::User.raw());
            state.lifecycle(i, Ev::Suspended, Suspended::Paused);
            Ok(())
        })
    }

    pub(crate) fn resume(&self, dom: &Domain) -> Result<()> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if d.state != DomainState::Paused {
                return Err(internal(format!("domain '{}' not paused", dom.name())));
            }
            d.set_state(DomainState::Running, DomainRunningReason::Unpaused.raw());
            state.lifecycle(i, Ev::Resumed, Resumed::Unpaused);
            Ok(())
        })
    }

    /// Stops the active domain at `i` with `reason`, raising `STOPPED` with `detail`.
    pub(crate) fn stop_with(
        state: &mut HostState,
        i: usize,
        reason: DomainShutoffReason,
        detail: Stopped,
    ) {
        state.lifecycle(i, Ev::Stopped, detail);
        state.stop(i, reason);
    }

    pub(crate) fn destroy(&self, dom: &Domain) -> Result<()> {
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            Self::stop_with(state, i, DomainShutoffReason::Destroyed, Stopped::Destroyed);
            Ok(())
        })
    }

    /// `testDomainActionSetState` then the stop, as shutdown and reboot do.
    fn act(state: &mut HostState, i: usize, action: LifecycleAction) {
        match action {
            LifecycleAction::Restart | LifecycleAction::RenameRestart => {
                state.domains[i].set_state(DomainState::Running, DomainRunningReason::Booted.raw());
            }
            _ => Self::stop_with(state, i, DomainShutoffReason::Shutdown, Stopped::Shutdown),
        }
    }

    pub(crate) fn shutdown(&self, dom: &Domain, flags: DomainShutdownFlags) -> Result<()> {
        check_flags(flags.bits(), 0, "testDomainShutdownFlags")?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(internal(format!("domain '{}' not running", dom.name())));
            }
            let action = state.domains[i].def.on_poweroff.unwrap_or(LifecycleAction::Destroy);
            Self::act(state, i, action);
            Ok(())
        })
    }

    pub(crate) fn reboot(&self, dom: &Domain, flags: DomainRebootFlags) -> Result<()> {
        let all = DomainRebootFlags::ACPI_POWER_BTN
            | DomainRebootFlags::GUEST_AGENT
            | DomainRebootFlags::INITCTL
            | DomainRebootFlags::SIGNAL
            | DomainRebootFlags::PARAVIRT;
        check_flags(flags.bits(), all.bits(), "testDomainReboot")?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            let action = state.domains[i].def.on_reboot.unwrap_or(LifecycleAction::Restart);
            if action == LifecycleAction::Preserve {
                state.domains[i].set_state(DomainState::Shutdown, DomainShutdownReason::User.raw());
                return Ok(());
            }
            Self::act(state, i, action);
            Ok(())
        })
    }

    pub(crate) fn pm_suspend(
        &self,
        dom: &Domain,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, 0, "simDomainPMSuspendForDuration")?;
        if duration != 0 {
            return Err(Error::argument_unsupported("Duration not supported. Use 0 for now"));
        }
        if target > 2 {
            return Err(invalid_arg(format!("Unknown suspend target: {target}")));
        }
        self.with(dom, |state, i| {
            if state.domains[i].state != DomainState::Running {
                return Err(not_running());
            }
            let d = state.domains[i].handle_ref();
            if target == 1 {
                // Suspend to disk: the guest writes its memory and powers off.
                state.emit(d, DomainEvent::PmSuspendDisk { reason: 0 });
                state.lifecycle(i, Ev::Pmsuspended, PmSuspended::Disk);
                Self::stop_with(state, i, DomainShutoffReason::Shutdown, Stopped::Shutdown);
            } else {
                state.domains[i]
                    .set_state(DomainState::Pmsuspended, DomainPMSuspendedReason::Unknown.raw());
                state.emit(d, DomainEvent::PmSuspend { reason: 0 });
                state.lifecycle(i, Ev::Pmsuspended, PmSuspended::Memory);
            }
            Ok(())
        })
    }

    pub(crate) fn pm_wakeup(&self, dom: &Domain, flags: u32) -> Result<()> {
        check_flags(flags, 0, "simDomainPMWakeup")?;
        self.with(dom, |state, i| {
            if state.domains[i].state != DomainState::Pmsuspended {
                return Err(op_invalid(
                    "Unable to wake up domain which is not in PMSuspended state",
                ));
            }
            state.domains[i].set_state(DomainState::Running, DomainRunningReason::Wakeup.raw());
            let d = state.domains[i].handle_ref();
            state.emit(d, DomainEvent::PmWakeup { reason: 0 });
            state.lifecycle(i, Ev::Started, Started::Wakeup);
            Ok(())
        })
    }

    pub(crate) fn save(
        &self,
        dom: &Domain,
        to: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        check_flags(flags.bits(), 0, "testDomainSaveFlags")?;
        if dxml.is_some() {
            return Err(Error::argument_unsupported("xml modification unsupported"));
        }
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let image = Image { def: d.def.clone(), running: d.state == DomainState::Running };
            state.images.insert(to.to_owned(), image);
            Self::stop_with(state, i, DomainShutoffReason::Saved, Stopped::Saved);
            Ok(())
        })
    }

    pub(crate) fn restore(
        &self,
        _conn: &Connect,
        from: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        check_flags(flags.bits(), 0, "testDomainRestoreFlags")?;
        if dxml.is_some() {
            return Err(Error::argument_unsupported("xml modification unsupported"));
        }
        self.host.run(|state| {
            let image = state.images.get(from).cloned().ok_or_else(|| no_image(from))?;
            let i = add_live(state, image.def)?;
            state.start(i, DomainState::Running, DomainRunningReason::Restored.raw());
            state.lifecycle(i, Ev::Started, Started::Restored);
            Ok(())
        })
    }

    pub(crate) fn save_image_xml(
        &self,
        file: &str,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        check_flags(
            flags.bits(),
            DomainSaveImageXMLFlags::SECURE.bits(),
            "testDomainSaveImageGetXMLDesc",
        )?;
        let state = self.host.lock();
        let image = state.images.get(file).ok_or_else(|| no_image(file))?;
        Ok(secure_xml(&image.def))
    }

    pub(crate) fn save_image_define(
        &self,
        file: &str,
        dxml: &str,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let all = DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED;
        check_flags(flags.bits(), all.bits(), "testDomainSaveImageDefineXML")?;
        self.host.run(|state| {
            if !state.images.contains_key(file) {
                return Err(no_image(file));
            }
            let def = parse_def(state, dxml)?;
            let image = state.images.get_mut(file).ok_or_else(|| no_image(file))?;
            image.def = def;
            image.restore_as(flags);
            Ok(())
        })
    }

    pub(crate) fn core_dump(
        &self,
        dom: &Domain,
        to: &str,
        format: DomainCoreDumpFormat,
        flags: DomainCoreDumpFlags,
    ) -> Result<()> {
        check_flags(
            flags.bits(),
            DomainCoreDumpFlags::CRASH.bits(),
            "testDomainCoreDumpWithFormat",
        )?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            state.dumps.insert(to.to_owned(), state.domains[i].name().to_owned());
            if format != DomainCoreDumpFormat::Raw {
                return Err(Error::new(
                    ErrorCode::OperationUnsupported,
                    ErrorDomain::Test,
                    "kdump-compressed format is not supported here",
                ));
            }
            if flags.contains(DomainCoreDumpFlags::CRASH) {
                Self::stop_with(state, i, DomainShutoffReason::Crashed, Stopped::Crashed);
            }
            Ok(())
        })
    }

    pub(crate) fn managed_save(&self, dom: &Domain, flags: DomainSaveRestoreFlags) -> Result<()> {
        let all = DomainSaveRestoreFlags::BYPASS_CACHE
            | DomainSaveRestoreFlags::RUNNING
            | DomainSaveRestoreFlags::PAUSED;
        check_flags(flags.bits(), all.bits(), "testDomainManagedSave")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            if !d.persistent {
                return Err(op_invalid("cannot do managed save for transient domain"));
            }
            let running = if flags.contains(DomainSaveRestoreFlags::RUNNING) {
                true
            } else if flags.contains(DomainSaveRestoreFlags::PAUSED) {
                false
            } else {
                d.state == DomainState::Running
            };
            d.managed_save = Some(Image { def: d.def.clone(), running });
            Self::stop_with(state, i, DomainShutoffReason::Saved, Stopped::Saved);
            Ok(())
        })
    }

    pub(crate) fn managed_save_xml(
        &self,
        dom: &Domain,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        check_flags(
            flags.bits(),
            DomainSaveImageXMLFlags::SECURE.bits(),
            "simDomainManagedSaveGetXMLDesc",
        )?;
        self.with(dom, |state, i| {
            let image = state.domains[i]
                .managed_save
                .as_ref()
                .ok_or_else(|| op_invalid("domain does not have managed save image"))?;
            Ok(secure_xml(&image.def))
        })
    }

    pub(crate) fn managed_save_define(
        &self,
        dom: &Domain,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let all = DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED;
        check_flags(flags.bits(), all.bits(), "simDomainManagedSaveDefineXML")?;
        self.with(dom, |state, i| {
            if state.domains[i].managed_save.is_none() {
                return Err(op_invalid("domain does not have managed save image"));
            }
            let def = match dxml {
                Some(xml) => Some(parse_def(state, xml)?),
                None => None,
            };
            let image = state.domains[i]
                .managed_save
                .as_mut()
                .ok_or_else(|| op_invalid("domain does not have managed save image"))?;
            if let Some(def) = def {
                image.def = def;
            }
            image.restore_as(flags);
            Ok(())
        })
    }

    pub(crate) fn set_memory(
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
                    return Err(op_invalid("cannot resize the maximum memory on an active domain"));
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
                return Err(invalid_arg("cannot set memory higher than max memory"));
            }
            if live {
                d.def.current_memory = Some(Memory { kib: memory, dump_core: None });
                let r = d.handle_ref();
                state.emit(r, DomainEvent::BalloonChange { actual: memory });
            }
            if config {
                state.domains[i].persistent_def_mut().current_memory =
                    Some(Memory { kib: memory, dump_core: None });
            }
            Ok(())
        })
    }

    pub(crate) fn set_vcpus(
        &self,
        dom: &Domain,
        nvcpus: u32,
        flags: DomainVcpuFlags,
    ) -> Result<()> {
        let all = DomainVcpuFlags::LIVE | DomainVcpuFlags::CONFIG | DomainVcpuFlags::MAXIMUM;
        check_flags(flags.bits(), all.bits(), "testDomainSetVcpusFlags")?;
        if nvcpus > 32 {
            return Err(invalid_arg(format!(
                "requested cpu amount exceeds maximum supported amount ({nvcpus} > 32)"
            )));
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
                invalid_arg(format!("requested cpu amount exceeds maximum ({nvcpus} > {max})"))
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
                // Unplugged vCPUs leave the guest; plugged ones come online.
                let gone: Vec<u32> = d.guest_offline.iter().filter(|c| *c >= nvcpus).collect();
                for cpu in gone {
                    d.guest_offline.remove(cpu);
                }
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

    pub(crate) fn get_vcpus_flags(&self, dom: &Domain, flags: DomainVcpuFlags) -> Result<i32> {
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
            Ok(i32::try_from(n).unwrap_or(i32::MAX))
        })
    }
}

/// The create flags the sim accepts (libvirt's QEMU driver's set).
const CREATE_FLAGS: DomainCreateFlags = DomainCreateFlags::START_PAUSED
    .union(DomainCreateFlags::START_AUTODESTROY)
    .union(DomainCreateFlags::START_BYPASS_CACHE)
    .union(DomainCreateFlags::START_FORCE_BOOT)
    .union(DomainCreateFlags::START_VALIDATE);
