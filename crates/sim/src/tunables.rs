//! The test driver's other tunables: blkio, NUMA, perf events, the balloon's statistics
//! period, lifecycle actions, and CPU statistics. Parameters are validated against the
//! `virtkit_typedparams` schemas (libvirt's `virTypedParamsValidate`) and land in the
//! domain XML.

use virtkit_api::enums::{DomainLifecycle, DomainLifecycleAction};
use virtkit_api::flags::{DomainMemoryModFlags, DomainModificationImpact};
use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::{Element, LifecycleAction, Node};
use virtkit_typedparams::schema::{BlkioParams, NumaParams, PerfEvents};
use virtkit_typedparams::{TypedParams, validate};

use crate::def::Def;
use crate::driver::{
    SimDriver, check_flags, each_def, internal, invalid_arg, not_running, one_def,
};

const AFFECT: u32 = 3;

fn tp(e: virtkit_typedparams::Error) -> Error {
    e.into()
}

/// The blkio per-device keys and how each reads and writes a device.
const DEVICE_KEYS: [&str; 5] = [
    "device_weight",
    "device_read_iops_sec",
    "device_write_iops_sec",
    "device_read_bytes_sec",
    "device_write_bytes_sec",
];

fn device_value(d: &virtkit_domxml::BlkioDevice, key: usize) -> Option<u64> {
    match key {
        0 => d.weight.map(u64::from),
        1 => d.read_iops_sec.map(u64::from),
        2 => d.write_iops_sec.map(u64::from),
        3 => d.read_bytes_sec,
        _ => d.write_bytes_sec,
    }
}

fn set_device_value(d: &mut virtkit_domxml::BlkioDevice, key: usize, v: u64) -> Result<()> {
    let small = || {
        u32::try_from(v)
            .map_err(|_| invalid_arg(format!("invalid value '{v}' for {}", DEVICE_KEYS[key])))
    };
    let v32 = if key < 3 { Some(small()?) } else { None };
    let zero_none = |x: Option<u32>| x.filter(|n| *n != 0);
    match key {
        0 => d.weight = zero_none(v32),
        1 => d.read_iops_sec = zero_none(v32),
        2 => d.write_iops_sec = zero_none(v32),
        3 => d.read_bytes_sec = Some(v).filter(|n| *n != 0),
        _ => d.write_bytes_sec = Some(v).filter(|n| *n != 0),
    }
    Ok(())
}

/// `virDomainDriverParseBlkioDeviceStr`: `path,value[,path,value...]`.
fn parse_device_list(text: &str, key: &str) -> Result<Vec<(String, u64)>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = text.split(',').collect();
    if !parts.len().is_multiple_of(2) {
        return Err(invalid_arg(format!("unable to parse blkio device '{text}' '{key}'")));
    }
    parts
        .chunks(2)
        .map(|pair| {
            let v = pair[1].parse::<u64>().map_err(|_| {
                invalid_arg(format!(
                    "invalid value '{}' for parameter '{key}' of device '{}'",
                    pair[1], pair[0]
                ))
            })?;
            Ok((pair[0].to_owned(), v))
        })
        .collect()
}

fn lifecycle_name(t: DomainLifecycle) -> &'static str {
    match t {
        DomainLifecycle::Poweroff => "poweroff",
        DomainLifecycle::Reboot => "reboot",
        _ => "crash",
    }
}

fn action_of(a: DomainLifecycleAction) -> (LifecycleAction, &'static str) {
    match a {
        DomainLifecycleAction::Destroy => (LifecycleAction::Destroy, "destroy"),
        DomainLifecycleAction::Restart => (LifecycleAction::Restart, "restart"),
        DomainLifecycleAction::RestartRename => (LifecycleAction::RenameRestart, "rename-restart"),
        DomainLifecycleAction::Preserve => (LifecycleAction::Preserve, "preserve"),
        DomainLifecycleAction::CoredumpDestroy => {
            (LifecycleAction::CoredumpDestroy, "coredump-destroy")
        }
        _ => (LifecycleAction::CoredumpRestart, "coredump-restart"),
    }
}

/// The `<memballoon>` element of a definition, if any (and not `model='none'`).
fn memballoon(def: &mut Def) -> Option<&mut Element<'static>> {
    def.devices
        .as_mut()?
        .items
        .iter_mut()
        .find(|d| d.kind() == "memballoon" && d.element.attribute("model") != Some("none"))
        .map(|d| &mut d.element)
}

const NUMA_MODES: [&str; 4] = ["strict", "preferred", "interleave", "restrictive"];

impl SimDriver {
    /// Runs `f` on each definition `flags` (`AFFECT_*`) selects (`virDomainObjGetDefs`).
    fn on_defs(
        &self,
        dom: &Domain,
        flags: u32,
        mut f: impl FnMut(&mut Def) -> Result<()>,
    ) -> Result<()> {
        self.with(dom, |state, i| each_def(&mut state.domains[i], flags, |def, _| f(def)))
    }

    /// Runs `f` on the one definition `flags` (`AFFECT_*`) select
    /// (`virDomainObjGetOneDef`).
    pub(crate) fn on_one_def<T>(
        &self,
        dom: &Domain,
        flags: u32,
        f: impl FnOnce(&mut Def) -> Result<T>,
    ) -> Result<T> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let live = one_def(d, flags & AFFECT)?;
            f(if live { &mut d.def } else { d.persistent_def_mut() })
        })
    }

    /// Reads the one definition `flags` select.
    pub(crate) fn read_def<T>(
        &self,
        dom: &Domain,
        flags: u32,
        f: impl FnOnce(&Def) -> Result<T>,
    ) -> Result<T> {
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let live = one_def(d, flags & AFFECT)?;
            f(if live { &d.def } else { d.persistent_def() })
        })
    }

    pub(crate) fn blkio_params(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(
            flags,
            AFFECT | virtkit_typedparams::checks::STRING_OKAY,
            "testDomainGetBlkioParameters",
        )?;
        self.read_def(dom, flags, |def| {
            let t = def.blkiotune.clone().unwrap_or_default();
            let mut p = TypedParams::with_capacity(6);
            p.add_uint("weight", t.weight.unwrap_or(0)).map_err(tp)?;
            for (k, key) in DEVICE_KEYS.iter().enumerate() {
                let list: Vec<String> = t
                    .devices
                    .iter()
                    .filter_map(|d| device_value(d, k).map(|v| format!("{},{v}", d.path)))
                    .collect();
                p.add_string(key, &list.join(",")).map_err(tp)?;
            }
            Ok(p)
        })
    }

    pub(crate) fn set_blkio_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetBlkioParameters")?;
        validate(params, BlkioParams::SPECS).map_err(tp)?;
        self.on_defs(dom, flags, |def| {
            let t = def.blkiotune.get_or_insert_with(Default::default);
            if let Some(w) = params.get_uint("weight").map_err(tp)? {
                t.weight = Some(w);
            }
            for (k, key) in DEVICE_KEYS.iter().enumerate() {
                let Some(text) = params.get_string(key).map_err(tp)? else { continue };
                for (path, v) in parse_device_list(text, key)? {
                    let pos = t.devices.iter().position(|d| d.path == path);
                    #[allow(clippy::single_match_else)] // Found or added: one decision.
                    let dev = match pos {
                        Some(i) => &mut t.devices[i],
                        None => {
                            t.devices.push(virtkit_domxml::BlkioDevice {
                                path: path.clone(),
                                ..Default::default()
                            });
                            t.devices.last_mut().ok_or_else(|| internal("no device".into()))?
                        }
                    };
                    set_device_value(dev, k, v)?;
                }
                t.devices.retain(|d| (0..DEVICE_KEYS.len()).any(|k| device_value(d, k).is_some()));
            }
            Ok(())
        })
    }

    pub(crate) fn numa_params(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(
            flags,
            AFFECT | virtkit_typedparams::checks::STRING_OKAY,
            "testDomainGetNumaParameters",
        )?;
        self.read_def(dom, flags, |def| {
            let mem = def.numatune.as_ref().and_then(|n| n.memory.clone());
            let mode = mem
                .as_ref()
                .and_then(|m| m.mode.as_deref())
                .and_then(|m| NUMA_MODES.iter().position(|x| *x == m))
                .unwrap_or(0);
            let nodeset = mem.and_then(|m| m.nodeset).map(|s| s.to_string()).unwrap_or_default();
            let mut p = TypedParams::with_capacity(2);
            p.add_int("numa_mode", i32::try_from(mode).unwrap_or(0)).map_err(tp)?;
            p.add_string("numa_nodeset", &nodeset).map_err(tp)?;
            Ok(p)
        })
    }

    pub(crate) fn set_numa_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetNumaParameters")?;
        validate(params, NumaParams::SPECS).map_err(tp)?;
        let mode = params.get_int("numa_mode").map_err(tp)?;
        if let Some(m) = mode
            && usize::try_from(m).map_or(true, |m| m >= NUMA_MODES.len())
        {
            return Err(invalid_arg(format!("unsupported numatune mode: '{m}'")));
        }
        let nodeset = match params.get_string("numa_nodeset").map_err(tp)? {
            Some(text) => Some(
                text.parse::<virtkit_cpumap::CpuSet>()
                    .map_err(|e| invalid_arg(format!("Failed to parse bitmap '{text}': {e}")))?,
            ),
            None => None,
        };
        self.on_defs(dom, flags, |def| {
            let n = def.numatune.get_or_insert_with(Default::default);
            let m = n.memory.get_or_insert_with(Default::default);
            if let Some(mode) = mode {
                m.mode = Some(NUMA_MODES[usize::try_from(mode).unwrap_or(0)].to_owned());
            }
            if let Some(set) = &nodeset {
                m.nodeset = Some(set.clone());
            }
            Ok(())
        })
    }

    pub(crate) fn perf_events(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(flags, AFFECT, "testDomainGetPerfEvents")?;
        self.read_def(dom, flags, |def| {
            let mut p = TypedParams::with_capacity(PerfEvents::SPECS.len());
            for spec in PerfEvents::SPECS {
                let on = def
                    .perf
                    .as_ref()
                    .and_then(|perf| perf.events.iter().find(|(n, _)| n == spec.name))
                    .is_some_and(|(_, on)| *on);
                p.add_boolean(spec.name, on).map_err(tp)?;
            }
            Ok(p)
        })
    }

    pub(crate) fn set_perf_events(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, AFFECT, "testDomainSetPerfEvents")?;
        validate(params, PerfEvents::SPECS).map_err(tp)?;
        self.on_defs(dom, flags, |def| {
            let perf = def.perf.get_or_insert_with(Default::default);
            for p in params {
                let on = params.get_boolean(p.name()).map_err(tp)?.unwrap_or(false);
                match perf.events.iter_mut().find(|(n, _)| n == p.name()) {
                    Some(e) => e.1 = on,
                    None => perf.events.push((p.name().to_owned(), on)),
                }
            }
            Ok(())
        })
    }

    pub(crate) fn set_stats_period(
        &self,
        dom: &Domain,
        period: i32,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        check_flags(flags.bits(), AFFECT, "testDomainSetMemoryStatsPeriod")?;
        self.on_one_def(dom, flags.bits(), |def| {
            let Some(balloon) = memballoon(def) else {
                return Err(internal(
                    "No memory balloon device configured, can not set the collection period".into(),
                ));
            };
            let value = period.to_string();
            let existing = balloon.children.iter_mut().find_map(|n| match n {
                Node::Element(e) if e.name == "stats" => Some(e),
                _ => None,
            });
            #[allow(clippy::single_match_else)] // Found or added: one decision.
            match existing {
                Some(e) => e.set_attribute("period", value),
                None => {
                    let mut e = Element::new("stats");
                    e.set_attribute("period", value);
                    balloon.children.insert(0, Node::Element(e));
                }
            }
            Ok(())
        })
    }

    pub(crate) fn set_lifecycle_action(
        &self,
        dom: &Domain,
        type_: DomainLifecycle,
        action: DomainLifecycleAction,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        check_flags(flags.bits(), AFFECT, "testDomainSetLifecycleAction")?;
        let (act, act_name) = action_of(action);
        let coredump =
            matches!(act, LifecycleAction::CoredumpDestroy | LifecycleAction::CoredumpRestart);
        if coredump && type_ != DomainLifecycle::Crash {
            return Err(Error::new(
                ErrorCode::ConfigUnsupported,
                ErrorDomain::Domain,
                format!(
                    "Lifecycle event '{}' doesn't support '{act_name}' action",
                    lifecycle_name(type_)
                ),
            ));
        }
        self.on_defs(dom, flags.bits(), |def| {
            match type_ {
                DomainLifecycle::Poweroff => def.on_poweroff = Some(act),
                DomainLifecycle::Reboot => def.on_reboot = Some(act),
                _ => def.on_crash = Some(act),
            }
            Ok(())
        })
    }

    pub(crate) fn cpu_stats(
        &self,
        dom: &Domain,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> Result<Vec<TypedParams>> {
        check_flags(flags, virtkit_typedparams::checks::STRING_OKAY, "simDomainGetCPUStats")?;
        self.with(dom, |state, i| {
            state.tick();
            let host_cpus = state.node.max_cpus();
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let total = d.counters.cpu_time;
            if start_cpu == -1 {
                let mut p = TypedParams::with_capacity(3);
                p.add_ullong("cpu_time", total).map_err(tp)?;
                p.add_ullong("user_time", total / 4 * 3).map_err(tp)?;
                p.add_ullong("system_time", total / 4).map_err(tp)?;
                return Ok(vec![p]);
            }
            let start = u32::try_from(start_cpu).unwrap_or(u32::MAX);
            if start >= host_cpus {
                return Err(invalid_arg(format!(
                    "start_cpu {start_cpu} larger than maximum of {}",
                    host_cpus - 1
                )));
            }
            let end = start.saturating_add(ncpus).min(host_cpus);
            (start..end)
                .map(|cpu| {
                    let mut p = TypedParams::with_capacity(1);
                    let share = total / u64::from(host_cpus) + u64::from(cpu);
                    p.add_ullong("cpu_time", share).map_err(tp)?;
                    Ok(p)
                })
                .collect()
        })
    }
}
