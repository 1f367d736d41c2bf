//! IOThreads (kept in the XML's `<iothreads>`, `<iothreadids>` and `<iothreadpin>`), the
//! guest agent calls the test driver fakes (file system freeze/thaw/trim over `/` and
//! `/boot`, passwords), process signals, memory peeking and launch security.

use virtkit_api::enums::DomainProcessSignal;
use virtkit_api::flags::{DomainMemoryFlags, DomainModificationImpact, DomainSetUserPasswordFlags};
use virtkit_api::types::IOThreadInfo;
use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_cpumap::CpuSet;
use virtkit_domxml::IothreadId;
use virtkit_typedparams::TypedParams;

use crate::def::Def;
use crate::driver::{
    SimDriver, check_flags, each_def, invalid_arg, not_running, one_def, op_invalid,
};

const AFFECT: u32 = 3;

/// The mount points the test driver's guest has.
const MOUNTPOINTS: [&str; 2] = ["/", "/boot"];

fn iothread_ids(def: &Def) -> Vec<u32> {
    match &def.iothreadids {
        Some(ids) if !ids.is_empty() => ids.iter().map(|t| t.id).collect(),
        // `<iothreads>N</iothreads>` alone numbers them 1..=N.
        _ => (1..=def.iothreads.unwrap_or(0)).collect(),
    }
}

fn set_iothread_ids(def: &mut Def, ids: &[u32]) {
    def.iothreads = (!ids.is_empty()).then(|| u32::try_from(ids.len()).unwrap_or(u32::MAX));
    def.iothreadids = (!ids.is_empty())
        .then(|| ids.iter().map(|id| IothreadId { id: *id, ..IothreadId::default() }).collect());
}

fn domain_invalid(detail: String) -> Error {
    Error::new(ErrorCode::InvalidArg, ErrorDomain::Domain, detail)
}

/// Which mount points a freeze/thaw/trim names (all when none are given).
fn mountpoints(given: &[&str]) -> Result<Vec<usize>> {
    if given.is_empty() {
        return Ok((0..MOUNTPOINTS.len()).collect());
    }
    given
        .iter()
        .map(|m| {
            MOUNTPOINTS
                .iter()
                .position(|x| x == m)
                .ok_or_else(|| op_invalid(format!("mount point not found: {m}")))
        })
        .collect()
}

impl SimDriver {
    pub(crate) fn iothread_info(
        &self,
        dom: &Domain,
        flags: DomainModificationImpact,
    ) -> Result<Vec<IOThreadInfo>> {
        check_flags(flags.bits(), AFFECT, "testDomainGetIOThreadInfo")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let d = &state.domains[i];
            let live = one_def(d, flags.bits())?;
            let def = if live { &d.def } else { d.persistent_def() };
            Ok(iothread_ids(def)
                .into_iter()
                .map(|id| {
                    let set = def
                        .cputune
                        .as_ref()
                        .and_then(|t| {
                            t.iothreadpin.iter().find(|(n, _)| *n == id).map(|(_, s)| s.clone())
                        })
                        .or_else(|| def.vcpu.as_ref().and_then(|v| v.cpuset.clone()))
                        .unwrap_or_else(|| CpuSet::full(u64::from(ncpus)));
                    let mut cpumap = vec![0u8; (ncpus as usize).div_ceil(8)];
                    for cpu in &set {
                        let _ = virtkit_cpumap::maps::use_cpu(&mut cpumap, cpu as usize);
                    }
                    IOThreadInfo { iothread_id: id, cpumap }
                })
                .collect())
        })
    }

    pub(crate) fn add_iothread(
        &self,
        dom: &Domain,
        id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        check_flags(flags.bits(), AFFECT, "testDomainAddIOThread")?;
        if id == 0 {
            return Err(invalid_arg("invalid value of 0 for iothread_id"));
        }
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            each_def(d, flags.bits(), |def, _| {
                let mut ids = iothread_ids(def);
                if ids.contains(&id) {
                    return Err(domain_invalid(format!(
                        "an IOThread is already using iothread_id '{id}'"
                    )));
                }
                ids.push(id);
                set_iothread_ids(def, &ids);
                Ok(())
            })
        })
    }

    pub(crate) fn del_iothread(
        &self,
        dom: &Domain,
        id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        check_flags(flags.bits(), AFFECT, "testDomainDelIOThread")?;
        if id == 0 {
            return Err(invalid_arg("invalid value of 0 for iothread_id"));
        }
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            each_def(d, flags.bits(), |def, _| {
                let mut ids = iothread_ids(def);
                if !ids.contains(&id) {
                    return Err(domain_invalid(format!(
                        "cannot find IOThread '{id}' in iothreadids list"
                    )));
                }
                ids.retain(|x| *x != id);
                set_iothread_ids(def, &ids);
                if let Some(t) = def.cputune.as_mut() {
                    t.iothreadpin.retain(|(n, _)| *n != id);
                }
                Ok(())
            })
        })
    }

    pub(crate) fn pin_iothread(
        &self,
        dom: &Domain,
        id: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        check_flags(flags.bits(), AFFECT, "testDomainPinIOThread")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let d = &mut state.domains[i];
            let mut set = CpuSet::new();
            for cpu in CpuSet::from_cpumap(cpumap).iter().take_while(|c| *c < ncpus) {
                set.insert(cpu);
            }
            each_def(d, flags.bits(), |def, _| {
                if !iothread_ids(def).contains(&id) {
                    return Err(invalid_arg(format!("iothreadid {id} not found")));
                }
                if set.is_empty() {
                    return Err(invalid_arg("Empty iothread cpumap list for pinning"));
                }
                let tune = def.cputune.get_or_insert_with(Default::default);
                tune.iothreadpin.retain(|(n, _)| *n != id);
                tune.iothreadpin.push((id, set.clone()));
                tune.iothreadpin.sort_by_key(|(n, _)| *n);
                Ok(())
            })
        })
    }

    /// `testDomainFSFreeze` / `testDomainFSThaw`: returns how many mount points changed.
    pub(crate) fn fs_freeze(
        &self,
        dom: &Domain,
        points: &[&str],
        flags: u32,
        freeze: bool,
    ) -> Result<i32> {
        check_flags(flags, 0, if freeze { "testDomainFSFreeze" } else { "testDomainFSThaw" })?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let which = mountpoints(points)?;
            let mut changed = 0;
            for k in which {
                if d.frozen[k] != freeze {
                    d.frozen[k] = freeze;
                    changed += 1;
                }
            }
            Ok(changed)
        })
    }

    pub(crate) fn fs_trim(&self, dom: &Domain, point: Option<&str>, flags: u32) -> Result<()> {
        check_flags(flags, 0, "testDomainFSTrim")?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            if let Some(p) = point {
                mountpoints(&[p])?;
            }
            Ok(())
        })
    }

    pub(crate) fn set_user_password(
        &self,
        dom: &Domain,
        flags: DomainSetUserPasswordFlags,
    ) -> Result<()> {
        check_flags(
            flags.bits(),
            DomainSetUserPasswordFlags::ENCRYPTED.bits(),
            "testDomainSetUserPassword",
        )?;
        self.with(
            dom,
            |state, i| if state.domains[i].is_active() { Ok(()) } else { Err(not_running()) },
        )
    }

    pub(crate) fn send_process_signal(
        &self,
        dom: &Domain,
        pid: i64,
        _signum: DomainProcessSignal,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, 0, "testDomainSendProcessSignal")?;
        if pid != 1 {
            return Err(invalid_arg("only sending a signal to pid 1 is supported"));
        }
        self.with(dom, |_, _| Ok(()))
    }

    /// `testDomainMemoryPeek`: byte `n` of guest memory is `n` modulo 256.
    pub(crate) fn memory_peek(
        &self,
        dom: &Domain,
        start: u64,
        size: usize,
        flags: DomainMemoryFlags,
    ) -> Result<Vec<u8>> {
        let all = DomainMemoryFlags::VIRTUAL | DomainMemoryFlags::PHYSICAL;
        check_flags(flags.bits(), all.bits(), "testDomainMemoryPeek")?;
        self.with(dom, |state, i| {
            if !state.domains[i].is_active() {
                return Err(not_running());
            }
            Ok((0..size as u64).map(|k| (start.wrapping_add(k) & 0xff) as u8).collect())
        })
    }

    pub(crate) fn launch_security_info(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(flags, 0, "testDomainGetLaunchSecurityInfo")?;
        self.with(dom, |_, _| Ok(TypedParams::new()))
    }
}
