//! The `Driver` seam: one method per hypervisor-driver callback that `libvirt-domain.c`
//! calls, each defaulting to libvirt's "not supported" error naming the public function, plus
//! the feature probe.
//!
//! A driver implements what it supports; the public layer ([`Connect`], [`Domain`]) has
//! already checked the arguments in libvirt's order, so a driver sees only calls that passed
//! them (a read-write connection where one is needed, non-empty names, positive counts,
//! exclusive flags resolved). Unknown flag bits are passed through for the driver to reject,
//! as libvirt leaves `virCheckFlags` to drivers.
//!
//! Getters of the two-call typed-parameter protocol return every parameter at once; the
//! public layer has already added [`STRING_OKAY`](virtkit_typedparams::checks::STRING_OKAY)
//! to their flags when [`Driver::supports_feature`] says `TYPED_PARAM_STRING`.
//!
//! ```
//! use std::sync::Arc;
//! use virtkit_api::{Connect, Domain, Driver, Result};
//!
//! struct Host;
//! impl Driver for Host {
//!     fn domain_get_os_type(&self, _dom: &Domain) -> Result<String> {
//!         Ok("hvm".into())
//!     }
//! }
//! let conn = Connect::with_driver(Arc::new(Host), "host:///", false);
//! let dom = Domain::new(&conn, "vm", Default::default(), 1);
//! assert_eq!(dom.os_type()?, "hvm");
//! assert!(dom.suspend().unwrap_err().is_no_support());
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use virtkit_cpumap::CpuMaps;
use virtkit_typedparams::TypedParams;

use crate::connect::Connect;
use crate::domain::Domain;
use crate::enums::{
    DomainCoreDumpFormat, DomainEventID, DomainInterfaceAddressesSource, DomainLifecycle,
    DomainLifecycleAction, DomainMetadataType, DomainProcessSignal, KeycodeSet,
};
use crate::error::{Error, Result};
use crate::events::DomainEventCallback;
use crate::flags::{
    ConnectGetAllDomainStatsFlags, ConnectListAllDomainsFlags, DomainAbortJobFlags,
    DomainAuthorizedSSHKeysSetFlags, DomainBackupBeginFlags, DomainBlockCommitFlags,
    DomainBlockCopyFlags, DomainBlockJobAbortFlags, DomainBlockJobInfoFlags,
    DomainBlockJobSetSpeedFlags, DomainBlockPullFlags, DomainBlockRebaseFlags,
    DomainBlockResizeFlags, DomainCoreDumpFlags, DomainCreateFlags, DomainDefineFlags,
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

/// libvirt's internal driver features (`virDrvFeature`, `VIR_DRV_FEATURE_*`), probed with
/// [`Driver::supports_feature`]. The numbers are libvirt's (`libvirt_internal.h`, an
/// append-only list that the remote protocol carries).
///
/// ```
/// use virtkit_api::DrvFeature;
/// assert_eq!(DrvFeature::FdPassing as i32, 8);
/// assert_eq!(DrvFeature::MigrationV3.c_name(), "VIR_DRV_FEATURE_MIGRATION_V3");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(i32)]
pub enum DrvFeature {
    /// Migration protocol version 1 (Prepare, Perform, Finish).
    MigrationV1 = 1,
    /// The driver is the remote driver.
    Remote = 2,
    /// Migration protocol version 2 (Prepare2, Perform, Finish2).
    MigrationV2 = 3,
    /// Peer-to-peer migration.
    MigrationP2p = 4,
    /// Direct migration (the hypervisor manages it).
    MigrationDirect = 5,
    /// Migration protocol version 3 (Begin3, Prepare3, Perform3, Finish3, Confirm3).
    MigrationV3 = 6,
    /// `VIR_MIGRATE_CHANGE_PROTECTION`.
    MigrateChangeProtection = 7,
    /// File descriptors can be passed.
    FdPassing = 8,
    /// Typed parameters may be strings.
    TypedParamString = 9,
    /// The peer runs the keepalive program (answered by the RPC layer).
    ProgramKeepalive = 10,
    /// `VIR_DOMAIN_XML_MIGRATABLE` is supported.
    XmlMigratable = 11,
    /// Offline migration.
    MigrationOffline = 12,
    /// The v3 protocol with typed parameters.
    MigrationParams = 13,
    /// Remote event callbacks with server-side filtering.
    RemoteEventCallback = 14,
    /// Remote close callbacks.
    RemoteCloseCallback = 15,
}

impl DrvFeature {
    /// The C name.
    ///
    /// ```
    /// assert_eq!(virtkit_api::DrvFeature::FdPassing.c_name(), "VIR_DRV_FEATURE_FD_PASSING");
    /// ```
    pub const fn c_name(self) -> &'static str {
        match self {
            DrvFeature::MigrationV1 => "VIR_DRV_FEATURE_MIGRATION_V1",
            DrvFeature::Remote => "VIR_DRV_FEATURE_REMOTE",
            DrvFeature::MigrationV2 => "VIR_DRV_FEATURE_MIGRATION_V2",
            DrvFeature::MigrationP2p => "VIR_DRV_FEATURE_MIGRATION_P2P",
            DrvFeature::MigrationDirect => "VIR_DRV_FEATURE_MIGRATION_DIRECT",
            DrvFeature::MigrationV3 => "VIR_DRV_FEATURE_MIGRATION_V3",
            DrvFeature::FdPassing => "VIR_DRV_FEATURE_FD_PASSING",
            DrvFeature::TypedParamString => "VIR_DRV_FEATURE_TYPED_PARAM_STRING",
            DrvFeature::XmlMigratable => "VIR_DRV_FEATURE_XML_MIGRATABLE",
            DrvFeature::MigrationOffline => "VIR_DRV_FEATURE_MIGRATION_OFFLINE",
            DrvFeature::MigrationParams => "VIR_DRV_FEATURE_MIGRATION_PARAMS",
            DrvFeature::MigrateChangeProtection => "VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION",
            DrvFeature::ProgramKeepalive => "VIR_DRV_FEATURE_PROGRAM_KEEPALIVE",
            DrvFeature::RemoteEventCallback => "VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK",
            DrvFeature::RemoteCloseCallback => "VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK",
        }
    }
}

/// What a migration Prepare step returns: the destination's cookie and, when the destination
/// chose it, the migration URI.
///
/// ```
/// let p = virtkit_api::MigratePrepared::default();
/// assert!(p.cookie.is_empty() && p.uri.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MigratePrepared {
    /// The cookie for the next step.
    pub cookie: Vec<u8>,
    /// The URI the source must migrate to, if the destination set one.
    pub uri: Option<String>,
}

/// What `Begin3` returns: the domain XML to send and the source's cookie.
///
/// ```
/// let b = virtkit_api::MigrateBegun { xml: "<domain/>".into(), cookie: vec![] };
/// assert_eq!(b.xml, "<domain/>");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MigrateBegun {
    /// The domain XML for the destination.
    pub xml: String,
    /// The cookie for Prepare3.
    pub cookie: Vec<u8>,
}

/// What `Finish3` returns: the domain on the destination (none when the migration was
/// cancelled or failed) and the destination's cookie.
///
/// ```
/// let f = virtkit_api::MigrateFinished::default();
/// assert!(f.dom.is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct MigrateFinished {
    /// The migrated domain.
    pub dom: Option<Domain>,
    /// The cookie for Confirm3.
    pub cookie: Vec<u8>,
}

macro_rules! driver_trait {
    ($(
        $cb:literal, $func:literal:
        fn $name:ident(&self $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty;
    )*) => {
        /// A hypervisor driver (`virHypervisorDriver`): what a [`Connect`] dispatches to.
        ///
        /// Every method but [`Driver::supports_feature`] and [`Driver::close`] defaults to
        /// [`Error::no_support`] naming the public function, exactly as libvirt reports a
        /// driver without the callback. See the [module documentation](self) for an example.
        pub trait Driver: Send + Sync + 'static {
            /// `connectSupportsFeature` behind `VIR_DRV_SUPPORTS_FEATURE`: an error, no
            /// (`Ok(false)`, the default, as for a driver without the callback) or yes.
            fn supports_feature(&self, conn: &Connect, feature: DrvFeature) -> Result<bool> {
                let _ = (conn, feature);
                Ok(false)
            }

            /// `connectClose`: the last handle of the connection is gone. The default does
            /// nothing.
            fn close(&self) -> Result<()> {
                Ok(())
            }

            $(
                #[doc = concat!("`", $cb, "`, behind `", $func, "`.")]
                #[allow(clippy::too_many_arguments)]
                fn $name(&self $(, $arg: $ty)*) -> Result<$ret> {
                    $(let _ = $arg;)*
                    Err(Error::no_support($func))
                }
            )*
        }

        /// Every driver callback of [`Driver`] with the public function that reports its
        /// absence: `(callback, public function, Rust method)`.
        ///
        /// ```
        /// let n = virtkit_api::driver::CALLBACKS.len();
        /// assert!(n > 150);
        /// ```
        pub const CALLBACKS: &[(&str, &str, &str)] = &[$(($cb, $func, stringify!($name))),*];
    };
}

driver_trait! {
    // G01: connection, listing, lookup, identity, XML and info.
    "connectListDomains", "virConnectListDomains":
        fn connect_list_domains(&self, conn: &Connect, maxids: i32) -> Vec<i32>;
    "connectNumOfDomains", "virConnectNumOfDomains":
        fn connect_num_of_domains(&self, conn: &Connect) -> i32;
    "domainLookupByID", "virDomainLookupByID":
        fn domain_lookup_by_id(&self, conn: &Connect, id: i32) -> Domain;
    "domainLookupByUUID", "virDomainLookupByUUID":
        fn domain_lookup_by_uuid(&self, conn: &Connect, uuid: &Uuid) -> Domain;
    "domainLookupByName", "virDomainLookupByName":
        fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Domain;
    "domainGetOSType", "virDomainGetOSType":
        fn domain_get_os_type(&self, dom: &Domain) -> String;
    "domainGetInfo", "virDomainGetInfo":
        fn domain_get_info(&self, dom: &Domain) -> DomainInfo;
    "domainGetState", "virDomainGetState":
        fn domain_get_state(&self, dom: &Domain, flags: u32) -> StateReason;
    "domainGetControlInfo", "virDomainGetControlInfo":
        fn domain_get_control_info(&self, dom: &Domain, flags: u32) -> ControlInfo;
    "domainGetXMLDesc", "virDomainGetXMLDesc":
        fn domain_get_xml_desc(&self, dom: &Domain, flags: DomainXMLFlags) -> String;
    "connectDomainXMLFromNative", "virConnectDomainXMLFromNative":
        fn connect_domain_xml_from_native(
            &self, conn: &Connect, native_format: &str, native_config: &str, flags: u32,
        ) -> String;
    "connectDomainXMLToNative", "virConnectDomainXMLToNative":
        fn connect_domain_xml_to_native(
            &self, conn: &Connect, native_format: &str, domain_xml: &str, flags: u32,
        ) -> String;
    "connectNumOfDefinedDomains", "virConnectNumOfDefinedDomains":
        fn connect_num_of_defined_domains(&self, conn: &Connect) -> i32;
    "connectListDefinedDomains", "virConnectListDefinedDomains":
        fn connect_list_defined_domains(&self, conn: &Connect, maxnames: i32) -> Vec<String>;
    "connectListAllDomains", "virConnectListAllDomains":
        fn connect_list_all_domains(
            &self, conn: &Connect, flags: ConnectListAllDomainsFlags,
        ) -> Vec<Domain>;
    "domainGetAutostart", "virDomainGetAutostart":
        fn domain_get_autostart(&self, dom: &Domain) -> bool;
    "domainSetAutostart", "virDomainSetAutostart":
        fn domain_set_autostart(&self, dom: &Domain, autostart: bool) -> ();
    "domainGetSecurityLabel", "virDomainGetSecurityLabel":
        fn domain_get_security_label(&self, dom: &Domain) -> SecurityLabel;
    "domainGetSecurityLabelList", "virDomainGetSecurityLabelList":
        fn domain_get_security_label_list(&self, dom: &Domain) -> Vec<SecurityLabel>;
    "domainIsActive", "virDomainIsActive":
        fn domain_is_active(&self, dom: &Domain) -> bool;
    "domainIsPersistent", "virDomainIsPersistent":
        fn domain_is_persistent(&self, dom: &Domain) -> bool;
    "domainRename", "virDomainRename":
        fn domain_rename(&self, dom: &Domain, new_name: &str, flags: u32) -> ();
    "domainIsUpdated", "virDomainIsUpdated":
        fn domain_is_updated(&self, dom: &Domain) -> bool;
    "connectGetDomainCapabilities", "virConnectGetDomainCapabilities":
        fn connect_get_domain_capabilities(
            &self,
            conn: &Connect,
            emulatorbin: Option<&str>,
            arch: Option<&str>,
            machine: Option<&str>,
            virttype: Option<&str>,
            flags: u32,
        ) -> String;
    "domainGetMessages", "virDomainGetMessages":
        fn domain_get_messages(&self, dom: &Domain, flags: u32) -> Vec<String>;

    // G02: lifecycle.
    "domainCreateXML", "virDomainCreateXML":
        fn domain_create_xml(&self, conn: &Connect, xml: &str, flags: DomainCreateFlags) -> Domain;
    "domainCreateXMLWithFiles", "virDomainCreateXMLWithFiles":
        fn domain_create_xml_with_files(
            &self, conn: &Connect, xml: &str, files: &[i32], flags: DomainCreateFlags,
        ) -> Domain;
    "domainDestroy", "virDomainDestroy":
        fn domain_destroy(&self, dom: &Domain) -> ();
    "domainDestroyFlags", "virDomainDestroyFlags":
        fn domain_destroy_flags(&self, dom: &Domain, flags: DomainDestroyFlags) -> ();
    "domainSuspend", "virDomainSuspend":
        fn domain_suspend(&self, dom: &Domain) -> ();
    "domainResume", "virDomainResume":
        fn domain_resume(&self, dom: &Domain) -> ();
    "domainPMSuspendForDuration", "virDomainPMSuspendForDuration":
        fn domain_pm_suspend_for_duration(
            &self, dom: &Domain, target: u32, duration: u64, flags: u32,
        ) -> ();
    "domainPMWakeup", "virDomainPMWakeup":
        fn domain_pm_wakeup(&self, dom: &Domain, flags: u32) -> ();
    "domainShutdown", "virDomainShutdown":
        fn domain_shutdown(&self, dom: &Domain) -> ();
    "domainShutdownFlags", "virDomainShutdownFlags":
        fn domain_shutdown_flags(&self, dom: &Domain, flags: DomainShutdownFlags) -> ();
    "domainReboot", "virDomainReboot":
        fn domain_reboot(&self, dom: &Domain, flags: DomainRebootFlags) -> ();
    "domainReset", "virDomainReset":
        fn domain_reset(&self, dom: &Domain, flags: u32) -> ();
    "domainDefineXML", "virDomainDefineXML":
        fn domain_define_xml(&self, conn: &Connect, xml: &str) -> Domain;
    "domainDefineXMLFlags", "virDomainDefineXMLFlags":
        fn domain_define_xml_flags(&self, conn: &Connect, xml: &str, flags: DomainDefineFlags) -> Domain;
    "domainUndefine", "virDomainUndefine":
        fn domain_undefine(&self, dom: &Domain) -> ();
    "domainUndefineFlags", "virDomainUndefineFlags":
        fn domain_undefine_flags(&self, dom: &Domain, flags: DomainUndefineFlags) -> ();
    "domainCreate", "virDomainCreate":
        fn domain_create(&self, dom: &Domain) -> ();
    "domainCreateWithFlags", "virDomainCreateWithFlags":
        fn domain_create_with_flags(&self, dom: &Domain, flags: DomainCreateFlags) -> ();
    "domainCreateWithFiles", "virDomainCreateWithFiles":
        fn domain_create_with_files(&self, dom: &Domain, files: &[i32], flags: DomainCreateFlags) -> ();
    "domainSetLifecycleAction", "virDomainSetLifecycleAction":
        fn domain_set_lifecycle_action(
            &self,
            dom: &Domain,
            type_: DomainLifecycle,
            action: DomainLifecycleAction,
            flags: DomainModificationImpact,
        ) -> ();

    // G03: save, restore, managed save, core dump.
    "domainSave", "virDomainSave":
        fn domain_save(&self, dom: &Domain, to: &str) -> ();
    "domainSaveFlags", "virDomainSaveFlags":
        fn domain_save_flags(
            &self, dom: &Domain, to: &str, dxml: Option<&str>, flags: DomainSaveRestoreFlags,
        ) -> ();
    "domainSaveParams", "virDomainSaveParams":
        fn domain_save_params(
            &self, dom: &Domain, params: &TypedParams, flags: DomainSaveRestoreFlags,
        ) -> ();
    "domainRestore", "virDomainRestore":
        fn domain_restore(&self, conn: &Connect, from: &str) -> ();
    "domainRestoreFlags", "virDomainRestoreFlags":
        fn domain_restore_flags(
            &self, conn: &Connect, from: &str, dxml: Option<&str>, flags: DomainSaveRestoreFlags,
        ) -> ();
    "domainRestoreParams", "virDomainRestoreParams":
        fn domain_restore_params(
            &self, conn: &Connect, params: &TypedParams, flags: DomainSaveRestoreFlags,
        ) -> ();
    "domainSaveImageGetXMLDesc", "virDomainSaveImageGetXMLDesc":
        fn domain_save_image_get_xml_desc(
            &self, conn: &Connect, file: &str, flags: DomainSaveImageXMLFlags,
        ) -> String;
    "domainSaveImageDefineXML", "virDomainSaveImageDefineXML":
        fn domain_save_image_define_xml(
            &self, conn: &Connect, file: &str, dxml: &str, flags: DomainSaveRestoreFlags,
        ) -> ();
    "domainCoreDump", "virDomainCoreDump":
        fn domain_core_dump(&self, dom: &Domain, to: &str, flags: DomainCoreDumpFlags) -> ();
    "domainCoreDumpWithFormat", "virDomainCoreDumpWithFormat":
        fn domain_core_dump_with_format(
            &self, dom: &Domain, to: &str, format: DomainCoreDumpFormat, flags: DomainCoreDumpFlags,
        ) -> ();
    "domainManagedSave", "virDomainManagedSave":
        fn domain_managed_save(&self, dom: &Domain, flags: DomainSaveRestoreFlags) -> ();
    "domainHasManagedSaveImage", "virDomainHasManagedSaveImage":
        fn domain_has_managed_save_image(&self, dom: &Domain, flags: u32) -> bool;
    "domainManagedSaveRemove", "virDomainManagedSaveRemove":
        fn domain_managed_save_remove(&self, dom: &Domain, flags: u32) -> ();
    "domainManagedSaveGetXMLDesc", "virDomainManagedSaveGetXMLDesc":
        fn domain_managed_save_get_xml_desc(&self, dom: &Domain, flags: DomainSaveImageXMLFlags) -> String;
    "domainManagedSaveDefineXML", "virDomainManagedSaveDefineXML":
        fn domain_managed_save_define_xml(
            &self, dom: &Domain, dxml: Option<&str>, flags: DomainSaveRestoreFlags,
        ) -> ();

    // G04: memory.
    "domainGetMaxMemory", "virDomainGetMaxMemory":
        fn domain_get_max_memory(&self, dom: &Domain) -> u64;
    "domainSetMaxMemory", "virDomainSetMaxMemory":
        fn domain_set_max_memory(&self, dom: &Domain, memory: u64) -> ();
    "domainSetMemory", "virDomainSetMemory":
        fn domain_set_memory(&self, dom: &Domain, memory: u64) -> ();
    "domainSetMemoryFlags", "virDomainSetMemoryFlags":
        fn domain_set_memory_flags(&self, dom: &Domain, memory: u64, flags: DomainMemoryModFlags) -> ();
    "domainSetMemoryStatsPeriod", "virDomainSetMemoryStatsPeriod":
        fn domain_set_memory_stats_period(
            &self, dom: &Domain, period: i32, flags: DomainMemoryModFlags,
        ) -> ();
    "domainMemoryPeek", "virDomainMemoryPeek":
        fn domain_memory_peek(
            &self, dom: &Domain, start: u64, size: usize, flags: DomainMemoryFlags,
        ) -> Vec<u8>;

    // G05: vCPUs, pinning, IOThreads.
    "domainSetVcpus", "virDomainSetVcpus":
        fn domain_set_vcpus(&self, dom: &Domain, nvcpus: u32) -> ();
    "domainSetVcpusFlags", "virDomainSetVcpusFlags":
        fn domain_set_vcpus_flags(&self, dom: &Domain, nvcpus: u32, flags: DomainVcpuFlags) -> ();
    "domainGetVcpusFlags", "virDomainGetVcpusFlags":
        fn domain_get_vcpus_flags(&self, dom: &Domain, flags: DomainVcpuFlags) -> i32;
    "domainPinVcpu", "virDomainPinVcpu":
        fn domain_pin_vcpu(&self, dom: &Domain, vcpu: u32, cpumap: &[u8]) -> ();
    "domainPinVcpuFlags", "virDomainPinVcpuFlags":
        fn domain_pin_vcpu_flags(
            &self, dom: &Domain, vcpu: u32, cpumap: &[u8], flags: DomainModificationImpact,
        ) -> ();
    "domainGetVcpuPinInfo", "virDomainGetVcpuPinInfo":
        fn domain_get_vcpu_pin_info(
            &self, dom: &Domain, ncpumaps: i32, maplen: i32, flags: DomainModificationImpact,
        ) -> CpuMaps;
    "domainPinEmulator", "virDomainPinEmulator":
        fn domain_pin_emulator(&self, dom: &Domain, cpumap: &[u8], flags: DomainModificationImpact) -> ();
    "domainGetEmulatorPinInfo", "virDomainGetEmulatorPinInfo":
        fn domain_get_emulator_pin_info(
            &self, dom: &Domain, maplen: i32, flags: DomainModificationImpact,
        ) -> Vec<u8>;
    "domainGetVcpus", "virDomainGetVcpus":
        fn domain_get_vcpus(&self, dom: &Domain, maxinfo: i32, maplen: i32) -> Vcpus;
    "domainGetMaxVcpus", "virDomainGetMaxVcpus":
        fn domain_get_max_vcpus(&self, dom: &Domain) -> i32;
    "domainGetIOThreadInfo", "virDomainGetIOThreadInfo":
        fn domain_get_iothread_info(&self, dom: &Domain, flags: DomainModificationImpact) -> Vec<IOThreadInfo>;
    "domainPinIOThread", "virDomainPinIOThread":
        fn domain_pin_iothread(
            &self, dom: &Domain, iothread_id: u32, cpumap: &[u8], flags: DomainModificationImpact,
        ) -> ();
    "domainAddIOThread", "virDomainAddIOThread":
        fn domain_add_iothread(&self, dom: &Domain, iothread_id: u32, flags: DomainModificationImpact) -> ();
    "domainDelIOThread", "virDomainDelIOThread":
        fn domain_del_iothread(&self, dom: &Domain, iothread_id: u32, flags: DomainModificationImpact) -> ();
    "domainSetIOThreadParams", "virDomainSetIOThreadParams":
        fn domain_set_iothread_params(
            &self, dom: &Domain, iothread_id: u32, params: &TypedParams, flags: DomainModificationImpact,
        ) -> ();
    "domainSetVcpu", "virDomainSetVcpu":
        fn domain_set_vcpu(
            &self, dom: &Domain, vcpumap: &str, state: bool, flags: DomainModificationImpact,
        ) -> ();

    // G06: scheduler and tuning with typed parameters.
    "domainSetMemoryParameters", "virDomainSetMemoryParameters":
        fn domain_set_memory_parameters(&self, dom: &Domain, params: &TypedParams, flags: u32) -> ();
    "domainGetMemoryParameters", "virDomainGetMemoryParameters":
        fn domain_get_memory_parameters(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetNumaParameters", "virDomainSetNumaParameters":
        fn domain_set_numa_parameters(&self, dom: &Domain, params: &TypedParams, flags: u32) -> ();
    "domainGetNumaParameters", "virDomainGetNumaParameters":
        fn domain_get_numa_parameters(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetBlkioParameters", "virDomainSetBlkioParameters":
        fn domain_set_blkio_parameters(&self, dom: &Domain, params: &TypedParams, flags: u32) -> ();
    "domainGetBlkioParameters", "virDomainGetBlkioParameters":
        fn domain_get_blkio_parameters(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainGetSchedulerType", "virDomainGetSchedulerType":
        fn domain_get_scheduler_type(&self, dom: &Domain) -> (String, i32);
    "domainGetSchedulerParameters", "virDomainGetSchedulerParameters":
        fn domain_get_scheduler_parameters(&self, dom: &Domain) -> TypedParams;
    "domainGetSchedulerParametersFlags", "virDomainGetSchedulerParametersFlags":
        fn domain_get_scheduler_parameters_flags(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetSchedulerParameters", "virDomainSetSchedulerParameters":
        fn domain_set_scheduler_parameters(&self, dom: &Domain, params: &TypedParams) -> ();
    "domainSetSchedulerParametersFlags", "virDomainSetSchedulerParametersFlags":
        fn domain_set_scheduler_parameters_flags(
            &self, dom: &Domain, params: &TypedParams, flags: u32,
        ) -> ();
    "domainSetInterfaceParameters", "virDomainSetInterfaceParameters":
        fn domain_set_interface_parameters(
            &self, dom: &Domain, device: &str, params: &TypedParams, flags: u32,
        ) -> ();
    "domainGetInterfaceParameters", "virDomainGetInterfaceParameters":
        fn domain_get_interface_parameters(&self, dom: &Domain, device: &str, flags: u32) -> TypedParams;
    "domainGetPerfEvents", "virDomainGetPerfEvents":
        fn domain_get_perf_events(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetPerfEvents", "virDomainSetPerfEvents":
        fn domain_set_perf_events(&self, dom: &Domain, params: &TypedParams, flags: u32) -> ();
    "domainSetBlockIoTune", "virDomainSetBlockIoTune":
        fn domain_set_block_io_tune(
            &self, dom: &Domain, disk: &str, params: &TypedParams, flags: u32,
        ) -> ();
    "domainGetBlockIoTune", "virDomainGetBlockIoTune":
        fn domain_get_block_io_tune(&self, dom: &Domain, disk: Option<&str>, flags: u32) -> TypedParams;

    // G07: statistics and jobs.
    "domainBlockStats", "virDomainBlockStats":
        fn domain_block_stats(&self, dom: &Domain, disk: &str) -> BlockStats;
    "domainBlockStatsFlags", "virDomainBlockStatsFlags":
        fn domain_block_stats_flags(&self, dom: &Domain, disk: &str, flags: u32) -> TypedParams;
    "domainInterfaceStats", "virDomainInterfaceStats":
        fn domain_interface_stats(&self, dom: &Domain, device: &str) -> InterfaceStats;
    "domainMemoryStats", "virDomainMemoryStats":
        fn domain_memory_stats(&self, dom: &Domain, nr_stats: u32, flags: u32) -> Vec<MemoryStat>;
    "domainGetBlockInfo", "virDomainGetBlockInfo":
        fn domain_get_block_info(&self, dom: &Domain, disk: &str, flags: u32) -> BlockInfo;
    "domainGetJobInfo", "virDomainGetJobInfo":
        fn domain_get_job_info(&self, dom: &Domain) -> JobInfo;
    "domainGetJobStats", "virDomainGetJobStats":
        fn domain_get_job_stats(&self, dom: &Domain, flags: DomainGetJobStatsFlags) -> JobStats;
    "domainAbortJob", "virDomainAbortJob":
        fn domain_abort_job(&self, dom: &Domain) -> ();
    "domainAbortJobFlags", "virDomainAbortJobFlags":
        fn domain_abort_job_flags(&self, dom: &Domain, flags: DomainAbortJobFlags) -> ();
    "domainGetCPUStats", "virDomainGetCPUStats":
        fn domain_get_cpu_stats(
            &self, dom: &Domain, start_cpu: i32, ncpus: u32, flags: u32,
        ) -> Vec<TypedParams>;
    "domainGetDiskErrors", "virDomainGetDiskErrors":
        fn domain_get_disk_errors(&self, dom: &Domain, flags: u32) -> Vec<DiskError>;
    "connectGetAllDomainStats", "virConnectGetAllDomainStats":
        fn connect_get_all_domain_stats(
            &self,
            conn: &Connect,
            doms: &[Domain],
            stats: DomainStatsTypes,
            flags: ConnectGetAllDomainStatsFlags,
        ) -> Vec<StatsRecord>;
    "domainStartDirtyRateCalc", "virDomainStartDirtyRateCalc":
        fn domain_start_dirty_rate_calc(
            &self, dom: &Domain, seconds: i32, flags: DomainDirtyRateCalcFlags,
        ) -> ();

    // G08: devices.
    "domainAttachDevice", "virDomainAttachDevice":
        fn domain_attach_device(&self, dom: &Domain, xml: &str) -> ();
    "domainAttachDeviceFlags", "virDomainAttachDeviceFlags":
        fn domain_attach_device_flags(&self, dom: &Domain, xml: &str, flags: DomainDeviceModifyFlags) -> ();
    "domainDetachDevice", "virDomainDetachDevice":
        fn domain_detach_device(&self, dom: &Domain, xml: &str) -> ();
    "domainDetachDeviceFlags", "virDomainDetachDeviceFlags":
        fn domain_detach_device_flags(&self, dom: &Domain, xml: &str, flags: DomainDeviceModifyFlags) -> ();
    "domainUpdateDeviceFlags", "virDomainUpdateDeviceFlags":
        fn domain_update_device_flags(&self, dom: &Domain, xml: &str, flags: DomainDeviceModifyFlags) -> ();
    "domainDetachDeviceAlias", "virDomainDetachDeviceAlias":
        fn domain_detach_device_alias(&self, dom: &Domain, alias: &str, flags: DomainDeviceModifyFlags) -> ();

    // G09: block devices, block jobs, backup.
    "domainBlockPeek", "virDomainBlockPeek":
        fn domain_block_peek(&self, dom: &Domain, disk: &str, offset: u64, size: usize, flags: u32) -> Vec<u8>;
    "domainBlockResize", "virDomainBlockResize":
        fn domain_block_resize(&self, dom: &Domain, disk: &str, size: u64, flags: DomainBlockResizeFlags) -> ();
    "domainBlockJobAbort", "virDomainBlockJobAbort":
        fn domain_block_job_abort(&self, dom: &Domain, disk: &str, flags: DomainBlockJobAbortFlags) -> ();
    "domainGetBlockJobInfo", "virDomainGetBlockJobInfo":
        fn domain_get_block_job_info(
            &self, dom: &Domain, disk: &str, flags: DomainBlockJobInfoFlags,
        ) -> Option<BlockJobInfo>;
    "domainBlockJobSetSpeed", "virDomainBlockJobSetSpeed":
        fn domain_block_job_set_speed(
            &self, dom: &Domain, disk: &str, bandwidth: u64, flags: DomainBlockJobSetSpeedFlags,
        ) -> ();
    "domainBlockPull", "virDomainBlockPull":
        fn domain_block_pull(&self, dom: &Domain, disk: &str, bandwidth: u64, flags: DomainBlockPullFlags) -> ();
    "domainBlockRebase", "virDomainBlockRebase":
        fn domain_block_rebase(
            &self, dom: &Domain, disk: &str, base: Option<&str>, bandwidth: u64, flags: DomainBlockRebaseFlags,
        ) -> ();
    "domainBlockCopy", "virDomainBlockCopy":
        fn domain_block_copy(
            &self, dom: &Domain, disk: &str, destxml: &str, params: &TypedParams, flags: DomainBlockCopyFlags,
        ) -> ();
    "domainBlockCommit", "virDomainBlockCommit":
        fn domain_block_commit(
            &self,
            dom: &Domain,
            disk: &str,
            base: Option<&str>,
            top: Option<&str>,
            bandwidth: u64,
            flags: DomainBlockCommitFlags,
        ) -> ();
    "domainSetBlockThreshold", "virDomainSetBlockThreshold":
        fn domain_set_block_threshold(&self, dom: &Domain, dev: &str, threshold: u64, flags: u32) -> ();
    "domainBackupBegin", "virDomainBackupBegin":
        fn domain_backup_begin(
            &self, dom: &Domain, backup_xml: &str, checkpoint_xml: Option<&str>, flags: DomainBackupBeginFlags,
        ) -> ();
    "domainBackupGetXMLDesc", "virDomainBackupGetXMLDesc":
        fn domain_backup_get_xml_desc(&self, dom: &Domain, flags: u32) -> String;

    // G10: migration tunables.
    "domainMigrateSetMaxDowntime", "virDomainMigrateSetMaxDowntime":
        fn domain_migrate_set_max_downtime(&self, dom: &Domain, downtime: u64, flags: u32) -> ();
    "domainMigrateGetMaxDowntime", "virDomainMigrateGetMaxDowntime":
        fn domain_migrate_get_max_downtime(&self, dom: &Domain, flags: u32) -> u64;
    "domainMigrateGetCompressionCache", "virDomainMigrateGetCompressionCache":
        fn domain_migrate_get_compression_cache(&self, dom: &Domain, flags: u32) -> u64;
    "domainMigrateSetCompressionCache", "virDomainMigrateSetCompressionCache":
        fn domain_migrate_set_compression_cache(&self, dom: &Domain, cache_size: u64, flags: u32) -> ();
    "domainMigrateSetMaxSpeed", "virDomainMigrateSetMaxSpeed":
        fn domain_migrate_set_max_speed(
            &self, dom: &Domain, bandwidth: u64, flags: DomainMigrateMaxSpeedFlags,
        ) -> ();
    "domainMigrateGetMaxSpeed", "virDomainMigrateGetMaxSpeed":
        fn domain_migrate_get_max_speed(&self, dom: &Domain, flags: DomainMigrateMaxSpeedFlags) -> u64;
    "domainMigrateStartPostCopy", "virDomainMigrateStartPostCopy":
        fn domain_migrate_start_post_copy(&self, dom: &Domain, flags: u32) -> ();

    // G12: metadata.
    "domainSetMetadata", "virDomainSetMetadata":
        fn domain_set_metadata(
            &self,
            dom: &Domain,
            type_: DomainMetadataType,
            metadata: Option<&str>,
            key: Option<&str>,
            uri: Option<&str>,
            flags: DomainModificationImpact,
        ) -> ();
    "domainGetMetadata", "virDomainGetMetadata":
        fn domain_get_metadata(
            &self, dom: &Domain, type_: DomainMetadataType, uri: Option<&str>, flags: DomainModificationImpact,
        ) -> String;

    // G13: guest agent.
    "domainGetHostname", "virDomainGetHostname":
        fn domain_get_hostname(&self, dom: &Domain, flags: DomainGetHostnameFlags) -> String;
    "domainFSTrim", "virDomainFSTrim":
        fn domain_fs_trim(&self, dom: &Domain, mountpoint: Option<&str>, minimum: u64, flags: u32) -> ();
    "domainFSFreeze", "virDomainFSFreeze":
        fn domain_fs_freeze(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> i32;
    "domainFSThaw", "virDomainFSThaw":
        fn domain_fs_thaw(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> i32;
    "domainGetTime", "virDomainGetTime":
        fn domain_get_time(&self, dom: &Domain, flags: u32) -> GuestTime;
    "domainSetTime", "virDomainSetTime":
        fn domain_set_time(&self, dom: &Domain, seconds: i64, nseconds: u32, flags: DomainSetTimeFlags) -> ();
    "domainSetUserPassword", "virDomainSetUserPassword":
        fn domain_set_user_password(
            &self, dom: &Domain, user: &str, password: &str, flags: DomainSetUserPasswordFlags,
        ) -> ();
    "domainGetFSInfo", "virDomainGetFSInfo":
        fn domain_get_fs_info(&self, dom: &Domain, flags: u32) -> Vec<FsInfo>;
    "domainInterfaceAddresses", "virDomainInterfaceAddresses":
        fn domain_interface_addresses(
            &self, dom: &Domain, source: DomainInterfaceAddressesSource, flags: u32,
        ) -> Vec<Interface>;
    "domainGetGuestVcpus", "virDomainGetGuestVcpus":
        fn domain_get_guest_vcpus(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetGuestVcpus", "virDomainSetGuestVcpus":
        fn domain_set_guest_vcpus(&self, dom: &Domain, cpumap: &str, state: bool, flags: u32) -> ();
    "domainGetGuestInfo", "virDomainGetGuestInfo":
        fn domain_get_guest_info(&self, dom: &Domain, types: u32, flags: u32) -> TypedParams;
    "domainAgentSetResponseTimeout", "virDomainAgentSetResponseTimeout":
        fn domain_agent_set_response_timeout(&self, dom: &Domain, timeout: i32, flags: u32) -> ();
    "domainAuthorizedSSHKeysGet", "virDomainAuthorizedSSHKeysGet":
        fn domain_authorized_ssh_keys_get(&self, dom: &Domain, user: &str, flags: u32) -> Vec<String>;
    "domainAuthorizedSSHKeysSet", "virDomainAuthorizedSSHKeysSet":
        fn domain_authorized_ssh_keys_set(
            &self, dom: &Domain, user: &str, keys: &[&str], flags: DomainAuthorizedSSHKeysSetFlags,
        ) -> ();

    // G14: events.
    "connectDomainEventRegister", "virConnectDomainEventRegister":
        fn connect_domain_event_register(&self, conn: &Connect, cb: DomainEventCallback) -> ();
    "connectDomainEventDeregister", "virConnectDomainEventDeregister":
        fn connect_domain_event_deregister(&self, conn: &Connect, cb: &DomainEventCallback) -> ();
    "connectDomainEventRegisterAny", "virConnectDomainEventRegisterAny":
        fn connect_domain_event_register_any(
            &self, conn: &Connect, dom: Option<&Domain>, event_id: DomainEventID, cb: DomainEventCallback,
        ) -> i32;
    "connectDomainEventDeregisterAny", "virConnectDomainEventDeregisterAny":
        fn connect_domain_event_deregister_any(&self, conn: &Connect, callback_id: i32) -> ();

    // G15: misc.
    "domainScreenshot", "virDomainScreenshot":
        fn domain_screenshot(&self, dom: &Domain, stream: &Stream, screen: u32, flags: u32) -> String;
    "domainOpenConsole", "virDomainOpenConsole":
        fn domain_open_console(&self, dom: &Domain, dev_name: Option<&str>, st: &Stream, flags: u32) -> ();
    "domainOpenChannel", "virDomainOpenChannel":
        fn domain_open_channel(&self, dom: &Domain, name: Option<&str>, st: &Stream, flags: u32) -> ();
    "domainInjectNMI", "virDomainInjectNMI":
        fn domain_inject_nmi(&self, dom: &Domain, flags: u32) -> ();
    "domainSendKey", "virDomainSendKey":
        fn domain_send_key(
            &self, dom: &Domain, codeset: KeycodeSet, holdtime: u32, keycodes: &[u32], flags: u32,
        ) -> ();
    "domainSendProcessSignal", "virDomainSendProcessSignal":
        fn domain_send_process_signal(
            &self, dom: &Domain, pid_value: i64, signum: DomainProcessSignal, flags: u32,
        ) -> ();
    "domainOpenGraphics", "virDomainOpenGraphics":
        fn domain_open_graphics(&self, dom: &Domain, idx: u32, fd: i32, flags: u32) -> ();
    "domainOpenGraphicsFD", "virDomainOpenGraphicsFD":
        fn domain_open_graphics_fd(&self, dom: &Domain, idx: u32, flags: u32) -> i32;
    "domainGetLaunchSecurityInfo", "virDomainGetLaunchSecurityInfo":
        fn domain_get_launch_security_info(&self, dom: &Domain, flags: u32) -> TypedParams;
    "domainSetLaunchSecurityState", "virDomainSetLaunchSecurityState":
        fn domain_set_launch_security_state(&self, dom: &Domain, params: &TypedParams, flags: u32) -> ();
    "domainFDAssociate", "virDomainFDAssociate":
        fn domain_fd_associate(&self, dom: &Domain, name: &str, fds: &[i32], flags: DomainFDAssociateFlags) -> ();
    "domainGraphicsReload", "virDomainGraphicsReload":
        fn domain_graphics_reload(&self, dom: &Domain, type_: u32, flags: u32) -> ();

    // I01: the internal migration entry points (server side).
    "domainMigratePrepare", "virDomainMigratePrepare":
        fn domain_migrate_prepare(
            &self,
            dconn: &Connect,
            uri_in: Option<&str>,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
        ) -> MigratePrepared;
    "domainMigratePerform", "virDomainMigratePerform":
        fn domain_migrate_perform(
            &self,
            dom: &Domain,
            cookie: &[u8],
            uri: &str,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
        ) -> ();
    "domainMigrateFinish", "virDomainMigrateFinish":
        fn domain_migrate_finish(
            &self, dconn: &Connect, dname: Option<&str>, cookie: &[u8], uri: &str, flags: DomainMigrateFlags,
        ) -> Domain;
    "domainMigratePrepare2", "virDomainMigratePrepare2":
        fn domain_migrate_prepare2(
            &self,
            dconn: &Connect,
            uri_in: Option<&str>,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
            dom_xml: &str,
        ) -> MigratePrepared;
    "domainMigrateFinish2", "virDomainMigrateFinish2":
        fn domain_migrate_finish2(
            &self,
            dconn: &Connect,
            dname: Option<&str>,
            cookie: &[u8],
            uri: &str,
            flags: DomainMigrateFlags,
            retcode: i32,
        ) -> Option<Domain>;
    "domainMigratePrepareTunnel", "virDomainMigratePrepareTunnel":
        fn domain_migrate_prepare_tunnel(
            &self,
            conn: &Connect,
            st: &Stream,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
            dom_xml: &str,
        ) -> ();
    "domainMigrateBegin3", "virDomainMigrateBegin3":
        fn domain_migrate_begin3(
            &self,
            dom: &Domain,
            xmlin: Option<&str>,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
        ) -> MigrateBegun;
    "domainMigratePrepare3", "virDomainMigratePrepare3":
        fn domain_migrate_prepare3(
            &self,
            dconn: &Connect,
            cookiein: &[u8],
            uri_in: Option<&str>,
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
            dom_xml: &str,
        ) -> MigratePrepared;
    "domainMigratePrepareTunnel3", "virDomainMigratePrepareTunnel3":
        fn domain_migrate_prepare_tunnel3(
            &self,
            conn: &Connect,
            st: &Stream,
            cookiein: &[u8],
            flags: DomainMigrateFlags,
            dname: Option<&str>,
            bandwidth: u64,
            dom_xml: &str,
        ) -> Vec<u8>;
    "domainMigratePerform3", "virDomainMigratePerform3":
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
        ) -> Vec<u8>;
    "domainMigrateFinish3", "virDomainMigrateFinish3":
        fn domain_migrate_finish3(
            &self,
            dconn: &Connect,
            dname: Option<&str>,
            cookiein: &[u8],
            dconnuri: Option<&str>,
            uri: Option<&str>,
            flags: DomainMigrateFlags,
            cancelled: bool,
        ) -> MigrateFinished;
    "domainMigrateConfirm3", "virDomainMigrateConfirm3":
        fn domain_migrate_confirm3(
            &self, dom: &Domain, cookiein: &[u8], flags: DomainMigrateFlags, cancelled: bool,
        ) -> ();
    "domainMigrateBegin3Params", "virDomainMigrateBegin3Params":
        fn domain_migrate_begin3_params(
            &self, dom: &Domain, params: &TypedParams, flags: DomainMigrateFlags,
        ) -> MigrateBegun;
    "domainMigratePrepare3Params", "virDomainMigratePrepare3Params":
        fn domain_migrate_prepare3_params(
            &self, dconn: &Connect, params: &TypedParams, cookiein: &[u8], flags: DomainMigrateFlags,
        ) -> MigratePrepared;
    "domainMigratePrepareTunnel3Params", "virDomainMigratePrepareTunnel3Params":
        fn domain_migrate_prepare_tunnel3_params(
            &self,
            conn: &Connect,
            st: &Stream,
            params: &TypedParams,
            cookiein: &[u8],
            flags: DomainMigrateFlags,
        ) -> Vec<u8>;
    "domainMigratePerform3Params", "virDomainMigratePerform3Params":
        fn domain_migrate_perform3_params(
            &self,
            dom: &Domain,
            dconnuri: Option<&str>,
            params: &TypedParams,
            cookiein: &[u8],
            flags: DomainMigrateFlags,
        ) -> Vec<u8>;
    "domainMigrateFinish3Params", "virDomainMigrateFinish3Params":
        fn domain_migrate_finish3_params(
            &self,
            dconn: &Connect,
            params: &TypedParams,
            cookiein: &[u8],
            flags: DomainMigrateFlags,
            cancelled: bool,
        ) -> MigrateFinished;
    "domainMigrateConfirm3Params", "virDomainMigrateConfirm3Params":
        fn domain_migrate_confirm3_params(
            &self,
            dom: &Domain,
            params: &TypedParams,
            cookiein: &[u8],
            flags: DomainMigrateFlags,
            cancelled: bool,
        ) -> ();
}
