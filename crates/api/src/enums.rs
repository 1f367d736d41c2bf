//! libvirt's enumerations of the domain API, with their numeric values (libvirt 9.0's
//! `libvirt-api.xml`, written out as code).
//!
//! Every enum implements [`CEnum`]: [`CEnum::from_raw`] maps libvirt's number to a variant
//! (`None` for a value a newer libvirt may send; callers that must keep such values hold the
//! raw number), [`CEnum::raw`] gives the number back, [`CEnum::c_name`] the C constant and
//! [`CEnum::LAST`] libvirt's `*_LAST` sentinel (the bound the entry points check against).
//!
//! ```
//! use virtkit_api::enums::{CEnum, DomainState};
//! assert_eq!(DomainState::from_raw(3), Some(DomainState::Paused));
//! assert_eq!(DomainState::Paused.raw(), 3);
//! assert_eq!(DomainState::from_raw(99), None);
//! ```

/// A C enumeration of libvirt: a variant per known value.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainLifecycleAction};
/// assert_eq!(DomainLifecycleAction::LAST, 6);
/// assert_eq!(DomainLifecycleAction::Restart.c_name(), "VIR_DOMAIN_LIFECYCLE_ACTION_RESTART");
/// ```
pub trait CEnum: Sized + Copy + 'static {
    /// libvirt's `*_LAST` sentinel: one more than the highest value this libvirt knows.
    const LAST: i32;
    /// Every known variant, in numeric order.
    const ALL: &'static [Self];

    /// The variant with libvirt's number `raw`, or `None` for an unknown value.
    ///
    /// ```
    /// use virtkit_api::enums::{CEnum, DomainEventID};
    /// assert_eq!(DomainEventID::from_raw(0), Some(DomainEventID::Lifecycle));
    /// ```
    fn from_raw(raw: i32) -> Option<Self>;

    /// libvirt's number of this variant.
    ///
    /// ```
    /// use virtkit_api::enums::{CEnum, DomainState};
    /// assert_eq!(DomainState::Shutoff.raw(), 5);
    /// ```
    fn raw(self) -> i32;

    /// The C constant's name.
    ///
    /// ```
    /// use virtkit_api::enums::{CEnum, DomainState};
    /// assert_eq!(DomainState::Running.c_name(), "VIR_DOMAIN_RUNNING");
    /// ```
    fn c_name(self) -> &'static str;
}

macro_rules! c_enum {
    ($ty:ident, $last:expr; $($path:path => $value:expr, $name:literal;)*) => {
        impl CEnum for $ty {
            const LAST: i32 = $last;
            const ALL: &'static [Self] = &[$($path),*];
            fn from_raw(raw: i32) -> Option<Self> {
                match raw {
                    $($value => Some($path),)*
                    _ => None,
                }
            }
            fn raw(self) -> i32 {
                self as i32
            }
            fn c_name(self) -> &'static str {
                match self {
                    $($path => $name,)*
                }
            }
        }
        impl TryFrom<i32> for $ty {
            type Error = i32;
            fn try_from(raw: i32) -> Result<Self, i32> {
                <$ty as CEnum>::from_raw(raw).ok_or(raw)
            }
        }
        impl From<$ty> for i32 {
            fn from(v: $ty) -> i32 {
                v as i32
            }
        }
    };
}
pub(crate) use c_enum;

/// `virBlkioParameterType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, BlkioParameterType};
/// assert_eq!(BlkioParameterType::from_raw(1), Some(BlkioParameterType::Int));
/// assert_eq!(BlkioParameterType::Int.c_name(), "VIR_DOMAIN_BLKIO_PARAM_INT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum BlkioParameterType {
    /// `VIR_DOMAIN_BLKIO_PARAM_INT` (1).
    Int = 1,
    /// `VIR_DOMAIN_BLKIO_PARAM_UINT` (2).
    Uint = 2,
    /// `VIR_DOMAIN_BLKIO_PARAM_LLONG` (3).
    Llong = 3,
    /// `VIR_DOMAIN_BLKIO_PARAM_ULLONG` (4).
    Ullong = 4,
    /// `VIR_DOMAIN_BLKIO_PARAM_DOUBLE` (5).
    Double = 5,
    /// `VIR_DOMAIN_BLKIO_PARAM_BOOLEAN` (6).
    Boolean = 6,
}
c_enum!(BlkioParameterType, 7;
    BlkioParameterType::Int => 1, "VIR_DOMAIN_BLKIO_PARAM_INT";
    BlkioParameterType::Uint => 2, "VIR_DOMAIN_BLKIO_PARAM_UINT";
    BlkioParameterType::Llong => 3, "VIR_DOMAIN_BLKIO_PARAM_LLONG";
    BlkioParameterType::Ullong => 4, "VIR_DOMAIN_BLKIO_PARAM_ULLONG";
    BlkioParameterType::Double => 5, "VIR_DOMAIN_BLKIO_PARAM_DOUBLE";
    BlkioParameterType::Boolean => 6, "VIR_DOMAIN_BLKIO_PARAM_BOOLEAN";);

/// `virConnectDomainEventAgentLifecycleReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, ConnectDomainEventAgentLifecycleReason};
/// assert_eq!(ConnectDomainEventAgentLifecycleReason::from_raw(0), Some(ConnectDomainEventAgentLifecycleReason::Unknown));
/// assert_eq!(ConnectDomainEventAgentLifecycleReason::Unknown.c_name(), "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ConnectDomainEventAgentLifecycleReason {
    /// `VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN` (0): unknown state change reason
    Unknown = 0,
    /// `VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED` (1): state changed due to domain start
    DomainStarted = 1,
    /// `VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_CHANNEL` (2): channel state changed
    Channel = 2,
}
c_enum!(ConnectDomainEventAgentLifecycleReason, 3;
    ConnectDomainEventAgentLifecycleReason::Unknown => 0, "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN";
    ConnectDomainEventAgentLifecycleReason::DomainStarted => 1, "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED";
    ConnectDomainEventAgentLifecycleReason::Channel => 2, "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_CHANNEL";);

/// `virConnectDomainEventAgentLifecycleState` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, ConnectDomainEventAgentLifecycleState};
/// assert_eq!(ConnectDomainEventAgentLifecycleState::from_raw(1), Some(ConnectDomainEventAgentLifecycleState::Connected));
/// assert_eq!(ConnectDomainEventAgentLifecycleState::Connected.c_name(), "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ConnectDomainEventAgentLifecycleState {
    /// `VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED` (1): agent connected
    Connected = 1,
    /// `VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED` (2): agent disconnected
    Disconnected = 2,
}
c_enum!(ConnectDomainEventAgentLifecycleState, 3;
    ConnectDomainEventAgentLifecycleState::Connected => 1, "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED";
    ConnectDomainEventAgentLifecycleState::Disconnected => 2, "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED";);

/// `virConnectDomainEventBlockJobStatus` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, ConnectDomainEventBlockJobStatus};
/// assert_eq!(ConnectDomainEventBlockJobStatus::from_raw(0), Some(ConnectDomainEventBlockJobStatus::Completed));
/// assert_eq!(ConnectDomainEventBlockJobStatus::Completed.c_name(), "VIR_DOMAIN_BLOCK_JOB_COMPLETED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ConnectDomainEventBlockJobStatus {
    /// `VIR_DOMAIN_BLOCK_JOB_COMPLETED` (0).
    Completed = 0,
    /// `VIR_DOMAIN_BLOCK_JOB_FAILED` (1).
    Failed = 1,
    /// `VIR_DOMAIN_BLOCK_JOB_CANCELED` (2).
    Canceled = 2,
    /// `VIR_DOMAIN_BLOCK_JOB_READY` (3).
    Ready = 3,
}
c_enum!(ConnectDomainEventBlockJobStatus, 4;
    ConnectDomainEventBlockJobStatus::Completed => 0, "VIR_DOMAIN_BLOCK_JOB_COMPLETED";
    ConnectDomainEventBlockJobStatus::Failed => 1, "VIR_DOMAIN_BLOCK_JOB_FAILED";
    ConnectDomainEventBlockJobStatus::Canceled => 2, "VIR_DOMAIN_BLOCK_JOB_CANCELED";
    ConnectDomainEventBlockJobStatus::Ready => 3, "VIR_DOMAIN_BLOCK_JOB_READY";);

/// `virConnectDomainEventDiskChangeReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, ConnectDomainEventDiskChangeReason};
/// assert_eq!(ConnectDomainEventDiskChangeReason::from_raw(0), Some(ConnectDomainEventDiskChangeReason::ChangeMissingOnStart));
/// assert_eq!(ConnectDomainEventDiskChangeReason::ChangeMissingOnStart.c_name(), "VIR_DOMAIN_EVENT_DISK_CHANGE_MISSING_ON_START");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ConnectDomainEventDiskChangeReason {
    /// `VIR_DOMAIN_EVENT_DISK_CHANGE_MISSING_ON_START` (0): Removable media changed to empty according to startup policy as source was missing. oldSrcPath is set, newSrcPath is NULL
    ChangeMissingOnStart = 0,
    /// `VIR_DOMAIN_EVENT_DISK_DROP_MISSING_ON_START` (1): Disk was dropped from domain as source file was missing. oldSrcPath is set, newSrcPath is NULL
    DropMissingOnStart = 1,
}
c_enum!(ConnectDomainEventDiskChangeReason, 2;
    ConnectDomainEventDiskChangeReason::ChangeMissingOnStart => 0, "VIR_DOMAIN_EVENT_DISK_CHANGE_MISSING_ON_START";
    ConnectDomainEventDiskChangeReason::DropMissingOnStart => 1, "VIR_DOMAIN_EVENT_DISK_DROP_MISSING_ON_START";);

/// `virDomainAgentResponseTimeoutValues` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainAgentResponseTimeoutValues};
/// assert_eq!(DomainAgentResponseTimeoutValues::from_raw(-2), Some(DomainAgentResponseTimeoutValues::Block));
/// assert_eq!(DomainAgentResponseTimeoutValues::Block.c_name(), "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainAgentResponseTimeoutValues {
    /// `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK` (-2).
    Block = -2,
    /// `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT` (-1).
    Default = -1,
    /// `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_NOWAIT` (0).
    Nowait = 0,
}
c_enum!(DomainAgentResponseTimeoutValues, 1;
    DomainAgentResponseTimeoutValues::Block => -2, "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK";
    DomainAgentResponseTimeoutValues::Default => -1, "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT";
    DomainAgentResponseTimeoutValues::Nowait => 0, "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_NOWAIT";);

/// `virDomainBlockJobType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainBlockJobType};
/// assert_eq!(DomainBlockJobType::from_raw(0), Some(DomainBlockJobType::Unknown));
/// assert_eq!(DomainBlockJobType::Unknown.c_name(), "VIR_DOMAIN_BLOCK_JOB_TYPE_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainBlockJobType {
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_UNKNOWN` (0): Placeholder
    Unknown = 0,
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_PULL` (1): Block Pull (virDomainBlockPull, or virDomainBlockRebase without flags), job ends on completion
    Pull = 1,
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_COPY` (2): Block Copy (virDomainBlockCopy, or virDomainBlockRebase with flags), job exists as long as mirroring is active
    Copy = 2,
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_COMMIT` (3): Block Commit (virDomainBlockCommit without flags), job ends on completion
    Commit = 3,
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT` (4): Active Block Commit (virDomainBlockCommit with flags), job exists as long as sync is active
    ActiveCommit = 4,
    /// `VIR_DOMAIN_BLOCK_JOB_TYPE_BACKUP` (5): Backup (virDomainBackupBegin)
    Backup = 5,
}
c_enum!(DomainBlockJobType, 6;
    DomainBlockJobType::Unknown => 0, "VIR_DOMAIN_BLOCK_JOB_TYPE_UNKNOWN";
    DomainBlockJobType::Pull => 1, "VIR_DOMAIN_BLOCK_JOB_TYPE_PULL";
    DomainBlockJobType::Copy => 2, "VIR_DOMAIN_BLOCK_JOB_TYPE_COPY";
    DomainBlockJobType::Commit => 3, "VIR_DOMAIN_BLOCK_JOB_TYPE_COMMIT";
    DomainBlockJobType::ActiveCommit => 4, "VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT";
    DomainBlockJobType::Backup => 5, "VIR_DOMAIN_BLOCK_JOB_TYPE_BACKUP";);

/// `virDomainBlockedReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainBlockedReason};
/// assert_eq!(DomainBlockedReason::from_raw(0), Some(DomainBlockedReason::Unknown));
/// assert_eq!(DomainBlockedReason::Unknown.c_name(), "VIR_DOMAIN_BLOCKED_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainBlockedReason {
    /// `VIR_DOMAIN_BLOCKED_UNKNOWN` (0): the reason is unknown
    Unknown = 0,
}
c_enum!(DomainBlockedReason, 1;
    DomainBlockedReason::Unknown => 0, "VIR_DOMAIN_BLOCKED_UNKNOWN";);

/// `virDomainControlErrorReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainControlErrorReason};
/// assert_eq!(DomainControlErrorReason::from_raw(0), Some(DomainControlErrorReason::None));
/// assert_eq!(DomainControlErrorReason::None.c_name(), "VIR_DOMAIN_CONTROL_ERROR_REASON_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainControlErrorReason {
    /// `VIR_DOMAIN_CONTROL_ERROR_REASON_NONE` (0): server didn't provide a reason
    None = 0,
    /// `VIR_DOMAIN_CONTROL_ERROR_REASON_UNKNOWN` (1): unknown reason for the error
    Unknown = 1,
    /// `VIR_DOMAIN_CONTROL_ERROR_REASON_MONITOR` (2): monitor connection is broken
    Monitor = 2,
    /// `VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL` (3): error caused due to internal failure in libvirt
    Internal = 3,
}
c_enum!(DomainControlErrorReason, 4;
    DomainControlErrorReason::None => 0, "VIR_DOMAIN_CONTROL_ERROR_REASON_NONE";
    DomainControlErrorReason::Unknown => 1, "VIR_DOMAIN_CONTROL_ERROR_REASON_UNKNOWN";
    DomainControlErrorReason::Monitor => 2, "VIR_DOMAIN_CONTROL_ERROR_REASON_MONITOR";
    DomainControlErrorReason::Internal => 3, "VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL";);

/// `virDomainControlState` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainControlState};
/// assert_eq!(DomainControlState::from_raw(0), Some(DomainControlState::Ok));
/// assert_eq!(DomainControlState::Ok.c_name(), "VIR_DOMAIN_CONTROL_OK");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainControlState {
    /// `VIR_DOMAIN_CONTROL_OK` (0): operational, ready to accept commands
    Ok = 0,
    /// `VIR_DOMAIN_CONTROL_JOB` (1): background job is running (can be monitored by virDomainGetJobInfo); only limited set of commands may be allowed
    Job = 1,
    /// `VIR_DOMAIN_CONTROL_OCCUPIED` (2): occupied by a running command
    Occupied = 2,
    /// `VIR_DOMAIN_CONTROL_ERROR` (3): unusable, domain cannot be fully operated, possible reason is provided in the details field
    Error = 3,
}
c_enum!(DomainControlState, 4;
    DomainControlState::Ok => 0, "VIR_DOMAIN_CONTROL_OK";
    DomainControlState::Job => 1, "VIR_DOMAIN_CONTROL_JOB";
    DomainControlState::Occupied => 2, "VIR_DOMAIN_CONTROL_OCCUPIED";
    DomainControlState::Error => 3, "VIR_DOMAIN_CONTROL_ERROR";);

/// `virDomainCoreDumpFormat` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainCoreDumpFormat};
/// assert_eq!(DomainCoreDumpFormat::from_raw(0), Some(DomainCoreDumpFormat::Raw));
/// assert_eq!(DomainCoreDumpFormat::Raw.c_name(), "VIR_DOMAIN_CORE_DUMP_FORMAT_RAW");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainCoreDumpFormat {
    /// `VIR_DOMAIN_CORE_DUMP_FORMAT_RAW` (0): dump guest memory in raw format
    Raw = 0,
    /// `VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB` (1): kdump-compressed format, with zlib compression
    KdumpZlib = 1,
    /// `VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_LZO` (2): kdump-compressed format, with lzo compression
    KdumpLzo = 2,
    /// `VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_SNAPPY` (3): kdump-compressed format, with snappy compression
    KdumpSnappy = 3,
    /// `VIR_DOMAIN_CORE_DUMP_FORMAT_WIN_DMP` (4): Windows full crashdump format
    WinDmp = 4,
}
c_enum!(DomainCoreDumpFormat, 5;
    DomainCoreDumpFormat::Raw => 0, "VIR_DOMAIN_CORE_DUMP_FORMAT_RAW";
    DomainCoreDumpFormat::KdumpZlib => 1, "VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB";
    DomainCoreDumpFormat::KdumpLzo => 2, "VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_LZO";
    DomainCoreDumpFormat::KdumpSnappy => 3, "VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_SNAPPY";
    DomainCoreDumpFormat::WinDmp => 4, "VIR_DOMAIN_CORE_DUMP_FORMAT_WIN_DMP";);

/// `virDomainCrashedReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainCrashedReason};
/// assert_eq!(DomainCrashedReason::from_raw(0), Some(DomainCrashedReason::Unknown));
/// assert_eq!(DomainCrashedReason::Unknown.c_name(), "VIR_DOMAIN_CRASHED_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainCrashedReason {
    /// `VIR_DOMAIN_CRASHED_UNKNOWN` (0): crashed for unknown reason
    Unknown = 0,
    /// `VIR_DOMAIN_CRASHED_PANICKED` (1): domain panicked
    Panicked = 1,
}
c_enum!(DomainCrashedReason, 2;
    DomainCrashedReason::Unknown => 0, "VIR_DOMAIN_CRASHED_UNKNOWN";
    DomainCrashedReason::Panicked => 1, "VIR_DOMAIN_CRASHED_PANICKED";);

/// `virDomainDirtyRateStatus` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainDirtyRateStatus};
/// assert_eq!(DomainDirtyRateStatus::from_raw(0), Some(DomainDirtyRateStatus::Unstarted));
/// assert_eq!(DomainDirtyRateStatus::Unstarted.c_name(), "VIR_DOMAIN_DIRTYRATE_UNSTARTED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainDirtyRateStatus {
    /// `VIR_DOMAIN_DIRTYRATE_UNSTARTED` (0): the dirtyrate calculation has not been started
    Unstarted = 0,
    /// `VIR_DOMAIN_DIRTYRATE_MEASURING` (1): the dirtyrate calculation is measuring
    Measuring = 1,
    /// `VIR_DOMAIN_DIRTYRATE_MEASURED` (2): the dirtyrate calculation is completed
    Measured = 2,
}
c_enum!(DomainDirtyRateStatus, 3;
    DomainDirtyRateStatus::Unstarted => 0, "VIR_DOMAIN_DIRTYRATE_UNSTARTED";
    DomainDirtyRateStatus::Measuring => 1, "VIR_DOMAIN_DIRTYRATE_MEASURING";
    DomainDirtyRateStatus::Measured => 2, "VIR_DOMAIN_DIRTYRATE_MEASURED";);

/// `virDomainDiskErrorCode` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainDiskErrorCode};
/// assert_eq!(DomainDiskErrorCode::from_raw(0), Some(DomainDiskErrorCode::None));
/// assert_eq!(DomainDiskErrorCode::None.c_name(), "VIR_DOMAIN_DISK_ERROR_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainDiskErrorCode {
    /// `VIR_DOMAIN_DISK_ERROR_NONE` (0): no error
    None = 0,
    /// `VIR_DOMAIN_DISK_ERROR_UNSPEC` (1): unspecified I/O error
    Unspec = 1,
    /// `VIR_DOMAIN_DISK_ERROR_NO_SPACE` (2): no space left on the device
    NoSpace = 2,
}
c_enum!(DomainDiskErrorCode, 3;
    DomainDiskErrorCode::None => 0, "VIR_DOMAIN_DISK_ERROR_NONE";
    DomainDiskErrorCode::Unspec => 1, "VIR_DOMAIN_DISK_ERROR_UNSPEC";
    DomainDiskErrorCode::NoSpace => 2, "VIR_DOMAIN_DISK_ERROR_NO_SPACE";);

/// `virDomainEventCrashedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventCrashedDetailType};
/// assert_eq!(DomainEventCrashedDetailType::from_raw(0), Some(DomainEventCrashedDetailType::Panicked));
/// assert_eq!(DomainEventCrashedDetailType::Panicked.c_name(), "VIR_DOMAIN_EVENT_CRASHED_PANICKED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventCrashedDetailType {
    /// `VIR_DOMAIN_EVENT_CRASHED_PANICKED` (0): Guest was panicked
    Panicked = 0,
    /// `VIR_DOMAIN_EVENT_CRASHED_CRASHLOADED` (1): Guest was crashloaded
    Crashloaded = 1,
}
c_enum!(DomainEventCrashedDetailType, 2;
    DomainEventCrashedDetailType::Panicked => 0, "VIR_DOMAIN_EVENT_CRASHED_PANICKED";
    DomainEventCrashedDetailType::Crashloaded => 1, "VIR_DOMAIN_EVENT_CRASHED_CRASHLOADED";);

/// `virDomainEventDefinedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventDefinedDetailType};
/// assert_eq!(DomainEventDefinedDetailType::from_raw(0), Some(DomainEventDefinedDetailType::Added));
/// assert_eq!(DomainEventDefinedDetailType::Added.c_name(), "VIR_DOMAIN_EVENT_DEFINED_ADDED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventDefinedDetailType {
    /// `VIR_DOMAIN_EVENT_DEFINED_ADDED` (0): Newly created config file
    Added = 0,
    /// `VIR_DOMAIN_EVENT_DEFINED_UPDATED` (1): Changed config file
    Updated = 1,
    /// `VIR_DOMAIN_EVENT_DEFINED_RENAMED` (2): Domain was renamed
    Renamed = 2,
    /// `VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT` (3): Config was restored from a snapshot
    FromSnapshot = 3,
}
c_enum!(DomainEventDefinedDetailType, 4;
    DomainEventDefinedDetailType::Added => 0, "VIR_DOMAIN_EVENT_DEFINED_ADDED";
    DomainEventDefinedDetailType::Updated => 1, "VIR_DOMAIN_EVENT_DEFINED_UPDATED";
    DomainEventDefinedDetailType::Renamed => 2, "VIR_DOMAIN_EVENT_DEFINED_RENAMED";
    DomainEventDefinedDetailType::FromSnapshot => 3, "VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT";);

/// `virDomainEventGraphicsAddressType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventGraphicsAddressType};
/// assert_eq!(DomainEventGraphicsAddressType::from_raw(0), Some(DomainEventGraphicsAddressType::Ipv4));
/// assert_eq!(DomainEventGraphicsAddressType::Ipv4.c_name(), "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV4");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventGraphicsAddressType {
    /// `VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV4` (0): IPv4 address
    Ipv4 = 0,
    /// `VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV6` (1): IPv6 address
    Ipv6 = 1,
    /// `VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_UNIX` (2): UNIX socket path
    Unix = 2,
}
c_enum!(DomainEventGraphicsAddressType, 3;
    DomainEventGraphicsAddressType::Ipv4 => 0, "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV4";
    DomainEventGraphicsAddressType::Ipv6 => 1, "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV6";
    DomainEventGraphicsAddressType::Unix => 2, "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_UNIX";);

/// `virDomainEventGraphicsPhase` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventGraphicsPhase};
/// assert_eq!(DomainEventGraphicsPhase::from_raw(0), Some(DomainEventGraphicsPhase::Connect));
/// assert_eq!(DomainEventGraphicsPhase::Connect.c_name(), "VIR_DOMAIN_EVENT_GRAPHICS_CONNECT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventGraphicsPhase {
    /// `VIR_DOMAIN_EVENT_GRAPHICS_CONNECT` (0): Initial socket connection established
    Connect = 0,
    /// `VIR_DOMAIN_EVENT_GRAPHICS_INITIALIZE` (1): Authentication & setup completed
    Initialize = 1,
    /// `VIR_DOMAIN_EVENT_GRAPHICS_DISCONNECT` (2): Final socket disconnection
    Disconnect = 2,
}
c_enum!(DomainEventGraphicsPhase, 3;
    DomainEventGraphicsPhase::Connect => 0, "VIR_DOMAIN_EVENT_GRAPHICS_CONNECT";
    DomainEventGraphicsPhase::Initialize => 1, "VIR_DOMAIN_EVENT_GRAPHICS_INITIALIZE";
    DomainEventGraphicsPhase::Disconnect => 2, "VIR_DOMAIN_EVENT_GRAPHICS_DISCONNECT";);

/// `virDomainEventID` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventID};
/// assert_eq!(DomainEventID::from_raw(0), Some(DomainEventID::Lifecycle));
/// assert_eq!(DomainEventID::Lifecycle.c_name(), "VIR_DOMAIN_EVENT_ID_LIFECYCLE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventID {
    /// `VIR_DOMAIN_EVENT_ID_LIFECYCLE` (0): virConnectDomainEventCallback
    Lifecycle = 0,
    /// `VIR_DOMAIN_EVENT_ID_REBOOT` (1): virConnectDomainEventGenericCallback
    Reboot = 1,
    /// `VIR_DOMAIN_EVENT_ID_RTC_CHANGE` (2): virConnectDomainEventRTCChangeCallback
    RtcChange = 2,
    /// `VIR_DOMAIN_EVENT_ID_WATCHDOG` (3): virConnectDomainEventWatchdogCallback
    Watchdog = 3,
    /// `VIR_DOMAIN_EVENT_ID_IO_ERROR` (4): virConnectDomainEventIOErrorCallback
    IoError = 4,
    /// `VIR_DOMAIN_EVENT_ID_GRAPHICS` (5): virConnectDomainEventGraphicsCallback
    Graphics = 5,
    /// `VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON` (6): virConnectDomainEventIOErrorReasonCallback
    IoErrorReason = 6,
    /// `VIR_DOMAIN_EVENT_ID_CONTROL_ERROR` (7): virConnectDomainEventGenericCallback
    ControlError = 7,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_JOB` (8): virConnectDomainEventBlockJobCallback
    BlockJob = 8,
    /// `VIR_DOMAIN_EVENT_ID_DISK_CHANGE` (9): virConnectDomainEventDiskChangeCallback
    DiskChange = 9,
    /// `VIR_DOMAIN_EVENT_ID_TRAY_CHANGE` (10): virConnectDomainEventTrayChangeCallback
    TrayChange = 10,
    /// `VIR_DOMAIN_EVENT_ID_PMWAKEUP` (11): virConnectDomainEventPMWakeupCallback
    Pmwakeup = 11,
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND` (12): virConnectDomainEventPMSuspendCallback
    Pmsuspend = 12,
    /// `VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE` (13): virConnectDomainEventBalloonChangeCallback
    BalloonChange = 13,
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK` (14): virConnectDomainEventPMSuspendDiskCallback
    PmsuspendDisk = 14,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED` (15): virConnectDomainEventDeviceRemovedCallback
    DeviceRemoved = 15,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2` (16): virConnectDomainEventBlockJobCallback
    BlockJob2 = 16,
    /// `VIR_DOMAIN_EVENT_ID_TUNABLE` (17): virConnectDomainEventTunableCallback
    Tunable = 17,
    /// `VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE` (18): virConnectDomainEventAgentLifecycleCallback
    AgentLifecycle = 18,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_ADDED` (19): virConnectDomainEventDeviceAddedCallback
    DeviceAdded = 19,
    /// `VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION` (20): virConnectDomainEventMigrationIterationCallback
    MigrationIteration = 20,
    /// `VIR_DOMAIN_EVENT_ID_JOB_COMPLETED` (21): virConnectDomainEventJobCompletedCallback
    JobCompleted = 21,
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED` (22): virConnectDomainEventDeviceRemovalFailedCallback
    DeviceRemovalFailed = 22,
    /// `VIR_DOMAIN_EVENT_ID_METADATA_CHANGE` (23): virConnectDomainEventMetadataChangeCallback
    MetadataChange = 23,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD` (24): virConnectDomainEventBlockThresholdCallback
    BlockThreshold = 24,
    /// `VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE` (25): virConnectDomainEventMemoryFailureCallback
    MemoryFailure = 25,
    /// `VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE` (26): virConnectDomainEventMemoryDeviceSizeChangeCallback
    MemoryDeviceSizeChange = 26,
}
c_enum!(DomainEventID, 27;
    DomainEventID::Lifecycle => 0, "VIR_DOMAIN_EVENT_ID_LIFECYCLE";
    DomainEventID::Reboot => 1, "VIR_DOMAIN_EVENT_ID_REBOOT";
    DomainEventID::RtcChange => 2, "VIR_DOMAIN_EVENT_ID_RTC_CHANGE";
    DomainEventID::Watchdog => 3, "VIR_DOMAIN_EVENT_ID_WATCHDOG";
    DomainEventID::IoError => 4, "VIR_DOMAIN_EVENT_ID_IO_ERROR";
    DomainEventID::Graphics => 5, "VIR_DOMAIN_EVENT_ID_GRAPHICS";
    DomainEventID::IoErrorReason => 6, "VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON";
    DomainEventID::ControlError => 7, "VIR_DOMAIN_EVENT_ID_CONTROL_ERROR";
    DomainEventID::BlockJob => 8, "VIR_DOMAIN_EVENT_ID_BLOCK_JOB";
    DomainEventID::DiskChange => 9, "VIR_DOMAIN_EVENT_ID_DISK_CHANGE";
    DomainEventID::TrayChange => 10, "VIR_DOMAIN_EVENT_ID_TRAY_CHANGE";
    DomainEventID::Pmwakeup => 11, "VIR_DOMAIN_EVENT_ID_PMWAKEUP";
    DomainEventID::Pmsuspend => 12, "VIR_DOMAIN_EVENT_ID_PMSUSPEND";
    DomainEventID::BalloonChange => 13, "VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE";
    DomainEventID::PmsuspendDisk => 14, "VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK";
    DomainEventID::DeviceRemoved => 15, "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED";
    DomainEventID::BlockJob2 => 16, "VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2";
    DomainEventID::Tunable => 17, "VIR_DOMAIN_EVENT_ID_TUNABLE";
    DomainEventID::AgentLifecycle => 18, "VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE";
    DomainEventID::DeviceAdded => 19, "VIR_DOMAIN_EVENT_ID_DEVICE_ADDED";
    DomainEventID::MigrationIteration => 20, "VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION";
    DomainEventID::JobCompleted => 21, "VIR_DOMAIN_EVENT_ID_JOB_COMPLETED";
    DomainEventID::DeviceRemovalFailed => 22, "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED";
    DomainEventID::MetadataChange => 23, "VIR_DOMAIN_EVENT_ID_METADATA_CHANGE";
    DomainEventID::BlockThreshold => 24, "VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD";
    DomainEventID::MemoryFailure => 25, "VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE";
    DomainEventID::MemoryDeviceSizeChange => 26, "VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE";);

/// `virDomainEventIOErrorAction` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventIOErrorAction};
/// assert_eq!(DomainEventIOErrorAction::from_raw(0), Some(DomainEventIOErrorAction::None));
/// assert_eq!(DomainEventIOErrorAction::None.c_name(), "VIR_DOMAIN_EVENT_IO_ERROR_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventIOErrorAction {
    /// `VIR_DOMAIN_EVENT_IO_ERROR_NONE` (0): No action, IO error ignored
    None = 0,
    /// `VIR_DOMAIN_EVENT_IO_ERROR_PAUSE` (1): Guest CPUs are paused
    Pause = 1,
    /// `VIR_DOMAIN_EVENT_IO_ERROR_REPORT` (2): IO error reported to guest OS
    Report = 2,
}
c_enum!(DomainEventIOErrorAction, 3;
    DomainEventIOErrorAction::None => 0, "VIR_DOMAIN_EVENT_IO_ERROR_NONE";
    DomainEventIOErrorAction::Pause => 1, "VIR_DOMAIN_EVENT_IO_ERROR_PAUSE";
    DomainEventIOErrorAction::Report => 2, "VIR_DOMAIN_EVENT_IO_ERROR_REPORT";);

/// `virDomainEventPMSuspendedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventPMSuspendedDetailType};
/// assert_eq!(DomainEventPMSuspendedDetailType::from_raw(0), Some(DomainEventPMSuspendedDetailType::Memory));
/// assert_eq!(DomainEventPMSuspendedDetailType::Memory.c_name(), "VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventPMSuspendedDetailType {
    /// `VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY` (0): Guest was PM suspended to memory
    Memory = 0,
    /// `VIR_DOMAIN_EVENT_PMSUSPENDED_DISK` (1): Guest was PM suspended to disk
    Disk = 1,
}
c_enum!(DomainEventPMSuspendedDetailType, 2;
    DomainEventPMSuspendedDetailType::Memory => 0, "VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY";
    DomainEventPMSuspendedDetailType::Disk => 1, "VIR_DOMAIN_EVENT_PMSUSPENDED_DISK";);

/// `virDomainEventResumedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventResumedDetailType};
/// assert_eq!(DomainEventResumedDetailType::from_raw(0), Some(DomainEventResumedDetailType::Unpaused));
/// assert_eq!(DomainEventResumedDetailType::Unpaused.c_name(), "VIR_DOMAIN_EVENT_RESUMED_UNPAUSED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventResumedDetailType {
    /// `VIR_DOMAIN_EVENT_RESUMED_UNPAUSED` (0): Normal resume due to admin unpause
    Unpaused = 0,
    /// `VIR_DOMAIN_EVENT_RESUMED_MIGRATED` (1): Resumed for completion of migration
    Migrated = 1,
    /// `VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT` (2): Resumed from snapshot
    FromSnapshot = 2,
    /// `VIR_DOMAIN_EVENT_RESUMED_POSTCOPY` (3): Resumed, but migration is still running in post-copy mode
    Postcopy = 3,
    /// `VIR_DOMAIN_EVENT_RESUMED_POSTCOPY_FAILED` (4): Running, but migration failed in post-copy
    PostcopyFailed = 4,
}
c_enum!(DomainEventResumedDetailType, 5;
    DomainEventResumedDetailType::Unpaused => 0, "VIR_DOMAIN_EVENT_RESUMED_UNPAUSED";
    DomainEventResumedDetailType::Migrated => 1, "VIR_DOMAIN_EVENT_RESUMED_MIGRATED";
    DomainEventResumedDetailType::FromSnapshot => 2, "VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT";
    DomainEventResumedDetailType::Postcopy => 3, "VIR_DOMAIN_EVENT_RESUMED_POSTCOPY";
    DomainEventResumedDetailType::PostcopyFailed => 4, "VIR_DOMAIN_EVENT_RESUMED_POSTCOPY_FAILED";);

/// `virDomainEventShutdownDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventShutdownDetailType};
/// assert_eq!(DomainEventShutdownDetailType::from_raw(0), Some(DomainEventShutdownDetailType::Finished));
/// assert_eq!(DomainEventShutdownDetailType::Finished.c_name(), "VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventShutdownDetailType {
    /// `VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED` (0): Guest finished shutdown sequence
    Finished = 0,
    /// `VIR_DOMAIN_EVENT_SHUTDOWN_GUEST` (1): Domain finished shutting down after request from the guest itself (e.g. hardware-specific action)
    Guest = 1,
    /// `VIR_DOMAIN_EVENT_SHUTDOWN_HOST` (2): Domain finished shutting down after request from the host (e.g. killed by a signal)
    Host = 2,
}
c_enum!(DomainEventShutdownDetailType, 3;
    DomainEventShutdownDetailType::Finished => 0, "VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED";
    DomainEventShutdownDetailType::Guest => 1, "VIR_DOMAIN_EVENT_SHUTDOWN_GUEST";
    DomainEventShutdownDetailType::Host => 2, "VIR_DOMAIN_EVENT_SHUTDOWN_HOST";);

/// `virDomainEventStartedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventStartedDetailType};
/// assert_eq!(DomainEventStartedDetailType::from_raw(0), Some(DomainEventStartedDetailType::Booted));
/// assert_eq!(DomainEventStartedDetailType::Booted.c_name(), "VIR_DOMAIN_EVENT_STARTED_BOOTED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventStartedDetailType {
    /// `VIR_DOMAIN_EVENT_STARTED_BOOTED` (0): Normal startup from boot
    Booted = 0,
    /// `VIR_DOMAIN_EVENT_STARTED_MIGRATED` (1): Incoming migration from another host
    Migrated = 1,
    /// `VIR_DOMAIN_EVENT_STARTED_RESTORED` (2): Restored from a state file
    Restored = 2,
    /// `VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT` (3): Restored from snapshot
    FromSnapshot = 3,
    /// `VIR_DOMAIN_EVENT_STARTED_WAKEUP` (4): Started due to wakeup event
    Wakeup = 4,
}
c_enum!(DomainEventStartedDetailType, 5;
    DomainEventStartedDetailType::Booted => 0, "VIR_DOMAIN_EVENT_STARTED_BOOTED";
    DomainEventStartedDetailType::Migrated => 1, "VIR_DOMAIN_EVENT_STARTED_MIGRATED";
    DomainEventStartedDetailType::Restored => 2, "VIR_DOMAIN_EVENT_STARTED_RESTORED";
    DomainEventStartedDetailType::FromSnapshot => 3, "VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT";
    DomainEventStartedDetailType::Wakeup => 4, "VIR_DOMAIN_EVENT_STARTED_WAKEUP";);

/// `virDomainEventStoppedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventStoppedDetailType};
/// assert_eq!(DomainEventStoppedDetailType::from_raw(0), Some(DomainEventStoppedDetailType::Shutdown));
/// assert_eq!(DomainEventStoppedDetailType::Shutdown.c_name(), "VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventStoppedDetailType {
    /// `VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN` (0): Normal shutdown
    Shutdown = 0,
    /// `VIR_DOMAIN_EVENT_STOPPED_DESTROYED` (1): Forced poweroff from host
    Destroyed = 1,
    /// `VIR_DOMAIN_EVENT_STOPPED_CRASHED` (2): Guest crashed
    Crashed = 2,
    /// `VIR_DOMAIN_EVENT_STOPPED_MIGRATED` (3): Migrated off to another host
    Migrated = 3,
    /// `VIR_DOMAIN_EVENT_STOPPED_SAVED` (4): Saved to a state file
    Saved = 4,
    /// `VIR_DOMAIN_EVENT_STOPPED_FAILED` (5): Host emulator/mgmt failed
    Failed = 5,
    /// `VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT` (6): offline snapshot loaded
    FromSnapshot = 6,
}
c_enum!(DomainEventStoppedDetailType, 7;
    DomainEventStoppedDetailType::Shutdown => 0, "VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN";
    DomainEventStoppedDetailType::Destroyed => 1, "VIR_DOMAIN_EVENT_STOPPED_DESTROYED";
    DomainEventStoppedDetailType::Crashed => 2, "VIR_DOMAIN_EVENT_STOPPED_CRASHED";
    DomainEventStoppedDetailType::Migrated => 3, "VIR_DOMAIN_EVENT_STOPPED_MIGRATED";
    DomainEventStoppedDetailType::Saved => 4, "VIR_DOMAIN_EVENT_STOPPED_SAVED";
    DomainEventStoppedDetailType::Failed => 5, "VIR_DOMAIN_EVENT_STOPPED_FAILED";
    DomainEventStoppedDetailType::FromSnapshot => 6, "VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT";);

/// `virDomainEventSuspendedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventSuspendedDetailType};
/// assert_eq!(DomainEventSuspendedDetailType::from_raw(0), Some(DomainEventSuspendedDetailType::Paused));
/// assert_eq!(DomainEventSuspendedDetailType::Paused.c_name(), "VIR_DOMAIN_EVENT_SUSPENDED_PAUSED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventSuspendedDetailType {
    /// `VIR_DOMAIN_EVENT_SUSPENDED_PAUSED` (0): Normal suspend due to admin pause
    Paused = 0,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_MIGRATED` (1): Suspended for offline migration
    Migrated = 1,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_IOERROR` (2): Suspended due to a disk I/O error
    Ioerror = 2,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG` (3): Suspended due to a watchdog firing
    Watchdog = 3,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_RESTORED` (4): Restored from paused state file
    Restored = 4,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT` (5): Restored from paused snapshot
    FromSnapshot = 5,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR` (6): suspended after failure during libvirt API call
    ApiError = 6,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY` (7): suspended for post-copy migration
    Postcopy = 7,
    /// `VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY_FAILED` (8): suspended after failed post-copy
    PostcopyFailed = 8,
}
c_enum!(DomainEventSuspendedDetailType, 9;
    DomainEventSuspendedDetailType::Paused => 0, "VIR_DOMAIN_EVENT_SUSPENDED_PAUSED";
    DomainEventSuspendedDetailType::Migrated => 1, "VIR_DOMAIN_EVENT_SUSPENDED_MIGRATED";
    DomainEventSuspendedDetailType::Ioerror => 2, "VIR_DOMAIN_EVENT_SUSPENDED_IOERROR";
    DomainEventSuspendedDetailType::Watchdog => 3, "VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG";
    DomainEventSuspendedDetailType::Restored => 4, "VIR_DOMAIN_EVENT_SUSPENDED_RESTORED";
    DomainEventSuspendedDetailType::FromSnapshot => 5, "VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT";
    DomainEventSuspendedDetailType::ApiError => 6, "VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR";
    DomainEventSuspendedDetailType::Postcopy => 7, "VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY";
    DomainEventSuspendedDetailType::PostcopyFailed => 8, "VIR_DOMAIN_EVENT_SUSPENDED_POSTCOPY_FAILED";);

/// `virDomainEventTrayChangeReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventTrayChangeReason};
/// assert_eq!(DomainEventTrayChangeReason::from_raw(0), Some(DomainEventTrayChangeReason::Open));
/// assert_eq!(DomainEventTrayChangeReason::Open.c_name(), "VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventTrayChangeReason {
    /// `VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN` (0).
    Open = 0,
    /// `VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE` (1).
    Close = 1,
}
c_enum!(DomainEventTrayChangeReason, 2;
    DomainEventTrayChangeReason::Open => 0, "VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN";
    DomainEventTrayChangeReason::Close => 1, "VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE";);

/// `virDomainEventType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventType};
/// assert_eq!(DomainEventType::from_raw(0), Some(DomainEventType::Defined));
/// assert_eq!(DomainEventType::Defined.c_name(), "VIR_DOMAIN_EVENT_DEFINED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventType {
    /// `VIR_DOMAIN_EVENT_DEFINED` (0).
    Defined = 0,
    /// `VIR_DOMAIN_EVENT_UNDEFINED` (1).
    Undefined = 1,
    /// `VIR_DOMAIN_EVENT_STARTED` (2).
    Started = 2,
    /// `VIR_DOMAIN_EVENT_SUSPENDED` (3).
    Suspended = 3,
    /// `VIR_DOMAIN_EVENT_RESUMED` (4).
    Resumed = 4,
    /// `VIR_DOMAIN_EVENT_STOPPED` (5).
    Stopped = 5,
    /// `VIR_DOMAIN_EVENT_SHUTDOWN` (6).
    Shutdown = 6,
    /// `VIR_DOMAIN_EVENT_PMSUSPENDED` (7).
    Pmsuspended = 7,
    /// `VIR_DOMAIN_EVENT_CRASHED` (8).
    Crashed = 8,
}
c_enum!(DomainEventType, 9;
    DomainEventType::Defined => 0, "VIR_DOMAIN_EVENT_DEFINED";
    DomainEventType::Undefined => 1, "VIR_DOMAIN_EVENT_UNDEFINED";
    DomainEventType::Started => 2, "VIR_DOMAIN_EVENT_STARTED";
    DomainEventType::Suspended => 3, "VIR_DOMAIN_EVENT_SUSPENDED";
    DomainEventType::Resumed => 4, "VIR_DOMAIN_EVENT_RESUMED";
    DomainEventType::Stopped => 5, "VIR_DOMAIN_EVENT_STOPPED";
    DomainEventType::Shutdown => 6, "VIR_DOMAIN_EVENT_SHUTDOWN";
    DomainEventType::Pmsuspended => 7, "VIR_DOMAIN_EVENT_PMSUSPENDED";
    DomainEventType::Crashed => 8, "VIR_DOMAIN_EVENT_CRASHED";);

/// `virDomainEventUndefinedDetailType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventUndefinedDetailType};
/// assert_eq!(DomainEventUndefinedDetailType::from_raw(0), Some(DomainEventUndefinedDetailType::Removed));
/// assert_eq!(DomainEventUndefinedDetailType::Removed.c_name(), "VIR_DOMAIN_EVENT_UNDEFINED_REMOVED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventUndefinedDetailType {
    /// `VIR_DOMAIN_EVENT_UNDEFINED_REMOVED` (0): Deleted the config file
    Removed = 0,
    /// `VIR_DOMAIN_EVENT_UNDEFINED_RENAMED` (1): Domain was renamed
    Renamed = 1,
}
c_enum!(DomainEventUndefinedDetailType, 2;
    DomainEventUndefinedDetailType::Removed => 0, "VIR_DOMAIN_EVENT_UNDEFINED_REMOVED";
    DomainEventUndefinedDetailType::Renamed => 1, "VIR_DOMAIN_EVENT_UNDEFINED_RENAMED";);

/// `virDomainEventWatchdogAction` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainEventWatchdogAction};
/// assert_eq!(DomainEventWatchdogAction::from_raw(0), Some(DomainEventWatchdogAction::None));
/// assert_eq!(DomainEventWatchdogAction::None.c_name(), "VIR_DOMAIN_EVENT_WATCHDOG_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainEventWatchdogAction {
    /// `VIR_DOMAIN_EVENT_WATCHDOG_NONE` (0): No action, watchdog ignored
    None = 0,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_PAUSE` (1): Guest CPUs are paused
    Pause = 1,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_RESET` (2): Guest CPUs are reset
    Reset = 2,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_POWEROFF` (3): Guest is forcibly powered off
    Poweroff = 3,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_SHUTDOWN` (4): Guest is requested to gracefully shutdown
    Shutdown = 4,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_DEBUG` (5): No action, a debug message logged
    Debug = 5,
    /// `VIR_DOMAIN_EVENT_WATCHDOG_INJECTNMI` (6): Inject a non-maskable interrupt into guest
    Injectnmi = 6,
}
c_enum!(DomainEventWatchdogAction, 7;
    DomainEventWatchdogAction::None => 0, "VIR_DOMAIN_EVENT_WATCHDOG_NONE";
    DomainEventWatchdogAction::Pause => 1, "VIR_DOMAIN_EVENT_WATCHDOG_PAUSE";
    DomainEventWatchdogAction::Reset => 2, "VIR_DOMAIN_EVENT_WATCHDOG_RESET";
    DomainEventWatchdogAction::Poweroff => 3, "VIR_DOMAIN_EVENT_WATCHDOG_POWEROFF";
    DomainEventWatchdogAction::Shutdown => 4, "VIR_DOMAIN_EVENT_WATCHDOG_SHUTDOWN";
    DomainEventWatchdogAction::Debug => 5, "VIR_DOMAIN_EVENT_WATCHDOG_DEBUG";
    DomainEventWatchdogAction::Injectnmi => 6, "VIR_DOMAIN_EVENT_WATCHDOG_INJECTNMI";);

/// `virDomainGuestInfoTypes` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainGuestInfoTypes};
/// assert_eq!(DomainGuestInfoTypes::from_raw(1), Some(DomainGuestInfoTypes::Users));
/// assert_eq!(DomainGuestInfoTypes::Users.c_name(), "VIR_DOMAIN_GUEST_INFO_USERS");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainGuestInfoTypes {
    /// `VIR_DOMAIN_GUEST_INFO_USERS` (1): return active users
    Users = 1,
    /// `VIR_DOMAIN_GUEST_INFO_OS` (2): return OS information
    Os = 2,
    /// `VIR_DOMAIN_GUEST_INFO_TIMEZONE` (4): return timezone information
    Timezone = 4,
    /// `VIR_DOMAIN_GUEST_INFO_HOSTNAME` (8): return hostname information
    Hostname = 8,
    /// `VIR_DOMAIN_GUEST_INFO_FILESYSTEM` (16): return filesystem information
    Filesystem = 16,
    /// `VIR_DOMAIN_GUEST_INFO_DISKS` (32): return disks information
    Disks = 32,
    /// `VIR_DOMAIN_GUEST_INFO_INTERFACES` (64): return interfaces information
    Interfaces = 64,
}
c_enum!(DomainGuestInfoTypes, 65;
    DomainGuestInfoTypes::Users => 1, "VIR_DOMAIN_GUEST_INFO_USERS";
    DomainGuestInfoTypes::Os => 2, "VIR_DOMAIN_GUEST_INFO_OS";
    DomainGuestInfoTypes::Timezone => 4, "VIR_DOMAIN_GUEST_INFO_TIMEZONE";
    DomainGuestInfoTypes::Hostname => 8, "VIR_DOMAIN_GUEST_INFO_HOSTNAME";
    DomainGuestInfoTypes::Filesystem => 16, "VIR_DOMAIN_GUEST_INFO_FILESYSTEM";
    DomainGuestInfoTypes::Disks => 32, "VIR_DOMAIN_GUEST_INFO_DISKS";
    DomainGuestInfoTypes::Interfaces => 64, "VIR_DOMAIN_GUEST_INFO_INTERFACES";);

/// `virDomainInterfaceAddressesSource` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainInterfaceAddressesSource};
/// assert_eq!(DomainInterfaceAddressesSource::from_raw(0), Some(DomainInterfaceAddressesSource::Lease));
/// assert_eq!(DomainInterfaceAddressesSource::Lease.c_name(), "VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainInterfaceAddressesSource {
    /// `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE` (0): Parse DHCP lease file
    Lease = 0,
    /// `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT` (1): Query qemu guest agent
    Agent = 1,
    /// `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP` (2): Query ARP tables
    Arp = 2,
}
c_enum!(DomainInterfaceAddressesSource, 3;
    DomainInterfaceAddressesSource::Lease => 0, "VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE";
    DomainInterfaceAddressesSource::Agent => 1, "VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT";
    DomainInterfaceAddressesSource::Arp => 2, "VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP";);

/// `virDomainJobOperation` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainJobOperation};
/// assert_eq!(DomainJobOperation::from_raw(0), Some(DomainJobOperation::Unknown));
/// assert_eq!(DomainJobOperation::Unknown.c_name(), "VIR_DOMAIN_JOB_OPERATION_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainJobOperation {
    /// `VIR_DOMAIN_JOB_OPERATION_UNKNOWN` (0).
    Unknown = 0,
    /// `VIR_DOMAIN_JOB_OPERATION_START` (1).
    Start = 1,
    /// `VIR_DOMAIN_JOB_OPERATION_SAVE` (2).
    Save = 2,
    /// `VIR_DOMAIN_JOB_OPERATION_RESTORE` (3).
    Restore = 3,
    /// `VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN` (4).
    MigrationIn = 4,
    /// `VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT` (5).
    MigrationOut = 5,
    /// `VIR_DOMAIN_JOB_OPERATION_SNAPSHOT` (6).
    Snapshot = 6,
    /// `VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_REVERT` (7).
    SnapshotRevert = 7,
    /// `VIR_DOMAIN_JOB_OPERATION_DUMP` (8).
    Dump = 8,
    /// `VIR_DOMAIN_JOB_OPERATION_BACKUP` (9).
    Backup = 9,
    /// `VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_DELETE` (10).
    SnapshotDelete = 10,
}
c_enum!(DomainJobOperation, 11;
    DomainJobOperation::Unknown => 0, "VIR_DOMAIN_JOB_OPERATION_UNKNOWN";
    DomainJobOperation::Start => 1, "VIR_DOMAIN_JOB_OPERATION_START";
    DomainJobOperation::Save => 2, "VIR_DOMAIN_JOB_OPERATION_SAVE";
    DomainJobOperation::Restore => 3, "VIR_DOMAIN_JOB_OPERATION_RESTORE";
    DomainJobOperation::MigrationIn => 4, "VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN";
    DomainJobOperation::MigrationOut => 5, "VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT";
    DomainJobOperation::Snapshot => 6, "VIR_DOMAIN_JOB_OPERATION_SNAPSHOT";
    DomainJobOperation::SnapshotRevert => 7, "VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_REVERT";
    DomainJobOperation::Dump => 8, "VIR_DOMAIN_JOB_OPERATION_DUMP";
    DomainJobOperation::Backup => 9, "VIR_DOMAIN_JOB_OPERATION_BACKUP";
    DomainJobOperation::SnapshotDelete => 10, "VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_DELETE";);

/// `virDomainJobType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainJobType};
/// assert_eq!(DomainJobType::from_raw(0), Some(DomainJobType::None));
/// assert_eq!(DomainJobType::None.c_name(), "VIR_DOMAIN_JOB_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainJobType {
    /// `VIR_DOMAIN_JOB_NONE` (0): No job is active
    None = 0,
    /// `VIR_DOMAIN_JOB_BOUNDED` (1): Job with a finite completion time
    Bounded = 1,
    /// `VIR_DOMAIN_JOB_UNBOUNDED` (2): Job without a finite completion time
    Unbounded = 2,
    /// `VIR_DOMAIN_JOB_COMPLETED` (3): Job has finished, but isn't cleaned up
    Completed = 3,
    /// `VIR_DOMAIN_JOB_FAILED` (4): Job hit error, but isn't cleaned up
    Failed = 4,
    /// `VIR_DOMAIN_JOB_CANCELLED` (5): Job was aborted, but isn't cleaned up
    Cancelled = 5,
}
c_enum!(DomainJobType, 6;
    DomainJobType::None => 0, "VIR_DOMAIN_JOB_NONE";
    DomainJobType::Bounded => 1, "VIR_DOMAIN_JOB_BOUNDED";
    DomainJobType::Unbounded => 2, "VIR_DOMAIN_JOB_UNBOUNDED";
    DomainJobType::Completed => 3, "VIR_DOMAIN_JOB_COMPLETED";
    DomainJobType::Failed => 4, "VIR_DOMAIN_JOB_FAILED";
    DomainJobType::Cancelled => 5, "VIR_DOMAIN_JOB_CANCELLED";);

/// `virDomainLifecycle` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainLifecycle};
/// assert_eq!(DomainLifecycle::from_raw(0), Some(DomainLifecycle::Poweroff));
/// assert_eq!(DomainLifecycle::Poweroff.c_name(), "VIR_DOMAIN_LIFECYCLE_POWEROFF");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainLifecycle {
    /// `VIR_DOMAIN_LIFECYCLE_POWEROFF` (0).
    Poweroff = 0,
    /// `VIR_DOMAIN_LIFECYCLE_REBOOT` (1).
    Reboot = 1,
    /// `VIR_DOMAIN_LIFECYCLE_CRASH` (2).
    Crash = 2,
}
c_enum!(DomainLifecycle, 3;
    DomainLifecycle::Poweroff => 0, "VIR_DOMAIN_LIFECYCLE_POWEROFF";
    DomainLifecycle::Reboot => 1, "VIR_DOMAIN_LIFECYCLE_REBOOT";
    DomainLifecycle::Crash => 2, "VIR_DOMAIN_LIFECYCLE_CRASH";);

/// `virDomainLifecycleAction` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainLifecycleAction};
/// assert_eq!(DomainLifecycleAction::from_raw(0), Some(DomainLifecycleAction::Destroy));
/// assert_eq!(DomainLifecycleAction::Destroy.c_name(), "VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainLifecycleAction {
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY` (0).
    Destroy = 0,
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_RESTART` (1).
    Restart = 1,
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME` (2).
    RestartRename = 2,
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE` (3).
    Preserve = 3,
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY` (4).
    CoredumpDestroy = 4,
    /// `VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART` (5).
    CoredumpRestart = 5,
}
c_enum!(DomainLifecycleAction, 6;
    DomainLifecycleAction::Destroy => 0, "VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY";
    DomainLifecycleAction::Restart => 1, "VIR_DOMAIN_LIFECYCLE_ACTION_RESTART";
    DomainLifecycleAction::RestartRename => 2, "VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME";
    DomainLifecycleAction::Preserve => 3, "VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE";
    DomainLifecycleAction::CoredumpDestroy => 4, "VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY";
    DomainLifecycleAction::CoredumpRestart => 5, "VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART";);

/// `virDomainMemoryFailureActionType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainMemoryFailureActionType};
/// assert_eq!(DomainMemoryFailureActionType::from_raw(0), Some(DomainMemoryFailureActionType::Ignore));
/// assert_eq!(DomainMemoryFailureActionType::Ignore.c_name(), "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_IGNORE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainMemoryFailureActionType {
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_IGNORE` (0): the memory failure could be ignored. This will only be the case for action-optional failures.
    Ignore = 0,
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_INJECT` (1): memory failure occurred in guest memory, the guest enabled MCE handling mechanism, and hypervisor could inject the MCE into the guest successfully.
    Inject = 1,
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_FATAL` (2): the failure is unrecoverable. This occurs for action-required failures if the recipient is the hypervisor; hypervisor will exit.
    Fatal = 2,
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_RESET` (3): the failure is unrecoverable but confined to the guest. This occurs if the recipient is a guest which is not ready to handle memory failures.
    Reset = 3,
}
c_enum!(DomainMemoryFailureActionType, 4;
    DomainMemoryFailureActionType::Ignore => 0, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_IGNORE";
    DomainMemoryFailureActionType::Inject => 1, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_INJECT";
    DomainMemoryFailureActionType::Fatal => 2, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_FATAL";
    DomainMemoryFailureActionType::Reset => 3, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_RESET";);

/// `virDomainMemoryFailureRecipientType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainMemoryFailureRecipientType};
/// assert_eq!(DomainMemoryFailureRecipientType::from_raw(0), Some(DomainMemoryFailureRecipientType::Hypervisor));
/// assert_eq!(DomainMemoryFailureRecipientType::Hypervisor.c_name(), "VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_HYPERVISOR");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainMemoryFailureRecipientType {
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_HYPERVISOR` (0): memory failure at hypersivor memory address space
    Hypervisor = 0,
    /// `VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_GUEST` (1): memory failure at guest memory address space
    Guest = 1,
}
c_enum!(DomainMemoryFailureRecipientType, 2;
    DomainMemoryFailureRecipientType::Hypervisor => 0, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_HYPERVISOR";
    DomainMemoryFailureRecipientType::Guest => 1, "VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_GUEST";);

/// `virDomainMemoryStatTags` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainMemoryStatTags};
/// assert_eq!(DomainMemoryStatTags::from_raw(0), Some(DomainMemoryStatTags::SwapIn));
/// assert_eq!(DomainMemoryStatTags::SwapIn.c_name(), "VIR_DOMAIN_MEMORY_STAT_SWAP_IN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainMemoryStatTags {
    /// `VIR_DOMAIN_MEMORY_STAT_SWAP_IN` (0): The total amount of data read from swap space (in kB).
    SwapIn = 0,
    /// `VIR_DOMAIN_MEMORY_STAT_SWAP_OUT` (1): The total amount of memory written out to swap space (in kB).
    SwapOut = 1,
    /// `VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT` (2): Page faults occur when a process makes a valid access to virtual memory that is not available. When servicing the page fault, if disk IO is required, it is considered a major fault. If not, it is a minor fault. These are expressed as the number of faults that have occurred.
    MajorFault = 2,
    /// `VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT` (3).
    MinorFault = 3,
    /// `VIR_DOMAIN_MEMORY_STAT_UNUSED` (4): The amount of memory left completely unused by the system. Memory that is available but used for reclaimable caches should NOT be reported as free. This value is expressed in kB.
    Unused = 4,
    /// `VIR_DOMAIN_MEMORY_STAT_AVAILABLE` (5): The total amount of usable memory as seen by the domain. This value may be less than the amount of memory assigned to the domain if a balloon driver is in use or if the guest OS does not initialize all assigned pages. This value is expressed in kB.
    Available = 5,
    /// `VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON` (6): Current balloon value (in KB).
    ActualBalloon = 6,
    /// `VIR_DOMAIN_MEMORY_STAT_RSS` (7): Resident Set Size of the process running the domain. This value is in kB
    Rss = 7,
    /// `VIR_DOMAIN_MEMORY_STAT_USABLE` (8): How much the balloon can be inflated without pushing the guest system to swap, corresponds to 'Available' in /proc/meminfo
    Usable = 8,
    /// `VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE` (9): Timestamp of the last update of statistics, in seconds.
    LastUpdate = 9,
    /// `VIR_DOMAIN_MEMORY_STAT_DISK_CACHES` (10): The amount of memory, that can be quickly reclaimed without additional I/O (in kB). Typically these pages are used for caching files from disk.
    DiskCaches = 10,
    /// `VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC` (11): The number of successful huge page allocations from inside the domain via virtio balloon.
    HugetlbPgalloc = 11,
    /// `VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL` (12): The number of failed huge page allocations from inside the domain via virtio balloon.
    HugetlbPgfail = 12,
    /// `VIR_DOMAIN_MEMORY_STAT_NR` (13): The number of statistics supported by this version of the interface. To add new statistics, add them to the enum and increase this value.
    Nr = 13,
}
c_enum!(DomainMemoryStatTags, 13;
    DomainMemoryStatTags::SwapIn => 0, "VIR_DOMAIN_MEMORY_STAT_SWAP_IN";
    DomainMemoryStatTags::SwapOut => 1, "VIR_DOMAIN_MEMORY_STAT_SWAP_OUT";
    DomainMemoryStatTags::MajorFault => 2, "VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT";
    DomainMemoryStatTags::MinorFault => 3, "VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT";
    DomainMemoryStatTags::Unused => 4, "VIR_DOMAIN_MEMORY_STAT_UNUSED";
    DomainMemoryStatTags::Available => 5, "VIR_DOMAIN_MEMORY_STAT_AVAILABLE";
    DomainMemoryStatTags::ActualBalloon => 6, "VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON";
    DomainMemoryStatTags::Rss => 7, "VIR_DOMAIN_MEMORY_STAT_RSS";
    DomainMemoryStatTags::Usable => 8, "VIR_DOMAIN_MEMORY_STAT_USABLE";
    DomainMemoryStatTags::LastUpdate => 9, "VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE";
    DomainMemoryStatTags::DiskCaches => 10, "VIR_DOMAIN_MEMORY_STAT_DISK_CACHES";
    DomainMemoryStatTags::HugetlbPgalloc => 11, "VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC";
    DomainMemoryStatTags::HugetlbPgfail => 12, "VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL";
    DomainMemoryStatTags::Nr => 13, "VIR_DOMAIN_MEMORY_STAT_NR";);

/// `virDomainMessageType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainMessageType};
/// assert_eq!(DomainMessageType::from_raw(1), Some(DomainMessageType::Deprecation));
/// assert_eq!(DomainMessageType::Deprecation.c_name(), "VIR_DOMAIN_MESSAGE_DEPRECATION");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainMessageType {
    /// `VIR_DOMAIN_MESSAGE_DEPRECATION` (1).
    Deprecation = 1,
    /// `VIR_DOMAIN_MESSAGE_TAINTING` (2).
    Tainting = 2,
}
c_enum!(DomainMessageType, 3;
    DomainMessageType::Deprecation => 1, "VIR_DOMAIN_MESSAGE_DEPRECATION";
    DomainMessageType::Tainting => 2, "VIR_DOMAIN_MESSAGE_TAINTING";);

/// `virDomainMetadataType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainMetadataType};
/// assert_eq!(DomainMetadataType::from_raw(0), Some(DomainMetadataType::Description));
/// assert_eq!(DomainMetadataType::Description.c_name(), "VIR_DOMAIN_METADATA_DESCRIPTION");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainMetadataType {
    /// `VIR_DOMAIN_METADATA_DESCRIPTION` (0): Operate on `<description>`
    Description = 0,
    /// `VIR_DOMAIN_METADATA_TITLE` (1): Operate on `<title>`
    Title = 1,
    /// `VIR_DOMAIN_METADATA_ELEMENT` (2): Operate on `<metadata>`
    Element = 2,
}
c_enum!(DomainMetadataType, 3;
    DomainMetadataType::Description => 0, "VIR_DOMAIN_METADATA_DESCRIPTION";
    DomainMetadataType::Title => 1, "VIR_DOMAIN_METADATA_TITLE";
    DomainMetadataType::Element => 2, "VIR_DOMAIN_METADATA_ELEMENT";);

/// `virDomainNostateReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainNostateReason};
/// assert_eq!(DomainNostateReason::from_raw(0), Some(DomainNostateReason::Unknown));
/// assert_eq!(DomainNostateReason::Unknown.c_name(), "VIR_DOMAIN_NOSTATE_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainNostateReason {
    /// `VIR_DOMAIN_NOSTATE_UNKNOWN` (0).
    Unknown = 0,
}
c_enum!(DomainNostateReason, 1;
    DomainNostateReason::Unknown => 0, "VIR_DOMAIN_NOSTATE_UNKNOWN";);

/// `virDomainNumatuneMemMode` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainNumatuneMemMode};
/// assert_eq!(DomainNumatuneMemMode::from_raw(0), Some(DomainNumatuneMemMode::Strict));
/// assert_eq!(DomainNumatuneMemMode::Strict.c_name(), "VIR_DOMAIN_NUMATUNE_MEM_STRICT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainNumatuneMemMode {
    /// `VIR_DOMAIN_NUMATUNE_MEM_STRICT` (0).
    Strict = 0,
    /// `VIR_DOMAIN_NUMATUNE_MEM_PREFERRED` (1).
    Preferred = 1,
    /// `VIR_DOMAIN_NUMATUNE_MEM_INTERLEAVE` (2).
    Interleave = 2,
    /// `VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE` (3).
    Restrictive = 3,
}
c_enum!(DomainNumatuneMemMode, 4;
    DomainNumatuneMemMode::Strict => 0, "VIR_DOMAIN_NUMATUNE_MEM_STRICT";
    DomainNumatuneMemMode::Preferred => 1, "VIR_DOMAIN_NUMATUNE_MEM_PREFERRED";
    DomainNumatuneMemMode::Interleave => 2, "VIR_DOMAIN_NUMATUNE_MEM_INTERLEAVE";
    DomainNumatuneMemMode::Restrictive => 3, "VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE";);

/// `virDomainPMSuspendedDiskReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainPMSuspendedDiskReason};
/// assert_eq!(DomainPMSuspendedDiskReason::from_raw(0), Some(DomainPMSuspendedDiskReason::Unknown));
/// assert_eq!(DomainPMSuspendedDiskReason::Unknown.c_name(), "VIR_DOMAIN_PMSUSPENDED_DISK_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainPMSuspendedDiskReason {
    /// `VIR_DOMAIN_PMSUSPENDED_DISK_UNKNOWN` (0).
    Unknown = 0,
}
c_enum!(DomainPMSuspendedDiskReason, 1;
    DomainPMSuspendedDiskReason::Unknown => 0, "VIR_DOMAIN_PMSUSPENDED_DISK_UNKNOWN";);

/// `virDomainPMSuspendedReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainPMSuspendedReason};
/// assert_eq!(DomainPMSuspendedReason::from_raw(0), Some(DomainPMSuspendedReason::Unknown));
/// assert_eq!(DomainPMSuspendedReason::Unknown.c_name(), "VIR_DOMAIN_PMSUSPENDED_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainPMSuspendedReason {
    /// `VIR_DOMAIN_PMSUSPENDED_UNKNOWN` (0).
    Unknown = 0,
}
c_enum!(DomainPMSuspendedReason, 1;
    DomainPMSuspendedReason::Unknown => 0, "VIR_DOMAIN_PMSUSPENDED_UNKNOWN";);

/// `virDomainPausedReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainPausedReason};
/// assert_eq!(DomainPausedReason::from_raw(0), Some(DomainPausedReason::Unknown));
/// assert_eq!(DomainPausedReason::Unknown.c_name(), "VIR_DOMAIN_PAUSED_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainPausedReason {
    /// `VIR_DOMAIN_PAUSED_UNKNOWN` (0): the reason is unknown
    Unknown = 0,
    /// `VIR_DOMAIN_PAUSED_USER` (1): paused on user request
    User = 1,
    /// `VIR_DOMAIN_PAUSED_MIGRATION` (2): paused for offline migration
    Migration = 2,
    /// `VIR_DOMAIN_PAUSED_SAVE` (3): paused for save
    Save = 3,
    /// `VIR_DOMAIN_PAUSED_DUMP` (4): paused for offline core dump
    Dump = 4,
    /// `VIR_DOMAIN_PAUSED_IOERROR` (5): paused due to a disk I/O error
    Ioerror = 5,
    /// `VIR_DOMAIN_PAUSED_WATCHDOG` (6): paused due to a watchdog event
    Watchdog = 6,
    /// `VIR_DOMAIN_PAUSED_FROM_SNAPSHOT` (7): paused after restoring from snapshot
    FromSnapshot = 7,
    /// `VIR_DOMAIN_PAUSED_SHUTTING_DOWN` (8): paused during shutdown process
    ShuttingDown = 8,
    /// `VIR_DOMAIN_PAUSED_SNAPSHOT` (9): paused while creating a snapshot
    Snapshot = 9,
    /// `VIR_DOMAIN_PAUSED_CRASHED` (10): paused due to a guest crash
    Crashed = 10,
    /// `VIR_DOMAIN_PAUSED_STARTING_UP` (11): the domain is being started
    StartingUp = 11,
    /// `VIR_DOMAIN_PAUSED_POSTCOPY` (12): paused for post-copy migration
    Postcopy = 12,
    /// `VIR_DOMAIN_PAUSED_POSTCOPY_FAILED` (13): paused after failed post-copy
    PostcopyFailed = 13,
}
c_enum!(DomainPausedReason, 14;
    DomainPausedReason::Unknown => 0, "VIR_DOMAIN_PAUSED_UNKNOWN";
    DomainPausedReason::User => 1, "VIR_DOMAIN_PAUSED_USER";
    DomainPausedReason::Migration => 2, "VIR_DOMAIN_PAUSED_MIGRATION";
    DomainPausedReason::Save => 3, "VIR_DOMAIN_PAUSED_SAVE";
    DomainPausedReason::Dump => 4, "VIR_DOMAIN_PAUSED_DUMP";
    DomainPausedReason::Ioerror => 5, "VIR_DOMAIN_PAUSED_IOERROR";
    DomainPausedReason::Watchdog => 6, "VIR_DOMAIN_PAUSED_WATCHDOG";
    DomainPausedReason::FromSnapshot => 7, "VIR_DOMAIN_PAUSED_FROM_SNAPSHOT";
    DomainPausedReason::ShuttingDown => 8, "VIR_DOMAIN_PAUSED_SHUTTING_DOWN";
    DomainPausedReason::Snapshot => 9, "VIR_DOMAIN_PAUSED_SNAPSHOT";
    DomainPausedReason::Crashed => 10, "VIR_DOMAIN_PAUSED_CRASHED";
    DomainPausedReason::StartingUp => 11, "VIR_DOMAIN_PAUSED_STARTING_UP";
    DomainPausedReason::Postcopy => 12, "VIR_DOMAIN_PAUSED_POSTCOPY";
    DomainPausedReason::PostcopyFailed => 13, "VIR_DOMAIN_PAUSED_POSTCOPY_FAILED";);

/// `virDomainProcessSignal` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainProcessSignal};
/// assert_eq!(DomainProcessSignal::from_raw(0), Some(DomainProcessSignal::Nop));
/// assert_eq!(DomainProcessSignal::Nop.c_name(), "VIR_DOMAIN_PROCESS_SIGNAL_NOP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainProcessSignal {
    /// `VIR_DOMAIN_PROCESS_SIGNAL_NOP` (0): No constant in POSIX/Linux
    Nop = 0,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_HUP` (1): SIGHUP
    Hup = 1,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_INT` (2): SIGINT
    Int = 2,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_QUIT` (3): SIGQUIT
    Quit = 3,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_ILL` (4): SIGILL
    Ill = 4,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_TRAP` (5): SIGTRAP
    Trap = 5,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_ABRT` (6): SIGABRT
    Abrt = 6,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_BUS` (7): SIGBUS
    Bus = 7,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_FPE` (8): SIGFPE
    Fpe = 8,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_KILL` (9): SIGKILL
    Kill = 9,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_USR1` (10): SIGUSR1
    Usr1 = 10,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_SEGV` (11): SIGSEGV
    Segv = 11,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_USR2` (12): SIGUSR2
    Usr2 = 12,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_PIPE` (13): SIGPIPE
    Pipe = 13,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_ALRM` (14): SIGALRM
    Alrm = 14,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_TERM` (15): SIGTERM
    Term = 15,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_STKFLT` (16): Not in POSIX (SIGSTKFLT on Linux
    Stkflt = 16,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_CHLD` (17): SIGCHLD
    Chld = 17,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_CONT` (18): SIGCONT
    Cont = 18,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_STOP` (19): SIGSTOP
    Stop = 19,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_TSTP` (20): SIGTSTP
    Tstp = 20,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_TTIN` (21): SIGTTIN
    Ttin = 21,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_TTOU` (22): SIGTTOU
    Ttou = 22,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_URG` (23): SIGURG
    Urg = 23,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_XCPU` (24): SIGXCPU
    Xcpu = 24,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_XFSZ` (25): SIGXFSZ
    Xfsz = 25,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_VTALRM` (26): SIGVTALRM
    Vtalrm = 26,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_PROF` (27): SIGPROF
    Prof = 27,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_WINCH` (28): Not in POSIX (SIGWINCH on Linux)
    Winch = 28,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_POLL` (29): SIGPOLL (also known as SIGIO on Linux)
    Poll = 29,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_PWR` (30): Not in POSIX (SIGPWR on Linux)
    Pwr = 30,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_SYS` (31): SIGSYS (also known as SIGUNUSED on Linux)
    Sys = 31,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT0` (32): SIGRTMIN
    Rt0 = 32,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT1` (33): SIGRTMIN + 1
    Rt1 = 33,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT2` (34): SIGRTMIN + 2
    Rt2 = 34,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT3` (35): SIGRTMIN + 3
    Rt3 = 35,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT4` (36): SIGRTMIN + 4
    Rt4 = 36,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT5` (37): SIGRTMIN + 5
    Rt5 = 37,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT6` (38): SIGRTMIN + 6
    Rt6 = 38,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT7` (39): SIGRTMIN + 7
    Rt7 = 39,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT8` (40): SIGRTMIN + 8
    Rt8 = 40,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT9` (41): SIGRTMIN + 9
    Rt9 = 41,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT10` (42): SIGRTMIN + 10
    Rt10 = 42,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT11` (43): SIGRTMIN + 11
    Rt11 = 43,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT12` (44): SIGRTMIN + 12
    Rt12 = 44,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT13` (45): SIGRTMIN + 13
    Rt13 = 45,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT14` (46): SIGRTMIN + 14
    Rt14 = 46,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT15` (47): SIGRTMIN + 15
    Rt15 = 47,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT16` (48): SIGRTMIN + 16
    Rt16 = 48,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT17` (49): SIGRTMIN + 17
    Rt17 = 49,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT18` (50): SIGRTMIN + 18
    Rt18 = 50,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT19` (51): SIGRTMIN + 19
    Rt19 = 51,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT20` (52): SIGRTMIN + 20
    Rt20 = 52,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT21` (53): SIGRTMIN + 21
    Rt21 = 53,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT22` (54): SIGRTMIN + 22
    Rt22 = 54,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT23` (55): SIGRTMIN + 23
    Rt23 = 55,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT24` (56): SIGRTMIN + 24
    Rt24 = 56,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT25` (57): SIGRTMIN + 25
    Rt25 = 57,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT26` (58): SIGRTMIN + 26
    Rt26 = 58,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT27` (59): SIGRTMIN + 27
    Rt27 = 59,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT28` (60): SIGRTMIN + 28
    Rt28 = 60,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT29` (61): SIGRTMIN + 29
    Rt29 = 61,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT30` (62): SIGRTMIN + 30
    Rt30 = 62,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT31` (63): SIGRTMIN + 31
    Rt31 = 63,
    /// `VIR_DOMAIN_PROCESS_SIGNAL_RT32` (64): SIGRTMIN + 32 / SIGRTMAX
    Rt32 = 64,
}
c_enum!(DomainProcessSignal, 65;
    DomainProcessSignal::Nop => 0, "VIR_DOMAIN_PROCESS_SIGNAL_NOP";
    DomainProcessSignal::Hup => 1, "VIR_DOMAIN_PROCESS_SIGNAL_HUP";
    DomainProcessSignal::Int => 2, "VIR_DOMAIN_PROCESS_SIGNAL_INT";
    DomainProcessSignal::Quit => 3, "VIR_DOMAIN_PROCESS_SIGNAL_QUIT";
    DomainProcessSignal::Ill => 4, "VIR_DOMAIN_PROCESS_SIGNAL_ILL";
    DomainProcessSignal::Trap => 5, "VIR_DOMAIN_PROCESS_SIGNAL_TRAP";
    DomainProcessSignal::Abrt => 6, "VIR_DOMAIN_PROCESS_SIGNAL_ABRT";
    DomainProcessSignal::Bus => 7, "VIR_DOMAIN_PROCESS_SIGNAL_BUS";
    DomainProcessSignal::Fpe => 8, "VIR_DOMAIN_PROCESS_SIGNAL_FPE";
    DomainProcessSignal::Kill => 9, "VIR_DOMAIN_PROCESS_SIGNAL_KILL";
    DomainProcessSignal::Usr1 => 10, "VIR_DOMAIN_PROCESS_SIGNAL_USR1";
    DomainProcessSignal::Segv => 11, "VIR_DOMAIN_PROCESS_SIGNAL_SEGV";
    DomainProcessSignal::Usr2 => 12, "VIR_DOMAIN_PROCESS_SIGNAL_USR2";
    DomainProcessSignal::Pipe => 13, "VIR_DOMAIN_PROCESS_SIGNAL_PIPE";
    DomainProcessSignal::Alrm => 14, "VIR_DOMAIN_PROCESS_SIGNAL_ALRM";
    DomainProcessSignal::Term => 15, "VIR_DOMAIN_PROCESS_SIGNAL_TERM";
    DomainProcessSignal::Stkflt => 16, "VIR_DOMAIN_PROCESS_SIGNAL_STKFLT";
    DomainProcessSignal::Chld => 17, "VIR_DOMAIN_PROCESS_SIGNAL_CHLD";
    DomainProcessSignal::Cont => 18, "VIR_DOMAIN_PROCESS_SIGNAL_CONT";
    DomainProcessSignal::Stop => 19, "VIR_DOMAIN_PROCESS_SIGNAL_STOP";
    DomainProcessSignal::Tstp => 20, "VIR_DOMAIN_PROCESS_SIGNAL_TSTP";
    DomainProcessSignal::Ttin => 21, "VIR_DOMAIN_PROCESS_SIGNAL_TTIN";
    DomainProcessSignal::Ttou => 22, "VIR_DOMAIN_PROCESS_SIGNAL_TTOU";
    DomainProcessSignal::Urg => 23, "VIR_DOMAIN_PROCESS_SIGNAL_URG";
    DomainProcessSignal::Xcpu => 24, "VIR_DOMAIN_PROCESS_SIGNAL_XCPU";
    DomainProcessSignal::Xfsz => 25, "VIR_DOMAIN_PROCESS_SIGNAL_XFSZ";
    DomainProcessSignal::Vtalrm => 26, "VIR_DOMAIN_PROCESS_SIGNAL_VTALRM";
    DomainProcessSignal::Prof => 27, "VIR_DOMAIN_PROCESS_SIGNAL_PROF";
    DomainProcessSignal::Winch => 28, "VIR_DOMAIN_PROCESS_SIGNAL_WINCH";
    DomainProcessSignal::Poll => 29, "VIR_DOMAIN_PROCESS_SIGNAL_POLL";
    DomainProcessSignal::Pwr => 30, "VIR_DOMAIN_PROCESS_SIGNAL_PWR";
    DomainProcessSignal::Sys => 31, "VIR_DOMAIN_PROCESS_SIGNAL_SYS";
    DomainProcessSignal::Rt0 => 32, "VIR_DOMAIN_PROCESS_SIGNAL_RT0";
    DomainProcessSignal::Rt1 => 33, "VIR_DOMAIN_PROCESS_SIGNAL_RT1";
    DomainProcessSignal::Rt2 => 34, "VIR_DOMAIN_PROCESS_SIGNAL_RT2";
    DomainProcessSignal::Rt3 => 35, "VIR_DOMAIN_PROCESS_SIGNAL_RT3";
    DomainProcessSignal::Rt4 => 36, "VIR_DOMAIN_PROCESS_SIGNAL_RT4";
    DomainProcessSignal::Rt5 => 37, "VIR_DOMAIN_PROCESS_SIGNAL_RT5";
    DomainProcessSignal::Rt6 => 38, "VIR_DOMAIN_PROCESS_SIGNAL_RT6";
    DomainProcessSignal::Rt7 => 39, "VIR_DOMAIN_PROCESS_SIGNAL_RT7";
    DomainProcessSignal::Rt8 => 40, "VIR_DOMAIN_PROCESS_SIGNAL_RT8";
    DomainProcessSignal::Rt9 => 41, "VIR_DOMAIN_PROCESS_SIGNAL_RT9";
    DomainProcessSignal::Rt10 => 42, "VIR_DOMAIN_PROCESS_SIGNAL_RT10";
    DomainProcessSignal::Rt11 => 43, "VIR_DOMAIN_PROCESS_SIGNAL_RT11";
    DomainProcessSignal::Rt12 => 44, "VIR_DOMAIN_PROCESS_SIGNAL_RT12";
    DomainProcessSignal::Rt13 => 45, "VIR_DOMAIN_PROCESS_SIGNAL_RT13";
    DomainProcessSignal::Rt14 => 46, "VIR_DOMAIN_PROCESS_SIGNAL_RT14";
    DomainProcessSignal::Rt15 => 47, "VIR_DOMAIN_PROCESS_SIGNAL_RT15";
    DomainProcessSignal::Rt16 => 48, "VIR_DOMAIN_PROCESS_SIGNAL_RT16";
    DomainProcessSignal::Rt17 => 49, "VIR_DOMAIN_PROCESS_SIGNAL_RT17";
    DomainProcessSignal::Rt18 => 50, "VIR_DOMAIN_PROCESS_SIGNAL_RT18";
    DomainProcessSignal::Rt19 => 51, "VIR_DOMAIN_PROCESS_SIGNAL_RT19";
    DomainProcessSignal::Rt20 => 52, "VIR_DOMAIN_PROCESS_SIGNAL_RT20";
    DomainProcessSignal::Rt21 => 53, "VIR_DOMAIN_PROCESS_SIGNAL_RT21";
    DomainProcessSignal::Rt22 => 54, "VIR_DOMAIN_PROCESS_SIGNAL_RT22";
    DomainProcessSignal::Rt23 => 55, "VIR_DOMAIN_PROCESS_SIGNAL_RT23";
    DomainProcessSignal::Rt24 => 56, "VIR_DOMAIN_PROCESS_SIGNAL_RT24";
    DomainProcessSignal::Rt25 => 57, "VIR_DOMAIN_PROCESS_SIGNAL_RT25";
    DomainProcessSignal::Rt26 => 58, "VIR_DOMAIN_PROCESS_SIGNAL_RT26";
    DomainProcessSignal::Rt27 => 59, "VIR_DOMAIN_PROCESS_SIGNAL_RT27";
    DomainProcessSignal::Rt28 => 60, "VIR_DOMAIN_PROCESS_SIGNAL_RT28";
    DomainProcessSignal::Rt29 => 61, "VIR_DOMAIN_PROCESS_SIGNAL_RT29";
    DomainProcessSignal::Rt30 => 62, "VIR_DOMAIN_PROCESS_SIGNAL_RT30";
    DomainProcessSignal::Rt31 => 63, "VIR_DOMAIN_PROCESS_SIGNAL_RT31";
    DomainProcessSignal::Rt32 => 64, "VIR_DOMAIN_PROCESS_SIGNAL_RT32";);

/// `virDomainRunningReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainRunningReason};
/// assert_eq!(DomainRunningReason::from_raw(0), Some(DomainRunningReason::Unknown));
/// assert_eq!(DomainRunningReason::Unknown.c_name(), "VIR_DOMAIN_RUNNING_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainRunningReason {
    /// `VIR_DOMAIN_RUNNING_UNKNOWN` (0).
    Unknown = 0,
    /// `VIR_DOMAIN_RUNNING_BOOTED` (1): normal startup from boot
    Booted = 1,
    /// `VIR_DOMAIN_RUNNING_MIGRATED` (2): migrated from another host
    Migrated = 2,
    /// `VIR_DOMAIN_RUNNING_RESTORED` (3): restored from a state file
    Restored = 3,
    /// `VIR_DOMAIN_RUNNING_FROM_SNAPSHOT` (4): restored from snapshot
    FromSnapshot = 4,
    /// `VIR_DOMAIN_RUNNING_UNPAUSED` (5): returned from paused state
    Unpaused = 5,
    /// `VIR_DOMAIN_RUNNING_MIGRATION_CANCELED` (6): returned from migration
    MigrationCanceled = 6,
    /// `VIR_DOMAIN_RUNNING_SAVE_CANCELED` (7): returned from failed save process
    SaveCanceled = 7,
    /// `VIR_DOMAIN_RUNNING_WAKEUP` (8): returned from pmsuspended due to wakeup event
    Wakeup = 8,
    /// `VIR_DOMAIN_RUNNING_CRASHED` (9): resumed from crashed
    Crashed = 9,
    /// `VIR_DOMAIN_RUNNING_POSTCOPY` (10): running in post-copy migration mode
    Postcopy = 10,
    /// `VIR_DOMAIN_RUNNING_POSTCOPY_FAILED` (11): running in failed post-copy migration
    PostcopyFailed = 11,
}
c_enum!(DomainRunningReason, 12;
    DomainRunningReason::Unknown => 0, "VIR_DOMAIN_RUNNING_UNKNOWN";
    DomainRunningReason::Booted => 1, "VIR_DOMAIN_RUNNING_BOOTED";
    DomainRunningReason::Migrated => 2, "VIR_DOMAIN_RUNNING_MIGRATED";
    DomainRunningReason::Restored => 3, "VIR_DOMAIN_RUNNING_RESTORED";
    DomainRunningReason::FromSnapshot => 4, "VIR_DOMAIN_RUNNING_FROM_SNAPSHOT";
    DomainRunningReason::Unpaused => 5, "VIR_DOMAIN_RUNNING_UNPAUSED";
    DomainRunningReason::MigrationCanceled => 6, "VIR_DOMAIN_RUNNING_MIGRATION_CANCELED";
    DomainRunningReason::SaveCanceled => 7, "VIR_DOMAIN_RUNNING_SAVE_CANCELED";
    DomainRunningReason::Wakeup => 8, "VIR_DOMAIN_RUNNING_WAKEUP";
    DomainRunningReason::Crashed => 9, "VIR_DOMAIN_RUNNING_CRASHED";
    DomainRunningReason::Postcopy => 10, "VIR_DOMAIN_RUNNING_POSTCOPY";
    DomainRunningReason::PostcopyFailed => 11, "VIR_DOMAIN_RUNNING_POSTCOPY_FAILED";);

/// `virDomainShutdownReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainShutdownReason};
/// assert_eq!(DomainShutdownReason::from_raw(0), Some(DomainShutdownReason::Unknown));
/// assert_eq!(DomainShutdownReason::Unknown.c_name(), "VIR_DOMAIN_SHUTDOWN_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainShutdownReason {
    /// `VIR_DOMAIN_SHUTDOWN_UNKNOWN` (0): the reason is unknown
    Unknown = 0,
    /// `VIR_DOMAIN_SHUTDOWN_USER` (1): shutting down on user request
    User = 1,
}
c_enum!(DomainShutdownReason, 2;
    DomainShutdownReason::Unknown => 0, "VIR_DOMAIN_SHUTDOWN_UNKNOWN";
    DomainShutdownReason::User => 1, "VIR_DOMAIN_SHUTDOWN_USER";);

/// `virDomainShutoffReason` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainShutoffReason};
/// assert_eq!(DomainShutoffReason::from_raw(0), Some(DomainShutoffReason::Unknown));
/// assert_eq!(DomainShutoffReason::Unknown.c_name(), "VIR_DOMAIN_SHUTOFF_UNKNOWN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainShutoffReason {
    /// `VIR_DOMAIN_SHUTOFF_UNKNOWN` (0): the reason is unknown
    Unknown = 0,
    /// `VIR_DOMAIN_SHUTOFF_SHUTDOWN` (1): normal shutdown
    Shutdown = 1,
    /// `VIR_DOMAIN_SHUTOFF_DESTROYED` (2): forced poweroff
    Destroyed = 2,
    /// `VIR_DOMAIN_SHUTOFF_CRASHED` (3): domain crashed
    Crashed = 3,
    /// `VIR_DOMAIN_SHUTOFF_MIGRATED` (4): migrated to another host
    Migrated = 4,
    /// `VIR_DOMAIN_SHUTOFF_SAVED` (5): saved to a file
    Saved = 5,
    /// `VIR_DOMAIN_SHUTOFF_FAILED` (6): domain failed to start
    Failed = 6,
    /// `VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT` (7): restored from a snapshot which was taken while domain was shutoff
    FromSnapshot = 7,
    /// `VIR_DOMAIN_SHUTOFF_DAEMON` (8): daemon decides to kill domain during reconnection processing
    Daemon = 8,
}
c_enum!(DomainShutoffReason, 9;
    DomainShutoffReason::Unknown => 0, "VIR_DOMAIN_SHUTOFF_UNKNOWN";
    DomainShutoffReason::Shutdown => 1, "VIR_DOMAIN_SHUTOFF_SHUTDOWN";
    DomainShutoffReason::Destroyed => 2, "VIR_DOMAIN_SHUTOFF_DESTROYED";
    DomainShutoffReason::Crashed => 3, "VIR_DOMAIN_SHUTOFF_CRASHED";
    DomainShutoffReason::Migrated => 4, "VIR_DOMAIN_SHUTOFF_MIGRATED";
    DomainShutoffReason::Saved => 5, "VIR_DOMAIN_SHUTOFF_SAVED";
    DomainShutoffReason::Failed => 6, "VIR_DOMAIN_SHUTOFF_FAILED";
    DomainShutoffReason::FromSnapshot => 7, "VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT";
    DomainShutoffReason::Daemon => 8, "VIR_DOMAIN_SHUTOFF_DAEMON";);

/// `virDomainState` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, DomainState};
/// assert_eq!(DomainState::from_raw(0), Some(DomainState::Nostate));
/// assert_eq!(DomainState::Nostate.c_name(), "VIR_DOMAIN_NOSTATE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum DomainState {
    /// `VIR_DOMAIN_NOSTATE` (0): no state
    Nostate = 0,
    /// `VIR_DOMAIN_RUNNING` (1): the domain is running
    Running = 1,
    /// `VIR_DOMAIN_BLOCKED` (2): the domain is blocked on resource
    Blocked = 2,
    /// `VIR_DOMAIN_PAUSED` (3): the domain is paused by user
    Paused = 3,
    /// `VIR_DOMAIN_SHUTDOWN` (4): the domain is being shut down
    Shutdown = 4,
    /// `VIR_DOMAIN_SHUTOFF` (5): the domain is shut off
    Shutoff = 5,
    /// `VIR_DOMAIN_CRASHED` (6): the domain is crashed
    Crashed = 6,
    /// `VIR_DOMAIN_PMSUSPENDED` (7): the domain is suspended by guest power management
    Pmsuspended = 7,
}
c_enum!(DomainState, 8;
    DomainState::Nostate => 0, "VIR_DOMAIN_NOSTATE";
    DomainState::Running => 1, "VIR_DOMAIN_RUNNING";
    DomainState::Blocked => 2, "VIR_DOMAIN_BLOCKED";
    DomainState::Paused => 3, "VIR_DOMAIN_PAUSED";
    DomainState::Shutdown => 4, "VIR_DOMAIN_SHUTDOWN";
    DomainState::Shutoff => 5, "VIR_DOMAIN_SHUTOFF";
    DomainState::Crashed => 6, "VIR_DOMAIN_CRASHED";
    DomainState::Pmsuspended => 7, "VIR_DOMAIN_PMSUSPENDED";);

/// `virKeycodeSet` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, KeycodeSet};
/// assert_eq!(KeycodeSet::from_raw(0), Some(KeycodeSet::Linux));
/// assert_eq!(KeycodeSet::Linux.c_name(), "VIR_KEYCODE_SET_LINUX");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum KeycodeSet {
    /// `VIR_KEYCODE_SET_LINUX` (0).
    Linux = 0,
    /// `VIR_KEYCODE_SET_XT` (1).
    Xt = 1,
    /// `VIR_KEYCODE_SET_ATSET1` (2).
    Atset1 = 2,
    /// `VIR_KEYCODE_SET_ATSET2` (3).
    Atset2 = 3,
    /// `VIR_KEYCODE_SET_ATSET3` (4).
    Atset3 = 4,
    /// `VIR_KEYCODE_SET_OSX` (5).
    Osx = 5,
    /// `VIR_KEYCODE_SET_XT_KBD` (6).
    XtKbd = 6,
    /// `VIR_KEYCODE_SET_USB` (7).
    Usb = 7,
    /// `VIR_KEYCODE_SET_WIN32` (8).
    Win32 = 8,
    /// `VIR_KEYCODE_SET_QNUM` (9).
    Qnum = 9,
}
c_enum!(KeycodeSet, 10;
    KeycodeSet::Linux => 0, "VIR_KEYCODE_SET_LINUX";
    KeycodeSet::Xt => 1, "VIR_KEYCODE_SET_XT";
    KeycodeSet::Atset1 => 2, "VIR_KEYCODE_SET_ATSET1";
    KeycodeSet::Atset2 => 3, "VIR_KEYCODE_SET_ATSET2";
    KeycodeSet::Atset3 => 4, "VIR_KEYCODE_SET_ATSET3";
    KeycodeSet::Osx => 5, "VIR_KEYCODE_SET_OSX";
    KeycodeSet::XtKbd => 6, "VIR_KEYCODE_SET_XT_KBD";
    KeycodeSet::Usb => 7, "VIR_KEYCODE_SET_USB";
    KeycodeSet::Win32 => 8, "VIR_KEYCODE_SET_WIN32";
    KeycodeSet::Qnum => 9, "VIR_KEYCODE_SET_QNUM";);

/// `virMemoryParameterType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, MemoryParameterType};
/// assert_eq!(MemoryParameterType::from_raw(1), Some(MemoryParameterType::Int));
/// assert_eq!(MemoryParameterType::Int.c_name(), "VIR_DOMAIN_MEMORY_PARAM_INT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum MemoryParameterType {
    /// `VIR_DOMAIN_MEMORY_PARAM_INT` (1).
    Int = 1,
    /// `VIR_DOMAIN_MEMORY_PARAM_UINT` (2).
    Uint = 2,
    /// `VIR_DOMAIN_MEMORY_PARAM_LLONG` (3).
    Llong = 3,
    /// `VIR_DOMAIN_MEMORY_PARAM_ULLONG` (4).
    Ullong = 4,
    /// `VIR_DOMAIN_MEMORY_PARAM_DOUBLE` (5).
    Double = 5,
    /// `VIR_DOMAIN_MEMORY_PARAM_BOOLEAN` (6).
    Boolean = 6,
}
c_enum!(MemoryParameterType, 7;
    MemoryParameterType::Int => 1, "VIR_DOMAIN_MEMORY_PARAM_INT";
    MemoryParameterType::Uint => 2, "VIR_DOMAIN_MEMORY_PARAM_UINT";
    MemoryParameterType::Llong => 3, "VIR_DOMAIN_MEMORY_PARAM_LLONG";
    MemoryParameterType::Ullong => 4, "VIR_DOMAIN_MEMORY_PARAM_ULLONG";
    MemoryParameterType::Double => 5, "VIR_DOMAIN_MEMORY_PARAM_DOUBLE";
    MemoryParameterType::Boolean => 6, "VIR_DOMAIN_MEMORY_PARAM_BOOLEAN";);

/// `virSchedParameterType` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, SchedParameterType};
/// assert_eq!(SchedParameterType::from_raw(1), Some(SchedParameterType::Int));
/// assert_eq!(SchedParameterType::Int.c_name(), "VIR_DOMAIN_SCHED_FIELD_INT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum SchedParameterType {
    /// `VIR_DOMAIN_SCHED_FIELD_INT` (1).
    Int = 1,
    /// `VIR_DOMAIN_SCHED_FIELD_UINT` (2).
    Uint = 2,
    /// `VIR_DOMAIN_SCHED_FIELD_LLONG` (3).
    Llong = 3,
    /// `VIR_DOMAIN_SCHED_FIELD_ULLONG` (4).
    Ullong = 4,
    /// `VIR_DOMAIN_SCHED_FIELD_DOUBLE` (5).
    Double = 5,
    /// `VIR_DOMAIN_SCHED_FIELD_BOOLEAN` (6).
    Boolean = 6,
}
c_enum!(SchedParameterType, 7;
    SchedParameterType::Int => 1, "VIR_DOMAIN_SCHED_FIELD_INT";
    SchedParameterType::Uint => 2, "VIR_DOMAIN_SCHED_FIELD_UINT";
    SchedParameterType::Llong => 3, "VIR_DOMAIN_SCHED_FIELD_LLONG";
    SchedParameterType::Ullong => 4, "VIR_DOMAIN_SCHED_FIELD_ULLONG";
    SchedParameterType::Double => 5, "VIR_DOMAIN_SCHED_FIELD_DOUBLE";
    SchedParameterType::Boolean => 6, "VIR_DOMAIN_SCHED_FIELD_BOOLEAN";);

/// `virVcpuHostCpuState` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, VcpuHostCpuState};
/// assert_eq!(VcpuHostCpuState::from_raw(-2), Some(VcpuHostCpuState::Unavailable));
/// assert_eq!(VcpuHostCpuState::Unavailable.c_name(), "VIR_VCPU_INFO_CPU_UNAVAILABLE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum VcpuHostCpuState {
    /// `VIR_VCPU_INFO_CPU_UNAVAILABLE` (-2): the hypervisor does not expose real CPU information
    Unavailable = -2,
    /// `VIR_VCPU_INFO_CPU_OFFLINE` (-1): the vCPU is offline
    Offline = -1,
}
c_enum!(VcpuHostCpuState, 0;
    VcpuHostCpuState::Unavailable => -2, "VIR_VCPU_INFO_CPU_UNAVAILABLE";
    VcpuHostCpuState::Offline => -1, "VIR_VCPU_INFO_CPU_OFFLINE";);

/// `virVcpuState` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::enums::{CEnum, VcpuState};
/// assert_eq!(VcpuState::from_raw(0), Some(VcpuState::Offline));
/// assert_eq!(VcpuState::Offline.c_name(), "VIR_VCPU_OFFLINE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum VcpuState {
    /// `VIR_VCPU_OFFLINE` (0): the virtual CPU is offline
    Offline = 0,
    /// `VIR_VCPU_RUNNING` (1): the virtual CPU is running
    Running = 1,
    /// `VIR_VCPU_BLOCKED` (2): the virtual CPU is blocked on resource
    Blocked = 2,
}
c_enum!(VcpuState, 3;
    VcpuState::Offline => 0, "VIR_VCPU_OFFLINE";
    VcpuState::Running => 1, "VIR_VCPU_RUNNING";
    VcpuState::Blocked => 2, "VIR_VCPU_BLOCKED";);
