//! [`Domain`]: a domain handle (`virDomainPtr`) and the domain-level entry points of
//! `libvirt-domain.c`, each performing its C function's checks in the same order, with the
//! same codes and messages, before calling the [`Driver`].
//!
//! Checks that Rust's types make impossible are not repeated: a `&Domain` is always a valid
//! domain (`virCheckDomainReturn`), a `&str` or a slice is never NULL (`virCheckNonNullArg`
//! on strings, buffers and output pointers), typed enums cannot exceed their `*_LAST`, and
//! output structures are returned rather than filled. Buffers the C caller sizes (cpumaps,
//! typed-parameter arrays) keep their size arguments where libvirt checks them.
//!
//! ```
//! # let (dom, ro) = virtkit_api::doctest::ro();
//! use virtkit_api::ErrorCode;
//! assert_eq!(ro.name(), "test");
//! let e = ro.suspend().unwrap_err();
//! assert_eq!(e.code(), ErrorCode::OperationDenied);
//! assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainSuspend");
//! assert!(dom.suspend().unwrap_err().is_no_support());
//! ```

use std::fmt;
use std::sync::Arc;

use virtkit_cpumap::CpuMaps;
use virtkit_cpumap::checks::{
    CheckError, Entry, check_get_emulator_pin_info, check_get_vcpu_pin_info, check_get_vcpus,
    check_pin,
};
use virtkit_typedparams::TypedParams;
use virtkit_typedparams::checks::{Getter, Setter, check_getter, check_setter, validate_set};

use crate::connect::{Connect, len_i32, param_dname, save_running_paused};
use crate::driver::{Driver, DrvFeature, MigrateBegun};
use crate::enums::{
    CEnum, DomainCoreDumpFormat, DomainInterfaceAddressesSource, DomainLifecycle,
    DomainLifecycleAction, DomainMemoryStatTags, DomainMetadataType, DomainProcessSignal,
    KeycodeSet,
};
use crate::error::{Error, ErrorCode, Result};
use crate::flags::{
    ConnectGetAllDomainStatsFlags, DomainAbortJobFlags, DomainAuthorizedSSHKeysSetFlags,
    DomainBackupBeginFlags, DomainBlockCommitFlags, DomainBlockCopyFlags, DomainBlockJobAbortFlags,
    DomainBlockJobInfoFlags, DomainBlockJobSetSpeedFlags, DomainBlockPullFlags,
    DomainBlockRebaseFlags, DomainBlockResizeFlags, DomainCoreDumpFlags, DomainCreateFlags,
    DomainDestroyFlags, DomainDeviceModifyFlags, DomainDirtyRateCalcFlags, DomainFDAssociateFlags,
    DomainGetHostnameFlags, DomainGetJobStatsFlags, DomainMemoryFlags, DomainMemoryModFlags,
    DomainMigrateFlags, DomainMigrateMaxSpeedFlags, DomainModificationImpact, DomainRebootFlags,
    DomainSaveImageXMLFlags, DomainSaveRestoreFlags, DomainSetTimeFlags,
    DomainSetUserPasswordFlags, DomainShutdownFlags, DomainStatsTypes, DomainUndefineFlags,
    DomainVcpuFlags, DomainXMLFlags,
};
use crate::stream::Stream;
use crate::types::{
    BlockInfo, BlockJobInfo, BlockStats, ControlInfo, DiskError, DomainInfo, FsInfo, GuestTime,
    IOThreadInfo, Interface, InterfaceStats, JobInfo, JobStats, MemoryStat, SecurityLabel,
    StateReason, StatsRecord, Uuid, Vcpus,
};

struct DomainInner {
    conn: Connect,
    name: String,
    uuid: Uuid,
    id: i32,
}

/// A domain handle (`virDomainPtr`): its connection, name, UUID and id (-1 when inactive).
/// Clones are cheap (`virDomainRef`); dropping is `virDomainFree`.
///
/// See the [module documentation](self) for an example.
#[derive(Clone)]
pub struct Domain(Arc<DomainInner>);

impl fmt::Debug for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Domain")
            .field("name", &self.0.name)
            .field("uuid", &self.0.uuid.to_string())
            .field("id", &self.0.id)
            .finish_non_exhaustive()
    }
}

/// `virDomainMemoryMaxValue(true) / 1024` on a 64-bit host: the bound of memory sizes in KiB.
pub const MEMORY_MAX_KIB: u64 = i64::MAX as u64 / 1024;

/// `VIR_DOMAIN_SEND_KEY_MAX_KEYS`.
pub const SEND_KEY_MAX_KEYS: usize = 16;

const AFFECT_LIVE: u32 = DomainModificationImpact::LIVE.bits();
const AFFECT_CONFIG: u32 = DomainModificationImpact::CONFIG.bits();

fn live_config(flags: u32) -> Result<()> {
    if flags & AFFECT_LIVE != 0 && flags & AFFECT_CONFIG != 0 {
        return Err(Error::exclusive_flags("VIR_DOMAIN_AFFECT_LIVE", "VIR_DOMAIN_AFFECT_CONFIG"));
    }
    Ok(())
}

/// `VIR_EXCLUSIVE_FLAGS_*`'s test: both flags present (a flag whose value is 0, such as
/// `VIR_DOMAIN_DIRTYRATE_MODE_PAGE_SAMPLING`, is never present, as in C).
pub(crate) fn both(flags: u32, a: u32, b: u32) -> bool {
    flags & a != 0 && flags & b != 0
}

fn non_empty(s: &str, arg: &str, func: &str) -> Result<()> {
    if s.is_empty() { Err(Error::empty_arg(arg, func)) } else { Ok(()) }
}

/// `virCheckNonEmptyOptStringArg(dname)`: NULL is fine, `""` is not.
pub(crate) fn dname_check(dname: Option<&str>, func: &str) -> Result<()> {
    match dname {
        Some("") => Err(Error::empty_arg("dname", func)),
        _ => Ok(()),
    }
}

/// The cpumap crate's checks with an output buffer virtkit allocates itself: its own
/// buffer-length check does not apply.
fn output_check(r: core::result::Result<(), CheckError>) -> Result<()> {
    match r {
        Err(e) if !e.is_virtkit_only() => Err(e.into()),
        _ => Ok(()),
    }
}

/// `g_canonicalize_filename(path, NULL)`: relative paths are joined to the current
/// directory, `.` and `..` resolved lexically and repeated separators collapsed. Without a
/// current directory (wasm32) a relative path is libvirt's `could not build absolute {kind}
/// file path`.
pub(crate) fn absolute_path(path: &str, kind: &str) -> Result<String> {
    let joined = if path.starts_with('/') {
        path.to_owned()
    } else {
        let cwd = std::env::current_dir().ok().and_then(|d| d.to_str().map(str::to_owned));
        let Some(cwd) = cwd else {
            return Err(Error::report(
                ErrorCode::InternalError,
                format!("could not build absolute {kind} file path"),
            ));
        };
        format!("{cwd}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Ok(format!("/{}", parts.join("/")))
}

impl Domain {
    /// A handle for a domain of `conn` (`virGetDomain`): what drivers return from lookups and
    /// creations.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// let d = virtkit_api::Domain::new(&conn, "vm", Default::default(), -1);
    /// assert_eq!((d.name(), d.id()), ("vm", -1));
    /// ```
    pub fn new(conn: &Connect, name: &str, uuid: Uuid, id: i32) -> Domain {
        Domain(Arc::new(DomainInner { conn: conn.clone(), name: name.to_owned(), uuid, id }))
    }

    fn driver(&self) -> &dyn Driver {
        self.0.conn.driver()
    }

    fn rw(&self, func: &str) -> Result<()> {
        self.0.conn.check_rw(func)
    }

    fn strings_ok(&self) -> Result<bool> {
        self.0.conn.supports_feature(DrvFeature::TypedParamString)
    }

    /// The setter pattern: `params`/`nparams` checks, then `virTypedParameterValidateSet`.
    fn setter(&self, setter: Setter, params: &TypedParams) -> Result<()> {
        check_setter(setter, Some(params), len_i32(params), true)?;
        if setter.validates_set() {
            validate_set(params, self.strings_ok()?)?;
        }
        Ok(())
    }

    /// The getter pattern: returns the flags with `STRING_OKAY` added when supported.
    fn getter(&self, getter: Getter, flags: u32) -> Result<u32> {
        let strings = self.strings_ok()?;
        Ok(check_getter(getter, false, Some(i32::MAX), flags, strings)?)
    }

    // ---- G01: identity, info, XML ----

    /// `virDomainGetConnect`.
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.connect(), &conn);
    /// ```
    pub fn connect(&self) -> &Connect {
        &self.0.conn
    }

    /// `virDomainGetName`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.name(), "test");
    /// ```
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// `virDomainGetUUID`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.uuid().as_bytes().len(), 16);
    /// ```
    pub fn uuid(&self) -> Uuid {
        self.0.uuid
    }

    /// `virDomainGetUUIDString`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.uuid_string(), "6695eb01-f6a4-8304-79aa-97f2502e193f");
    /// ```
    pub fn uuid_string(&self) -> String {
        self.0.uuid.to_string()
    }

    /// `virDomainGetID`: the id, -1 for an inactive domain (C's `(unsigned int)-1`).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.id(), 1);
    /// ```
    pub fn id(&self) -> i32 {
        self.0.id
    }

    /// `virDomainGetOSType`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.os_type().unwrap_err().is_no_support());
    /// ```
    pub fn os_type(&self) -> Result<String> {
        self.driver().domain_get_os_type(self)
    }

    /// `virDomainGetInfo`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.info()?.nr_virt_cpu, 2);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn info(&self) -> Result<DomainInfo> {
        self.driver().domain_get_info(self)
    }

    /// `virDomainGetState`: the state and its reason.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.state(0)?.state(), Some(virtkit_api::enums::DomainState::Running));
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn state(&self, flags: u32) -> Result<StateReason> {
        self.driver().domain_get_state(self, flags)
    }

    /// `virDomainGetControlInfo`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.control_info(0).is_err());
    /// ```
    pub fn control_info(&self, flags: u32) -> Result<ControlInfo> {
        self.driver().domain_get_control_info(self, flags)
    }

    /// `virDomainGetXMLDesc`: on a read-only connection `VIR_DOMAIN_XML_SECURE` and
    /// `VIR_DOMAIN_XML_MIGRATABLE` are `operation forbidden: virDomainGetXMLDesc with secure
    /// flag`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainXMLFlags;
    /// let e = ro.xml_desc(DomainXMLFlags::SECURE).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: virDomainGetXMLDesc with secure flag");
    /// ```
    pub fn xml_desc(&self, flags: DomainXMLFlags) -> Result<String> {
        if self.0.conn.is_read_only()
            && flags.intersects(DomainXMLFlags::SECURE | DomainXMLFlags::MIGRATABLE)
        {
            return Err(Error::report(
                ErrorCode::OperationDenied,
                "virDomainGetXMLDesc with secure flag",
            ));
        }
        self.driver().domain_get_xml_desc(self, flags)
    }

    /// `virDomainGetAutostart`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.autostart().is_err());
    /// ```
    pub fn autostart(&self) -> Result<bool> {
        self.driver().domain_get_autostart(self)
    }

    /// `virDomainSetAutostart`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_autostart(true).is_err());
    /// ```
    pub fn set_autostart(&self, autostart: bool) -> Result<()> {
        self.rw("virDomainSetAutostart")?;
        self.driver().domain_set_autostart(self, autostart)
    }

    /// `virDomainGetSecurityLabel`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.security_label().is_err());
    /// ```
    pub fn security_label(&self) -> Result<SecurityLabel> {
        self.driver().domain_get_security_label(self)
    }

    /// `virDomainGetSecurityLabelList`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.security_label_list().is_err());
    /// ```
    pub fn security_label_list(&self) -> Result<Vec<SecurityLabel>> {
        self.driver().domain_get_security_label_list(self)
    }

    /// `virDomainIsActive`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.is_active().is_err());
    /// ```
    pub fn is_active(&self) -> Result<bool> {
        self.driver().domain_is_active(self)
    }

    /// `virDomainIsPersistent`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.is_persistent().is_err());
    /// ```
    pub fn is_persistent(&self) -> Result<bool> {
        self.driver().domain_is_persistent(self)
    }

    /// `virDomainRename`: `new_name` must not be empty (checked before the read-only check,
    /// as in libvirt).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// let e = ro.rename("", 0).unwrap_err();
    /// assert_eq!(e.message(), "string new_name in virDomainRename must not be empty");
    /// ```
    pub fn rename(&self, new_name: &str, flags: u32) -> Result<()> {
        non_empty(new_name, "new_name", "virDomainRename")?;
        self.rw("virDomainRename")?;
        self.driver().domain_rename(self, new_name, flags)
    }

    /// `virDomainIsUpdated`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.is_updated().is_err());
    /// ```
    pub fn is_updated(&self) -> Result<bool> {
        self.driver().domain_is_updated(self)
    }

    /// `virDomainGetMessages`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.messages(0).is_err());
    /// ```
    pub fn messages(&self, flags: u32) -> Result<Vec<String>> {
        self.driver().domain_get_messages(self, flags)
    }
}

macro_rules! simple_rw {
    ($(
        $(#[$doc:meta])*
        $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = $func:literal => $cb:ident;
    )*) => {
        impl Domain {
            $(
                $(#[$doc])*
                pub fn $name(&self $(, $arg: $ty)*) -> Result<$ret> {
                    self.rw($func)?;
                    self.driver().$cb(self $(, $arg)*)
                }
            )*
        }
    };
}

macro_rules! simple_ro {
    ($(
        $(#[$doc:meta])*
        $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty => $cb:ident;
    )*) => {
        impl Domain {
            $(
                $(#[$doc])*
                pub fn $name(&self $(, $arg: $ty)*) -> Result<$ret> {
                    self.driver().$cb(self $(, $arg)*)
                }
            )*
        }
    };
}

simple_rw! {
    /// `virDomainDestroy`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.destroy().unwrap_err().message().ends_with("virDomainDestroy"));
    /// ```
    destroy() -> () = "virDomainDestroy" => domain_destroy;
    /// `virDomainDestroyFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainDestroyFlags as F;
    /// assert!(ro.destroy_flags(F::GRACEFUL).unwrap_err().message().ends_with("virDomainDestroyFlags"));
    /// ```
    destroy_flags(flags: DomainDestroyFlags) -> () = "virDomainDestroyFlags" => domain_destroy_flags;
    /// `virDomainSuspend`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.suspend().is_err());
    /// ```
    suspend() -> () = "virDomainSuspend" => domain_suspend;
    /// `virDomainResume`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.resume().unwrap_err().message().ends_with("virDomainResume"));
    /// ```
    resume() -> () = "virDomainResume" => domain_resume;
    /// `virDomainPMSuspendForDuration`: `target` is a `virNodeSuspendTarget` number.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.pm_suspend_for_duration(0, 0, 0).is_err());
    /// ```
    pm_suspend_for_duration(target: u32, duration: u64, flags: u32) -> ()
        = "virDomainPMSuspendForDuration" => domain_pm_suspend_for_duration;
    /// `virDomainPMWakeup`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.pm_wakeup(0).is_err());
    /// ```
    pm_wakeup(flags: u32) -> () = "virDomainPMWakeup" => domain_pm_wakeup;
    /// `virDomainShutdown`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.shutdown().is_err());
    /// ```
    shutdown() -> () = "virDomainShutdown" => domain_shutdown;
    /// `virDomainShutdownFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainShutdownFlags as F;
    /// assert!(ro.shutdown_flags(F::ACPI_POWER_BTN).is_err());
    /// ```
    shutdown_flags(flags: DomainShutdownFlags) -> () = "virDomainShutdownFlags" => domain_shutdown_flags;
    /// `virDomainReboot`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.reboot(virtkit_api::flags::DomainRebootFlags::DEFAULT).is_err());
    /// ```
    reboot(flags: DomainRebootFlags) -> () = "virDomainReboot" => domain_reboot;
    /// `virDomainReset`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.reset(0).is_err());
    /// ```
    reset(flags: u32) -> () = "virDomainReset" => domain_reset;
    /// `virDomainUndefine`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.undefine().is_err());
    /// ```
    undefine() -> () = "virDomainUndefine" => domain_undefine;
    /// `virDomainUndefineFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.undefine_flags(virtkit_api::flags::DomainUndefineFlags::NVRAM).is_err());
    /// ```
    undefine_flags(flags: DomainUndefineFlags) -> () = "virDomainUndefineFlags" => domain_undefine_flags;
    /// `virDomainCreate`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.create().is_err());
    /// ```
    create() -> () = "virDomainCreate" => domain_create;
    /// `virDomainCreateWithFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.create_with_flags(virtkit_api::flags::DomainCreateFlags::START_PAUSED).is_err());
    /// ```
    create_with_flags(flags: DomainCreateFlags) -> () = "virDomainCreateWithFlags" => domain_create_with_flags;
    /// `virDomainSetLifecycleAction`. (libvirt's bound checks on `type` and `action` are
    /// the enums' types here.)
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::{enums::{DomainLifecycle, DomainLifecycleAction}, flags::DomainModificationImpact};
    /// let r = ro.set_lifecycle_action(DomainLifecycle::Reboot, DomainLifecycleAction::Destroy, DomainModificationImpact::CONFIG);
    /// assert!(r.is_err());
    /// ```
    set_lifecycle_action(type_: DomainLifecycle, action: DomainLifecycleAction, flags: DomainModificationImpact) -> ()
        = "virDomainSetLifecycleAction" => domain_set_lifecycle_action;
    /// `virDomainManagedSaveRemove`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.managed_save_remove(0).is_err());
    /// ```
    managed_save_remove(flags: u32) -> () = "virDomainManagedSaveRemove" => domain_managed_save_remove;
    /// `virDomainAddIOThread`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.add_iothread(1, Default::default()).is_err());
    /// ```
    add_iothread(iothread_id: u32, flags: DomainModificationImpact) -> () = "virDomainAddIOThread" => domain_add_iothread;
    /// `virDomainSetVcpu`: `vcpumap` is a cpu list such as `"1-2"`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_vcpu("1", true, Default::default()).is_err());
    /// ```
    set_vcpu(vcpumap: &str, state: bool, flags: DomainModificationImpact) -> () = "virDomainSetVcpu" => domain_set_vcpu;
    /// `virDomainAbortJob`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.abort_job().is_err());
    /// ```
    abort_job() -> () = "virDomainAbortJob" => domain_abort_job;
    /// `virDomainAbortJobFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.abort_job_flags(Default::default()).is_err());
    /// ```
    abort_job_flags(flags: DomainAbortJobFlags) -> () = "virDomainAbortJobFlags" => domain_abort_job_flags;
    /// `virDomainBlockResize`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_resize("vda", 1 << 30, Default::default()).is_err());
    /// ```
    block_resize(disk: &str, size: u64, flags: DomainBlockResizeFlags) -> () = "virDomainBlockResize" => domain_block_resize;
    /// `virDomainBlockJobAbort`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_job_abort("vda", Default::default()).is_err());
    /// ```
    block_job_abort(disk: &str, flags: DomainBlockJobAbortFlags) -> () = "virDomainBlockJobAbort" => domain_block_job_abort;
    /// `virDomainBlockJobSetSpeed`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_job_set_speed("vda", 1, Default::default()).is_err());
    /// ```
    block_job_set_speed(disk: &str, bandwidth: u64, flags: DomainBlockJobSetSpeedFlags) -> ()
        = "virDomainBlockJobSetSpeed" => domain_block_job_set_speed;
    /// `virDomainBlockPull`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_pull("vda", 0, Default::default()).is_err());
    /// ```
    block_pull(disk: &str, bandwidth: u64, flags: DomainBlockPullFlags) -> () = "virDomainBlockPull" => domain_block_pull;
    /// `virDomainBlockCommit`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_commit("vda", None, None, 0, Default::default()).is_err());
    /// ```
    block_commit(disk: &str, base: Option<&str>, top: Option<&str>, bandwidth: u64, flags: DomainBlockCommitFlags) -> ()
        = "virDomainBlockCommit" => domain_block_commit;
    /// `virDomainSetBlockThreshold`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_block_threshold("vda", 1, 0).is_err());
    /// ```
    set_block_threshold(dev: &str, threshold: u64, flags: u32) -> () = "virDomainSetBlockThreshold" => domain_set_block_threshold;
    /// `virDomainMigrateSetMaxDowntime` (milliseconds).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.migrate_set_max_downtime(30, 0).is_err());
    /// ```
    migrate_set_max_downtime(downtime: u64, flags: u32) -> () = "virDomainMigrateSetMaxDowntime" => domain_migrate_set_max_downtime;
    /// `virDomainMigrateSetCompressionCache` (bytes).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.migrate_set_compression_cache(1 << 20, 0).is_err());
    /// ```
    migrate_set_compression_cache(cache_size: u64, flags: u32) -> ()
        = "virDomainMigrateSetCompressionCache" => domain_migrate_set_compression_cache;
    /// `virDomainMigrateSetMaxSpeed` (MiB/s).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.migrate_set_max_speed(100, Default::default()).is_err());
    /// ```
    migrate_set_max_speed(bandwidth: u64, flags: DomainMigrateMaxSpeedFlags) -> ()
        = "virDomainMigrateSetMaxSpeed" => domain_migrate_set_max_speed;
    /// `virDomainMigrateStartPostCopy`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.migrate_start_post_copy(0).is_err());
    /// ```
    migrate_start_post_copy(flags: u32) -> () = "virDomainMigrateStartPostCopy" => domain_migrate_start_post_copy;
    /// `virDomainGetHostname` (read-write connections only: it may ask the guest agent).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.hostname(Default::default()).is_err());
    /// ```
    hostname(flags: DomainGetHostnameFlags) -> String = "virDomainGetHostname" => domain_get_hostname;
    /// `virDomainFSTrim`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.fs_trim(None, 0, 0).is_err());
    /// ```
    fs_trim(mountpoint: Option<&str>, minimum: u64, flags: u32) -> () = "virDomainFSTrim" => domain_fs_trim;
    /// `virDomainFSFreeze`: the mount points to freeze (all when empty); returns how many
    /// file systems were frozen.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.fs_freeze(&[], 0).is_err());
    /// ```
    fs_freeze(mountpoints: &[&str], flags: u32) -> i32 = "virDomainFSFreeze" => domain_fs_freeze;
    /// `virDomainFSThaw`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.fs_thaw(&["/"], 0).is_err());
    /// ```
    fs_thaw(mountpoints: &[&str], flags: u32) -> i32 = "virDomainFSThaw" => domain_fs_thaw;
    /// `virDomainGetTime` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.time(0).is_err());
    /// ```
    time(flags: u32) -> GuestTime = "virDomainGetTime" => domain_get_time;
    /// `virDomainSetTime`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_time(0, 0, Default::default()).is_err());
    /// ```
    set_time(seconds: i64, nseconds: u32, flags: DomainSetTimeFlags) -> () = "virDomainSetTime" => domain_set_time;
    /// `virDomainSetUserPassword`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_user_password("root", "pw", Default::default()).is_err());
    /// ```
    set_user_password(user: &str, password: &str, flags: DomainSetUserPasswordFlags) -> ()
        = "virDomainSetUserPassword" => domain_set_user_password;
    /// `virDomainGetFSInfo` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.fs_info(0).is_err());
    /// ```
    fs_info(flags: u32) -> Vec<FsInfo> = "virDomainGetFSInfo" => domain_get_fs_info;
    /// `virDomainGetGuestVcpus` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.guest_vcpus(0).is_err());
    /// ```
    guest_vcpus(flags: u32) -> TypedParams = "virDomainGetGuestVcpus" => domain_get_guest_vcpus;
    /// `virDomainSetGuestVcpus`: `cpumap` is a cpu list.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_guest_vcpus("1", false, 0).is_err());
    /// ```
    set_guest_vcpus(cpumap: &str, state: bool, flags: u32) -> () = "virDomainSetGuestVcpus" => domain_set_guest_vcpus;
    /// `virDomainGetGuestInfo` (read-write connections only); `types` is a
    /// `virDomainGuestInfoTypes` mask.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.guest_info(0, 0).is_err());
    /// ```
    guest_info(types: u32, flags: u32) -> TypedParams = "virDomainGetGuestInfo" => domain_get_guest_info;
    /// `virDomainAgentSetResponseTimeout` (seconds, or a `virDomainAgentResponseTimeoutValues`).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.agent_set_response_timeout(-1, 0).is_err());
    /// ```
    agent_set_response_timeout(timeout: i32, flags: u32) -> ()
        = "virDomainAgentSetResponseTimeout" => domain_agent_set_response_timeout;
    /// `virDomainInjectNMI`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.inject_nmi(0).is_err());
    /// ```
    inject_nmi(flags: u32) -> () = "virDomainInjectNMI" => domain_inject_nmi;
    /// `virDomainGraphicsReload`: `type_` is a `virDomainGraphicsReloadType` number.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.graphics_reload(0, 0).is_err());
    /// ```
    graphics_reload(type_: u32, flags: u32) -> () = "virDomainGraphicsReload" => domain_graphics_reload;
}

simple_ro! {
    /// `virDomainHasManagedSaveImage`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.has_managed_save_image(0).is_err());
    /// ```
    has_managed_save_image(flags: u32) -> bool => domain_has_managed_save_image;
    /// `virDomainGetMaxVcpus`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.max_vcpus().is_err());
    /// ```
    max_vcpus() -> i32 => domain_get_max_vcpus;
    /// `virDomainGetSchedulerType`: the scheduler name and its number of parameters.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.scheduler_type().is_err());
    /// ```
    scheduler_type() -> (String, i32) => domain_get_scheduler_type;
    /// `virDomainGetSchedulerParameters` (no flags; every parameter).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.scheduler_parameters().is_err());
    /// ```
    scheduler_parameters() -> TypedParams => domain_get_scheduler_parameters;
    /// `virDomainBlockStats`. (libvirt's `size` argument, which lets old callers pass a
    /// shorter structure, has no Rust counterpart: the whole structure is returned.)
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.block_stats("vda").is_err());
    /// ```
    block_stats(disk: &str) -> BlockStats => domain_block_stats;
    /// `virDomainInterfaceStats` (the whole structure; see [`Domain::block_stats`]).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.interface_stats("vnet0").is_err());
    /// ```
    interface_stats(device: &str) -> InterfaceStats => domain_interface_stats;
    /// `virDomainGetJobInfo`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.job_info().is_err());
    /// ```
    job_info() -> JobInfo => domain_get_job_info;
    /// `virDomainGetDiskErrors`: every disk error (the caller-sized array of C is the
    /// returned vector).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.disk_errors(0).is_err());
    /// ```
    disk_errors(flags: u32) -> Vec<DiskError> => domain_get_disk_errors;
    /// `virDomainGetBlockJobInfo`: `None` when the disk has no job (C's return 0).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.block_job_info("vda", Default::default()).is_err());
    /// ```
    block_job_info(disk: &str, flags: DomainBlockJobInfoFlags) -> Option<BlockJobInfo> => domain_get_block_job_info;
    /// `virDomainBackupGetXMLDesc`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.backup_xml_desc(0).is_err());
    /// ```
    backup_xml_desc(flags: u32) -> String => domain_backup_get_xml_desc;
    /// `virDomainMigrateGetCompressionCache`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.migrate_compression_cache(0).is_err());
    /// ```
    migrate_compression_cache(flags: u32) -> u64 => domain_migrate_get_compression_cache;
    /// `virDomainMigrateGetMaxDowntime`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.migrate_max_downtime(0).is_err());
    /// ```
    migrate_max_downtime(flags: u32) -> u64 => domain_migrate_get_max_downtime;
}

impl Domain {
    // ---- G02 with checks ----

    /// `virDomainCreateWithFiles`: with files, the driver must support fd passing.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.create_with_files(&[3], Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "argument unsupported: fd passing is not supported by this connection");
    /// ```
    pub fn create_with_files(&self, files: &[i32], flags: DomainCreateFlags) -> Result<()> {
        self.rw("virDomainCreateWithFiles")?;
        if !files.is_empty() {
            self.0.conn.fd_passing()?;
        }
        self.driver().domain_create_with_files(self, files, flags)
    }

    // ---- G03: save, core dump, managed save ----

    /// `virDomainSave`: `to` is made absolute, as libvirt does.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.save("/tmp/vm.save").is_err());
    /// ```
    pub fn save(&self, to: &str) -> Result<()> {
        self.rw("virDomainSave")?;
        let to = absolute_path(to, "output")?;
        self.driver().domain_save(self, &to)
    }

    /// `virDomainSaveFlags`: `VIR_DOMAIN_SAVE_RUNNING` and `_PAUSED` are exclusive.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainSaveRestoreFlags as F;
    /// assert!(dom.save_flags("/x", None, F::RUNNING | F::PAUSED).unwrap_err().message().contains("mutually exclusive"));
    /// ```
    pub fn save_flags(
        &self,
        to: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.rw("virDomainSaveFlags")?;
        save_running_paused(flags)?;
        let to = absolute_path(to, "output")?;
        self.driver().domain_save_flags(self, &to, dxml, flags)
    }

    /// `virDomainSaveParams` (no check of the parameters at this layer, as in libvirt).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.save_params(&Default::default(), Default::default()).is_err());
    /// ```
    pub fn save_params(&self, params: &TypedParams, flags: DomainSaveRestoreFlags) -> Result<()> {
        self.rw("virDomainSaveParams")?;
        save_running_paused(flags)?;
        check_setter(Setter::SaveParams, Some(params), len_i32(params), true)?;
        self.driver().domain_save_params(self, params, flags)
    }

    /// `virDomainCoreDump`: `CRASH`, `LIVE` and `RESET` are pairwise exclusive.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainCoreDumpFlags as F;
    /// let e = dom.core_dump("/x", F::LIVE | F::RESET).unwrap_err();
    /// assert_eq!(e.message(), "Flags 'VIR_DUMP_LIVE' and 'VIR_DUMP_RESET' are mutually exclusive");
    /// ```
    pub fn core_dump(&self, to: &str, flags: DomainCoreDumpFlags) -> Result<()> {
        self.rw("virDomainCoreDump")?;
        dump_flags(flags)?;
        let to = absolute_path(to, "core")?;
        self.driver().domain_core_dump(self, &to, flags)
    }

    /// `virDomainCoreDumpWithFormat` (the `dumpformat` bound is the enum's type).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::enums::DomainCoreDumpFormat;
    /// assert!(ro.core_dump_with_format("/x", DomainCoreDumpFormat::Raw, Default::default()).is_err());
    /// ```
    pub fn core_dump_with_format(
        &self,
        to: &str,
        format: DomainCoreDumpFormat,
        flags: DomainCoreDumpFlags,
    ) -> Result<()> {
        self.rw("virDomainCoreDumpWithFormat")?;
        dump_flags(flags)?;
        let to = absolute_path(to, "core")?;
        self.driver().domain_core_dump_with_format(self, &to, format, flags)
    }

    /// `virDomainManagedSave`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.managed_save(Default::default()).unwrap_err().is_no_support());
    /// ```
    pub fn managed_save(&self, flags: DomainSaveRestoreFlags) -> Result<()> {
        self.rw("virDomainManagedSave")?;
        save_running_paused(flags)?;
        self.driver().domain_managed_save(self, flags)
    }

    /// `virDomainManagedSaveGetXMLDesc`: `VIR_DOMAIN_SAVE_IMAGE_XML_SECURE` is refused on a
    /// read-only connection.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainSaveImageXMLFlags as F;
    /// let e = ro.managed_save_xml_desc(F::SECURE).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: virDomainManagedSaveGetXMLDesc with secure flag");
    /// ```
    pub fn managed_save_xml_desc(&self, flags: DomainSaveImageXMLFlags) -> Result<String> {
        if self.0.conn.is_read_only() && flags.contains(DomainSaveImageXMLFlags::SECURE) {
            return Err(Error::report(
                ErrorCode::OperationDenied,
                "virDomainManagedSaveGetXMLDesc with secure flag",
            ));
        }
        self.driver().domain_managed_save_get_xml_desc(self, flags)
    }

    /// `virDomainManagedSaveDefineXML`: the flag check comes first, as in libvirt.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainSaveRestoreFlags as F;
    /// let e = ro.managed_save_define_xml(None, F::RUNNING | F::PAUSED).unwrap_err();
    /// assert!(e.message().contains("mutually exclusive"));
    /// ```
    pub fn managed_save_define_xml(
        &self,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        save_running_paused(flags)?;
        self.rw("virDomainManagedSaveDefineXML")?;
        self.driver().domain_managed_save_define_xml(self, dxml, flags)
    }

    // ---- G04: memory ----

    /// `virDomainGetMaxMemory`: maximum memory in KiB. A driver answer of 0 is an error, as
    /// in libvirt (which cannot tell it from failure); virtkit reports it as
    /// `internal error: maximum memory of 0 KiB`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.max_memory()?, 8 << 20);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn max_memory(&self) -> Result<u64> {
        match self.driver().domain_get_max_memory(self)? {
            0 => Err(Error::report(ErrorCode::InternalError, "maximum memory of 0 KiB")),
            n => Ok(n),
        }
    }

    fn memory_checks(&self, func: &str, memory: u64) -> Result<()> {
        self.rw(func)?;
        if memory == 0 {
            return Err(Error::zero_arg("memory", func));
        }
        if memory >= MEMORY_MAX_KIB {
            return Err(Error::overflow(format!("input too large: {memory}")));
        }
        Ok(())
    }

    /// `virDomainSetMaxMemory` (KiB): non-zero and below [`MEMORY_MAX_KIB`].
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.set_max_memory(1 << 62).unwrap_err();
    /// assert_eq!(e.message(), "numerical overflow: input too large: 4611686018427387904");
    /// ```
    pub fn set_max_memory(&self, memory: u64) -> Result<()> {
        self.memory_checks("virDomainSetMaxMemory", memory)?;
        self.driver().domain_set_max_memory(self, memory)
    }

    /// `virDomainSetMemory` (KiB).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.set_memory(0).unwrap_err().message(), "memory in virDomainSetMemory must not be zero");
    /// ```
    pub fn set_memory(&self, memory: u64) -> Result<()> {
        self.memory_checks("virDomainSetMemory", memory)?;
        self.driver().domain_set_memory(self, memory)
    }

    /// `virDomainSetMemoryFlags` (KiB).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_memory_flags(0, Default::default()).is_err());
    /// ```
    pub fn set_memory_flags(&self, memory: u64, flags: DomainMemoryModFlags) -> Result<()> {
        self.memory_checks("virDomainSetMemoryFlags", memory)?;
        self.driver().domain_set_memory_flags(self, memory, flags)
    }

    /// `virDomainSetMemoryStatsPeriod` (seconds, non-negative).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.set_memory_stats_period(-1, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "period in virDomainSetMemoryStatsPeriod must be zero or greater");
    /// ```
    pub fn set_memory_stats_period(&self, period: i32, flags: DomainMemoryModFlags) -> Result<()> {
        self.rw("virDomainSetMemoryStatsPeriod")?;
        if period < 0 {
            return Err(Error::negative("period", "virDomainSetMemoryStatsPeriod"));
        }
        self.driver().domain_set_memory_stats_period(self, period, flags)
    }

    /// `virDomainMemoryPeek`: `VIR_MEMORY_VIRTUAL` and `VIR_MEMORY_PHYSICAL` are exclusive;
    /// returns `size` bytes.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMemoryFlags as F;
    /// let e = dom.memory_peek(0, 8, F::VIRTUAL | F::PHYSICAL).unwrap_err();
    /// assert_eq!(e.message(), "Flags 'VIR_MEMORY_VIRTUAL' and 'VIR_MEMORY_PHYSICAL' are mutually exclusive");
    /// ```
    pub fn memory_peek(
        &self,
        start: u64,
        size: usize,
        flags: DomainMemoryFlags,
    ) -> Result<Vec<u8>> {
        self.rw("virDomainMemoryPeek")?;
        if both(flags.bits(), DomainMemoryFlags::VIRTUAL.bits(), DomainMemoryFlags::PHYSICAL.bits())
        {
            return Err(Error::exclusive_flags("VIR_MEMORY_VIRTUAL", "VIR_MEMORY_PHYSICAL"));
        }
        self.driver().domain_memory_peek(self, start, size, flags)
    }

    // ---- G05: vCPUs, pinning, IOThreads ----

    /// `virDomainSetVcpus`: `nvcpus` must not be zero.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.set_vcpus(0).unwrap_err().message(), "nvcpus in virDomainSetVcpus must not be zero");
    /// ```
    pub fn set_vcpus(&self, nvcpus: u32) -> Result<()> {
        self.rw("virDomainSetVcpus")?;
        if nvcpus == 0 {
            return Err(Error::zero_arg("nvcpus", "virDomainSetVcpus"));
        }
        self.driver().domain_set_vcpus(self, nvcpus)
    }

    /// `virDomainSetVcpusFlags`: `VCPU_MAXIMUM` needs `AFFECT_CONFIG`, `VCPU_GUEST` excludes
    /// `AFFECT_CONFIG`, then `nvcpus` must not be zero.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainVcpuFlags as F;
    /// let e = dom.set_vcpus_flags(1, F::MAXIMUM | F::LIVE).unwrap_err();
    /// assert_eq!(e.message(), "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'");
    /// ```
    pub fn set_vcpus_flags(&self, nvcpus: u32, flags: DomainVcpuFlags) -> Result<()> {
        const F: &str = "virDomainSetVcpusFlags";
        self.rw(F)?;
        if flags.contains(DomainVcpuFlags::MAXIMUM) && !flags.contains(DomainVcpuFlags::CONFIG) {
            return Err(Error::required_flag(
                "VIR_DOMAIN_VCPU_MAXIMUM",
                "VIR_DOMAIN_AFFECT_CONFIG",
            ));
        }
        if both(flags.bits(), DomainVcpuFlags::GUEST.bits(), DomainVcpuFlags::CONFIG.bits()) {
            return Err(Error::exclusive_flags(
                "VIR_DOMAIN_VCPU_GUEST",
                "VIR_DOMAIN_AFFECT_CONFIG",
            ));
        }
        if nvcpus == 0 {
            return Err(Error::zero_arg("nvcpus", F));
        }
        self.driver().domain_set_vcpus_flags(self, nvcpus, flags)
    }

    /// `virDomainGetVcpusFlags`: `VCPU_GUEST` needs a read-write connection;
    /// `AFFECT_LIVE` and `AFFECT_CONFIG` are exclusive.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainVcpuFlags as F;
    /// assert!(ro.vcpus_flags(F::GUEST).unwrap_err().message().ends_with("virDomainGetVcpusFlags"));
    /// assert!(ro.vcpus_flags(F::LIVE | F::CONFIG).unwrap_err().message().contains("exclusive"));
    /// ```
    pub fn vcpus_flags(&self, flags: DomainVcpuFlags) -> Result<i32> {
        if flags.contains(DomainVcpuFlags::GUEST) {
            self.rw("virDomainGetVcpusFlags")?;
        }
        live_config(flags.bits())?;
        self.driver().domain_get_vcpus_flags(self, flags)
    }

    /// `virDomainPinVcpu`: `cpumap` is a byte cpumap of at least one byte (its length is
    /// C's `maplen`).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.pin_vcpu(0, &[]).unwrap_err().message(), "maplen in virDomainPinVcpu must be greater than zero");
    /// ```
    pub fn pin_vcpu(&self, vcpu: u32, cpumap: &[u8]) -> Result<()> {
        self.rw("virDomainPinVcpu")?;
        check_pin(Entry::PinVcpu, Some(cpumap), map_len(cpumap))?;
        self.driver().domain_pin_vcpu(self, vcpu, cpumap)
    }

    /// `virDomainPinVcpuFlags`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.pin_vcpu_flags(0, &[1], Default::default()).unwrap_err().is_no_support());
    /// ```
    pub fn pin_vcpu_flags(
        &self,
        vcpu: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.rw("virDomainPinVcpuFlags")?;
        check_pin(Entry::PinVcpuFlags, Some(cpumap), map_len(cpumap))?;
        self.driver().domain_pin_vcpu_flags(self, vcpu, cpumap, flags)
    }

    /// `virDomainGetVcpuPinInfo`: the pinning of up to `ncpumaps` vCPUs, `maplen` bytes each.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.vcpu_pin_info(65536, 65536, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "numerical overflow: input too large: 65536 * 65536");
    /// ```
    pub fn vcpu_pin_info(
        &self,
        ncpumaps: i32,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<CpuMaps> {
        output_check(check_get_vcpu_pin_info(ncpumaps, Some(&[]), maplen, flags.bits()))?;
        self.driver().domain_get_vcpu_pin_info(self, ncpumaps, maplen, flags)
    }

    /// `virDomainPinEmulator`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.pin_emulator(&[1], Default::default()).is_err());
    /// ```
    pub fn pin_emulator(&self, cpumap: &[u8], flags: DomainModificationImpact) -> Result<()> {
        self.rw("virDomainPinEmulator")?;
        check_pin(Entry::PinEmulator, Some(cpumap), map_len(cpumap))?;
        self.driver().domain_pin_emulator(self, cpumap, flags)
    }

    /// `virDomainGetEmulatorPinInfo`: the emulator threads' cpumap of `maplen` bytes.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.emulator_pin_info(0, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "maplen in virDomainGetEmulatorPinInfo must be greater than zero");
    /// ```
    pub fn emulator_pin_info(
        &self,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<Vec<u8>> {
        output_check(check_get_emulator_pin_info(Some(&[]), maplen, flags.bits()))?;
        self.driver().domain_get_emulator_pin_info(self, maplen, flags)
    }

    /// `virDomainGetVcpus`: up to `maxinfo` vCPUs and, with `Some(maplen)`, their cpumaps.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.vcpus(0, None).unwrap_err();
    /// assert_eq!(e.message(), "maxinfo in virDomainGetVcpus must be greater than zero");
    /// ```
    pub fn vcpus(&self, maxinfo: i32, maplen: Option<i32>) -> Result<Vcpus> {
        let maps: Option<&[u8]> = maplen.map(|_| &[][..]);
        output_check(check_get_vcpus(true, maxinfo, maps, maplen.unwrap_or(0)))?;
        self.driver().domain_get_vcpus(self, maxinfo, maplen.unwrap_or(0))
    }

    /// `virDomainGetIOThreadInfo`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainModificationImpact as F;
    /// assert!(dom.iothread_info(F::LIVE | F::CONFIG).unwrap_err().message().contains("exclusive"));
    /// ```
    pub fn iothread_info(&self, flags: DomainModificationImpact) -> Result<Vec<IOThreadInfo>> {
        live_config(flags.bits())?;
        self.driver().domain_get_iothread_info(self, flags)
    }

    /// `virDomainPinIOThread`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.pin_iothread(1, &[], Default::default()).is_err());
    /// ```
    pub fn pin_iothread(
        &self,
        iothread_id: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.rw("virDomainPinIOThread")?;
        check_pin(Entry::PinIOThread, Some(cpumap), map_len(cpumap))?;
        self.driver().domain_pin_iothread(self, iothread_id, cpumap, flags)
    }

    /// `virDomainDelIOThread`: `iothread_id` must not be zero.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.del_iothread(0, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "iothread_id in virDomainDelIOThread must not be zero");
    /// ```
    pub fn del_iothread(&self, iothread_id: u32, flags: DomainModificationImpact) -> Result<()> {
        self.rw("virDomainDelIOThread")?;
        if iothread_id == 0 {
            return Err(Error::zero_arg("iothread_id", "virDomainDelIOThread"));
        }
        self.driver().domain_del_iothread(self, iothread_id, flags)
    }

    /// `virDomainSetIOThreadParams`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.set_iothread_params(1, &Default::default(), Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "nparams in virDomainSetIOThreadParams must be greater than zero");
    /// ```
    pub fn set_iothread_params(
        &self,
        iothread_id: u32,
        params: &TypedParams,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.rw("virDomainSetIOThreadParams")?;
        self.setter(Setter::SetIOThreadParams, params)?;
        self.driver().domain_set_iothread_params(self, iothread_id, params, flags)
    }

    // ---- G06: tuning with typed parameters ----

    /// `virDomainSetMemoryParameters`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_memory_parameters(&Default::default(), 0).is_err());
    /// ```
    pub fn set_memory_parameters(&self, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetMemoryParameters")?;
        self.setter(Setter::SetMemoryParameters, params)?;
        self.driver().domain_set_memory_parameters(self, params, flags)
    }

    /// `virDomainGetMemoryParameters`: every parameter (libvirt's sizing call is not needed).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.memory_parameters(3).unwrap_err().message().contains("exclusive"));
    /// ```
    pub fn memory_parameters(&self, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetMemoryParameters, flags)?;
        self.driver().domain_get_memory_parameters(self, flags)
    }

    /// `virDomainSetNumaParameters`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_numa_parameters(&Default::default(), 0).is_err());
    /// ```
    pub fn set_numa_parameters(&self, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetNumaParameters")?;
        self.setter(Setter::SetNumaParameters, params)?;
        self.driver().domain_set_numa_parameters(self, params, flags)
    }

    /// `virDomainGetNumaParameters` (no LIVE/CONFIG exclusion, as in libvirt).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.numa_parameters(3).unwrap_err().is_no_support());
    /// ```
    pub fn numa_parameters(&self, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetNumaParameters, flags)?;
        self.driver().domain_get_numa_parameters(self, flags)
    }

    /// `virDomainSetBlkioParameters` (an empty list is allowed, as in libvirt).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_blkio_parameters(&Default::default(), 0).unwrap_err().is_no_support());
    /// ```
    pub fn set_blkio_parameters(&self, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetBlkioParameters")?;
        self.setter(Setter::SetBlkioParameters, params)?;
        self.driver().domain_set_blkio_parameters(self, params, flags)
    }

    /// `virDomainGetBlkioParameters`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.blkio_parameters(0).is_err());
    /// ```
    pub fn blkio_parameters(&self, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetBlkioParameters, flags)?;
        self.driver().domain_get_blkio_parameters(self, flags)
    }

    /// `virDomainGetSchedulerParametersFlags`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.scheduler_parameters_flags(3).unwrap_err().message().contains("exclusive"));
    /// ```
    pub fn scheduler_parameters_flags(&self, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetSchedulerParametersFlags, flags)?;
        self.driver().domain_get_scheduler_parameters_flags(self, flags)
    }

    /// `virDomainSetSchedulerParameters` (an empty list is allowed).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_scheduler_parameters(&Default::default()).is_err());
    /// ```
    pub fn set_scheduler_parameters(&self, params: &TypedParams) -> Result<()> {
        self.rw("virDomainSetSchedulerParameters")?;
        self.setter(Setter::SetSchedulerParameters, params)?;
        self.driver().domain_set_scheduler_parameters(self, params)
    }

    /// `virDomainSetSchedulerParametersFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.set_scheduler_parameters_flags(&Default::default(), 0).is_err());
    /// ```
    pub fn set_scheduler_parameters_flags(&self, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetSchedulerParametersFlags")?;
        self.setter(Setter::SetSchedulerParametersFlags, params)?;
        self.driver().domain_set_scheduler_parameters_flags(self, params, flags)
    }

    /// `virDomainSetInterfaceParameters`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_interface_parameters("vnet0", &Default::default(), 0).is_err());
    /// ```
    pub fn set_interface_parameters(
        &self,
        device: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.rw("virDomainSetInterfaceParameters")?;
        self.setter(Setter::SetInterfaceParameters, params)?;
        self.driver().domain_set_interface_parameters(self, device, params, flags)
    }

    /// `virDomainGetInterfaceParameters` (no LIVE/CONFIG exclusion, as in libvirt).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.interface_parameters("vnet0", 0).is_err());
    /// ```
    pub fn interface_parameters(&self, device: &str, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetInterfaceParameters, flags)?;
        self.driver().domain_get_interface_parameters(self, device, flags)
    }

    /// `virDomainGetPerfEvents`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.perf_events(0).is_err());
    /// ```
    pub fn perf_events(&self, flags: u32) -> Result<TypedParams> {
        self.driver().domain_get_perf_events(self, flags)
    }

    /// `virDomainSetPerfEvents`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.set_perf_events(&Default::default(), 0).is_err());
    /// ```
    pub fn set_perf_events(&self, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetPerfEvents")?;
        self.setter(Setter::SetPerfEvents, params)?;
        self.driver().domain_set_perf_events(self, params, flags)
    }

    /// `virDomainSetBlockIoTune`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// let e = dom.set_block_io_tune("vda", &Default::default(), 0).unwrap_err();
    /// assert_eq!(e.message(), "nparams in virDomainSetBlockIoTune must be greater than zero");
    /// ```
    pub fn set_block_io_tune(&self, disk: &str, params: &TypedParams, flags: u32) -> Result<()> {
        self.rw("virDomainSetBlockIoTune")?;
        self.setter(Setter::SetBlockIoTune, params)?;
        self.driver().domain_set_block_io_tune(self, disk, params, flags)
    }

    /// `virDomainGetBlockIoTune`: `disk` `None` asks for the parameters any disk supports.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.block_io_tune(Some("vda"), 0).is_err());
    /// ```
    pub fn block_io_tune(&self, disk: Option<&str>, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::GetBlockIoTune, flags)?;
        self.driver().domain_get_block_io_tune(self, disk, flags)
    }

    // ---- G07: statistics and jobs ----

    /// `virDomainBlockStatsFlags`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.block_stats_flags("vda", 0).is_err());
    /// ```
    pub fn block_stats_flags(&self, disk: &str, flags: u32) -> Result<TypedParams> {
        let flags = self.getter(Getter::BlockStatsFlags, flags)?;
        self.driver().domain_block_stats_flags(self, disk, flags)
    }

    /// `virDomainMemoryStats`: at most `nr_stats` statistics; 0 asks for nothing and returns
    /// nothing without calling the driver, and larger counts are clamped to
    /// `VIR_DOMAIN_MEMORY_STAT_NR`, as in libvirt.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.memory_stats(0, 0)?.is_empty());
    /// assert!(dom.memory_stats(4, 0).unwrap_err().is_no_support());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn memory_stats(&self, nr_stats: u32, flags: u32) -> Result<Vec<MemoryStat>> {
        if nr_stats == 0 {
            return Ok(Vec::new());
        }
        let nr = nr_stats.min(DomainMemoryStatTags::LAST as u32);
        self.driver().domain_memory_stats(self, nr, flags)
    }

    /// `virDomainGetBlockInfo`: `disk` must not be empty.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.block_info("", 0).unwrap_err().message(), "string disk in virDomainGetBlockInfo must not be empty");
    /// ```
    pub fn block_info(&self, disk: &str, flags: u32) -> Result<BlockInfo> {
        non_empty(disk, "disk", "virDomainGetBlockInfo")?;
        self.driver().domain_get_block_info(self, disk, flags)
    }

    /// `virDomainGetJobStats`: `KEEP_COMPLETED` needs `COMPLETED`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainGetJobStatsFlags as F;
    /// let e = dom.job_stats(F::KEEP_COMPLETED).unwrap_err();
    /// assert_eq!(e.message(), "Flag 'VIR_DOMAIN_JOB_STATS_COMPLETED' is required by flag 'VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED'");
    /// ```
    pub fn job_stats(&self, flags: DomainGetJobStatsFlags) -> Result<JobStats> {
        if flags.contains(DomainGetJobStatsFlags::KEEP_COMPLETED)
            && !flags.contains(DomainGetJobStatsFlags::COMPLETED)
        {
            return Err(Error::required_flag(
                "VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED",
                "VIR_DOMAIN_JOB_STATS_COMPLETED",
            ));
        }
        self.driver().domain_get_job_stats(self, flags)
    }

    /// `virDomainGetCPUStats`: per-CPU statistics for `ncpus` CPUs from `start_cpu`, or the
    /// totals with `start_cpu == -1` (then `ncpus` must be 1).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.cpu_stats(-1, 2, 0).unwrap_err().message(), "ncpus must be 1 when start_cpu is -1");
    /// assert_eq!(dom.cpu_stats(-2, 1, 0).unwrap_err().message(), "start_cpu in virDomainGetCPUStats must be zero or greater");
    /// ```
    pub fn cpu_stats(&self, start_cpu: i32, ncpus: u32, flags: u32) -> Result<Vec<TypedParams>> {
        if start_cpu == -1 {
            if ncpus != 1 {
                return Err(Error::invalid_arg("ncpus must be 1 when start_cpu is -1"));
            }
        } else if start_cpu < 0 {
            return Err(Error::negative("start_cpu", "virDomainGetCPUStats"));
        }
        let flags = if self.strings_ok()? {
            flags | virtkit_typedparams::checks::STRING_OKAY
        } else {
            flags
        };
        self.driver().domain_get_cpu_stats(self, start_cpu, ncpus, flags)
    }

    /// `virDomainListGetStats`: statistics of `doms`, which must be non-empty and all on one
    /// connection.
    ///
    /// ```
    /// use virtkit_api::{Domain, flags::{ConnectGetAllDomainStatsFlags as F, DomainStatsTypes as S}};
    /// let e = Domain::list_get_stats(&[], S::STATE, F::empty()).unwrap_err();
    /// assert_eq!(e.message(), "invalid argument: doms array in virDomainListGetStats must contain at least one domain");
    /// ```
    pub fn list_get_stats(
        doms: &[Domain],
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<StatsRecord>> {
        let Some(first) = doms.first() else {
            return Err(Error::report(
                ErrorCode::InvalidArg,
                "doms array in virDomainListGetStats must contain at least one domain",
            ));
        };
        let conn = first.connect();
        if doms.iter().any(|d| d.connect() != conn) {
            return Err(Error::report(
                ErrorCode::InvalidArg,
                "domains in 'doms' array must belong to a single connection",
            ));
        }
        conn.driver().connect_get_all_domain_stats(conn, doms, stats, flags).map_err(|e| {
            if e == Error::no_support("virConnectGetAllDomainStats") {
                Error::no_support("virDomainListGetStats")
            } else {
                e
            }
        })
    }

    /// `virDomainStartDirtyRateCalc`: the three modes are pairwise exclusive.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainDirtyRateCalcFlags as F;
    /// let e = dom.start_dirty_rate_calc(1, F::DIRTY_BITMAP | F::DIRTY_RING).unwrap_err();
    /// assert!(e.message().contains("'VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP' and 'VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING'"));
    /// ```
    pub fn start_dirty_rate_calc(
        &self,
        seconds: i32,
        flags: DomainDirtyRateCalcFlags,
    ) -> Result<()> {
        use DomainDirtyRateCalcFlags as F;
        self.rw("virDomainStartDirtyRateCalc")?;
        let modes = [
            (F::PAGE_SAMPLING, "VIR_DOMAIN_DIRTYRATE_MODE_PAGE_SAMPLING"),
            (F::DIRTY_BITMAP, "VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP"),
            (F::DIRTY_RING, "VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING"),
        ];
        for (i, (a, an)) in modes.iter().enumerate() {
            for (b, bn) in &modes[i + 1..] {
                if both(flags.bits(), a.bits(), b.bits()) {
                    return Err(Error::exclusive_flags(an, bn));
                }
            }
        }
        self.driver().domain_start_dirty_rate_calc(self, seconds, flags)
    }

    // ---- G08: devices (the XML is checked before the connection, as in libvirt) ----

    /// `virDomainAttachDevice`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.attach_device("<disk/>").is_err());
    /// ```
    pub fn attach_device(&self, xml: &str) -> Result<()> {
        self.rw("virDomainAttachDevice")?;
        self.driver().domain_attach_device(self, xml)
    }

    /// `virDomainAttachDeviceFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.attach_device_flags("<disk/>", Default::default()).is_err());
    /// ```
    pub fn attach_device_flags(&self, xml: &str, flags: DomainDeviceModifyFlags) -> Result<()> {
        self.rw("virDomainAttachDeviceFlags")?;
        self.driver().domain_attach_device_flags(self, xml, flags)
    }

    /// `virDomainDetachDevice`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.detach_device("<disk/>").is_err());
    /// ```
    pub fn detach_device(&self, xml: &str) -> Result<()> {
        self.rw("virDomainDetachDevice")?;
        self.driver().domain_detach_device(self, xml)
    }

    /// `virDomainDetachDeviceFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.detach_device_flags("<disk/>", Default::default()).is_err());
    /// ```
    pub fn detach_device_flags(&self, xml: &str, flags: DomainDeviceModifyFlags) -> Result<()> {
        self.rw("virDomainDetachDeviceFlags")?;
        self.driver().domain_detach_device_flags(self, xml, flags)
    }

    /// `virDomainUpdateDeviceFlags`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.update_device_flags("<disk/>", Default::default()).is_err());
    /// ```
    pub fn update_device_flags(&self, xml: &str, flags: DomainDeviceModifyFlags) -> Result<()> {
        self.rw("virDomainUpdateDeviceFlags")?;
        self.driver().domain_update_device_flags(self, xml, flags)
    }

    /// `virDomainDetachDeviceAlias`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.detach_device_alias("ua-disk", Default::default()).is_err());
    /// ```
    pub fn detach_device_alias(&self, alias: &str, flags: DomainDeviceModifyFlags) -> Result<()> {
        self.rw("virDomainDetachDeviceAlias")?;
        self.driver().domain_detach_device_alias(self, alias, flags)
    }

    // ---- G09: block devices ----

    /// `virDomainBlockPeek`: `disk` must not be empty; returns `size` bytes.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.block_peek("", 0, 1, 0).unwrap_err().message(), "string disk in virDomainBlockPeek must not be empty");
    /// ```
    pub fn block_peek(&self, disk: &str, offset: u64, size: usize, flags: u32) -> Result<Vec<u8>> {
        self.rw("virDomainBlockPeek")?;
        non_empty(disk, "disk", "virDomainBlockPeek")?;
        self.driver().domain_block_peek(self, disk, offset, size, flags)
    }

    /// `virDomainBlockRebase`: `REBASE_COPY` needs a `base`; the copy-only flags need
    /// `REBASE_COPY`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainBlockRebaseFlags as F;
    /// assert_eq!(dom.block_rebase("vda", None, 0, F::SHALLOW).unwrap_err().message(), "use of flags requires a copy job");
    /// assert_eq!(dom.block_rebase("vda", None, 0, F::COPY).unwrap_err().message(), "base in virDomainBlockRebase must not be NULL");
    /// ```
    pub fn block_rebase(
        &self,
        disk: &str,
        base: Option<&str>,
        bandwidth: u64,
        flags: DomainBlockRebaseFlags,
    ) -> Result<()> {
        use DomainBlockRebaseFlags as F;
        self.rw("virDomainBlockRebase")?;
        if flags.contains(F::COPY) {
            if base.is_none() {
                return Err(Error::null_arg("base", "virDomainBlockRebase"));
            }
        } else if flags.intersects(F::SHALLOW | F::REUSE_EXT | F::COPY_RAW | F::COPY_DEV) {
            return Err(Error::invalid_arg("use of flags requires a copy job"));
        }
        self.driver().domain_block_rebase(self, disk, base, bandwidth, flags)
    }

    /// `virDomainBlockCopy`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.block_copy("vda", "<disk/>", &Default::default(), Default::default()).is_err());
    /// ```
    pub fn block_copy(
        &self,
        disk: &str,
        destxml: &str,
        params: &TypedParams,
        flags: DomainBlockCopyFlags,
    ) -> Result<()> {
        self.rw("virDomainBlockCopy")?;
        check_setter(Setter::BlockCopy, Some(params), len_i32(params), true)?;
        self.driver().domain_block_copy(self, disk, destxml, params, flags)
    }

    /// `virDomainBackupBegin`.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.backup_begin("<domainbackup/>", None, Default::default()).is_err());
    /// ```
    pub fn backup_begin(
        &self,
        backup_xml: &str,
        checkpoint_xml: Option<&str>,
        flags: DomainBackupBeginFlags,
    ) -> Result<()> {
        self.rw("virDomainBackupBegin")?;
        self.driver().domain_backup_begin(self, backup_xml, checkpoint_xml, flags)
    }

    // ---- G10: migration tunables with checks ----

    /// `virDomainMigrateGetMaxSpeed` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.migrate_max_speed(Default::default()).unwrap_err().message().ends_with("virDomainMigrateGetMaxSpeed"));
    /// ```
    pub fn migrate_max_speed(&self, flags: DomainMigrateMaxSpeedFlags) -> Result<u64> {
        self.rw("virDomainMigrateGetMaxSpeed")?;
        self.driver().domain_migrate_get_max_speed(self, flags)
    }

    // ---- G12: metadata ----

    /// `virDomainSetMetadata`: a title has no newline; title and description take no
    /// `key`/`uri`; element metadata needs a `uri`, and a `key` when setting.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::enums::DomainMetadataType as T;
    /// let e = dom.set_metadata(T::Title, Some("a\nb"), None, None, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "metadata title can't contain newlines");
    /// let e = dom.set_metadata(T::Element, Some("<a/>"), None, None, Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "uri in virDomainSetMetadata must not be NULL");
    /// ```
    pub fn set_metadata(
        &self,
        type_: DomainMetadataType,
        metadata: Option<&str>,
        key: Option<&str>,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        const F: &str = "virDomainSetMetadata";
        self.rw(F)?;
        match type_ {
            DomainMetadataType::Title | DomainMetadataType::Description => {
                if type_ == DomainMetadataType::Title && metadata.is_some_and(|m| m.contains('\n'))
                {
                    return Err(Error::invalid_arg("metadata title can't contain newlines"));
                }
                if uri.is_some() {
                    return Err(Error::must_be_null("uri", F));
                }
                if key.is_some() {
                    return Err(Error::must_be_null("key", F));
                }
            }
            DomainMetadataType::Element => {
                if uri.is_none() {
                    return Err(Error::null_arg("uri", F));
                }
                if metadata.is_some() && key.is_none() {
                    return Err(Error::null_arg("key", F));
                }
            }
        }
        self.driver().domain_set_metadata(self, type_, metadata, key, uri, flags)
    }

    /// `virDomainGetMetadata`.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::enums::DomainMetadataType as T;
    /// let e = dom.metadata(T::Title, Some("urn:x"), Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "uri in virDomainGetMetadata must be NULL");
    /// ```
    pub fn metadata(
        &self,
        type_: DomainMetadataType,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<String> {
        const F: &str = "virDomainGetMetadata";
        live_config(flags.bits())?;
        match type_ {
            DomainMetadataType::Title | DomainMetadataType::Description if uri.is_some() => {
                return Err(Error::must_be_null("uri", F));
            }
            DomainMetadataType::Element if uri.is_none() => {
                return Err(Error::null_arg("uri", F));
            }
            _ => {}
        }
        self.driver().domain_get_metadata(self, type_, uri, flags)
    }

    // ---- G13: guest agent with checks ----

    /// `virDomainInterfaceAddresses`: asking the agent needs a read-write connection.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::enums::DomainInterfaceAddressesSource as S;
    /// assert!(ro.interface_addresses(S::Agent, 0).unwrap_err().message().ends_with("virDomainInterfaceAddresses"));
    /// assert!(ro.interface_addresses(S::Lease, 0).unwrap_err().is_no_support());
    /// ```
    pub fn interface_addresses(
        &self,
        source: DomainInterfaceAddressesSource,
        flags: u32,
    ) -> Result<Vec<Interface>> {
        if source == DomainInterfaceAddressesSource::Agent {
            self.rw("virDomainInterfaceAddresses")?;
        }
        self.driver().domain_interface_addresses(self, source, flags)
    }

    /// `virDomainAuthorizedSSHKeysGet` (the read-only check comes last, as in libvirt).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.authorized_ssh_keys("root", 0).is_err());
    /// ```
    pub fn authorized_ssh_keys(&self, user: &str, flags: u32) -> Result<Vec<String>> {
        self.rw("virDomainAuthorizedSSHKeysGet")?;
        self.driver().domain_authorized_ssh_keys_get(self, user, flags)
    }

    /// `virDomainAuthorizedSSHKeysSet`: `APPEND` and `REMOVE` need `keys` and exclude each
    /// other; `keys` `None` with neither flag clears the keys.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainAuthorizedSSHKeysSetFlags as F;
    /// let e = ro.set_authorized_ssh_keys("root", None, F::APPEND).unwrap_err();
    /// assert_eq!(e.message(), "keys in virDomainAuthorizedSSHKeysSet must not be NULL");
    /// ```
    pub fn set_authorized_ssh_keys(
        &self,
        user: &str,
        keys: Option<&[&str]>,
        flags: DomainAuthorizedSSHKeysSetFlags,
    ) -> Result<()> {
        use DomainAuthorizedSSHKeysSetFlags as F;
        const FUNC: &str = "virDomainAuthorizedSSHKeysSet";
        if flags.intersects(F::APPEND | F::REMOVE) && keys.is_none() {
            return Err(Error::null_arg("keys", FUNC));
        }
        if both(flags.bits(), F::APPEND.bits(), F::REMOVE.bits()) {
            return Err(Error::exclusive_flags(
                "VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND",
                "VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE",
            ));
        }
        self.rw(FUNC)?;
        self.driver().domain_authorized_ssh_keys_set(self, user, keys.unwrap_or(&[]), flags)
    }

    // ---- G15: misc ----

    fn same_stream_conn(&self, st: &Stream) -> Result<()> {
        if st.connect() == self.connect() {
            Ok(())
        } else {
            Err(Error::invalid_arg(format!(
                "stream must match connection of domain '{}'",
                self.name()
            )))
        }
    }

    /// `virDomainScreenshot`: the screen's image is sent over `stream` (which must belong to
    /// the domain's connection); returns its MIME type.
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// let st = virtkit_api::Stream::new(&conn, 0);
    /// assert!(dom.screenshot(&st, 0, 0).unwrap_err().is_no_support());
    /// ```
    pub fn screenshot(&self, stream: &Stream, screen: u32, flags: u32) -> Result<String> {
        self.rw("virDomainScreenshot")?;
        self.same_stream_conn(stream)?;
        self.driver().domain_screenshot(self, stream, screen, flags)
    }

    /// `virDomainOpenConsole`: connects `st` to a console (`None` for the first one).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// let st = virtkit_api::Stream::new(&conn, 0);
    /// assert!(ro.open_console(None, &st, 0).unwrap_err().message().ends_with("virDomainOpenConsole"));
    /// ```
    pub fn open_console(&self, dev_name: Option<&str>, st: &Stream, flags: u32) -> Result<()> {
        self.rw("virDomainOpenConsole")?;
        self.same_stream_conn(st)?;
        self.driver().domain_open_console(self, dev_name, st, flags)
    }

    /// `virDomainOpenChannel`: connects `st` to a channel (`None` for the first one).
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// let st = virtkit_api::Stream::new(&conn, 0);
    /// assert!(dom.open_channel(Some("org.qemu.guest_agent.0"), &st, 0).unwrap_err().is_no_support());
    /// ```
    pub fn open_channel(&self, name: Option<&str>, st: &Stream, flags: u32) -> Result<()> {
        self.rw("virDomainOpenChannel")?;
        self.same_stream_conn(st)?;
        self.driver().domain_open_channel(self, name, st, flags)
    }

    /// `virDomainSendKey`: 1 to 16 key codes.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::enums::KeycodeSet;
    /// assert_eq!(dom.send_key(KeycodeSet::Linux, 0, &[1; 17], 0).unwrap_err().message(), "nkeycodes must be <= 16");
    /// ```
    pub fn send_key(
        &self,
        codeset: KeycodeSet,
        holdtime: u32,
        keycodes: &[u32],
        flags: u32,
    ) -> Result<()> {
        self.rw("virDomainSendKey")?;
        if keycodes.is_empty() {
            return Err(Error::not_positive("nkeycodes", "virDomainSendKey"));
        }
        if keycodes.len() > SEND_KEY_MAX_KEYS {
            return Err(Error::invalid_arg(format!("nkeycodes must be <= {SEND_KEY_MAX_KEYS}")));
        }
        self.driver().domain_send_key(self, codeset, holdtime, keycodes, flags)
    }

    /// `virDomainSendProcessSignal`: `pid_value` must not be zero (checked before the
    /// read-only check, as in libvirt).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::enums::DomainProcessSignal as S;
    /// let e = ro.send_process_signal(0, S::Term, 0).unwrap_err();
    /// assert_eq!(e.message(), "pid_value in virDomainSendProcessSignal must not be zero");
    /// ```
    pub fn send_process_signal(
        &self,
        pid_value: i64,
        signum: DomainProcessSignal,
        flags: u32,
    ) -> Result<()> {
        if pid_value == 0 {
            return Err(Error::zero_arg("pid_value", "virDomainSendProcessSignal"));
        }
        self.rw("virDomainSendProcessSignal")?;
        self.driver().domain_send_process_signal(self, pid_value, signum, flags)
    }

    /// `virDomainOpenGraphics`: `fd` must be non-negative and the driver must pass fds.
    /// (libvirt's `fstat` and "must be a socket" checks of the descriptor are left to the
    /// driver: this crate has no access to descriptors.)
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(dom.open_graphics(0, -1, 0).unwrap_err().message(), "fd in virDomainOpenGraphics must be zero or greater");
    /// ```
    pub fn open_graphics(&self, idx: u32, fd: i32, flags: u32) -> Result<()> {
        if fd < 0 {
            return Err(Error::negative("fd", "virDomainOpenGraphics"));
        }
        self.rw("virDomainOpenGraphics")?;
        self.0.conn.fd_passing()?;
        self.driver().domain_open_graphics(self, idx, fd, flags)
    }

    /// `virDomainOpenGraphicsFD`: the driver must pass fds.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.open_graphics_fd(0, 0).unwrap_err().message().starts_with("argument unsupported"));
    /// ```
    pub fn open_graphics_fd(&self, idx: u32, flags: u32) -> Result<i32> {
        self.rw("virDomainOpenGraphicsFD")?;
        self.0.conn.fd_passing()?;
        self.driver().domain_open_graphics_fd(self, idx, flags)
    }

    /// `virDomainGetLaunchSecurityInfo` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.launch_security_info(0).is_err());
    /// ```
    pub fn launch_security_info(&self, flags: u32) -> Result<TypedParams> {
        self.rw("virDomainGetLaunchSecurityInfo")?;
        let flags = if self.strings_ok()? {
            flags | virtkit_typedparams::checks::STRING_OKAY
        } else {
            flags
        };
        self.driver().domain_get_launch_security_info(self, flags)
    }

    /// `virDomainSetLaunchSecurityState`: the parameter checks come before the read-only
    /// check, as in libvirt.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// let e = ro.set_launch_security_state(&Default::default(), 0).unwrap_err();
    /// assert_eq!(e.message(), "nparams in virDomainSetLaunchSecurityState must be greater than zero");
    /// ```
    pub fn set_launch_security_state(&self, params: &TypedParams, flags: u32) -> Result<()> {
        let setter = Setter::SetLaunchSecurityState;
        check_setter(setter, Some(params), len_i32(params), true)?;
        self.rw("virDomainSetLaunchSecurityState")?;
        validate_set(params, self.strings_ok()?)?;
        self.driver().domain_set_launch_security_state(self, params, flags)
    }

    /// `virDomainFDAssociate`: fd passing first, then at least one fd, then the read-only
    /// check, as in libvirt.
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// assert!(dom.fd_associate("name", &[], Default::default()).unwrap_err().message().starts_with("argument unsupported"));
    /// ```
    pub fn fd_associate(
        &self,
        name: &str,
        fds: &[i32],
        flags: DomainFDAssociateFlags,
    ) -> Result<()> {
        self.0.conn.fd_passing()?;
        if fds.is_empty() {
            return Err(Error::zero_arg("nfds", "virDomainFDAssociate"));
        }
        self.rw("virDomainFDAssociate")?;
        self.driver().domain_fd_associate(self, name, fds, flags)
    }

    // ---- I01: migration steps on the source ----

    /// `virDomainMigratePerform` (v1/v2, source).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(dom.migrate_perform(&[], "tcp://h", F::LIVE, Some(""), 0).unwrap_err().message().contains("dname"));
    /// ```
    pub fn migrate_perform(
        &self,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        const F: &str = "virDomainMigratePerform";
        self.rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_perform(self, cookie, uri, flags, dname, bandwidth)
    }

    /// `virDomainMigrateBegin3` (v3, source).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(dom.migrate_begin3(None, F::LIVE, None, 0).unwrap_err().is_no_support());
    /// ```
    pub fn migrate_begin3(
        &self,
        xmlin: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<MigrateBegun> {
        const F: &str = "virDomainMigrateBegin3";
        self.rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_begin3(self, xmlin, flags, dname, bandwidth)
    }

    /// `virDomainMigratePerform3` (v3, source): returns the cookie for Finish3.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(ro.migrate_perform3(None, &[], None, None, F::LIVE, None, 0).is_err());
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn migrate_perform3(
        &self,
        xmlin: Option<&str>,
        cookiein: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<Vec<u8>> {
        const F: &str = "virDomainMigratePerform3";
        self.rw(F)?;
        dname_check(dname, F)?;
        self.driver()
            .domain_migrate_perform3(self, xmlin, cookiein, dconnuri, uri, flags, dname, bandwidth)
    }

    /// `virDomainMigrateConfirm3` (v3, source).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(ro.migrate_confirm3(&[], F::LIVE, false).is_err());
    /// ```
    pub fn migrate_confirm3(
        &self,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        self.rw("virDomainMigrateConfirm3")?;
        self.driver().domain_migrate_confirm3(self, cookiein, flags, cancelled)
    }

    /// `virDomainMigrateBegin3Params` (v3 with parameters, source).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(dom.migrate_begin3_params(&Default::default(), F::LIVE).unwrap_err().is_no_support());
    /// ```
    pub fn migrate_begin3_params(
        &self,
        params: &TypedParams,
        flags: DomainMigrateFlags,
    ) -> Result<MigrateBegun> {
        const F: &str = "virDomainMigrateBegin3Params";
        self.rw(F)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_begin3_params(self, params, flags)
    }

    /// `virDomainMigratePerform3Params` (v3 with parameters, source).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(dom.migrate_perform3_params(None, &Default::default(), &[], F::LIVE).is_err());
    /// ```
    pub fn migrate_perform3_params(
        &self,
        dconnuri: Option<&str>,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        const F: &str = "virDomainMigratePerform3Params";
        self.rw(F)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_perform3_params(self, dconnuri, params, cookiein, flags)
    }

    /// `virDomainMigrateConfirm3Params` (v3 with parameters, source).
    ///
    /// ```
    /// # let (_, dom) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(dom.migrate_confirm3_params(&Default::default(), &[], F::LIVE, true).is_err());
    /// ```
    pub fn migrate_confirm3_params(
        &self,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        const F: &str = "virDomainMigrateConfirm3Params";
        self.rw(F)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_confirm3_params(self, params, cookiein, flags, cancelled)
    }
}

fn dump_flags(flags: DomainCoreDumpFlags) -> Result<()> {
    use DomainCoreDumpFlags as F;
    let pairs = [
        (F::CRASH, F::LIVE, "VIR_DUMP_CRASH", "VIR_DUMP_LIVE"),
        (F::CRASH, F::RESET, "VIR_DUMP_CRASH", "VIR_DUMP_RESET"),
        (F::LIVE, F::RESET, "VIR_DUMP_LIVE", "VIR_DUMP_RESET"),
    ];
    for (a, b, an, bn) in pairs {
        if both(flags.bits(), a.bits(), b.bits()) {
            return Err(Error::exclusive_flags(an, bn));
        }
    }
    Ok(())
}

/// A cpumap's length as C's `int maplen`.
fn map_len(cpumap: &[u8]) -> i32 {
    i32::try_from(cpumap.len()).unwrap_or(i32::MAX)
}
