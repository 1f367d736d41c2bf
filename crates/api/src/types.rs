//! The plain data of the domain API: UUIDs, info structures and records returned by drivers.
//!
//! Numeric fields that libvirt may extend (states, reasons, job types) are kept as libvirt's
//! numbers, with typed accessors, so a value from a newer peer is not lost.
//!
//! ```
//! use virtkit_api::types::Uuid;
//! let u: Uuid = "c7a5fdbd-edaf-9455-926a-d65c16db1809".parse()?;
//! assert_eq!(u.to_string(), "c7a5fdbd-edaf-9455-926a-d65c16db1809");
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use virtkit_typedparams::TypedParams;

use crate::domain::Domain;
use crate::enums::{CEnum, DomainJobType, DomainState, VcpuState};
use crate::error::Error;

/// A domain UUID (`VIR_UUID_BUFLEN` = 16 bytes).
///
/// Parsing follows `virUUIDParse`: leading white space is skipped, `-` and spaces may appear
/// between byte pairs, and only white space may follow the 32 hexadecimal digits. A failure
/// is `virDomainLookupByUUIDString`'s `Invalid UUID` error.
///
/// ```
/// use virtkit_api::types::Uuid;
/// let u: Uuid = "  c7a5fdbdedaf9455926ad65c16db1809 ".parse()?;
/// assert_eq!(u.as_bytes()[0], 0xc7);
/// assert!("c7a5".parse::<Uuid>().is_err());
/// # Ok::<(), virtkit_api::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    /// The 16 raw bytes.
    ///
    /// ```
    /// assert_eq!(virtkit_api::types::Uuid([7; 16]).as_bytes(), &[7; 16]);
    /// ```
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl FromStr for Uuid {
    type Err = Error;

    fn from_str(s: &str) -> Result<Uuid, Error> {
        let invalid = || Error::invalid_arg("Invalid UUID");
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut out = [0u8; 16];
        let mut n = 0;
        while n < 16 {
            match b.get(i) {
                None => return Err(invalid()),
                Some(b'-' | b' ') => i += 1,
                Some(&hi) => {
                    let hi = (hi as char).to_digit(16).ok_or_else(invalid)?;
                    let lo = b.get(i + 1).and_then(|&c| (c as char).to_digit(16));
                    let lo = lo.ok_or_else(invalid)?;
                    out[n] = (hi * 16 + lo) as u8;
                    n += 1;
                    i += 2;
                }
            }
        }
        if b[i..].iter().all(u8::is_ascii_whitespace) { Ok(Uuid(out)) } else { Err(invalid()) }
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, byte) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// `virDomainInfo`.
///
/// ```
/// use virtkit_api::{enums::DomainState, types::DomainInfo};
/// let i = DomainInfo { state: 1, max_mem: 8 << 20, memory: 2 << 20, nr_virt_cpu: 2, cpu_time: 0 };
/// assert_eq!(i.state(), Some(DomainState::Running));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DomainInfo {
    /// The state, a `virDomainState` number.
    pub state: i32,
    /// Maximum memory in KiB.
    pub max_mem: u64,
    /// Memory in use in KiB.
    pub memory: u64,
    /// Number of virtual CPUs.
    pub nr_virt_cpu: u32,
    /// CPU time used, in nanoseconds.
    pub cpu_time: u64,
}

impl DomainInfo {
    /// The state as [`DomainState`], `None` for a number this crate does not know.
    ///
    /// ```
    /// let i = virtkit_api::types::DomainInfo { state: 5, ..Default::default() };
    /// assert_eq!(i.state(), Some(virtkit_api::enums::DomainState::Shutoff));
    /// ```
    pub fn state(&self) -> Option<DomainState> {
        DomainState::from_raw(self.state)
    }
}

/// The pair `virDomainGetState` returns: a `virDomainState` and its reason, whose enum
/// depends on the state (`virDomainRunningReason`, `virDomainPausedReason`, ...).
///
/// ```
/// use virtkit_api::{enums::{DomainRunningReason, DomainState}, types::StateReason};
/// let s = StateReason { state: 1, reason: 1 };
/// assert_eq!(s.state(), Some(DomainState::Running));
/// assert_eq!(s.reason_as::<DomainRunningReason>(), Some(DomainRunningReason::Booted));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct StateReason {
    /// The state number.
    pub state: i32,
    /// The reason number.
    pub reason: i32,
}

impl StateReason {
    /// The state as [`DomainState`].
    ///
    /// ```
    /// let s = virtkit_api::types::StateReason { state: 3, reason: 0 };
    /// assert_eq!(s.state(), Some(virtkit_api::enums::DomainState::Paused));
    /// ```
    pub fn state(&self) -> Option<DomainState> {
        DomainState::from_raw(self.state)
    }

    /// The reason read as the reason enum `R` of the state.
    ///
    /// ```
    /// use virtkit_api::{enums::DomainPausedReason, types::StateReason};
    /// let s = StateReason { state: 3, reason: 1 };
    /// assert_eq!(s.reason_as::<DomainPausedReason>(), Some(DomainPausedReason::User));
    /// ```
    pub fn reason_as<R: CEnum>(&self) -> Option<R> {
        R::from_raw(self.reason)
    }
}

/// `virDomainControlInfo`.
///
/// ```
/// let c = virtkit_api::types::ControlInfo::default();
/// assert_eq!(c.state, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ControlInfo {
    /// A `virDomainControlState` number.
    pub state: i32,
    /// State details (`virDomainControlErrorReason` in the error state).
    pub details: u32,
    /// Milliseconds in the current state.
    pub state_time: u64,
}

/// `virVcpuInfo`.
///
/// ```
/// let v = virtkit_api::types::VcpuInfo { number: 0, state: 1, cpu_time: 0, cpu: 3 };
/// assert_eq!(v.state(), Some(virtkit_api::enums::VcpuState::Running));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct VcpuInfo {
    /// Virtual CPU number.
    pub number: u32,
    /// A `virVcpuState` number.
    pub state: i32,
    /// CPU time used, in nanoseconds.
    pub cpu_time: u64,
    /// Real CPU number, or -1 if offline.
    pub cpu: i32,
}

impl VcpuInfo {
    /// The state as [`VcpuState`].
    ///
    /// ```
    /// let v = virtkit_api::types::VcpuInfo { state: 0, ..Default::default() };
    /// assert_eq!(v.state(), Some(virtkit_api::enums::VcpuState::Offline));
    /// ```
    pub fn state(&self) -> Option<VcpuState> {
        VcpuState::from_raw(self.state)
    }
}

/// `virDomainGetVcpus`' result: the per-vCPU information and, when asked for, the cpumaps
/// (`maplen` bytes per vCPU).
///
/// ```
/// let v = virtkit_api::types::Vcpus::default();
/// assert!(v.info.is_empty() && v.cpumaps.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Vcpus {
    /// One entry per vCPU (at most `maxinfo`).
    pub info: Vec<VcpuInfo>,
    /// `maplen` bytes per entry of `info`, or empty when no cpumaps were requested.
    pub cpumaps: Vec<u8>,
}

/// `virDomainIOThreadInfo`.
///
/// ```
/// let t = virtkit_api::types::IOThreadInfo { iothread_id: 1, cpumap: vec![0b11] };
/// assert_eq!(t.cpumap.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct IOThreadInfo {
    /// The IOThread id.
    pub iothread_id: u32,
    /// Its byte cpumap.
    pub cpumap: Vec<u8>,
}

/// `virDomainBlockInfo`.
///
/// ```
/// let b = virtkit_api::types::BlockInfo { capacity: 10, allocation: 5, physical: 10 };
/// assert!(b.allocation <= b.capacity);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BlockInfo {
    /// Logical size in bytes.
    pub capacity: u64,
    /// Highest allocated extent in bytes.
    pub allocation: u64,
    /// Physical size in bytes.
    pub physical: u64,
}

/// `virDomainBlockStatsStruct` (fields are -1 when unknown, as libvirt pre-fills them).
///
/// ```
/// assert_eq!(virtkit_api::types::BlockStats::default().rd_req, -1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockStats {
    /// Read requests.
    pub rd_req: i64,
    /// Bytes read.
    pub rd_bytes: i64,
    /// Write requests.
    pub wr_req: i64,
    /// Bytes written.
    pub wr_bytes: i64,
    /// Errors (Xen only).
    pub errs: i64,
}

impl Default for BlockStats {
    fn default() -> BlockStats {
        BlockStats { rd_req: -1, rd_bytes: -1, wr_req: -1, wr_bytes: -1, errs: -1 }
    }
}

/// `virDomainInterfaceStatsStruct` (fields are -1 when unknown).
///
/// ```
/// assert_eq!(virtkit_api::types::InterfaceStats::default().tx_drop, -1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct InterfaceStats {
    pub rx_bytes: i64,
    pub rx_packets: i64,
    pub rx_errs: i64,
    pub rx_drop: i64,
    pub tx_bytes: i64,
    pub tx_packets: i64,
    pub tx_errs: i64,
    pub tx_drop: i64,
}

impl Default for InterfaceStats {
    fn default() -> InterfaceStats {
        InterfaceStats {
            rx_bytes: -1,
            rx_packets: -1,
            rx_errs: -1,
            rx_drop: -1,
            tx_bytes: -1,
            tx_packets: -1,
            tx_errs: -1,
            tx_drop: -1,
        }
    }
}

/// `virDomainMemoryStatStruct`: a `virDomainMemoryStatTags` number and its value.
///
/// ```
/// let s = virtkit_api::types::MemoryStat { tag: 6, val: 1024 };
/// assert_eq!(s.tag, 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MemoryStat {
    /// The tag number.
    pub tag: i32,
    /// The value.
    pub val: u64,
}

/// `virDomainJobInfo`.
///
/// ```
/// let j = virtkit_api::types::JobInfo::default();
/// assert_eq!(j.job_type(), Some(virtkit_api::enums::DomainJobType::None));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[allow(missing_docs)]
pub struct JobInfo {
    /// A `virDomainJobType` number.
    pub type_: i32,
    pub time_elapsed: u64,
    pub time_remaining: u64,
    pub data_total: u64,
    pub data_processed: u64,
    pub data_remaining: u64,
    pub mem_total: u64,
    pub mem_processed: u64,
    pub mem_remaining: u64,
    pub file_total: u64,
    pub file_processed: u64,
    pub file_remaining: u64,
}

impl JobInfo {
    /// The job type as [`DomainJobType`].
    ///
    /// ```
    /// let j = virtkit_api::types::JobInfo { type_: 2, ..Default::default() };
    /// assert_eq!(j.job_type(), Some(virtkit_api::enums::DomainJobType::Unbounded));
    /// ```
    pub fn job_type(&self) -> Option<DomainJobType> {
        DomainJobType::from_raw(self.type_)
    }
}

/// `virDomainGetJobStats`' result: the job type number and its typed parameters.
///
/// ```
/// let s = virtkit_api::types::JobStats::default();
/// assert!(s.params.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub struct JobStats {
    /// A `virDomainJobType` number.
    pub type_: i32,
    /// `VIR_DOMAIN_JOB_*` parameters.
    pub params: TypedParams,
}

/// `virDomainBlockJobInfo`.
///
/// ```
/// let b = virtkit_api::types::BlockJobInfo { type_: 1, bandwidth: 0, cur: 5, end: 10 };
/// assert!(b.cur < b.end);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BlockJobInfo {
    /// A `virDomainBlockJobType` number.
    pub type_: i32,
    /// Bandwidth limit (MiB/s unless `VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES`).
    pub bandwidth: u64,
    /// Progress so far.
    pub cur: u64,
    /// Progress at completion.
    pub end: u64,
}

/// `virDomainDiskError`.
///
/// ```
/// let d = virtkit_api::types::DiskError { disk: "vda".into(), error: 2 };
/// assert_eq!(d.disk, "vda");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DiskError {
    /// The disk target.
    pub disk: String,
    /// A `virDomainDiskErrorCode` number.
    pub error: i32,
}

/// `virSecurityLabel`.
///
/// ```
/// let l = virtkit_api::types::SecurityLabel { label: "unconfined".into(), enforcing: false };
/// assert!(!l.enforcing);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SecurityLabel {
    /// The label.
    pub label: String,
    /// Whether it is enforced.
    pub enforcing: bool,
}

/// `virDomainFSInfo`.
///
/// ```
/// let f = virtkit_api::types::FsInfo { mountpoint: "/".into(), ..Default::default() };
/// assert_eq!(f.mountpoint, "/");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FsInfo {
    /// Mount point in the guest.
    pub mountpoint: String,
    /// Device name in the guest.
    pub name: String,
    /// File system type.
    pub fstype: String,
    /// Disk device aliases.
    pub dev_alias: Vec<String>,
}

/// `virDomainIPAddress`.
///
/// ```
/// let a = virtkit_api::types::IpAddress { type_: 0, addr: "192.0.2.1".into(), prefix: 24 };
/// assert_eq!(a.prefix, 24);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct IpAddress {
    /// A `virIPAddrType` number (0 = IPv4, 1 = IPv6).
    pub type_: i32,
    /// The address.
    pub addr: String,
    /// The prefix length.
    pub prefix: u32,
}

/// `virDomainInterface`.
///
/// ```
/// let i = virtkit_api::types::Interface { name: "eth0".into(), hwaddr: None, addrs: vec![] };
/// assert!(i.addrs.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Interface {
    /// Interface name.
    pub name: String,
    /// MAC address, if known.
    pub hwaddr: Option<String>,
    /// Its addresses.
    pub addrs: Vec<IpAddress>,
}

/// `virDomainStatsRecord`: a domain and its statistics.
///
/// ```
/// fn count(records: &[virtkit_api::types::StatsRecord]) -> usize {
///     records.iter().map(|r| r.params.len()).sum()
/// }
/// assert_eq!(count(&[]), 0);
/// ```
#[derive(Clone, Debug)]
pub struct StatsRecord {
    /// The domain.
    pub dom: Domain,
    /// Its statistics.
    pub params: TypedParams,
}

/// `virDomainGetTime`'s result.
///
/// ```
/// let t = virtkit_api::types::GuestTime { seconds: 1, nseconds: 5 };
/// assert_eq!(t.seconds, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct GuestTime {
    /// Seconds since the epoch.
    pub seconds: i64,
    /// Nanoseconds.
    pub nseconds: u32,
}
