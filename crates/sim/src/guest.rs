//! What the test driver fakes about a running guest (hostname, clock, control state, file
//! systems, addresses, disk errors, security label, keys and NMIs), renaming, block
//! information and interface bandwidth (kept in the XML's `<bandwidth>`).

use virtkit_api::enums::{
    DomainEventDefinedDetailType as Defined, DomainEventType as Ev,
    DomainEventUndefinedDetailType as Undefined, DomainInterfaceAddressesSource, KeycodeSet,
};
use virtkit_api::flags::{DomainGetHostnameFlags, DomainSetTimeFlags};
use virtkit_api::types::{
    BlockInfo, ControlInfo, DiskError, FsInfo, GuestTime, Interface, IpAddress, SecurityLabel,
};
use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::{Element, Node};
use virtkit_typedparams::schema::InterfaceParams;
use virtkit_typedparams::{TypedParams, validate};

use crate::def::Def;
use crate::driver::{SimDriver, check_flags, each_def, invalid_arg, not_running, op_invalid};
use crate::host::Dom;

/// The guest clock every domain starts with in the test driver.
pub(crate) const GUEST_EPOCH: i64 = 627_319_920;

fn tp(e: virtkit_typedparams::Error) -> Error {
    e.into()
}

fn active(d: &Dom) -> Result<()> {
    if d.is_active() { Ok(()) } else { Err(not_running()) }
}

/// `(target, source file)` of each disk.
fn disks(def: &Def) -> Vec<(String, Option<String>)> {
    devices(def, "disk")
        .filter_map(|e| {
            let target = e.child("target")?.attribute("dev")?.to_owned();
            let src = e.child("source").and_then(|s| s.attribute("file")).map(str::to_owned);
            Some((target, src))
        })
        .collect()
}

fn devices<'d>(def: &'d Def, kind: &'d str) -> impl Iterator<Item = &'d Element<'static>> + 'd {
    def.devices
        .iter()
        .flat_map(|d| d.items.iter())
        .filter(move |x| x.kind() == kind)
        .map(|x| &x.element)
}

/// The `<interface>` whose target or MAC is `device`.
fn interface_mut<'d>(def: &'d mut Def, device: &str) -> Option<&'d mut Element<'static>> {
    def.devices.as_mut()?.items.iter_mut().map(|x| &mut x.element).find(|e| {
        e.name == "interface"
            && (e.child("target").and_then(|t| t.attribute("dev")) == Some(device)
                || e.child("mac").and_then(|m| m.attribute("address")) == Some(device))
    })
}

fn child_mut<'e>(e: &'e mut Element<'static>, name: &str) -> &'e mut Element<'static> {
    let pos = e.children.iter().position(|n| matches!(n, Node::Element(c) if c.name == name));
    let i = if let Some(i) = pos {
        i
    } else {
        e.children.push(Node::Element(Element::new(name.to_owned())));
        e.children.len() - 1
    };
    match &mut e.children[i] {
        Node::Element(c) => c,
        _ => unreachable!("the position of an element"),
    }
}

const BANDWIDTH_KEYS: [(&str, &str, &str); 7] = [
    ("inbound.average", "inbound", "average"),
    ("inbound.peak", "inbound", "peak"),
    ("inbound.burst", "inbound", "burst"),
    ("inbound.floor", "inbound", "floor"),
    ("outbound.average", "outbound", "average"),
    ("outbound.peak", "outbound", "peak"),
    ("outbound.burst", "outbound", "burst"),
];

fn not_an_interface(device: &str) -> Error {
    Error::new(
        ErrorCode::InvalidArg,
        ErrorDomain::Domain,
        format!("'{device}' is not a known interface"),
    )
}

impl SimDriver {
    pub(crate) fn hostname(&self, dom: &Domain, flags: DomainGetHostnameFlags) -> Result<String> {
        check_flags(flags.bits(), 0, "testDomainGetHostname")?;
        self.with(dom, |state, i| {
            active(&state.domains[i])?;
            Ok(format!("{}host", dom.name()))
        })
    }

    pub(crate) fn guest_time(&self, dom: &Domain, flags: u32) -> Result<GuestTime> {
        check_flags(flags, 0, "testDomainGetTime")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            if d.state != virtkit_api::enums::DomainState::Running {
                return Err(op_invalid("domain is not running"));
            }
            Ok(GuestTime { seconds: d.guest_time.0, nseconds: d.guest_time.1 })
        })
    }

    pub(crate) fn set_guest_time(
        &self,
        dom: &Domain,
        seconds: i64,
        nseconds: u32,
        flags: DomainSetTimeFlags,
    ) -> Result<()> {
        check_flags(flags.bits(), DomainSetTimeFlags::SYNC.bits(), "testDomainSetTime")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            active(d)?;
            d.guest_time = (seconds, nseconds);
            Ok(())
        })
    }

    /// `testDomainGetControlInfo`: the test driver derives a control state from the guest
    /// clock's seconds (a job under 10000, occupied under 30000, an error under 60000).
    pub(crate) fn control_info(&self, dom: &Domain, flags: u32) -> Result<ControlInfo> {
        check_flags(flags, 0, "testDomainGetControlInfo")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            active(d)?;
            let s = d.guest_time.0;
            let u = |v: i64| u64::try_from(v).unwrap_or(0);
            Ok(if s > 0 && s < 10_000 {
                ControlInfo { state: 1, details: 0, state_time: u(s) }
            } else if (10_000..30_000).contains(&s) {
                ControlInfo { state: 2, details: 0, state_time: u(s - 10_000) }
            } else if (30_000..60_000).contains(&s) {
                let details = u32::try_from(s % 4).unwrap_or(0);
                ControlInfo { state: 3, details, state_time: u(s - 30_000) }
            } else {
                ControlInfo { state: 0, details: 0, state_time: 0 }
            })
        })
    }

    pub(crate) fn rename(&self, dom: &Domain, new_name: &str, flags: u32) -> Result<()> {
        check_flags(flags, 0, "testDomainRename")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            if d.is_active() {
                return Err(op_invalid("cannot rename active domain"));
            }
            if !d.persistent {
                return Err(op_invalid("cannot rename a transient domain"));
            }
            if state.domains.iter().any(|o| o.name() == new_name) {
                return Err(Error::new(
                    ErrorCode::OperationInvalid,
                    ErrorDomain::Domain,
                    format!("domain with name '{new_name}' already exists"),
                ));
            }
            if new_name.contains('/') {
                return Err(Error::new(
                    ErrorCode::XmlError,
                    ErrorDomain::Test,
                    format!("name {new_name} cannot contain '/'"),
                ));
            }
            state.lifecycle(i, Ev::Undefined, Undefined::Renamed);
            state.domains[i].def.name = Some(new_name.to_owned());
            state.lifecycle(i, Ev::Defined, Defined::Renamed);
            Ok(())
        })
    }

    pub(crate) fn while_active(&self, dom: &Domain, flags: u32, func: &str) -> Result<()> {
        check_flags(flags, 0, func)?;
        self.with(dom, |state, i| active(&state.domains[i]))
    }

    pub(crate) fn send_key(
        &self,
        dom: &Domain,
        _codeset: KeycodeSet,
        _holdtime: u32,
        _keycodes: &[u32],
        flags: u32,
    ) -> Result<()> {
        self.while_active(dom, flags, "testDomainSendKey")
    }

    pub(crate) fn block_info(&self, dom: &Domain, disk: &str, flags: u32) -> Result<BlockInfo> {
        check_flags(flags, 0, "testDomainGetBlockInfo")?;
        self.with(dom, |state, i| {
            let found = disks(&state.domains[i].def)
                .iter()
                .any(|(t, s)| t == disk || s.as_deref() == Some(disk));
            if !found {
                return Err(invalid_arg(format!("invalid path {disk} not assigned to domain")));
            }
            // The test driver's fixed answer: a 1 TiB image, 5 MiB of it free.
            Ok(BlockInfo {
                capacity: 1_099_506_450_432,
                allocation: 1_099_511_627_776,
                physical: 1_099_511_627_776,
            })
        })
    }

    pub(crate) fn disk_errors(&self, dom: &Domain, flags: u32) -> Result<Vec<DiskError>> {
        check_flags(flags, 0, "testDomainGetDiskErrors")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            active(d)?;
            // As the test driver: every disk reports an error, alternately "unspecified" and
            // "no space".
            Ok(disks(&d.def)
                .into_iter()
                .enumerate()
                .map(|(k, (disk, _))| DiskError {
                    disk,
                    error: i32::try_from(k % 2).unwrap_or(0) + 1,
                })
                .collect())
        })
    }

    pub(crate) fn security_label(&self, dom: &Domain) -> Result<SecurityLabel> {
        self.with(dom, |state, i| {
            Ok(if state.domains[i].is_active() {
                SecurityLabel { label: "libvirt-test".to_owned(), enforcing: true }
            } else {
                SecurityLabel { label: String::new(), enforcing: false }
            })
        })
    }

    pub(crate) fn fs_info(&self, dom: &Domain, flags: u32) -> Result<Vec<FsInfo>> {
        check_flags(flags, 0, "testDomainGetFSInfo")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            active(d)?;
            let Some((first, _)) = disks(&d.def).into_iter().next() else { return Ok(Vec::new()) };
            Ok([("/", 1), ("/boot", 2)]
                .into_iter()
                .map(|(mp, part)| FsInfo {
                    mountpoint: mp.to_owned(),
                    name: format!("{first}{part}"),
                    fstype: "ext4".to_owned(),
                    dev_alias: vec![first.clone()],
                })
                .collect())
        })
    }

    pub(crate) fn interface_addresses(
        &self,
        dom: &Domain,
        _source: DomainInterfaceAddressesSource,
        flags: u32,
    ) -> Result<Vec<Interface>> {
        check_flags(flags, 0, "testDomainInterfaceAddresses")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            active(d)?;
            let base = 20 * (i64::from(d.id) - 1) + 3;
            Ok(devices(&d.def, "interface")
                .enumerate()
                .filter_map(|(k, e)| {
                    let name = e.child("target")?.attribute("dev")?.to_owned();
                    let hwaddr =
                        e.child("mac").and_then(|m| m.attribute("address")).map(str::to_owned);
                    let host = base + i64::try_from(k).unwrap_or(0);
                    Some(Interface {
                        name,
                        hwaddr,
                        addrs: vec![IpAddress {
                            type_: 0,
                            addr: format!("192.168.122.{host}"),
                            prefix: 24,
                        }],
                    })
                })
                .collect())
        })
    }

    pub(crate) fn interface_params(
        &self,
        dom: &Domain,
        device: &str,
        flags: u32,
    ) -> Result<TypedParams> {
        check_flags(
            flags,
            3 | virtkit_typedparams::checks::STRING_OKAY,
            "testDomainGetInterfaceParameters",
        )?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            let live = crate::driver::one_def(d, flags & 3)?;
            let def = if live { &d.def } else { d.persistent_def() };
            let iface = devices(def, "interface")
                .find(|e| {
                    e.child("target").and_then(|t| t.attribute("dev")) == Some(device)
                        || e.child("mac").and_then(|m| m.attribute("address")) == Some(device)
                })
                .ok_or_else(|| not_an_interface(device))?;
            let bw = iface.child("bandwidth");
            let mut p = TypedParams::with_capacity(7);
            for (key, dir, attr) in BANDWIDTH_KEYS {
                let v = bw
                    .and_then(|b| b.child(dir))
                    .and_then(|e| e.attribute(attr))
                    .and_then(|v| v.parse::<u32>().ok())
                    .unwrap_or(0);
                p.add_uint(key, v).map_err(tp)?;
            }
            Ok(p)
        })
    }

    pub(crate) fn set_interface_params(
        &self,
        dom: &Domain,
        device: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, 3, "testDomainSetInterfaceParameters")?;
        validate(params, InterfaceParams::SPECS).map_err(tp)?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            each_def(d, flags, |def, _| {
                let iface = interface_mut(def, device).ok_or_else(|| not_an_interface(device))?;
                let bw = child_mut(iface, "bandwidth");
                for (key, dir, attr) in BANDWIDTH_KEYS {
                    if let Some(v) = params.get_uint(key).map_err(tp)? {
                        child_mut(bw, dir).set_attribute(attr, v.to_string());
                    }
                }
                // As libvirt: a direction without an average rate is dropped.
                bw.children.retain(|n| match n {
                    Node::Element(e) => e.attribute("average").is_some_and(|a| a != "0"),
                    _ => true,
                });
                Ok(())
            })
        })
    }
}
