//! Which functions of `libvirt-domain.c` exist in this crate, by the seed inventory's
//! groups (§1): the C name, the Rust item, or "—" for a function still missing.
//!
//! Public functions: **190 of 190**; internal migration entry points: **18 of 18**.
//! The `*Free` functions and `virDomainRef` are Rust ownership (`Drop`, `Clone`). The six
//! migration entry points are in the `virtkit-migrate` crate (trait `DomainMigrate`).
//!
//! ## G01. Connection, listing, lookup, identity, XML & info (33 of 33)
//!
//! | C function | Rust |
//! |---|---|
//! | `virConnectListDomains` | `Connect::list_domains` |
//! | `virConnectNumOfDomains` | `Connect::num_of_domains` |
//! | `virDomainGetConnect` | `Domain::connect` |
//! | `virDomainLookupByID` | `Connect::lookup_by_id` |
//! | `virDomainLookupByUUID` | `Connect::lookup_by_uuid` |
//! | `virDomainLookupByUUIDString` | `Connect::lookup_by_uuid_string` |
//! | `virDomainLookupByName` | `Connect::lookup_by_name` |
//! | `virDomainFree` | `drop(Domain)` |
//! | `virDomainRef` | `Domain::clone` |
//! | `virDomainGetName` | `Domain::name` |
//! | `virDomainGetUUID` | `Domain::uuid` |
//! | `virDomainGetUUIDString` | `Domain::uuid_string` |
//! | `virDomainGetID` | `Domain::id` |
//! | `virDomainGetOSType` | `Domain::os_type` |
//! | `virDomainGetInfo` | `Domain::info` |
//! | `virDomainGetState` | `Domain::state` |
//! | `virDomainGetControlInfo` | `Domain::control_info` |
//! | `virDomainGetXMLDesc` | `Domain::xml_desc` |
//! | `virConnectDomainXMLFromNative` | `Connect::domain_xml_from_native` |
//! | `virConnectDomainXMLToNative` | `Connect::domain_xml_to_native` |
//! | `virConnectNumOfDefinedDomains` | `Connect::num_of_defined_domains` |
//! | `virConnectListDefinedDomains` | `Connect::list_defined_domains` |
//! | `virConnectListAllDomains` | `Connect::list_all_domains` |
//! | `virDomainGetAutostart` | `Domain::autostart` |
//! | `virDomainSetAutostart` | `Domain::set_autostart` |
//! | `virDomainGetSecurityLabel` | `Domain::security_label` |
//! | `virDomainGetSecurityLabelList` | `Domain::security_label_list` |
//! | `virDomainIsActive` | `Domain::is_active` |
//! | `virDomainIsPersistent` | `Domain::is_persistent` |
//! | `virDomainRename` | `Domain::rename` |
//! | `virDomainIsUpdated` | `Domain::is_updated` |
//! | `virConnectGetDomainCapabilities` | `Connect::domain_capabilities` |
//! | `virDomainGetMessages` | `Domain::messages` |
//!
//! ## G02. Lifecycle (create/define/start/suspend/resume/PM/shutdown/reboot/reset/destroy/undefine) (21 of 21)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainCreateXML` | `Connect::create_xml` |
//! | `virDomainCreateXMLWithFiles` | `Connect::create_xml_with_files` |
//! | `virDomainCreateLinux` | `Connect::create_linux` |
//! | `virDomainDestroy` | `Domain::destroy` |
//! | `virDomainDestroyFlags` | `Domain::destroy_flags` |
//! | `virDomainSuspend` | `Domain::suspend` |
//! | `virDomainResume` | `Domain::resume` |
//! | `virDomainPMSuspendForDuration` | `Domain::pm_suspend_for_duration` |
//! | `virDomainPMWakeup` | `Domain::pm_wakeup` |
//! | `virDomainShutdown` | `Domain::shutdown` |
//! | `virDomainShutdownFlags` | `Domain::shutdown_flags` |
//! | `virDomainReboot` | `Domain::reboot` |
//! | `virDomainReset` | `Domain::reset` |
//! | `virDomainDefineXML` | `Connect::define_xml` |
//! | `virDomainDefineXMLFlags` | `Connect::define_xml_flags` |
//! | `virDomainUndefine` | `Domain::undefine` |
//! | `virDomainUndefineFlags` | `Domain::undefine_flags` |
//! | `virDomainCreate` | `Domain::create` |
//! | `virDomainCreateWithFlags` | `Domain::create_with_flags` |
//! | `virDomainCreateWithFiles` | `Domain::create_with_files` |
//! | `virDomainSetLifecycleAction` | `Domain::set_lifecycle_action` |
//!
//! ## G03. Save / restore / managed save / core dump (15 of 15)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainSave` | `Domain::save` |
//! | `virDomainSaveFlags` | `Domain::save_flags` |
//! | `virDomainSaveParams` | `Domain::save_params` |
//! | `virDomainRestore` | `Connect::restore` |
//! | `virDomainRestoreFlags` | `Connect::restore_flags` |
//! | `virDomainRestoreParams` | `Connect::restore_params` |
//! | `virDomainSaveImageGetXMLDesc` | `Connect::save_image_xml_desc` |
//! | `virDomainSaveImageDefineXML` | `Connect::save_image_define_xml` |
//! | `virDomainCoreDump` | `Domain::core_dump` |
//! | `virDomainCoreDumpWithFormat` | `Domain::core_dump_with_format` |
//! | `virDomainManagedSave` | `Domain::managed_save` |
//! | `virDomainHasManagedSaveImage` | `Domain::has_managed_save_image` |
//! | `virDomainManagedSaveRemove` | `Domain::managed_save_remove` |
//! | `virDomainManagedSaveGetXMLDesc` | `Domain::managed_save_xml_desc` |
//! | `virDomainManagedSaveDefineXML` | `Domain::managed_save_define_xml` |
//!
//! ## G04. Memory (sizing, balloon period, peek) (6 of 6)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainGetMaxMemory` | `Domain::max_memory` |
//! | `virDomainSetMaxMemory` | `Domain::set_max_memory` |
//! | `virDomainSetMemory` | `Domain::set_memory` |
//! | `virDomainSetMemoryFlags` | `Domain::set_memory_flags` |
//! | `virDomainSetMemoryStatsPeriod` | `Domain::set_memory_stats_period` |
//! | `virDomainMemoryPeek` | `Domain::memory_peek` |
//!
//! ## G05. vCPUs, pinning, emulator & IOThreads (17 of 17)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainSetVcpus` | `Domain::set_vcpus` |
//! | `virDomainSetVcpusFlags` | `Domain::set_vcpus_flags` |
//! | `virDomainGetVcpusFlags` | `Domain::vcpus_flags` |
//! | `virDomainPinVcpu` | `Domain::pin_vcpu` |
//! | `virDomainPinVcpuFlags` | `Domain::pin_vcpu_flags` |
//! | `virDomainGetVcpuPinInfo` | `Domain::vcpu_pin_info` |
//! | `virDomainPinEmulator` | `Domain::pin_emulator` |
//! | `virDomainGetEmulatorPinInfo` | `Domain::emulator_pin_info` |
//! | `virDomainGetVcpus` | `Domain::vcpus` |
//! | `virDomainGetMaxVcpus` | `Domain::max_vcpus` |
//! | `virDomainGetIOThreadInfo` | `Domain::iothread_info` |
//! | `virDomainIOThreadInfoFree` | `drop(IOThreadInfo)` |
//! | `virDomainPinIOThread` | `Domain::pin_iothread` |
//! | `virDomainAddIOThread` | `Domain::add_iothread` |
//! | `virDomainDelIOThread` | `Domain::del_iothread` |
//! | `virDomainSetIOThreadParams` | `Domain::set_iothread_params` |
//! | `virDomainSetVcpu` | `Domain::set_vcpu` |
//!
//! ## G06. Scheduler & tuning with typed parameters (17 of 17)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainSetMemoryParameters` | `Domain::set_memory_parameters` |
//! | `virDomainGetMemoryParameters` | `Domain::memory_parameters` |
//! | `virDomainSetNumaParameters` | `Domain::set_numa_parameters` |
//! | `virDomainGetNumaParameters` | `Domain::numa_parameters` |
//! | `virDomainSetBlkioParameters` | `Domain::set_blkio_parameters` |
//! | `virDomainGetBlkioParameters` | `Domain::blkio_parameters` |
//! | `virDomainGetSchedulerType` | `Domain::scheduler_type` |
//! | `virDomainGetSchedulerParameters` | `Domain::scheduler_parameters` |
//! | `virDomainGetSchedulerParametersFlags` | `Domain::scheduler_parameters_flags` |
//! | `virDomainSetSchedulerParameters` | `Domain::set_scheduler_parameters` |
//! | `virDomainSetSchedulerParametersFlags` | `Domain::set_scheduler_parameters_flags` |
//! | `virDomainSetInterfaceParameters` | `Domain::set_interface_parameters` |
//! | `virDomainGetInterfaceParameters` | `Domain::interface_parameters` |
//! | `virDomainGetPerfEvents` | `Domain::perf_events` |
//! | `virDomainSetPerfEvents` | `Domain::set_perf_events` |
//! | `virDomainSetBlockIoTune` | `Domain::set_block_io_tune` |
//! | `virDomainGetBlockIoTune` | `Domain::block_io_tune` |
//!
//! ## G07. Stats & jobs (15 of 15)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainBlockStats` | `Domain::block_stats` |
//! | `virDomainBlockStatsFlags` | `Domain::block_stats_flags` |
//! | `virDomainInterfaceStats` | `Domain::interface_stats` |
//! | `virDomainMemoryStats` | `Domain::memory_stats` |
//! | `virDomainGetBlockInfo` | `Domain::block_info` |
//! | `virDomainGetJobInfo` | `Domain::job_info` |
//! | `virDomainGetJobStats` | `Domain::job_stats` |
//! | `virDomainAbortJob` | `Domain::abort_job` |
//! | `virDomainAbortJobFlags` | `Domain::abort_job_flags` |
//! | `virDomainGetCPUStats` | `Domain::cpu_stats` |
//! | `virDomainGetDiskErrors` | `Domain::disk_errors` |
//! | `virConnectGetAllDomainStats` | `Connect::all_domain_stats` |
//! | `virDomainListGetStats` | `Domain::list_get_stats` |
//! | `virDomainStatsRecordListFree` | `drop(Vec<StatsRecord>)` |
//! | `virDomainStartDirtyRateCalc` | `Domain::start_dirty_rate_calc` |
//!
//! ## G08. Devices (attach/detach/update) (6 of 6)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainAttachDevice` | `Domain::attach_device` |
//! | `virDomainAttachDeviceFlags` | `Domain::attach_device_flags` |
//! | `virDomainDetachDevice` | `Domain::detach_device` |
//! | `virDomainDetachDeviceFlags` | `Domain::detach_device_flags` |
//! | `virDomainUpdateDeviceFlags` | `Domain::update_device_flags` |
//! | `virDomainDetachDeviceAlias` | `Domain::detach_device_alias` |
//!
//! ## G09. Block devices, block jobs & backup (12 of 12)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainBlockPeek` | `Domain::block_peek` |
//! | `virDomainBlockResize` | `Domain::block_resize` |
//! | `virDomainBlockJobAbort` | `Domain::block_job_abort` |
//! | `virDomainGetBlockJobInfo` | `Domain::block_job_info` |
//! | `virDomainBlockJobSetSpeed` | `Domain::block_job_set_speed` |
//! | `virDomainBlockPull` | `Domain::block_pull` |
//! | `virDomainBlockRebase` | `Domain::block_rebase` |
//! | `virDomainBlockCopy` | `Domain::block_copy` |
//! | `virDomainBlockCommit` | `Domain::block_commit` |
//! | `virDomainSetBlockThreshold` | `Domain::set_block_threshold` |
//! | `virDomainBackupBegin` | `Domain::backup_begin` |
//! | `virDomainBackupGetXMLDesc` | `Domain::backup_xml_desc` |
//!
//! ## G10. Migration (public API + tunables) (13 of 13)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainMigrate` | `virtkit_migrate::DomainMigrate::migrate` |
//! | `virDomainMigrate2` | `virtkit_migrate::DomainMigrate::migrate2` |
//! | `virDomainMigrate3` | `virtkit_migrate::DomainMigrate::migrate3` |
//! | `virDomainMigrateToURI` | `virtkit_migrate::DomainMigrate::migrate_to_uri` |
//! | `virDomainMigrateToURI2` | `virtkit_migrate::DomainMigrate::migrate_to_uri2` |
//! | `virDomainMigrateToURI3` | `virtkit_migrate::DomainMigrate::migrate_to_uri3` |
//! | `virDomainMigrateSetMaxDowntime` | `Domain::migrate_set_max_downtime` |
//! | `virDomainMigrateGetMaxDowntime` | `Domain::migrate_max_downtime` |
//! | `virDomainMigrateGetCompressionCache` | `Domain::migrate_compression_cache` |
//! | `virDomainMigrateSetCompressionCache` | `Domain::migrate_set_compression_cache` |
//! | `virDomainMigrateSetMaxSpeed` | `Domain::migrate_set_max_speed` |
//! | `virDomainMigrateGetMaxSpeed` | `Domain::migrate_max_speed` |
//! | `virDomainMigrateStartPostCopy` | `Domain::migrate_start_post_copy` |
//!
//! ## G11. Snapshots / checkpoints (0 of 0)
//!
//! | C function | Rust |
//! |---|---|
//!
//! ## G12. Metadata (2 of 2)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainSetMetadata` | `Domain::set_metadata` |
//! | `virDomainGetMetadata` | `Domain::metadata` |
//!
//! ## G13. Guest agent (17 of 17)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainGetHostname` | `Domain::hostname` |
//! | `virDomainFSTrim` | `Domain::fs_trim` |
//! | `virDomainFSFreeze` | `Domain::fs_freeze` |
//! | `virDomainFSThaw` | `Domain::fs_thaw` |
//! | `virDomainGetTime` | `Domain::time` |
//! | `virDomainSetTime` | `Domain::set_time` |
//! | `virDomainSetUserPassword` | `Domain::set_user_password` |
//! | `virDomainGetFSInfo` | `Domain::fs_info` |
//! | `virDomainFSInfoFree` | `drop(FsInfo)` |
//! | `virDomainInterfaceAddresses` | `Domain::interface_addresses` |
//! | `virDomainInterfaceFree` | `drop(Interface)` |
//! | `virDomainGetGuestVcpus` | `Domain::guest_vcpus` |
//! | `virDomainSetGuestVcpus` | `Domain::set_guest_vcpus` |
//! | `virDomainGetGuestInfo` | `Domain::guest_info` |
//! | `virDomainAgentSetResponseTimeout` | `Domain::agent_set_response_timeout` |
//! | `virDomainAuthorizedSSHKeysGet` | `Domain::authorized_ssh_keys` |
//! | `virDomainAuthorizedSSHKeysSet` | `Domain::set_authorized_ssh_keys` |
//!
//! ## G14. Events / callbacks (4 of 4)
//!
//! | C function | Rust |
//! |---|---|
//! | `virConnectDomainEventRegister` | `Connect::domain_event_register` |
//! | `virConnectDomainEventDeregister` | `Connect::domain_event_deregister` |
//! | `virConnectDomainEventRegisterAny` | `Connect::domain_event_register_any` |
//! | `virConnectDomainEventDeregisterAny` | `Connect::domain_event_deregister_any` |
//!
//! ## G15. Misc (console/graphics/input/signals/launch security/fd) (12 of 12)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainScreenshot` | `Domain::screenshot` |
//! | `virDomainInjectNMI` | `Domain::inject_nmi` |
//! | `virDomainSendKey` | `Domain::send_key` |
//! | `virDomainSendProcessSignal` | `Domain::send_process_signal` |
//! | `virDomainOpenConsole` | `Domain::open_console` |
//! | `virDomainOpenChannel` | `Domain::open_channel` |
//! | `virDomainOpenGraphics` | `Domain::open_graphics` |
//! | `virDomainOpenGraphicsFD` | `Domain::open_graphics_fd` |
//! | `virDomainGetLaunchSecurityInfo` | `Domain::launch_security_info` |
//! | `virDomainSetLaunchSecurityState` | `Domain::set_launch_security_state` |
//! | `virDomainFDAssociate` | `Domain::fd_associate` |
//! | `virDomainGraphicsReload` | `Domain::graphics_reload` |
//!
//! ## I01. Migration internals: non-static "Not for public use" protocol entry points (18 of 18)
//!
//! | C function | Rust |
//! |---|---|
//! | `virDomainMigratePrepare` | `Connect::migrate_prepare` |
//! | `virDomainMigratePerform` | `Domain::migrate_perform` |
//! | `virDomainMigrateFinish` | `Connect::migrate_finish` |
//! | `virDomainMigratePrepare2` | `Connect::migrate_prepare2` |
//! | `virDomainMigrateFinish2` | `Connect::migrate_finish2` |
//! | `virDomainMigratePrepareTunnel` | `Connect::migrate_prepare_tunnel` |
//! | `virDomainMigrateBegin3` | `Domain::migrate_begin3` |
//! | `virDomainMigratePrepare3` | `Connect::migrate_prepare3` |
//! | `virDomainMigratePrepareTunnel3` | `Connect::migrate_prepare_tunnel3` |
//! | `virDomainMigratePerform3` | `Domain::migrate_perform3` |
//! | `virDomainMigrateFinish3` | `Connect::migrate_finish3` |
//! | `virDomainMigrateConfirm3` | `Domain::migrate_confirm3` |
//! | `virDomainMigrateBegin3Params` | `Domain::migrate_begin3_params` |
//! | `virDomainMigratePrepare3Params` | `Connect::migrate_prepare3_params` |
//! | `virDomainMigratePrepareTunnel3Params` | `Connect::migrate_prepare_tunnel3_params` |
//! | `virDomainMigratePerform3Params` | `Domain::migrate_perform3_params` |
//! | `virDomainMigrateFinish3Params` | `Connect::migrate_finish3_params` |
//! | `virDomainMigrateConfirm3Params` | `Domain::migrate_confirm3_params` |
//!
//! ```
//! assert_eq!(virtkit_api::coverage::implemented_public(), 190);
//! assert_eq!(virtkit_api::coverage::implemented_internal(), 18);
//! ```

/// Every public (`G01`..`G15`) and internal (`I01`) function: group, C name, Rust item.
///
/// ```
/// assert_eq!(virtkit_api::coverage::FUNCTIONS.len(), 208);
/// ```
pub const FUNCTIONS: &[(&str, &str, Option<&str>)] = &[
    ("G01", "virConnectListDomains", Some("Connect::list_domains")),
    ("G01", "virConnectNumOfDomains", Some("Connect::num_of_domains")),
    ("G01", "virDomainGetConnect", Some("Domain::connect")),
    ("G01", "virDomainLookupByID", Some("Connect::lookup_by_id")),
    ("G01", "virDomainLookupByUUID", Some("Connect::lookup_by_uuid")),
    ("G01", "virDomainLookupByUUIDString", Some("Connect::lookup_by_uuid_string")),
    ("G01", "virDomainLookupByName", Some("Connect::lookup_by_name")),
    ("G01", "virDomainFree", Some("drop(Domain)")),
    ("G01", "virDomainRef", Some("Domain::clone")),
    ("G01", "virDomainGetName", Some("Domain::name")),
    ("G01", "virDomainGetUUID", Some("Domain::uuid")),
    ("G01", "virDomainGetUUIDString", Some("Domain::uuid_string")),
    ("G01", "virDomainGetID", Some("Domain::id")),
    ("G01", "virDomainGetOSType", Some("Domain::os_type")),
    ("G01", "virDomainGetInfo", Some("Domain::info")),
    ("G01", "virDomainGetState", Some("Domain::state")),
    ("G01", "virDomainGetControlInfo", Some("Domain::control_info")),
    ("G01", "virDomainGetXMLDesc", Some("Domain::xml_desc")),
    ("G01", "virConnectDomainXMLFromNative", Some("Connect::domain_xml_from_native")),
    ("G01", "virConnectDomainXMLToNative", Some("Connect::domain_xml_to_native")),
    ("G01", "virConnectNumOfDefinedDomains", Some("Connect::num_of_defined_domains")),
    ("G01", "virConnectListDefinedDomains", Some("Connect::list_defined_domains")),
    ("G01", "virConnectListAllDomains", Some("Connect::list_all_domains")),
    ("G01", "virDomainGetAutostart", Some("Domain::autostart")),
    ("G01", "virDomainSetAutostart", Some("Domain::set_autostart")),
    ("G01", "virDomainGetSecurityLabel", Some("Domain::security_label")),
    ("G01", "virDomainGetSecurityLabelList", Some("Domain::security_label_list")),
    ("G01", "virDomainIsActive", Some("Domain::is_active")),
    ("G01", "virDomainIsPersistent", Some("Domain::is_persistent")),
    ("G01", "virDomainRename", Some("Domain::rename")),
    ("G01", "virDomainIsUpdated", Some("Domain::is_updated")),
    ("G01", "virConnectGetDomainCapabilities", Some("Connect::domain_capabilities")),
    ("G01", "virDomainGetMessages", Some("Domain::messages")),
    ("G02", "virDomainCreateXML", Some("Connect::create_xml")),
    ("G02", "virDomainCreateXMLWithFiles", Some("Connect::create_xml_with_files")),
    ("G02", "virDomainCreateLinux", Some("Connect::create_linux")),
    ("G02", "virDomainDestroy", Some("Domain::destroy")),
    ("G02", "virDomainDestroyFlags", Some("Domain::destroy_flags")),
    ("G02", "virDomainSuspend", Some("Domain::suspend")),
    ("G02", "virDomainResume", Some("Domain::resume")),
    ("G02", "virDomainPMSuspendForDuration", Some("Domain::pm_suspend_for_duration")),
    ("G02", "virDomainPMWakeup", Some("Domain::pm_wakeup")),
    ("G02", "virDomainShutdown", Some("Domain::shutdown")),
    ("G02", "virDomainShutdownFlags", Some("Domain::shutdown_flags")),
    ("G02", "virDomainReboot", Some("Domain::reboot")),
    ("G02", "virDomainReset", Some("Domain::reset")),
    ("G02", "virDomainDefineXML", Some("Connect::define_xml")),
    ("G02", "virDomainDefineXMLFlags", Some("Connect::define_xml_flags")),
    ("G02", "virDomainUndefine", Some("Domain::undefine")),
    ("G02", "virDomainUndefineFlags", Some("Domain::undefine_flags")),
    ("G02", "virDomainCreate", Some("Domain::create")),
    ("G02", "virDomainCreateWithFlags", Some("Domain::create_with_flags")),
    ("G02", "virDomainCreateWithFiles", Some("Domain::create_with_files")),
    ("G02", "virDomainSetLifecycleAction", Some("Domain::set_lifecycle_action")),
    ("G03", "virDomainSave", Some("Domain::save")),
    ("G03", "virDomainSaveFlags", Some("Domain::save_flags")),
    ("G03", "virDomainSaveParams", Some("Domain::save_params")),
    ("G03", "virDomainRestore", Some("Connect::restore")),
    ("G03", "virDomainRestoreFlags", Some("Connect::restore_flags")),
    ("G03", "virDomainRestoreParams", Some("Connect::restore_params")),
    ("G03", "virDomainSaveImageGetXMLDesc", Some("Connect::save_image_xml_desc")),
    ("G03", "virDomainSaveImageDefineXML", Some("Connect::save_image_define_xml")),
    ("G03", "virDomainCoreDump", Some("Domain::core_dump")),
    ("G03", "virDomainCoreDumpWithFormat", Some("Domain::core_dump_with_format")),
    ("G03", "virDomainManagedSave", Some("Domain::managed_save")),
    ("G03", "virDomainHasManagedSaveImage", Some("Domain::has_managed_save_image")),
    ("G03", "virDomainManagedSaveRemove", Some("Domain::managed_save_remove")),
    ("G03", "virDomainManagedSaveGetXMLDesc", Some("Domain::managed_save_xml_desc")),
    ("G03", "virDomainManagedSaveDefineXML", Some("Domain::managed_save_define_xml")),
    ("G04", "virDomainGetMaxMemory", Some("Domain::max_memory")),
    ("G04", "virDomainSetMaxMemory", Some("Domain::set_max_memory")),
    ("G04", "virDomainSetMemory", Some("Domain::set_memory")),
    ("G04", "virDomainSetMemoryFlags", Some("Domain::set_memory_flags")),
    ("G04", "virDomainSetMemoryStatsPeriod", Some("Domain::set_memory_stats_period")),
    ("G04", "virDomainMemoryPeek", Some("Domain::memory_peek")),
    ("G05", "virDomainSetVcpus", Some("Domain::set_vcpus")),
    ("G05", "virDomainSetVcpusFlags", Some("Domain::set_vcpus_flags")),
    ("G05", "virDomainGetVcpusFlags", Some("Domain::vcpus_flags")),
    ("G05", "virDomainPinVcpu", Some("Domain::pin_vcpu")),
    ("G05", "virDomainPinVcpuFlags", Some("Domain::pin_vcpu_flags")),
    ("G05", "virDomainGetVcpuPinInfo", Some("Domain::vcpu_pin_info")),
    ("G05", "virDomainPinEmulator", Some("Domain::pin_emulator")),
    ("G05", "virDomainGetEmulatorPinInfo", Some("Domain::emulator_pin_info")),
    ("G05", "virDomainGetVcpus", Some("Domain::vcpus")),
    ("G05", "virDomainGetMaxVcpus", Some("Domain::max_vcpus")),
    ("G05", "virDomainGetIOThreadInfo", Some("Domain::iothread_info")),
    ("G05", "virDomainIOThreadInfoFree", Some("drop(IOThreadInfo)")),
    ("G05", "virDomainPinIOThread", Some("Domain::pin_iothread")),
    ("G05", "virDomainAddIOThread", Some("Domain::add_iothread")),
    ("G05", "virDomainDelIOThread", Some("Domain::del_iothread")),
    ("G05", "virDomainSetIOThreadParams", Some("Domain::set_iothread_params")),
    ("G05", "virDomainSetVcpu", Some("Domain::set_vcpu")),
    ("G06", "virDomainSetMemoryParameters", Some("Domain::set_memory_parameters")),
    ("G06", "virDomainGetMemoryParameters", Some("Domain::memory_parameters")),
    ("G06", "virDomainSetNumaParameters", Some("Domain::set_numa_parameters")),
    ("G06", "virDomainGetNumaParameters", Some("Domain::numa_parameters")),
    ("G06", "virDomainSetBlkioParameters", Some("Domain::set_blkio_parameters")),
    ("G06", "virDomainGetBlkioParameters", Some("Domain::blkio_parameters")),
    ("G06", "virDomainGetSchedulerType", Some("Domain::scheduler_type")),
    ("G06", "virDomainGetSchedulerParameters", Some("Domain::scheduler_parameters")),
    ("G06", "virDomainGetSchedulerParametersFlags", Some("Domain::scheduler_parameters_flags")),
    ("G06", "virDomainSetSchedulerParameters", Some("Domain::set_scheduler_parameters")),
    ("G06", "virDomainSetSchedulerParametersFlags", Some("Domain::set_scheduler_parameters_flags")),
    ("G06", "virDomainSetInterfaceParameters", Some("Domain::set_interface_parameters")),
    ("G06", "virDomainGetInterfaceParameters", Some("Domain::interface_parameters")),
    ("G06", "virDomainGetPerfEvents", Some("Domain::perf_events")),
    ("G06", "virDomainSetPerfEvents", Some("Domain::set_perf_events")),
    ("G06", "virDomainSetBlockIoTune", Some("Domain::set_block_io_tune")),
    ("G06", "virDomainGetBlockIoTune", Some("Domain::block_io_tune")),
    ("G07", "virDomainBlockStats", Some("Domain::block_stats")),
    ("G07", "virDomainBlockStatsFlags", Some("Domain::block_stats_flags")),
    ("G07", "virDomainInterfaceStats", Some("Domain::interface_stats")),
    ("G07", "virDomainMemoryStats", Some("Domain::memory_stats")),
    ("G07", "virDomainGetBlockInfo", Some("Domain::block_info")),
    ("G07", "virDomainGetJobInfo", Some("Domain::job_info")),
    ("G07", "virDomainGetJobStats", Some("Domain::job_stats")),
    ("G07", "virDomainAbortJob", Some("Domain::abort_job")),
    ("G07", "virDomainAbortJobFlags", Some("Domain::abort_job_flags")),
    ("G07", "virDomainGetCPUStats", Some("Domain::cpu_stats")),
    ("G07", "virDomainGetDiskErrors", Some("Domain::disk_errors")),
    ("G07", "virConnectGetAllDomainStats", Some("Connect::all_domain_stats")),
    ("G07", "virDomainListGetStats", Some("Domain::list_get_stats")),
    ("G07", "virDomainStatsRecordListFree", Some("drop(Vec<StatsRecord>)")),
    ("G07", "virDomainStartDirtyRateCalc", Some("Domain::start_dirty_rate_calc")),
    ("G08", "virDomainAttachDevice", Some("Domain::attach_device")),
    ("G08", "virDomainAttachDeviceFlags", Some("Domain::attach_device_flags")),
    ("G08", "virDomainDetachDevice", Some("Domain::detach_device")),
    ("G08", "virDomainDetachDeviceFlags", Some("Domain::detach_device_flags")),
    ("G08", "virDomainUpdateDeviceFlags", Some("Domain::update_device_flags")),
    ("G08", "virDomainDetachDeviceAlias", Some("Domain::detach_device_alias")),
    ("G09", "virDomainBlockPeek", Some("Domain::block_peek")),
    ("G09", "virDomainBlockResize", Some("Domain::block_resize")),
    ("G09", "virDomainBlockJobAbort", Some("Domain::block_job_abort")),
    ("G09", "virDomainGetBlockJobInfo", Some("Domain::block_job_info")),
    ("G09", "virDomainBlockJobSetSpeed", Some("Domain::block_job_set_speed")),
    ("G09", "virDomainBlockPull", Some("Domain::block_pull")),
    ("G09", "virDomainBlockRebase", Some("Domain::block_rebase")),
    ("G09", "virDomainBlockCopy", Some("Domain::block_copy")),
    ("G09", "virDomainBlockCommit", Some("Domain::block_commit")),
    ("G09", "virDomainSetBlockThreshold", Some("Domain::set_block_threshold")),
    ("G09", "virDomainBackupBegin", Some("Domain::backup_begin")),
    ("G09", "virDomainBackupGetXMLDesc", Some("Domain::backup_xml_desc")),
    ("G10", "virDomainMigrate", Some("virtkit_migrate::DomainMigrate::migrate")),
    ("G10", "virDomainMigrate2", Some("virtkit_migrate::DomainMigrate::migrate2")),
    ("G10", "virDomainMigrate3", Some("virtkit_migrate::DomainMigrate::migrate3")),
    ("G10", "virDomainMigrateToURI", Some("virtkit_migrate::DomainMigrate::migrate_to_uri")),
    ("G10", "virDomainMigrateToURI2", Some("virtkit_migrate::DomainMigrate::migrate_to_uri2")),
    ("G10", "virDomainMigrateToURI3", Some("virtkit_migrate::DomainMigrate::migrate_to_uri3")),
    ("G10", "virDomainMigrateSetMaxDowntime", Some("Domain::migrate_set_max_downtime")),
    ("G10", "virDomainMigrateGetMaxDowntime", Some("Domain::migrate_max_downtime")),
    ("G10", "virDomainMigrateGetCompressionCache", Some("Domain::migrate_compression_cache")),
    ("G10", "virDomainMigrateSetCompressionCache", Some("Domain::migrate_set_compression_cache")),
    ("G10", "virDomainMigrateSetMaxSpeed", Some("Domain::migrate_set_max_speed")),
    ("G10", "virDomainMigrateGetMaxSpeed", Some("Domain::migrate_max_speed")),
    ("G10", "virDomainMigrateStartPostCopy", Some("Domain::migrate_start_post_copy")),
    ("G12", "virDomainSetMetadata", Some("Domain::set_metadata")),
    ("G12", "virDomainGetMetadata", Some("Domain::metadata")),
    ("G13", "virDomainGetHostname", Some("Domain::hostname")),
    ("G13", "virDomainFSTrim", Some("Domain::fs_trim")),
    ("G13", "virDomainFSFreeze", Some("Domain::fs_freeze")),
    ("G13", "virDomainFSThaw", Some("Domain::fs_thaw")),
    ("G13", "virDomainGetTime", Some("Domain::time")),
    ("G13", "virDomainSetTime", Some("Domain::set_time")),
    ("G13", "virDomainSetUserPassword", Some("Domain::set_user_password")),
    ("G13", "virDomainGetFSInfo", Some("Domain::fs_info")),
    ("G13", "virDomainFSInfoFree", Some("drop(FsInfo)")),
    ("G13", "virDomainInterfaceAddresses", Some("Domain::interface_addresses")),
    ("G13", "virDomainInterfaceFree", Some("drop(Interface)")),
    ("G13", "virDomainGetGuestVcpus", Some("Domain::guest_vcpus")),
    ("G13", "virDomainSetGuestVcpus", Some("Domain::set_guest_vcpus")),
    ("G13", "virDomainGetGuestInfo", Some("Domain::guest_info")),
    ("G13", "virDomainAgentSetResponseTimeout", Some("Domain::agent_set_response_timeout")),
    ("G13", "virDomainAuthorizedSSHKeysGet", Some("Domain::authorized_ssh_keys")),
    ("G13", "virDomainAuthorizedSSHKeysSet", Some("Domain::set_authorized_ssh_keys")),
    ("G14", "virConnectDomainEventRegister", Some("Connect::domain_event_register")),
    ("G14", "virConnectDomainEventDeregister", Some("Connect::domain_event_deregister")),
    ("G14", "virConnectDomainEventRegisterAny", Some("Connect::domain_event_register_any")),
    ("G14", "virConnectDomainEventDeregisterAny", Some("Connect::domain_event_deregister_any")),
    ("G15", "virDomainScreenshot", Some("Domain::screenshot")),
    ("G15", "virDomainInjectNMI", Some("Domain::inject_nmi")),
    ("G15", "virDomainSendKey", Some("Domain::send_key")),
    ("G15", "virDomainSendProcessSignal", Some("Domain::send_process_signal")),
    ("G15", "virDomainOpenConsole", Some("Domain::open_console")),
    ("G15", "virDomainOpenChannel", Some("Domain::open_channel")),
    ("G15", "virDomainOpenGraphics", Some("Domain::open_graphics")),
    ("G15", "virDomainOpenGraphicsFD", Some("Domain::open_graphics_fd")),
    ("G15", "virDomainGetLaunchSecurityInfo", Some("Domain::launch_security_info")),
    ("G15", "virDomainSetLaunchSecurityState", Some("Domain::set_launch_security_state")),
    ("G15", "virDomainFDAssociate", Some("Domain::fd_associate")),
    ("G15", "virDomainGraphicsReload", Some("Domain::graphics_reload")),
    ("I01", "virDomainMigratePrepare", Some("Connect::migrate_prepare")),
    ("I01", "virDomainMigratePerform", Some("Domain::migrate_perform")),
    ("I01", "virDomainMigrateFinish", Some("Connect::migrate_finish")),
    ("I01", "virDomainMigratePrepare2", Some("Connect::migrate_prepare2")),
    ("I01", "virDomainMigrateFinish2", Some("Connect::migrate_finish2")),
    ("I01", "virDomainMigratePrepareTunnel", Some("Connect::migrate_prepare_tunnel")),
    ("I01", "virDomainMigrateBegin3", Some("Domain::migrate_begin3")),
    ("I01", "virDomainMigratePrepare3", Some("Connect::migrate_prepare3")),
    ("I01", "virDomainMigratePrepareTunnel3", Some("Connect::migrate_prepare_tunnel3")),
    ("I01", "virDomainMigratePerform3", Some("Domain::migrate_perform3")),
    ("I01", "virDomainMigrateFinish3", Some("Connect::migrate_finish3")),
    ("I01", "virDomainMigrateConfirm3", Some("Domain::migrate_confirm3")),
    ("I01", "virDomainMigrateBegin3Params", Some("Domain::migrate_begin3_params")),
    ("I01", "virDomainMigratePrepare3Params", Some("Connect::migrate_prepare3_params")),
    (
        "I01",
        "virDomainMigratePrepareTunnel3Params",
        Some("Connect::migrate_prepare_tunnel3_params"),
    ),
    ("I01", "virDomainMigratePerform3Params", Some("Domain::migrate_perform3_params")),
    ("I01", "virDomainMigrateFinish3Params", Some("Connect::migrate_finish3_params")),
    ("I01", "virDomainMigrateConfirm3Params", Some("Domain::migrate_confirm3_params")),
];

/// How many of the 190 public functions exist.
///
/// ```
/// assert!(virtkit_api::coverage::implemented_public() <= 190);
/// ```
pub fn implemented_public() -> usize {
    FUNCTIONS.iter().filter(|(g, _, r)| g.starts_with('G') && r.is_some()).count()
}

/// How many of the 18 internal migration entry points exist.
///
/// ```
/// assert!(virtkit_api::coverage::implemented_internal() <= 18);
/// ```
pub fn implemented_internal() -> usize {
    FUNCTIONS.iter().filter(|(g, _, r)| *g == "I01" && r.is_some()).count()
}
