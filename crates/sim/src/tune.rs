//! vCPU information and pinning, scheduler and memory tunables, statistics with moving
//! counters, jobs and metadata.

use virtkit_api::enums::{
    CEnum, DomainJobType, DomainMemoryStatTags as Tag, DomainMetadataType, DomainState, VcpuState,
};
use virtkit_api::events::DomainEvent;
use virtkit_api::flags::{
    ConnectGetAllDomainStatsFlags as StatsFlags, ConnectListAllDomainsFlags as ListFlags,
    DomainAbortJobFlags, DomainGetJobStatsFlags, DomainStatsTypes,
};
use virtkit_api::types::{
    BlockStats, InterfaceStats, JobInfo, JobStats, MemoryStat, StatsRecord, VcpuInfo, Vcpus,
};
use virtkit_api::{Connect, Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_cpumap::{CpuMaps, CpuSet};
use virtkit_typedparams::TypedParams;

use crate::def::{current_memory_kib, memory_kib, vcpus_current, vcpus_max};
use crate::driver::{
    SimDriver, check_flags, each_def, invalid_arg, list_match, one_def, op_invalid,
};
use crate::host::Dom;

const AFFECT: u32 = 3;

/// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`.
const UNLIMITED: u64 = 9_007_199_254_740_991;

fn tp(e: virtkit_typedparams::Error) -> Error {
    e.into()
}

/// The cpus a cpumap names, within the host's `ncpus` (`virBitmapNewData` then the host
/// bound, as the QEMU driver checks pinning).
fn cpumap_set(cpumap: &[u8], ncpus: u32) -> Result<CpuSet> {
    let set = CpuSet::from_cpumap(cpumap);
    let mut bounded = CpuSet::new();
    for cpu in set.iter().take_while(|c| *c < ncpus) {
        bounded.insert(cpu);
    }
    if bounded.is_empty() {
        return Err(invalid_arg("Empty cpu list for pinning"));
    }
    Ok(bounded)
}

/// The devices of `kind` with a `<target dev>`: that name, and the `attr` of their `child`.
fn targets_with(d: &Dom, kind: &str, child: &str, attr: &str) -> Vec<(String, Option<String>)> {
    d.def
        .devices
        .as_ref()
        .map(|devs| {
            devs.items
                .iter()
                .filter(|x| x.kind() == kind)
                .filter_map(|x| {
                    let e = &x.element;
                    let target = e.child("target")?.attribute("dev")?.to_string();
                    let other = e.child(child).and_then(|c| c.attribute(attr)).map(str::to_owned);
                    Some((target, other))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The disks: target and source file.
fn disk_targets(d: &Dom) -> Vec<(String, Option<String>)> {
    targets_with(d, "disk", "source", "file")
}

/// The interfaces: target device and MAC address.
fn interface_names(d: &Dom) -> Vec<(String, Option<String>)> {
    targets_with(d, "interface", "mac", "address")
}

/// Block counters of a running guest: they grow with its ticks.
fn block_counters(d: &Dom, index: u64) -> BlockStats {
    let t = i64::try_from(d.counters.ticks).unwrap_or(i64::MAX) * (index as i64 + 1);
    BlockStats {
        rd_req: 7 * t,
        rd_bytes: 7 * 4096 * t,
        wr_req: 3 * t,
        wr_bytes: 3 * 4096 * t,
        errs: 0,
    }
}

fn interface_counters(d: &Dom, index: u64) -> InterfaceStats {
    let t = i64::try_from(d.counters.ticks).unwrap_or(i64::MAX) * (index as i64 + 1);
    InterfaceStats {
        rx_bytes: 1500 * 5 * t,
        rx_packets: 5 * t,
        rx_errs: 0,
        rx_drop: 0,
        tx_bytes: 1500 * 2 * t,
        tx_packets: 2 * t,
        tx_errs: 0,
        tx_drop: 0,
    }
}

impl SimDriver {
    pub(crate) fn vcpu_info(&self, dom: &Domain, maxinfo: i32, maplen: i32) -> Result<Vcpus> {
        self.with(dom, |state, i| {
            state.tick();
            let ncpus = state.node.max_cpus();
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(op_invalid("cannot list vcpus for an inactive domain"));
            }
            let n = vcpus_current(&d.def).min(u32::try_from(maxinfo).unwrap_or(0));
            let maplen = usize::try_from(maplen).unwrap_or(0);
            let mut out = Vcpus::default();
            for v in 0..n {
                let set = vcpu_pin(d, v, ncpus);
                out.info.push(VcpuInfo {
                    number: v,
                    state: VcpuState::Running.raw(),
                    cpu_time: d.counters.cpu_time / u64::from(n.max(1)),
                    cpu: set.last().map_or(0, |c| i32::try_from(c).unwrap_or(0)),
                });
                let mut map = vec![0u8; maplen];
                for cpu in &set {
                    let _inside = virtkit_cpumap::maps::use_cpu(&mut map, cpu as usize);
                }
                out.cpumaps.extend_from_slice(&map);
            }
            Ok(out)
        })
    }

    pub(crate) fn pin_vcpu(
        &self,
        dom: &Domain,
        vcpu: u32,
        cpumap: &[u8],
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "simDomainPinVcpuFlags")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let set = cpumap_set(cpumap, ncpus)?;
            let d = &mut state.domains[i];
            if flags == 0 && !d.is_active() {
                // The test driver pins live vCPUs only.
                return Err(op_invalid("cannot pin vcpus on an inactive domain"));
            }
            each_def(d, flags, |def, is_live| {
                if vcpu >= vcpus_max(def) || (is_live && vcpu >= vcpus_current(def)) {
                    return Err(invalid_arg(format!(
                        "requested vcpu '{vcpu}' is not present in the domain"
                    )));
                }
                let tune = def.cputune.get_or_insert_with(Default::default);
                tune.vcpupin.retain(|(v, _)| *v != vcpu);
                tune.vcpupin.push((vcpu, set.clone()));
                tune.vcpupin.sort_by_key(|(v, _)| *v);
                Ok(())
            })
        })
    }

    pub(crate) fn vcpu_pin_info(
        &self,
        dom: &Domain,
        ncpumaps: i32,
        maplen: i32,
        flags: u32,
    ) -> Result<CpuMaps> {
        check_flags(flags, AFFECT, "simDomainGetVcpuPinInfo")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let d = &state.domains[i];
            let live = one_def(d, flags)?;
            let def_dom =
                if live { d.clone() } else { Dom { def: d.persistent_def().clone(), ..d.clone() } };
            let n = vcpus_max(&def_dom.def).min(u32::try_from(ncpumaps).unwrap_or(0));
            let maplen = usize::try_from(maplen).unwrap_or(0);
            let mut maps =
                CpuMaps::new(n as usize, maplen).map_err(|e| invalid_arg(e.to_string()))?;
            for v in 0..n {
                let set = vcpu_pin(&def_dom, v, ncpus);
                if let Some(m) = maps.get_mut(v as usize) {
                    for cpu in set.iter().filter(|c| (*c as usize) < maplen * 8) {
                        let _ = virtkit_cpumap::maps::use_cpu(m, cpu as usize);
                    }
                }
            }
            Ok(maps)
        })
    }

    pub(crate) fn pin_emulator(&self, dom: &Domain, cpumap: &[u8], flags: u32) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainPinEmulator")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let d = &mut state.domains[i];
            let live = one_def(d, flags)?;
            let set = CpuSet::from_cpumap(cpumap);
            if set.is_empty() {
                return Err(invalid_arg("Empty cpu list for pinning"));
            }
            let set = cpumap_set(cpumap, ncpus)?;
            let def = if live { &mut d.def } else { d.persistent_def_mut() };
            def.cputune.get_or_insert_with(Default::default).emulatorpin = Some(set);
            Ok(())
        })
    }

    pub(crate) fn emulator_pin_info(
        &self,
        dom: &Domain,
        maplen: i32,
        flags: u32,
    ) -> Result<Vec<u8>> {
        check_flags(flags, AFFECT, "testDomainGetEmulatorPinInfo")?;
        self.with(dom, |state, i| {
            let ncpus = state.node.max_cpus();
            let d = &state.domains[i];
            let live = one_def(d, flags)?;
            let def = if live { &d.def } else { d.persistent_def() };
            let set = def
                .cputune
                .as_ref()
                .and_then(|t| t.emulatorpin.clone())
                .or_else(|| def.vcpu.as_ref().and_then(|v| v.cpuset.clone()))
                .unwrap_or_else(|| CpuSet::full(u64::from(ncpus)));
            let mut map = vec![0u8; usize::try_from(maplen).unwrap_or(0)];
            let bits = map.len() * 8;
            for cpu in set.iter().filter(|c| (*c as usize) < bits) {
                let _ = virtkit_cpumap::maps::use_cpu(&mut map, cpu as usize);
            }
            Ok(map)
        })
    }

    pub(crate) fn sched_params(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(flags, AFFECT, "testDomainGetSchedulerParametersFlags")?;
        self.with(dom, |_, _| {
            // The test driver reports a fixed weight.
            let mut p = TypedParams::with_capacity(1);
            p.add_uint("weight", 50).map_err(tp)?;
            Ok(p)
        })
    }

    pub(crate) fn set_sched_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetSchedulerParametersFlags")?;
        for p in params {
            if p.name() != "weight" {
                return Err(invalid_arg(format!("parameter '{}' not supported", p.name())));
            }
        }
        params.get_uint("weight").map_err(tp)?;
        self.with(dom, |_, _| Ok(()))
    }

    pub(crate) fn memory_params(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(
            flags,
            AFFECT | virtkit_typedparams::checks::STRING_OKAY,
            "testDomainGetMemoryParameters",
        )?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let live = one_def(d, flags & AFFECT)?;
            let def = if live { &d.def } else { d.persistent_def() };
            let t = def.memtune.unwrap_or_default();
            let mut p = TypedParams::with_capacity(4);
            p.add_ullong("hard_limit", t.hard_limit.unwrap_or(UNLIMITED)).map_err(tp)?;
            p.add_ullong("soft_limit", t.soft_limit.unwrap_or(UNLIMITED)).map_err(tp)?;
            p.add_ullong("swap_hard_limit", t.swap_hard_limit.unwrap_or(UNLIMITED)).map_err(tp)?;
            Ok(p)
        })
    }

    pub(crate) fn set_memory_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetMemoryParameters")?;
        for p in params {
            if !["hard_limit", "soft_limit", "swap_hard_limit"].contains(&p.name()) {
                return Err(invalid_arg(format!("parameter '{}' not supported", p.name())));
            }
        }
        let hard = params.get_ullong("hard_limit").map_err(tp)?;
        let soft = params.get_ullong("soft_limit").map_err(tp)?;
        let swap = params.get_ullong("swap_hard_limit").map_err(tp)?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let live = one_def(d, flags)?;
            let def = if live { &mut d.def } else { d.persistent_def_mut() };
            let t = def.memtune.get_or_insert_with(Default::default);
            let new_hard = hard.or(t.hard_limit);
            let new_swap = swap.or(t.swap_hard_limit);
            if let (Some(h), Some(s)) = (new_hard, new_swap)
                && h > s
            {
                return Err(invalid_arg("memory hard_limit tunable value must be lower than or equal to swap_hard_limit"));
            }
            if hard.is_some() {
                t.hard_limit = hard;
            }
            if soft.is_some() {
                t.soft_limit = soft;
            }
            if swap.is_some() {
                t.swap_hard_limit = swap;
            }
            Ok(())
        })
    }

    pub(crate) fn block_stats(&self, dom: &Domain, disk: &str) -> Result<BlockStats> {
        self.with(dom, |state, i| {
            state.tick();
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(crate::driver::not_running());
            }
            let disks = disk_targets(d);
            let k = disks
                .iter()
                .position(|(t, s)| t == disk || s.as_deref() == Some(disk))
                .ok_or_else(|| invalid_arg(format!("invalid path: {disk}")))?;
            Ok(block_counters(d, k as u64))
        })
    }

    pub(crate) fn interface_stats(&self, dom: &Domain, device: &str) -> Result<InterfaceStats> {
        self.with(dom, |state, i| {
            state.tick();
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(crate::driver::not_running());
            }
            let nics = interface_names(d);
            let k = nics
                .iter()
                .position(|(t, mac)| t == device || mac.as_deref() == Some(device))
                .ok_or_else(|| {
                    invalid_arg(format!("invalid path, '{device}' is not a known interface"))
                })?;
            Ok(interface_counters(d, k as u64))
        })
    }

    pub(crate) fn memory_stats(
        &self,
        dom: &Domain,
        nr_stats: u32,
        flags: u32,
    ) -> Result<Vec<MemoryStat>> {
        check_flags(flags, 0, "testDomainMemoryStats")?;
        self.with(dom, |state, i| {
            state.tick();
            let clock = state.clock_ms;
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(crate::driver::not_running());
            }
            let cur = current_memory_kib(&d.def);
            let used = cur / 2 + (d.counters.ticks % 64) * 16;
            let all = [
                (Tag::ActualBalloon, cur),
                (Tag::Rss, used),
                (Tag::Unused, cur.saturating_sub(used)),
                (Tag::Available, cur),
                (Tag::Usable, cur.saturating_sub(used)),
                (Tag::LastUpdate, clock / 1000),
            ];
            Ok(all
                .iter()
                .take(nr_stats as usize)
                .map(|(t, v)| MemoryStat { tag: t.raw(), val: *v })
                .collect())
        })
    }

    pub(crate) fn all_stats(
        &self,
        conn: &Connect,
        doms: &[Domain],
        stats: DomainStatsTypes,
        flags: StatsFlags,
    ) -> Result<Vec<StatsRecord>> {
        let known = DomainStatsTypes::STATE
            | DomainStatsTypes::CPU_TOTAL
            | DomainStatsTypes::BALLOON
            | DomainStatsTypes::VCPU
            | DomainStatsTypes::INTERFACE
            | DomainStatsTypes::BLOCK;
        if flags.contains(StatsFlags::ENFORCE_STATS) && !known.contains(stats) {
            return Err(Error::new(
                ErrorCode::ArgumentUnsupported,
                ErrorDomain::Test,
                "Stats types bits 0x".to_owned()
                    + &format!("{:x}", (stats - known).bits())
                    + " are not supported by this daemon",
            ));
        }
        let stats = if stats.is_empty() { known } else { stats & known };
        let list = ListFlags::from_bits_retain(flags.bits() & 0xff);
        self.host.run(|state| {
            state.tick();
            let ncpus = state.node.max_cpus();
            let picked: Vec<&Dom> = if doms.is_empty() {
                state.domains.iter().filter(|d| list_match(d, list)).collect()
            } else {
                doms.iter()
                    .map(|h| {
                        state
                            .domains
                            .iter()
                            .find(|d| d.uuid() == h.uuid().0)
                            .ok_or_else(crate::driver::no_domain)
                    })
                    .collect::<Result<_>>()?
            };
            picked.into_iter().map(|d| record(conn, d, stats, ncpus)).collect()
        })
    }

    pub(crate) fn job_info(&self, dom: &Domain) -> Result<JobInfo> {
        self.with(dom, |state, i| {
            let clock = state.clock_ms;
            let d = &state.domains[i];
            Ok(match &d.migration {
                Some(m) => JobInfo {
                    type_: DomainJobType::Unbounded.raw(),
                    time_elapsed: clock.saturating_sub(m.started_ms),
                    mem_total: current_memory_kib(&d.def) * 1024,
                    mem_processed: if m.performed { current_memory_kib(&d.def) * 1024 } else { 0 },
                    ..JobInfo::default()
                },
                None => JobInfo { type_: DomainJobType::None.raw(), ..JobInfo::default() },
            })
        })
    }

    pub(crate) fn job_stats(
        &self,
        dom: &Domain,
        flags: DomainGetJobStatsFlags,
    ) -> Result<JobStats> {
        let all = DomainGetJobStatsFlags::COMPLETED | DomainGetJobStatsFlags::KEEP_COMPLETED;
        check_flags(flags.bits(), all.bits(), "simDomainGetJobStats")?;
        let info = self.job_info(dom)?;
        let mut params = TypedParams::with_capacity(4);
        if info.type_ != DomainJobType::None.raw()
            && !flags.contains(DomainGetJobStatsFlags::COMPLETED)
        {
            params.add_int("operation", 2).map_err(tp)?;
            params.add_ullong("time_elapsed", info.time_elapsed).map_err(tp)?;
            params.add_ullong("memory_total", info.mem_total).map_err(tp)?;
            params.add_ullong("memory_processed", info.mem_processed).map_err(tp)?;
            return Ok(JobStats { type_: info.type_, params });
        }
        Ok(JobStats { type_: DomainJobType::None.raw(), params })
    }

    pub(crate) fn abort_job(&self, dom: &Domain, flags: DomainAbortJobFlags) -> Result<()> {
        check_flags(flags.bits(), 0, "simDomainAbortJobFlags")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(crate::driver::not_running());
            }
            match d.migration.as_mut() {
                Some(m) if !m.performed => {
                    m.abort_requested = true;
                    Ok(())
                }
                _ => Err(op_invalid("no job is active on the domain")),
            }
        })
    }

    pub(crate) fn set_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        metadata: Option<&str>,
        _key: Option<&str>,
        uri: Option<&str>,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetMetadata")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let value = metadata.filter(|m| !m.is_empty()).map(str::to_owned);
            each_def(d, flags, |def, _| {
                match type_ {
                    DomainMetadataType::Description => def.description.clone_from(&value),
                    DomainMetadataType::Title => {
                        if value.as_deref().is_some_and(|v| v.contains('\n')) {
                            return Err(Error::new(
                                ErrorCode::InvalidArg,
                                ErrorDomain::Domain,
                                "Domain title can't contain newlines",
                            ));
                        }
                        def.title.clone_from(&value);
                    }
                    _ => {
                        return Err(Error::argument_unsupported(
                            "the sim keeps title and description metadata only",
                        ));
                    }
                }
                Ok(())
            })?;
            let r = d.handle_ref();
            state.emit(
                r,
                DomainEvent::MetadataChange { type_: type_.raw(), nsuri: uri.map(str::to_owned) },
            );
            Ok(())
        })
    }

    pub(crate) fn get_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        _uri: Option<&str>,
        flags: u32,
    ) -> Result<String> {
        check_flags(flags, AFFECT, "testDomainGetMetadata")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let live = one_def(d, flags)?;
            let def = if live { &d.def } else { d.persistent_def() };
            let v = match type_ {
                DomainMetadataType::Description => def.description.clone(),
                DomainMetadataType::Title => def.title.clone(),
                _ => {
                    return Err(Error::argument_unsupported(
                        "the sim keeps title and description metadata only",
                    ));
                }
            };
            v.ok_or_else(|| {
                Error::new(
                    ErrorCode::NoDomainMetadata,
                    ErrorDomain::Domain,
                    "Requested metadata element is not present",
                )
            })
        })
    }
}

/// The pinning of vCPU `v`: its `<vcpupin>`, else the `<vcpu cpuset>`, else every host CPU.
fn vcpu_pin(d: &Dom, v: u32, ncpus: u32) -> CpuSet {
    d.def
        .cputune
        .as_ref()
        .and_then(|t| t.vcpupin.iter().find(|(n, _)| *n == v).map(|(_, s)| s.clone()))
        .or_else(|| d.def.vcpu.as_ref().and_then(|x| x.cpuset.clone()))
        .unwrap_or_else(|| CpuSet::full(u64::from(ncpus)))
}

/// One domain's bulk statistics record, with libvirt's key names.
fn record(conn: &Connect, d: &Dom, stats: DomainStatsTypes, ncpus: u32) -> Result<StatsRecord> {
    let mut p = TypedParams::with_capacity(16);
    let active = d.is_active();
    if stats.contains(DomainStatsTypes::STATE) {
        p.add_int("state.state", d.state.raw()).map_err(tp)?;
        p.add_int("state.reason", d.reason).map_err(tp)?;
    }
    if stats.contains(DomainStatsTypes::CPU_TOTAL) && active {
        p.add_ullong("cpu.time", d.counters.cpu_time).map_err(tp)?;
        p.add_ullong("cpu.user", d.counters.cpu_time / 4 * 3).map_err(tp)?;
        p.add_ullong("cpu.system", d.counters.cpu_time / 4).map_err(tp)?;
    }
    if stats.contains(DomainStatsTypes::BALLOON) {
        p.add_ullong("balloon.current", current_memory_kib(&d.def)).map_err(tp)?;
        p.add_ullong("balloon.maximum", memory_kib(&d.def)).map_err(tp)?;
    }
    if stats.contains(DomainStatsTypes::VCPU) {
        let cur = vcpus_current(&d.def);
        p.add_uint("vcpu.current", cur).map_err(tp)?;
        p.add_uint("vcpu.maximum", vcpus_max(&d.def)).map_err(tp)?;
        if active {
            for v in 0..cur {
                p.add_int(&format!("vcpu.{v}.state"), VcpuState::Running.raw()).map_err(tp)?;
                p.add_ullong(
                    &format!("vcpu.{v}.time"),
                    d.counters.cpu_time / u64::from(cur.max(1)),
                )
                .map_err(tp)?;
                let _ = ncpus;
            }
        }
    }
    if stats.contains(DomainStatsTypes::INTERFACE) && active {
        let nics = interface_names(d);
        p.add_uint("net.count", u32::try_from(nics.len()).unwrap_or(u32::MAX)).map_err(tp)?;
        for (k, (name, _)) in nics.iter().enumerate() {
            let c = interface_counters(d, k as u64);
            p.add_string(&format!("net.{k}.name"), name).map_err(tp)?;
            for (key, v) in [
                ("rx.bytes", c.rx_bytes),
                ("rx.pkts", c.rx_packets),
                ("rx.errs", c.rx_errs),
                ("rx.drop", c.rx_drop),
                ("tx.bytes", c.tx_bytes),
                ("tx.pkts", c.tx_packets),
                ("tx.errs", c.tx_errs),
                ("tx.drop", c.tx_drop),
            ] {
                p.add_ullong(&format!("net.{k}.{key}"), u64::try_from(v).unwrap_or(0))
                    .map_err(tp)?;
            }
        }
    }
    if stats.contains(DomainStatsTypes::BLOCK) {
        let disks = disk_targets(d);
        p.add_uint("block.count", u32::try_from(disks.len()).unwrap_or(u32::MAX)).map_err(tp)?;
        for (k, (name, src)) in disks.iter().enumerate() {
            p.add_string(&format!("block.{k}.name"), name).map_err(tp)?;
            if let Some(s) = src {
                p.add_string(&format!("block.{k}.path"), s).map_err(tp)?;
            }
            if active {
                let c = block_counters(d, k as u64);
                for (key, v) in [
                    ("rd.reqs", c.rd_req),
                    ("rd.bytes", c.rd_bytes),
                    ("wr.reqs", c.wr_req),
                    ("wr.bytes", c.wr_bytes),
                ] {
                    p.add_ullong(&format!("block.{k}.{key}"), u64::try_from(v).unwrap_or(0))
                        .map_err(tp)?;
                }
            }
        }
    }
    let _ = DomainState::Running;
    Ok(StatsRecord { dom: SimDriver::handle(conn, d), params: p })
}
