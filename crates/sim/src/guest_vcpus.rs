//! The guest's own view of its vCPUs (`virDomainGetGuestVcpus` / `virDomainSetGuestVcpus`),
//! which libvirt answers through the QEMU guest agent. libvirt 9.0's test driver has neither
//! call; the sim follows the QEMU driver's checks and messages and models a Linux guest: it
//! sees the domain's online vCPUs (ids `0..n`), all online when it starts, every one
//! offlinable but vCPU 0.

use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_cpumap::CpuSet;
use virtkit_typedparams::TypedParams;

use crate::def::vcpus_current;
use crate::driver::{SimDriver, check_flags, not_running};
use crate::host::Dom;

/// `QEMU_GUEST_VCPU_MAX_ID`: the bound of the cpu list `virDomainSetGuestVcpus` takes.
const GUEST_VCPU_MAX_ID: u32 = 4096;

/// `qemuDomainAgentAvailable`: the agent answers only while the guest runs.
fn agent_available(d: &Dom) -> Result<()> {
    if d.state == virtkit_api::enums::DomainState::Running { Ok(()) } else { Err(not_running()) }
}

/// What the guest agent reports: `(vcpus, online, offlinable)`.
fn guest_view(d: &Dom) -> (CpuSet, CpuSet, CpuSet) {
    let (mut vcpus, mut online, mut offlinable) = (CpuSet::new(), CpuSet::new(), CpuSet::new());
    for id in 0..vcpus_current(&d.def) {
        vcpus.insert(id);
        if !d.guest_offline.contains(id) {
            online.insert(id);
        }
        if id != 0 {
            offlinable.insert(id);
        }
    }
    (vcpus, online, offlinable)
}

impl SimDriver {
    /// `qemuDomainGetGuestVcpus`: the `vcpus`, `online` and `offlinable` cpu lists.
    pub(crate) fn guest_vcpus(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        check_flags(flags, 0, "simDomainGetGuestVcpus")?;
        self.with(dom, |state, i| {
            let d = &state.domains[i];
            agent_available(d)?;
            let (vcpus, online, offlinable) = guest_view(d);
            let mut p = TypedParams::with_capacity(3);
            for (name, set) in [("vcpus", vcpus), ("online", online), ("offlinable", offlinable)] {
                p.add_string(name, &set.to_string()).map_err(Error::from)?;
            }
            Ok(p)
        })
    }

    /// `qemuDomainSetGuestVcpus`: brings the listed guest vCPUs online or offline, all or
    /// none.
    pub(crate) fn set_guest_vcpus(
        &self,
        dom: &Domain,
        cpumap: &str,
        online: bool,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, 0, "simDomainSetGuestVcpus")?;
        let mut map = CpuSet::parse_with_bound(cpumap, GUEST_VCPU_MAX_ID).map_err(|_| {
            Error::new(
                ErrorCode::InvalidArg,
                ErrorDomain::None,
                format!("Failed to parse bitmap '{cpumap}'"),
            )
        })?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            agent_available(d)?;
            let (vcpus, _, offlinable) = guest_view(d);
            let mut offline = d.guest_offline.clone();
            for id in &vcpus {
                if !map.contains(id) {
                    continue;
                }
                if !online && !offlinable.contains(id) {
                    return Err(Error::new(
                        ErrorCode::OperationUnsupported,
                        ErrorDomain::Test,
                        format!("vCPU '{id}' is not offlinable"),
                    ));
                }
                if online {
                    offline.remove(id);
                } else {
                    offline.insert(id);
                }
                map.remove(id);
            }
            if !map.is_empty() {
                return Err(Error::new(
                    ErrorCode::InvalidArg,
                    ErrorDomain::Test,
                    format!("guest is missing vCPUs '{map}'"),
                ));
            }
            d.guest_offline = offline;
            Ok(())
        })
    }
}
