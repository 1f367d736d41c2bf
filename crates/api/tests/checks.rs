//! Table-driven tests of the entry points' argument checks: for each check an input that
//! triggers it, with libvirt's code and message; every mutating entry point refused on a
//! read-only connection and every read-only one allowed; inputs that pass reach the driver.

use std::sync::{Arc, Mutex};
use virtkit_migrate::DomainMigrate;

use virtkit_api::enums::{
    DomainCoreDumpFormat, DomainInterfaceAddressesSource as Src, DomainLifecycle,
    DomainLifecycleAction, DomainMetadataType as Meta, DomainProcessSignal, KeycodeSet,
};
use virtkit_api::events::DomainEventCallback;
use virtkit_api::flags::*;
use virtkit_api::types::Uuid;
use virtkit_api::{
    Connect, Domain, Driver, DrvFeature, Error, ErrorCode, ErrorDomain, Result, Stream,
};
use virtkit_typedparams::TypedParams;

/// Records the callbacks it serves and the flags getters receive; answers feature probes as
/// configured; everything else is the trait's not-supported default.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)]
struct Recorder {
    calls: Mutex<Vec<(&'static str, u32)>>,
    strings: bool,
    fds: bool,
    direct: bool,
    probe_fails: bool,
}

impl Recorder {
    fn record(&self, name: &'static str, flags: u32) {
        self.calls.lock().unwrap().push((name, flags));
    }
}

impl Driver for Recorder {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        if self.probe_fails {
            return Err(Error::report(ErrorCode::InternalError, "probe failed"));
        }
        Ok(match feature {
            DrvFeature::TypedParamString => self.strings,
            DrvFeature::FdPassing => self.fds,
            DrvFeature::MigrationDirect => self.direct,
            _ => false,
        })
    }
    fn domain_get_memory_parameters(&self, _dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.record("domainGetMemoryParameters", flags);
        Ok(TypedParams::new())
    }
    fn domain_set_blkio_parameters(&self, _d: &Domain, _p: &TypedParams, flags: u32) -> Result<()> {
        self.record("domainSetBlkioParameters", flags);
        Ok(())
    }
    fn domain_suspend(&self, _dom: &Domain) -> Result<()> {
        self.record("domainSuspend", 0);
        Ok(())
    }
    fn domain_create_with_files(
        &self,
        _dom: &Domain,
        files: &[i32],
        _flags: DomainCreateFlags,
    ) -> Result<()> {
        self.record("domainCreateWithFiles", files.len() as u32);
        Ok(())
    }
    fn domain_get_max_memory(&self, _dom: &Domain) -> Result<u64> {
        Ok(0)
    }
    fn domain_memory_stats(
        &self,
        _dom: &Domain,
        nr: u32,
        _flags: u32,
    ) -> Result<Vec<virtkit_api::types::MemoryStat>> {
        self.record("domainMemoryStats", nr);
        Ok(Vec::new())
    }
}

fn setup(driver: Recorder, read_only: bool) -> (Arc<Recorder>, Domain) {
    let driver = Arc::new(driver);
    let conn = Connect::with_driver(driver.clone(), "rec:///", read_only);
    let dom = Domain::new(&conn, "vm", Uuid([1; 16]), 3);
    (driver, dom)
}

type Call = Box<dyn Fn(&Domain) -> Result<()>>;

macro_rules! call {
    ($d:ident => $e:expr) => {
        Box::new(move |$d: &Domain| $e.map(|_| ())) as Call
    };
}

fn params(names: &[&str]) -> TypedParams {
    let mut p = TypedParams::new();
    for n in names {
        p.add_string(n, "x").unwrap();
    }
    p
}

fn ullong(name: &str) -> TypedParams {
    let mut p = TypedParams::new();
    p.add(name, 1u64).unwrap();
    p
}

const EXCL_LIVE_CONFIG: &str =
    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive";
const EXCL_SAVE: &str =
    "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive";

/// (label, call, code, message) for inputs that fail a check on a read-write connection.
#[allow(clippy::too_many_lines)]
fn failing_cases() -> Vec<(&'static str, Call, ErrorCode, String)> {
    use ErrorCode::{ArgumentUnsupported as Unsup, InvalidArg as Inv, Overflow};
    let both = DomainModificationImpact::LIVE | DomainModificationImpact::CONFIG;
    let m = |s: &str| s.to_owned();
    vec![
        (
            "lookup id",
            call!(d => d.connect().lookup_by_id(-1)),
            Inv,
            m("id in virDomainLookupByID must be zero or greater"),
        ),
        (
            "uuid",
            call!(d => d.connect().lookup_by_uuid_string("6695eb01-f6a4")),
            Inv,
            m("Invalid UUID"),
        ),
        (
            "uuid junk",
            call!(d => d.connect().lookup_by_uuid_string("6695eb01f6a4830479aa97f2502e193fxx")),
            Inv,
            m("Invalid UUID"),
        ),
        (
            "list domains",
            call!(d => d.connect().list_domains(-1)),
            Inv,
            m("maxids in virConnectListDomains must be zero or greater"),
        ),
        (
            "list defined",
            call!(d => d.connect().list_defined_domains(-5)),
            Inv,
            m("maxnames in virConnectListDefinedDomains must be zero or greater"),
        ),
        (
            "rename",
            call!(d => d.rename("", 0)),
            Inv,
            m("string new_name in virDomainRename must not be empty"),
        ),
        (
            "create files",
            call!(d => d.connect().create_xml_with_files("<domain/>", &[4], DomainCreateFlags::empty())),
            Unsup,
            m("argument unsupported: fd passing is not supported by this connection"),
        ),
        (
            "create with files",
            call!(d => d.create_with_files(&[4], DomainCreateFlags::empty())),
            Unsup,
            m("argument unsupported: fd passing is not supported by this connection"),
        ),
        (
            "save flags",
            call!(d => d.save_flags("/x", None, DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "save params",
            call!(d => d.save_params(&TypedParams::new(), DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "restore flags",
            call!(d => d.connect().restore_flags("/x", None, DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "restore params",
            call!(d => d.connect().restore_params(&TypedParams::new(), DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "image define",
            call!(d => d.connect().save_image_define_xml("/x", "<domain/>", DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "managed save",
            call!(d => d.managed_save(DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "managed define",
            call!(d => d.managed_save_define_xml(None, DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED)),
            Inv,
            m(EXCL_SAVE),
        ),
        (
            "dump crash live",
            call!(d => d.core_dump("/x", DomainCoreDumpFlags::CRASH | DomainCoreDumpFlags::LIVE)),
            Inv,
            m("Flags 'VIR_DUMP_CRASH' and 'VIR_DUMP_LIVE' are mutually exclusive"),
        ),
        (
            "dump crash reset",
            call!(d => d.core_dump("/x", DomainCoreDumpFlags::CRASH | DomainCoreDumpFlags::RESET)),
            Inv,
            m("Flags 'VIR_DUMP_CRASH' and 'VIR_DUMP_RESET' are mutually exclusive"),
        ),
        (
            "dump fmt live reset",
            call!(d => d.core_dump_with_format("/x", DomainCoreDumpFormat::Raw, DomainCoreDumpFlags::LIVE | DomainCoreDumpFlags::RESET)),
            Inv,
            m("Flags 'VIR_DUMP_LIVE' and 'VIR_DUMP_RESET' are mutually exclusive"),
        ),
        (
            "set max mem 0",
            call!(d => d.set_max_memory(0)),
            Inv,
            m("memory in virDomainSetMaxMemory must not be zero"),
        ),
        (
            "set max mem big",
            call!(d => d.set_max_memory(virtkit_api::domain::MEMORY_MAX_KIB)),
            Overflow,
            format!("numerical overflow: input too large: {}", virtkit_api::domain::MEMORY_MAX_KIB),
        ),
        (
            "set mem 0",
            call!(d => d.set_memory(0)),
            Inv,
            m("memory in virDomainSetMemory must not be zero"),
        ),
        (
            "set mem flags big",
            call!(d => d.set_memory_flags(u64::MAX, DomainMemoryModFlags::empty())),
            Overflow,
            format!("numerical overflow: input too large: {}", u64::MAX),
        ),
        (
            "stats period",
            call!(d => d.set_memory_stats_period(-1, DomainMemoryModFlags::empty())),
            Inv,
            m("period in virDomainSetMemoryStatsPeriod must be zero or greater"),
        ),
        (
            "memory peek",
            call!(d => d.memory_peek(0, 1, DomainMemoryFlags::VIRTUAL | DomainMemoryFlags::PHYSICAL)),
            Inv,
            m("Flags 'VIR_MEMORY_VIRTUAL' and 'VIR_MEMORY_PHYSICAL' are mutually exclusive"),
        ),
        (
            "set vcpus",
            call!(d => d.set_vcpus(0)),
            Inv,
            m("nvcpus in virDomainSetVcpus must not be zero"),
        ),
        (
            "set vcpus max",
            call!(d => d.set_vcpus_flags(2, DomainVcpuFlags::MAXIMUM)),
            Inv,
            m("Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'"),
        ),
        (
            "set vcpus guest",
            call!(d => d.set_vcpus_flags(2, DomainVcpuFlags::GUEST | DomainVcpuFlags::CONFIG)),
            Inv,
            m(
                "Flags 'VIR_DOMAIN_VCPU_GUEST' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
            ),
        ),
        (
            "set vcpus zero",
            call!(d => d.set_vcpus_flags(0, DomainVcpuFlags::LIVE)),
            Inv,
            m("nvcpus in virDomainSetVcpusFlags must not be zero"),
        ),
        (
            "get vcpus flags",
            call!(d => d.vcpus_flags(DomainVcpuFlags::LIVE | DomainVcpuFlags::CONFIG)),
            Inv,
            m(EXCL_LIVE_CONFIG),
        ),
        (
            "pin vcpu",
            call!(d => d.pin_vcpu(0, &[])),
            Inv,
            m("maplen in virDomainPinVcpu must be greater than zero"),
        ),
        (
            "pin vcpu flags",
            call!(d => d.pin_vcpu_flags(0, &[], both)),
            Inv,
            m("maplen in virDomainPinVcpuFlags must be greater than zero"),
        ),
        (
            "pin info n",
            call!(d => d.vcpu_pin_info(0, 1, DomainModificationImpact::empty())),
            Inv,
            m("ncpumaps in virDomainGetVcpuPinInfo must be greater than zero"),
        ),
        (
            "pin info maplen",
            call!(d => d.vcpu_pin_info(1, -1, DomainModificationImpact::empty())),
            Inv,
            m("maplen in virDomainGetVcpuPinInfo must be greater than zero"),
        ),
        (
            "pin info overflow",
            call!(d => d.vcpu_pin_info(i32::MAX, 2, DomainModificationImpact::empty())),
            Overflow,
            format!("numerical overflow: input too large: {} * 2", i32::MAX),
        ),
        ("pin info flags", call!(d => d.vcpu_pin_info(1, 1, both)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "pin emulator",
            call!(d => d.pin_emulator(&[], DomainModificationImpact::empty())),
            Inv,
            m("maplen in virDomainPinEmulator must be greater than zero"),
        ),
        (
            "emulator info",
            call!(d => d.emulator_pin_info(0, DomainModificationImpact::empty())),
            Inv,
            m("maplen in virDomainGetEmulatorPinInfo must be greater than zero"),
        ),
        ("emulator info flags", call!(d => d.emulator_pin_info(1, both)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "get vcpus maxinfo",
            call!(d => d.vcpus(0, None)),
            Inv,
            m("maxinfo in virDomainGetVcpus must be greater than zero"),
        ),
        (
            "get vcpus maplen",
            call!(d => d.vcpus(1, Some(0))),
            Inv,
            m("maplen in virDomainGetVcpus must be greater than zero"),
        ),
        (
            "get vcpus overflow",
            call!(d => d.vcpus(65536, Some(65536))),
            Overflow,
            m("numerical overflow: input too large: 65536 * 65536"),
        ),
        ("iothread info", call!(d => d.iothread_info(both)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "pin iothread",
            call!(d => d.pin_iothread(1, &[], both)),
            Inv,
            m("maplen in virDomainPinIOThread must be greater than zero"),
        ),
        (
            "del iothread",
            call!(d => d.del_iothread(0, both)),
            Inv,
            m("iothread_id in virDomainDelIOThread must not be zero"),
        ),
        (
            "iothread params",
            call!(d => d.set_iothread_params(1, &TypedParams::new(), both)),
            Inv,
            m("nparams in virDomainSetIOThreadParams must be greater than zero"),
        ),
        (
            "iothread params str",
            call!(d => d.set_iothread_params(1, &params(&["poll_max_ns"]), both)),
            Inv,
            m("string parameter 'poll_max_ns' unsupported"),
        ),
        (
            "mem params",
            call!(d => d.set_memory_parameters(&TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetMemoryParameters must be greater than zero"),
        ),
        (
            "mem params str",
            call!(d => d.set_memory_parameters(&params(&["hard_limit"]), 0)),
            Inv,
            m("string parameter 'hard_limit' unsupported"),
        ),
        ("get mem params", call!(d => d.memory_parameters(3)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "numa params",
            call!(d => d.set_numa_parameters(&TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetNumaParameters must be greater than zero"),
        ),
        (
            "numa params str",
            call!(d => d.set_numa_parameters(&params(&["numa_nodeset"]), 0)),
            Inv,
            m("string parameter 'numa_nodeset' unsupported"),
        ),
        (
            "blkio str",
            call!(d => d.set_blkio_parameters(&params(&["device_weight"]), 0)),
            Inv,
            m("string parameter 'device_weight' unsupported"),
        ),
        ("get blkio", call!(d => d.blkio_parameters(3)), Inv, m(EXCL_LIVE_CONFIG)),
        ("get sched flags", call!(d => d.scheduler_parameters_flags(3)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "sched str",
            call!(d => d.set_scheduler_parameters(&params(&["cap"]))),
            Inv,
            m("string parameter 'cap' unsupported"),
        ),
        (
            "sched flags str",
            call!(d => d.set_scheduler_parameters_flags(&params(&["cap"]), 0)),
            Inv,
            m("string parameter 'cap' unsupported"),
        ),
        (
            "iface params",
            call!(d => d.set_interface_parameters("vnet0", &TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetInterfaceParameters must be greater than zero"),
        ),
        (
            "perf",
            call!(d => d.set_perf_events(&TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetPerfEvents must be greater than zero"),
        ),
        (
            "iotune",
            call!(d => d.set_block_io_tune("vda", &TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetBlockIoTune must be greater than zero"),
        ),
        (
            "iotune str",
            call!(d => d.set_block_io_tune("vda", &params(&["group_name"]), 0)),
            Inv,
            m("string parameter 'group_name' unsupported"),
        ),
        ("get iotune", call!(d => d.block_io_tune(None, 3)), Inv, m(EXCL_LIVE_CONFIG)),
        (
            "block info",
            call!(d => d.block_info("", 0)),
            Inv,
            m("string disk in virDomainGetBlockInfo must not be empty"),
        ),
        (
            "job stats",
            call!(d => d.job_stats(DomainGetJobStatsFlags::KEEP_COMPLETED)),
            Inv,
            m(
                "Flag 'VIR_DOMAIN_JOB_STATS_COMPLETED' is required by flag 'VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED'",
            ),
        ),
        (
            "cpu stats total",
            call!(d => d.cpu_stats(-1, 0, 0)),
            Inv,
            m("ncpus must be 1 when start_cpu is -1"),
        ),
        (
            "cpu stats start",
            call!(d => d.cpu_stats(-3, 1, 0)),
            Inv,
            m("start_cpu in virDomainGetCPUStats must be zero or greater"),
        ),
        (
            "list stats empty",
            call!(_d => Domain::list_get_stats(&[], DomainStatsTypes::STATE, ConnectGetAllDomainStatsFlags::empty())),
            Inv,
            m(
                "invalid argument: doms array in virDomainListGetStats must contain at least one domain",
            ),
        ),
        (
            "dirty rate",
            call!(d => d.start_dirty_rate_calc(1, DomainDirtyRateCalcFlags::DIRTY_BITMAP | DomainDirtyRateCalcFlags::DIRTY_RING)),
            Inv,
            m(
                "Flags 'VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP' and 'VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING' are mutually exclusive",
            ),
        ),
        (
            "block peek",
            call!(d => d.block_peek("", 0, 1, 0)),
            Inv,
            m("string disk in virDomainBlockPeek must not be empty"),
        ),
        (
            "rebase copy",
            call!(d => d.block_rebase("vda", None, 0, DomainBlockRebaseFlags::COPY)),
            Inv,
            m("base in virDomainBlockRebase must not be NULL"),
        ),
        (
            "rebase flags",
            call!(d => d.block_rebase("vda", Some("b"), 0, DomainBlockRebaseFlags::REUSE_EXT)),
            Inv,
            m("use of flags requires a copy job"),
        ),
        (
            "rebase raw",
            call!(d => d.block_rebase("vda", None, 0, DomainBlockRebaseFlags::COPY_RAW)),
            Inv,
            m("use of flags requires a copy job"),
        ),
        (
            "meta title nl",
            call!(d => d.set_metadata(Meta::Title, Some("a\nb"), None, None, DomainModificationImpact::empty())),
            Inv,
            m("metadata title can't contain newlines"),
        ),
        (
            "meta title uri",
            call!(d => d.set_metadata(Meta::Title, Some("t"), None, Some("urn:x"), DomainModificationImpact::empty())),
            Inv,
            m("uri in virDomainSetMetadata must be NULL"),
        ),
        (
            "meta desc key",
            call!(d => d.set_metadata(Meta::Description, Some("t"), Some("k"), None, DomainModificationImpact::empty())),
            Inv,
            m("key in virDomainSetMetadata must be NULL"),
        ),
        (
            "meta elem uri",
            call!(d => d.set_metadata(Meta::Element, Some("<a/>"), Some("k"), None, DomainModificationImpact::empty())),
            Inv,
            m("uri in virDomainSetMetadata must not be NULL"),
        ),
        (
            "meta elem key",
            call!(d => d.set_metadata(Meta::Element, Some("<a/>"), None, Some("urn:x"), DomainModificationImpact::empty())),
            Inv,
            m("key in virDomainSetMetadata must not be NULL"),
        ),
        (
            "get meta flags",
            call!(d => d.metadata(Meta::Title, None, both)),
            Inv,
            m(EXCL_LIVE_CONFIG),
        ),
        (
            "get meta title",
            call!(d => d.metadata(Meta::Title, Some("urn:x"), DomainModificationImpact::empty())),
            Inv,
            m("uri in virDomainGetMetadata must be NULL"),
        ),
        (
            "get meta elem",
            call!(d => d.metadata(Meta::Element, None, DomainModificationImpact::empty())),
            Inv,
            m("uri in virDomainGetMetadata must not be NULL"),
        ),
        (
            "ssh keys null",
            call!(d => d.set_authorized_ssh_keys("root", None, DomainAuthorizedSSHKeysSetFlags::REMOVE)),
            Inv,
            m("keys in virDomainAuthorizedSSHKeysSet must not be NULL"),
        ),
        (
            "ssh keys excl",
            call!(d => d.set_authorized_ssh_keys("root", Some(&["k"]), DomainAuthorizedSSHKeysSetFlags::APPEND | DomainAuthorizedSSHKeysSetFlags::REMOVE)),
            Inv,
            m(
                "Flags 'VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND' and 'VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE' are mutually exclusive",
            ),
        ),
        (
            "send key none",
            call!(d => d.send_key(KeycodeSet::Linux, 0, &[], 0)),
            Inv,
            m("nkeycodes in virDomainSendKey must be greater than zero"),
        ),
        (
            "send key many",
            call!(d => d.send_key(KeycodeSet::Linux, 0, &[1; 17], 0)),
            Inv,
            m("nkeycodes must be <= 16"),
        ),
        (
            "signal pid",
            call!(d => d.send_process_signal(0, DomainProcessSignal::Kill, 0)),
            Inv,
            m("pid_value in virDomainSendProcessSignal must not be zero"),
        ),
        (
            "graphics fd",
            call!(d => d.open_graphics(0, -1, 0)),
            Inv,
            m("fd in virDomainOpenGraphics must be zero or greater"),
        ),
        (
            "graphics fdpass",
            call!(d => d.open_graphics(0, 3, 0)),
            Unsup,
            m("argument unsupported: fd passing is not supported by this connection"),
        ),
        (
            "graphics fd fdpass",
            call!(d => d.open_graphics_fd(0, 0)),
            Unsup,
            m("argument unsupported: fd passing is not supported by this connection"),
        ),
        (
            "launch state",
            call!(d => d.set_launch_security_state(&TypedParams::new(), 0)),
            Inv,
            m("nparams in virDomainSetLaunchSecurityState must be greater than zero"),
        ),
        (
            "fd associate",
            call!(d => d.fd_associate("x", &[3], DomainFDAssociateFlags::empty())),
            Unsup,
            m("argument unsupported: fd passing is not supported by this connection"),
        ),
        (
            "event id",
            call!(d => d.connect().domain_event_register_any(None, -1, Arc::new(|_, _, _| {}))),
            Inv,
            m("eventID in virConnectDomainEventRegisterAny must be zero or greater"),
        ),
        (
            "event id last",
            call!(d => d.connect().domain_event_register_any(None, 1000, Arc::new(|_, _, _| {}))),
            Inv,
            format!(
                "eventID must be less than {}",
                <virtkit_api::enums::DomainEventID as virtkit_api::enums::CEnum>::LAST
            ),
        ),
        (
            "deregister id",
            call!(d => d.connect().domain_event_deregister_any(-1)),
            Inv,
            m("callbackID in virConnectDomainEventDeregisterAny must be zero or greater"),
        ),
        (
            "mig prepare",
            call!(d => d.connect().migrate_prepare(None, DomainMigrateFlags::LIVE, Some(""), 0)),
            Inv,
            m("string dname in virDomainMigratePrepare must not be empty"),
        ),
        (
            "mig perform",
            call!(d => d.migrate_perform(&[], "tcp://h", DomainMigrateFlags::LIVE, Some(""), 0)),
            Inv,
            m("string dname in virDomainMigratePerform must not be empty"),
        ),
        (
            "mig finish",
            call!(d => d.connect().migrate_finish(Some(""), &[], "tcp://h", DomainMigrateFlags::LIVE)),
            Inv,
            m("string dname in virDomainMigrateFinish must not be empty"),
        ),
        (
            "mig prepare2",
            call!(d => d.connect().migrate_prepare2(None, DomainMigrateFlags::LIVE, Some(""), 0, "<domain/>")),
            Inv,
            m("string dname in virDomainMigratePrepare2 must not be empty"),
        ),
        (
            "mig finish2",
            call!(d => d.connect().migrate_finish2(Some(""), &[], "tcp://h", DomainMigrateFlags::LIVE, 0)),
            Inv,
            m("string dname in virDomainMigrateFinish2 must not be empty"),
        ),
        (
            "mig begin3",
            call!(d => d.migrate_begin3(None, DomainMigrateFlags::LIVE, Some(""), 0)),
            Inv,
            m("string dname in virDomainMigrateBegin3 must not be empty"),
        ),
        (
            "mig prepare3",
            call!(d => d.connect().migrate_prepare3(&[], None, DomainMigrateFlags::LIVE, Some(""), 0, "<domain/>")),
            Inv,
            m("string dname in virDomainMigratePrepare3 must not be empty"),
        ),
        (
            "mig perform3",
            call!(d => d.migrate_perform3(None, &[], None, None, DomainMigrateFlags::LIVE, Some(""), 0)),
            Inv,
            m("string dname in virDomainMigratePerform3 must not be empty"),
        ),
        (
            "mig finish3",
            call!(d => d.connect().migrate_finish3(Some(""), &[], None, None, DomainMigrateFlags::LIVE, false)),
            Inv,
            m("string dname in virDomainMigrateFinish3 must not be empty"),
        ),
        (
            "mig begin3 params",
            call!(d => d.migrate_begin3_params(&params(&["destination_name"]).tap_empty(), DomainMigrateFlags::LIVE)),
            Inv,
            m("string dname in virDomainMigrateBegin3Params must not be empty"),
        ),
        (
            "mig prepare3 params",
            call!(d => d.connect().migrate_prepare3_params(&params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::LIVE)),
            Inv,
            m("string dname in virDomainMigratePrepare3Params must not be empty"),
        ),
        (
            "mig perform3 params",
            call!(d => d.migrate_perform3_params(None, &params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::LIVE)),
            Inv,
            m("string dname in virDomainMigratePerform3Params must not be empty"),
        ),
        (
            "mig finish3 params",
            call!(d => d.connect().migrate_finish3_params(&params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::LIVE, false)),
            Inv,
            m("string dname in virDomainMigrateFinish3Params must not be empty"),
        ),
        (
            "mig confirm3 params",
            call!(d => d.migrate_confirm3_params(&params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::LIVE, false)),
            Inv,
            m("string dname in virDomainMigrateConfirm3Params must not be empty"),
        ),
        (
            "screenshot stream",
            call!(d => d.screenshot(&foreign_stream(), 0, 0)),
            Inv,
            m("stream must match connection of domain 'vm'"),
        ),
        (
            "console stream",
            call!(d => d.open_console(None, &foreign_stream(), 0)),
            Inv,
            m("stream must match connection of domain 'vm'"),
        ),
        (
            "channel stream",
            call!(d => d.open_channel(None, &foreign_stream(), 0)),
            Inv,
            m("stream must match connection of domain 'vm'"),
        ),
        (
            "tunnel stream",
            call!(d => d.connect().migrate_prepare_tunnel(&foreign_stream(), DomainMigrateFlags::TUNNELLED, None, 0, "<domain/>")),
            Inv,
            m("conn must match stream connection"),
        ),
        (
            "tunnel dname",
            call!(d => d.connect().migrate_prepare_tunnel(&foreign_stream(), DomainMigrateFlags::TUNNELLED, Some(""), 0, "<domain/>")),
            Inv,
            m("string dname in virDomainMigratePrepareTunnel must not be empty"),
        ),
        (
            "tunnel3 stream",
            call!(d => d.connect().migrate_prepare_tunnel3(&foreign_stream(), &[], DomainMigrateFlags::TUNNELLED, None, 0, "<domain/>")),
            Inv,
            m("conn must match stream connection"),
        ),
        (
            "tunnel3 params stream",
            call!(d => d.connect().migrate_prepare_tunnel3_params(&foreign_stream(), &params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::TUNNELLED)),
            Inv,
            m("conn must match stream connection"),
        ),
        (
            "tunnel3 params dname",
            call!(d => d.connect().migrate_prepare_tunnel3_params(&Stream::new(d.connect(), 0), &params(&["destination_name"]).tap_empty(), &[], DomainMigrateFlags::TUNNELLED)),
            Inv,
            m("string dname in virDomainMigratePrepareTunnel3Params must not be empty"),
        ),
        (
            "to uri excl",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::TUNNELLED | DomainMigrateFlags::PARALLEL, None, 0)),
            Inv,
            m("Flags 'VIR_MIGRATE_TUNNELLED' and 'VIR_MIGRATE_PARALLEL' are mutually exclusive"),
        ),
        (
            "to uri dname",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::LIVE, Some(""), 0)),
            Inv,
            m("string dname in virDomainMigrateToURI must not be empty"),
        ),
        (
            "to uri disk inc",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::NON_SHARED_DISK | DomainMigrateFlags::NON_SHARED_INC, None, 0)),
            Inv,
            m(
                "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive",
            ),
        ),
        (
            "to uri sync writes",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::NON_SHARED_SYNCHRONOUS_WRITES, None, 0)),
            Inv,
            m(
                "Flag 'VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC' is required by flag 'VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES'",
            ),
        ),
        (
            "to uri offline",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::OFFLINE, None, 0)),
            Unsup,
            m("argument unsupported: offline migration is not supported by the source host"),
        ),
        (
            "to uri2 p2p",
            call!(d => d.migrate_to_uri2(None, None, None, DomainMigrateFlags::PEER2PEER, None, 0)),
            Unsup,
            m("argument unsupported: p2p migration is not supported by the source host"),
        ),
        (
            "to uri3 direct",
            call!(d => d.migrate_to_uri3(None, &TypedParams::new(), DomainMigrateFlags::LIVE)),
            Unsup,
            m("argument unsupported: direct migration is not supported by the source host"),
        ),
        (
            "mig dname type",
            call!(d => d.migrate_begin3_params(&ullong("destination_name"), DomainMigrateFlags::LIVE)),
            Inv,
            m(
                "invalid argument: Invalid type 'string' requested for parameter 'destination_name', actual type is 'ullong'",
            ),
        ),
    ]
}

/// A stream of another connection.
fn foreign_stream() -> Stream {
    let conn = Connect::with_driver(Arc::new(Recorder::default()), "other:///", false);
    Stream::new(&conn, 0)
}

trait TapEmpty {
    fn tap_empty(self) -> TypedParams;
}

impl TapEmpty for TypedParams {
    /// Replaces every string value with `""`.
    fn tap_empty(mut self) -> TypedParams {
        let names: Vec<String> = self.iter().map(|p| p.name().to_owned()).collect();
        for n in names {
            self.replace_string(&n, "").unwrap();
        }
        self
    }
}

#[test]
fn every_check_reports_libvirts_code_and_message() {
    let (_, dom) = setup(Recorder::default(), false);
    let cases = failing_cases();
    assert!(cases.len() > 100, "{} cases", cases.len());
    for (label, call, code, message) in cases {
        let err = call(&dom).expect_err(label);
        assert_eq!(err.code(), code, "{label}: {err}");
        assert_eq!(err.message(), message, "{label}");
        assert_eq!(err.level(), virtkit_api::ErrorLevel::Error, "{label}");
    }
}

/// (function, call) of every mutating entry point; on a read-only connection each must fail
/// with `operation forbidden: read only access prevents {function}`.
#[allow(clippy::too_many_lines)]
fn mutating() -> Vec<(&'static str, Call)> {
    let e = DomainModificationImpact::empty();
    let p1 = ullong("x");
    let p2 = p1.clone();
    let p3 = p1.clone();
    let p4 = p1.clone();
    let p5 = p1.clone();
    let p6 = p1.clone();
    let p7 = p1.clone();
    let p8 = p1.clone();
    let p9 = p1.clone();
    vec![
        (
            "virDomainCreateXML",
            call!(d => d.connect().create_xml("<domain/>", DomainCreateFlags::empty())),
        ),
        (
            "virDomainCreateXML",
            call!(d => d.connect().create_linux("<domain/>", DomainCreateFlags::empty())),
        ),
        (
            "virDomainCreateXMLWithFiles",
            call!(d => d.connect().create_xml_with_files("<domain/>", &[], DomainCreateFlags::empty())),
        ),
        (
            "virConnectDomainXMLFromNative",
            call!(d => d.connect().domain_xml_from_native("f", "c", 0)),
        ),
        (
            "virConnectDomainXMLToNative",
            call!(d => d.connect().domain_xml_to_native("f", "<domain/>", 0)),
        ),
        (
            "virConnectGetDomainCapabilities",
            call!(d => d.connect().domain_capabilities(None, None, None, None, 0)),
        ),
        ("virDomainDefineXML", call!(d => d.connect().define_xml("<domain/>"))),
        (
            "virDomainDefineXMLFlags",
            call!(d => d.connect().define_xml_flags("<domain/>", DomainDefineFlags::empty())),
        ),
        ("virDomainRestore", call!(d => d.connect().restore("/x"))),
        (
            "virDomainRestoreFlags",
            call!(d => d.connect().restore_flags("/x", None, DomainSaveRestoreFlags::empty())),
        ),
        (
            "virDomainRestoreParams",
            call!(d => d.connect().restore_params(&TypedParams::new(), DomainSaveRestoreFlags::empty())),
        ),
        (
            "virDomainSaveImageGetXMLDesc",
            call!(d => d.connect().save_image_xml_desc("/x", DomainSaveImageXMLFlags::empty())),
        ),
        (
            "virDomainSaveImageDefineXML",
            call!(d => d.connect().save_image_define_xml("/x", "<domain/>", DomainSaveRestoreFlags::empty())),
        ),
        ("virDomainSetAutostart", call!(d => d.set_autostart(true))),
        ("virDomainRename", call!(d => d.rename("new", 0))),
        ("virDomainDestroy", call!(d => d.destroy())),
        ("virDomainDestroyFlags", call!(d => d.destroy_flags(DomainDestroyFlags::empty()))),
        ("virDomainSuspend", call!(d => d.suspend())),
        ("virDomainResume", call!(d => d.resume())),
        ("virDomainPMSuspendForDuration", call!(d => d.pm_suspend_for_duration(0, 0, 0))),
        ("virDomainPMWakeup", call!(d => d.pm_wakeup(0))),
        ("virDomainShutdown", call!(d => d.shutdown())),
        ("virDomainShutdownFlags", call!(d => d.shutdown_flags(DomainShutdownFlags::empty()))),
        ("virDomainReboot", call!(d => d.reboot(DomainRebootFlags::empty()))),
        ("virDomainReset", call!(d => d.reset(0))),
        ("virDomainUndefine", call!(d => d.undefine())),
        ("virDomainUndefineFlags", call!(d => d.undefine_flags(DomainUndefineFlags::empty()))),
        ("virDomainCreate", call!(d => d.create())),
        ("virDomainCreateWithFlags", call!(d => d.create_with_flags(DomainCreateFlags::empty()))),
        (
            "virDomainCreateWithFiles",
            call!(d => d.create_with_files(&[], DomainCreateFlags::empty())),
        ),
        (
            "virDomainSetLifecycleAction",
            call!(d => d.set_lifecycle_action(DomainLifecycle::Poweroff, DomainLifecycleAction::Destroy, DomainModificationImpact::empty())),
        ),
        ("virDomainSave", call!(d => d.save("/x"))),
        (
            "virDomainSaveFlags",
            call!(d => d.save_flags("/x", None, DomainSaveRestoreFlags::empty())),
        ),
        (
            "virDomainSaveParams",
            call!(d => d.save_params(&TypedParams::new(), DomainSaveRestoreFlags::empty())),
        ),
        ("virDomainCoreDump", call!(d => d.core_dump("/x", DomainCoreDumpFlags::empty()))),
        (
            "virDomainCoreDumpWithFormat",
            call!(d => d.core_dump_with_format("/x", DomainCoreDumpFormat::Raw, DomainCoreDumpFlags::empty())),
        ),
        ("virDomainManagedSave", call!(d => d.managed_save(DomainSaveRestoreFlags::empty()))),
        ("virDomainManagedSaveRemove", call!(d => d.managed_save_remove(0))),
        (
            "virDomainManagedSaveDefineXML",
            call!(d => d.managed_save_define_xml(None, DomainSaveRestoreFlags::empty())),
        ),
        ("virDomainSetMaxMemory", call!(d => d.set_max_memory(1024))),
        ("virDomainSetMemory", call!(d => d.set_memory(1024))),
        (
            "virDomainSetMemoryFlags",
            call!(d => d.set_memory_flags(1024, DomainMemoryModFlags::empty())),
        ),
        (
            "virDomainSetMemoryStatsPeriod",
            call!(d => d.set_memory_stats_period(1, DomainMemoryModFlags::empty())),
        ),
        ("virDomainMemoryPeek", call!(d => d.memory_peek(0, 1, DomainMemoryFlags::VIRTUAL))),
        ("virDomainSetVcpus", call!(d => d.set_vcpus(1))),
        ("virDomainSetVcpusFlags", call!(d => d.set_vcpus_flags(1, DomainVcpuFlags::empty()))),
        ("virDomainGetVcpusFlags", call!(d => d.vcpus_flags(DomainVcpuFlags::GUEST))),
        ("virDomainPinVcpu", call!(d => d.pin_vcpu(0, &[1]))),
        ("virDomainPinVcpuFlags", call!(d => d.pin_vcpu_flags(0, &[1], e))),
        ("virDomainPinEmulator", call!(d => d.pin_emulator(&[1], e))),
        ("virDomainPinIOThread", call!(d => d.pin_iothread(1, &[1], e))),
        ("virDomainAddIOThread", call!(d => d.add_iothread(1, e))),
        ("virDomainDelIOThread", call!(d => d.del_iothread(1, e))),
        ("virDomainSetIOThreadParams", call!(d => d.set_iothread_params(1, &p1, e))),
        ("virDomainSetVcpu", call!(d => d.set_vcpu("1", true, e))),
        ("virDomainSetMemoryParameters", call!(d => d.set_memory_parameters(&p2, 0))),
        ("virDomainSetNumaParameters", call!(d => d.set_numa_parameters(&p3, 0))),
        ("virDomainSetBlkioParameters", call!(d => d.set_blkio_parameters(&p4, 0))),
        ("virDomainSetSchedulerParameters", call!(d => d.set_scheduler_parameters(&p5))),
        (
            "virDomainSetSchedulerParametersFlags",
            call!(d => d.set_scheduler_parameters_flags(&p6, 0)),
        ),
        (
            "virDomainSetInterfaceParameters",
            call!(d => d.set_interface_parameters("vnet0", &p7, 0)),
        ),
        ("virDomainSetPerfEvents", call!(d => d.set_perf_events(&p8, 0))),
        ("virDomainSetBlockIoTune", call!(d => d.set_block_io_tune("vda", &p9, 0))),
        ("virDomainAbortJob", call!(d => d.abort_job())),
        ("virDomainAbortJobFlags", call!(d => d.abort_job_flags(DomainAbortJobFlags::empty()))),
        (
            "virDomainStartDirtyRateCalc",
            call!(d => d.start_dirty_rate_calc(1, DomainDirtyRateCalcFlags::empty())),
        ),
        ("virDomainAttachDevice", call!(d => d.attach_device("<disk/>"))),
        (
            "virDomainAttachDeviceFlags",
            call!(d => d.attach_device_flags("<disk/>", DomainDeviceModifyFlags::empty())),
        ),
        ("virDomainDetachDevice", call!(d => d.detach_device("<disk/>"))),
        (
            "virDomainDetachDeviceFlags",
            call!(d => d.detach_device_flags("<disk/>", DomainDeviceModifyFlags::empty())),
        ),
        (
            "virDomainUpdateDeviceFlags",
            call!(d => d.update_device_flags("<disk/>", DomainDeviceModifyFlags::empty())),
        ),
        (
            "virDomainDetachDeviceAlias",
            call!(d => d.detach_device_alias("ua-x", DomainDeviceModifyFlags::empty())),
        ),
        ("virDomainBlockPeek", call!(d => d.block_peek("vda", 0, 1, 0))),
        (
            "virDomainBlockResize",
            call!(d => d.block_resize("vda", 1, DomainBlockResizeFlags::empty())),
        ),
        (
            "virDomainBlockJobAbort",
            call!(d => d.block_job_abort("vda", DomainBlockJobAbortFlags::empty())),
        ),
        (
            "virDomainBlockJobSetSpeed",
            call!(d => d.block_job_set_speed("vda", 1, DomainBlockJobSetSpeedFlags::empty())),
        ),
        ("virDomainBlockPull", call!(d => d.block_pull("vda", 1, DomainBlockPullFlags::empty()))),
        (
            "virDomainBlockRebase",
            call!(d => d.block_rebase("vda", None, 1, DomainBlockRebaseFlags::empty())),
        ),
        (
            "virDomainBlockCopy",
            call!(d => d.block_copy("vda", "<disk/>", &TypedParams::new(), DomainBlockCopyFlags::empty())),
        ),
        (
            "virDomainBlockCommit",
            call!(d => d.block_commit("vda", None, None, 0, DomainBlockCommitFlags::empty())),
        ),
        ("virDomainSetBlockThreshold", call!(d => d.set_block_threshold("vda", 1, 0))),
        (
            "virDomainBackupBegin",
            call!(d => d.backup_begin("<domainbackup/>", None, DomainBackupBeginFlags::empty())),
        ),
        ("virDomainMigrateSetMaxDowntime", call!(d => d.migrate_set_max_downtime(1, 0))),
        ("virDomainMigrateSetCompressionCache", call!(d => d.migrate_set_compression_cache(1, 0))),
        (
            "virDomainMigrateSetMaxSpeed",
            call!(d => d.migrate_set_max_speed(1, DomainMigrateMaxSpeedFlags::empty())),
        ),
        (
            "virDomainMigrateGetMaxSpeed",
            call!(d => d.migrate_max_speed(DomainMigrateMaxSpeedFlags::empty())),
        ),
        ("virDomainMigrateStartPostCopy", call!(d => d.migrate_start_post_copy(0))),
        ("virDomainSetMetadata", call!(d => d.set_metadata(Meta::Title, Some("t"), None, None, e))),
        ("virDomainGetHostname", call!(d => d.hostname(DomainGetHostnameFlags::empty()))),
        ("virDomainFSTrim", call!(d => d.fs_trim(None, 0, 0))),
        ("virDomainFSFreeze", call!(d => d.fs_freeze(&[], 0))),
        ("virDomainFSThaw", call!(d => d.fs_thaw(&[], 0))),
        ("virDomainGetTime", call!(d => d.time(0))),
        ("virDomainSetTime", call!(d => d.set_time(0, 0, DomainSetTimeFlags::empty()))),
        (
            "virDomainSetUserPassword",
            call!(d => d.set_user_password("u", "p", DomainSetUserPasswordFlags::empty())),
        ),
        ("virDomainGetFSInfo", call!(d => d.fs_info(0))),
        ("virDomainInterfaceAddresses", call!(d => d.interface_addresses(Src::Agent, 0))),
        ("virDomainGetGuestVcpus", call!(d => d.guest_vcpus(0))),
        ("virDomainSetGuestVcpus", call!(d => d.set_guest_vcpus("1", true, 0))),
        ("virDomainGetGuestInfo", call!(d => d.guest_info(0, 0))),
        ("virDomainAgentSetResponseTimeout", call!(d => d.agent_set_response_timeout(0, 0))),
        ("virDomainAuthorizedSSHKeysGet", call!(d => d.authorized_ssh_keys("u", 0))),
        (
            "virDomainAuthorizedSSHKeysSet",
            call!(d => d.set_authorized_ssh_keys("u", Some(&["k"]), DomainAuthorizedSSHKeysSetFlags::empty())),
        ),
        ("virDomainInjectNMI", call!(d => d.inject_nmi(0))),
        ("virDomainSendKey", call!(d => d.send_key(KeycodeSet::Linux, 0, &[1], 0))),
        (
            "virDomainSendProcessSignal",
            call!(d => d.send_process_signal(1, DomainProcessSignal::Term, 0)),
        ),
        ("virDomainOpenGraphics", call!(d => d.open_graphics(0, 3, 0))),
        ("virDomainOpenGraphicsFD", call!(d => d.open_graphics_fd(0, 0))),
        ("virDomainGetLaunchSecurityInfo", call!(d => d.launch_security_info(0))),
        (
            "virDomainSetLaunchSecurityState",
            call!(d => d.set_launch_security_state(&ullong("x"), 0)),
        ),
        ("virDomainGraphicsReload", call!(d => d.graphics_reload(0, 0))),
        ("virDomainScreenshot", call!(d => d.screenshot(&Stream::new(d.connect(), 0), 0, 0))),
        ("virDomainOpenConsole", call!(d => d.open_console(None, &Stream::new(d.connect(), 0), 0))),
        ("virDomainOpenChannel", call!(d => d.open_channel(None, &Stream::new(d.connect(), 0), 0))),
        (
            "virDomainMigratePrepareTunnel",
            call!(d => d.connect().migrate_prepare_tunnel(&Stream::new(d.connect(), 0), DomainMigrateFlags::empty(), None, 0, "<domain/>")),
        ),
        (
            "virDomainMigratePrepareTunnel3",
            call!(d => d.connect().migrate_prepare_tunnel3(&Stream::new(d.connect(), 0), &[], DomainMigrateFlags::empty(), None, 0, "<domain/>")),
        ),
        (
            "virDomainMigratePrepareTunnel3Params",
            call!(d => d.connect().migrate_prepare_tunnel3_params(&Stream::new(d.connect(), 0), &TypedParams::new(), &[], DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigrate",
            call!(d => d.migrate(d.connect(), DomainMigrateFlags::empty(), None, None, 0)),
        ),
        (
            "virDomainMigrate2",
            call!(d => d.migrate2(d.connect(), None, DomainMigrateFlags::empty(), None, None, 0)),
        ),
        (
            "virDomainMigrate3",
            call!(d => d.migrate3(d.connect(), &TypedParams::new(), DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigrateToURI",
            call!(d => d.migrate_to_uri("tcp://h", DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigrateToURI2",
            call!(d => d.migrate_to_uri2(None, None, None, DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigrateToURI3",
            call!(d => d.migrate_to_uri3(None, &TypedParams::new(), DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigratePrepare",
            call!(d => d.connect().migrate_prepare(None, DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigratePerform",
            call!(d => d.migrate_perform(&[], "u", DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigrateFinish",
            call!(d => d.connect().migrate_finish(None, &[], "u", DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigratePrepare2",
            call!(d => d.connect().migrate_prepare2(None, DomainMigrateFlags::empty(), None, 0, "<domain/>")),
        ),
        (
            "virDomainMigrateFinish2",
            call!(d => d.connect().migrate_finish2(None, &[], "u", DomainMigrateFlags::empty(), 0)),
        ),
        (
            "virDomainMigrateBegin3",
            call!(d => d.migrate_begin3(None, DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigratePrepare3",
            call!(d => d.connect().migrate_prepare3(&[], None, DomainMigrateFlags::empty(), None, 0, "<domain/>")),
        ),
        (
            "virDomainMigratePerform3",
            call!(d => d.migrate_perform3(None, &[], None, None, DomainMigrateFlags::empty(), None, 0)),
        ),
        (
            "virDomainMigrateFinish3",
            call!(d => d.connect().migrate_finish3(None, &[], None, None, DomainMigrateFlags::empty(), false)),
        ),
        (
            "virDomainMigrateConfirm3",
            call!(d => d.migrate_confirm3(&[], DomainMigrateFlags::empty(), false)),
        ),
        (
            "virDomainMigrateBegin3Params",
            call!(d => d.migrate_begin3_params(&TypedParams::new(), DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigratePrepare3Params",
            call!(d => d.connect().migrate_prepare3_params(&TypedParams::new(), &[], DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigratePerform3Params",
            call!(d => d.migrate_perform3_params(None, &TypedParams::new(), &[], DomainMigrateFlags::empty())),
        ),
        (
            "virDomainMigrateFinish3Params",
            call!(d => d.connect().migrate_finish3_params(&TypedParams::new(), &[], DomainMigrateFlags::empty(), false)),
        ),
        (
            "virDomainMigrateConfirm3Params",
            call!(d => d.migrate_confirm3_params(&TypedParams::new(), &[], DomainMigrateFlags::empty(), false)),
        ),
    ]
}

/// (function, call) of entry points allowed on a read-only connection: they reach the
/// driver, whose default names the function.
fn read_only_allowed() -> Vec<(&'static str, Call)> {
    let e = DomainModificationImpact::empty();
    vec![
        ("virConnectListDomains", call!(d => d.connect().list_domains(1))),
        ("virConnectNumOfDomains", call!(d => d.connect().num_of_domains())),
        ("virDomainLookupByID", call!(d => d.connect().lookup_by_id(1))),
        ("virDomainLookupByUUID", call!(d => d.connect().lookup_by_uuid(&Uuid([0; 16])))),
        (
            "virDomainLookupByUUID",
            call!(d => d.connect().lookup_by_uuid_string("6695eb01-f6a4-8304-79aa-97f2502e193f")),
        ),
        ("virDomainLookupByName", call!(d => d.connect().lookup_by_name("vm"))),
        ("virConnectNumOfDefinedDomains", call!(d => d.connect().num_of_defined_domains())),
        ("virConnectListDefinedDomains", call!(d => d.connect().list_defined_domains(1))),
        (
            "virConnectListAllDomains",
            call!(d => d.connect().list_all_domains(ConnectListAllDomainsFlags::empty())),
        ),
        (
            "virConnectGetAllDomainStats",
            call!(d => d.connect().all_domain_stats(DomainStatsTypes::STATE, ConnectGetAllDomainStatsFlags::empty())),
        ),
        (
            "virDomainListGetStats",
            call!(d => Domain::list_get_stats(std::slice::from_ref(d), DomainStatsTypes::STATE, ConnectGetAllDomainStatsFlags::empty())),
        ),
        (
            "virConnectDomainEventRegister",
            call!(d => d.connect().domain_event_register(Arc::new(|_, _, _| {}))),
        ),
        (
            "virConnectDomainEventDeregister",
            call!(d => { let cb: DomainEventCallback = Arc::new(|_, _, _| {}); d.connect().domain_event_deregister(&cb) }),
        ),
        (
            "virConnectDomainEventRegisterAny",
            call!(d => d.connect().domain_event_register_any(Some(d), 0, Arc::new(|_, _, _| {}))),
        ),
        (
            "virConnectDomainEventDeregisterAny",
            call!(d => d.connect().domain_event_deregister_any(1)),
        ),
        ("virDomainGetOSType", call!(d => d.os_type())),
        ("virDomainGetInfo", call!(d => d.info())),
        ("virDomainGetState", call!(d => d.state(0))),
        ("virDomainGetControlInfo", call!(d => d.control_info(0))),
        ("virDomainGetXMLDesc", call!(d => d.xml_desc(DomainXMLFlags::INACTIVE))),
        ("virDomainGetAutostart", call!(d => d.autostart())),
        ("virDomainGetSecurityLabel", call!(d => d.security_label())),
        ("virDomainGetSecurityLabelList", call!(d => d.security_label_list())),
        ("virDomainIsActive", call!(d => d.is_active())),
        ("virDomainIsPersistent", call!(d => d.is_persistent())),
        ("virDomainIsUpdated", call!(d => d.is_updated())),
        ("virDomainGetMessages", call!(d => d.messages(0))),
        ("virDomainHasManagedSaveImage", call!(d => d.has_managed_save_image(0))),
        (
            "virDomainManagedSaveGetXMLDesc",
            call!(d => d.managed_save_xml_desc(DomainSaveImageXMLFlags::empty())),
        ),
        ("virDomainGetVcpusFlags", call!(d => d.vcpus_flags(DomainVcpuFlags::MAXIMUM))),
        ("virDomainGetVcpuPinInfo", call!(d => d.vcpu_pin_info(1, 1, e))),
        ("virDomainGetEmulatorPinInfo", call!(d => d.emulator_pin_info(1, e))),
        ("virDomainGetVcpus", call!(d => d.vcpus(1, Some(1)))),
        ("virDomainGetMaxVcpus", call!(d => d.max_vcpus())),
        ("virDomainGetIOThreadInfo", call!(d => d.iothread_info(e))),
        ("virDomainGetNumaParameters", call!(d => d.numa_parameters(0))),
        ("virDomainGetBlkioParameters", call!(d => d.blkio_parameters(0))),
        ("virDomainGetSchedulerType", call!(d => d.scheduler_type())),
        ("virDomainGetSchedulerParameters", call!(d => d.scheduler_parameters())),
        ("virDomainGetSchedulerParametersFlags", call!(d => d.scheduler_parameters_flags(0))),
        ("virDomainGetInterfaceParameters", call!(d => d.interface_parameters("vnet0", 0))),
        ("virDomainGetPerfEvents", call!(d => d.perf_events(0))),
        ("virDomainGetBlockIoTune", call!(d => d.block_io_tune(Some("vda"), 0))),
        ("virDomainBlockStats", call!(d => d.block_stats("vda"))),
        ("virDomainBlockStatsFlags", call!(d => d.block_stats_flags("vda", 0))),
        ("virDomainInterfaceStats", call!(d => d.interface_stats("vnet0"))),
        ("virDomainGetBlockInfo", call!(d => d.block_info("vda", 0))),
        ("virDomainGetJobInfo", call!(d => d.job_info())),
        ("virDomainGetJobStats", call!(d => d.job_stats(DomainGetJobStatsFlags::COMPLETED))),
        ("virDomainGetCPUStats", call!(d => d.cpu_stats(-1, 1, 0))),
        ("virDomainGetDiskErrors", call!(d => d.disk_errors(0))),
        (
            "virDomainGetBlockJobInfo",
            call!(d => d.block_job_info("vda", DomainBlockJobInfoFlags::empty())),
        ),
        ("virDomainBackupGetXMLDesc", call!(d => d.backup_xml_desc(0))),
        ("virDomainMigrateGetMaxDowntime", call!(d => d.migrate_max_downtime(0))),
        ("virDomainMigrateGetCompressionCache", call!(d => d.migrate_compression_cache(0))),
        ("virDomainGetMetadata", call!(d => d.metadata(Meta::Description, None, e))),
        ("virDomainInterfaceAddresses", call!(d => d.interface_addresses(Src::Lease, 0))),
    ]
}

#[test]
fn read_only_connections_refuse_every_mutating_entry_point() {
    let (_, dom) = setup(Recorder { strings: true, fds: true, ..Recorder::default() }, true);
    let cases = mutating();
    assert!(cases.len() >= 120, "{} cases", cases.len());
    for (func, call) in cases {
        let err = call(&dom).expect_err(func);
        assert_eq!(err.code(), ErrorCode::OperationDenied, "{func}: {err}");
        assert_eq!(err.domain(), ErrorDomain::Domain, "{func}");
        assert_eq!(err.message(), format!("operation forbidden: read only access prevents {func}"));
    }
}

/// The mutating entry points the recorder implements.
const IMPLEMENTED: [&str; 3] =
    ["virDomainSuspend", "virDomainCreateWithFiles", "virDomainSetBlkioParameters"];

#[test]
fn mutating_entry_points_pass_their_checks_on_read_write_connections() {
    let recorder = Recorder { strings: true, fds: true, direct: true, ..Recorder::default() };
    let (_, dom) = setup(recorder, false);
    for (func, call) in mutating() {
        // The unmanaged migrations report a missing Perform callback from the helper that
        // chose the protocol, as libvirt does.
        let reported = if func.starts_with("virDomainMigrateToURI") {
            "virDomainMigrateUnmanagedParams"
        } else {
            func
        };
        match call(&dom) {
            Err(err) => assert_eq!(err, Error::no_support(leak(reported)), "{func}"),
            Ok(()) => assert!(IMPLEMENTED.contains(&func), "{func}"),
        }
    }
}

#[test]
fn read_only_connections_allow_the_read_only_entry_points() {
    let (_, dom) = setup(Recorder::default(), true);
    let cases = read_only_allowed();
    assert!(cases.len() >= 55, "{} cases", cases.len());
    for (func, call) in cases {
        let err = call(&dom).expect_err(func);
        assert_eq!(err, Error::no_support(leak(func)), "{func}");
    }
}

fn leak(s: &'static str) -> &'static str {
    s
}

#[test]
fn getters_add_string_okay_when_the_driver_takes_strings() {
    for (strings, expected) in [(true, 4 | 1), (false, 1)] {
        let (driver, dom) = setup(Recorder { strings, ..Recorder::default() }, true);
        dom.memory_parameters(1).unwrap();
        assert_eq!(*driver.calls.lock().unwrap(), vec![("domainGetMemoryParameters", expected)]);
    }
}

#[test]
fn a_failing_feature_probe_is_the_error() {
    let (driver, dom) = setup(Recorder { probe_fails: true, ..Recorder::default() }, false);
    let err = dom.memory_parameters(0).unwrap_err();
    assert_eq!(err.message(), "internal error: probe failed");
    let err = dom.set_blkio_parameters(&ullong("weight"), 0).unwrap_err();
    assert_eq!(err.message(), "internal error: probe failed");
    let err = dom.create_with_files(&[3], DomainCreateFlags::empty()).unwrap_err();
    assert_eq!(err.message(), "internal error: probe failed");
    // Without files there is no probe.
    dom.create_with_files(&[], DomainCreateFlags::empty()).unwrap();
    assert!(driver.calls.lock().unwrap().contains(&("domainCreateWithFiles", 0)));
}

#[test]
fn empty_lists_pass_where_libvirt_allows_them() {
    let (driver, dom) = setup(Recorder::default(), false);
    dom.set_blkio_parameters(&TypedParams::new(), 0).unwrap();
    assert_eq!(*driver.calls.lock().unwrap(), vec![("domainSetBlkioParameters", 0)]);
}

#[test]
fn fd_passing_drivers_receive_the_files() {
    let (driver, dom) = setup(Recorder { fds: true, ..Recorder::default() }, false);
    dom.create_with_files(&[3, 4], DomainCreateFlags::empty()).unwrap();
    assert_eq!(*driver.calls.lock().unwrap(), vec![("domainCreateWithFiles", 2)]);
}

#[test]
fn read_only_checks_come_in_libvirts_order() {
    let (_, ro) = setup(Recorder::default(), true);
    // Argument checks before the read-only check.
    assert_eq!(ro.rename("", 0).unwrap_err().code(), ErrorCode::InvalidArg);
    let sig = ro.send_process_signal(0, DomainProcessSignal::Term, 0).unwrap_err();
    assert_eq!(sig.code(), ErrorCode::InvalidArg);
    assert_eq!(ro.open_graphics(0, -1, 0).unwrap_err().code(), ErrorCode::InvalidArg);
    let launch = ro.set_launch_security_state(&TypedParams::new(), 0).unwrap_err();
    assert_eq!(launch.code(), ErrorCode::InvalidArg);
    let flags = DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED;
    assert_eq!(ro.managed_save_define_xml(None, flags).unwrap_err().code(), ErrorCode::InvalidArg);
    let keys =
        ro.set_authorized_ssh_keys("u", None, DomainAuthorizedSSHKeysSetFlags::APPEND).unwrap_err();
    assert_eq!(keys.code(), ErrorCode::InvalidArg);
    // fd passing is probed before the read-only check in virDomainFDAssociate.
    let fd = ro.fd_associate("n", &[], DomainFDAssociateFlags::empty()).unwrap_err();
    assert_eq!(fd.code(), ErrorCode::ArgumentUnsupported);
    // ...and the read-only check before the others elsewhere.
    assert_eq!(ro.set_vcpus(0).unwrap_err().code(), ErrorCode::OperationDenied);
    assert_eq!(ro.pin_vcpu(0, &[]).unwrap_err().code(), ErrorCode::OperationDenied);
    let secure = ro.xml_desc(DomainXMLFlags::MIGRATABLE).unwrap_err();
    assert_eq!(secure.message(), "operation forbidden: virDomainGetXMLDesc with secure flag");
}

#[test]
fn special_results() {
    let (driver, dom) = setup(Recorder::default(), false);
    // virDomainGetMaxMemory: a driver answer of 0 is an error.
    assert_eq!(dom.max_memory().unwrap_err().code(), ErrorCode::InternalError);
    // virDomainMemoryStats: 0 asks for nothing; larger counts are clamped.
    assert!(dom.memory_stats(0, 0).unwrap().is_empty());
    dom.memory_stats(1000, 0).unwrap();
    let last = <virtkit_api::enums::DomainMemoryStatTags as virtkit_api::enums::CEnum>::LAST;
    assert_eq!(*driver.calls.lock().unwrap(), vec![("domainMemoryStats", last as u32)]);
    // virDomainListGetStats names itself when the callback is missing.
    let e = Domain::list_get_stats(
        std::slice::from_ref(&dom),
        DomainStatsTypes::STATE,
        ConnectGetAllDomainStatsFlags::empty(),
    )
    .unwrap_err();
    assert_eq!(e, Error::no_support("virDomainListGetStats"));
    // Domains of two connections.
    let (_, other) = setup(Recorder::default(), false);
    let e = Domain::list_get_stats(
        &[dom.clone(), other.clone()],
        DomainStatsTypes::STATE,
        ConnectGetAllDomainStatsFlags::empty(),
    )
    .unwrap_err();
    assert_eq!(
        e.message(),
        "invalid argument: domains in 'doms' array must belong to a single connection"
    );
    let e = dom.connect().domain_event_register_any(Some(&other), 0, Arc::new(|_, _, _| {}));
    assert_eq!(e.unwrap_err().message(), "domain 'vm' must match connection");
}

#[test]
fn unknown_flag_bits_reach_the_driver_unchanged() {
    struct Echo;
    impl Driver for Echo {
        fn domain_undefine_flags(&self, _dom: &Domain, flags: DomainUndefineFlags) -> Result<()> {
            assert_eq!(flags.bits(), 1 << 30 | 1);
            Err(Error::invalid_arg("seen"))
        }
    }
    let conn = Connect::with_driver(Arc::new(Echo), "echo:///", false);
    let dom = Domain::new(&conn, "vm", Uuid::default(), -1);
    let flags = DomainUndefineFlags::from_bits_retain(1 << 30 | 1);
    assert_eq!(dom.undefine_flags(flags).unwrap_err().message(), "seen");
}
