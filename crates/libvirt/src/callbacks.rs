//! The [`Driver`] callbacks of [`LibvirtDriver`]: each calls the libvirt function of the same
//! name on the connection's handles, through the `virt` crate where it wraps the function and
//! through `virt::sys` (or a run-time lookup, [`crate::sym`]) where it does not. Results are
//! copied into virtkit's types and libvirt's allocations freed; errors are libvirt's own
//! ([`crate::error`]).
//!
//! Every `unsafe` block in this module calls a libvirt function with handles that the
//! surrounding code owns for the whole call and argument buffers that outlive it, and reads
//! only what libvirt documents it wrote; that is the safety argument for each of them.
//!
//! ```
//! let conn = virtkit_libvirt::open("test:///default")?;
//! let dom = conn.lookup_by_name("test")?;
//! dom.suspend()?;
//! assert_eq!(dom.state(0)?.state, 3); // VIR_DOMAIN_PAUSED
//! # Ok::<(), virtkit_api::Error>(())
//! ```
#![allow(clippy::undocumented_unsafe_blocks, clippy::many_single_char_names)]

use std::ffi::{CStr, c_char, c_int, c_uint, c_ulong};

use virt::sys;
use virtkit_api::driver::Driver;
use virtkit_api::enums::{
    CEnum, DomainCoreDumpFormat, DomainEventID, DomainInterfaceAddressesSource, DomainLifecycle,
    DomainLifecycleAction, DomainMetadataType, DomainProcessSignal, KeycodeSet,
};
use virtkit_api::events::DomainEventCallback;
use virtkit_api::flags::{
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
use virtkit_api::types::{
    BlockInfo, BlockJobInfo, BlockStats, ControlInfo, DiskError, DomainInfo, FsInfo, GuestTime,
    IOThreadInfo, Interface, InterfaceStats, IpAddress, JobInfo, JobStats, MemoryStat,
    SecurityLabel, StateReason, StatsRecord, Uuid, VcpuInfo, Vcpus,
};
use virtkit_api::{
    Connect, Domain, DrvFeature, Error, MigrateBegun, MigrateFinished, MigratePrepared, Result,
    Stream,
};
use virtkit_cpumap::CpuMaps;
use virtkit_typedparams::TypedParams;

use crate::LibvirtDriver;
use crate::driver::{cstr, ocstr, optr, take_string};
use crate::error::{VirtResult, check, last_error};
use crate::params::{CParams, OutParams, take_c, two_call};
use crate::sym;

/// A C string from a fixed-size `char` array (up to the first NUL).
fn fixed(buf: &[c_char]) -> String {
    let bytes: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Copies `n` strings of a libvirt-allocated `char **` and frees them and the array.
///
/// # Safety
/// `list` must be NULL or hold `n` strings, all from libvirt's allocator.
unsafe fn take_string_list(list: *mut *mut c_char, n: c_int) -> Vec<String> {
    if list.is_null() {
        return Vec::new();
    }
    let n = usize::try_from(n).unwrap_or(0);
    unsafe {
        let out = (0..n)
            .map(|i| {
                let p = *list.add(i);
                if p.is_null() {
                    String::new()
                } else {
                    let s = CStr::from_ptr(p).to_string_lossy().into_owned();
                    libc::free(p.cast());
                    s
                }
            })
            .collect();
        libc::free(list.cast());
        out
    }
}

/// The C strings and pointer array for a `const char **` argument.
fn string_array(items: &[&str]) -> Result<(Vec<std::ffi::CString>, Vec<*const c_char>)> {
    let owned = items.iter().map(|s| cstr(s)).collect::<Result<Vec<_>>>()?;
    let ptrs = owned.iter().map(|c| c.as_ptr()).collect();
    Ok((owned, ptrs))
}

fn ptr_or_null<T>(v: &[T]) -> *const T {
    if v.is_empty() { std::ptr::null() } else { v.as_ptr() }
}

impl LibvirtDriver {
    /// Runs `f` on libvirt's handle of `dom`; a negative result is libvirt's error.
    fn on(&self, dom: &Domain, f: impl FnOnce(sys::virDomainPtr) -> c_int) -> Result<c_int> {
        let h = self.virt_domain(dom)?;
        check(f(unsafe { h.as_ptr() }))
    }

    /// [`on`](Self::on) for calls whose only result is success.
    fn unit(&self, dom: &Domain, f: impl FnOnce(sys::virDomainPtr) -> c_int) -> Result<()> {
        self.on(dom, f).map(drop)
    }

    /// A C string result of a call on `dom`.
    fn string(
        &self,
        dom: &Domain,
        f: impl FnOnce(sys::virDomainPtr) -> *mut c_char,
    ) -> Result<String> {
        let h = self.virt_domain(dom)?;
        unsafe { take_string(f(h.as_ptr())) }
    }

    /// A C string result of a call on the connection.
    fn conn_string(&self, f: impl FnOnce(sys::virConnectPtr) -> *mut c_char) -> Result<String> {
        unsafe { take_string(f(self.conn_ptr())) }
    }

    /// A list of typed parameters that libvirt allocates (`params **`, `nparams *`).
    fn alloc_params(
        &self,
        dom: &Domain,
        f: impl FnOnce(sys::virDomainPtr, *mut sys::virTypedParameterPtr, *mut c_int) -> c_int,
    ) -> Result<TypedParams> {
        let h = self.virt_domain(dom)?;
        let (mut p, mut n) = (std::ptr::null_mut(), 0);
        let ret = f(unsafe { h.as_ptr() }, &raw mut p, &raw mut n);
        if ret < 0 {
            return Err(last_error());
        }
        unsafe { take_c(p, n) }
    }

    /// A setter taking `params`/`nparams`.
    fn set_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        f: impl FnOnce(sys::virDomainPtr, sys::virTypedParameterPtr, c_int) -> c_int,
    ) -> Result<()> {
        let mut c = CParams::new(params)?;
        self.unit(dom, |d| f(d, c.as_ptr(), c.len()))
    }

    /// The two-call getter on `dom`.
    fn get_params(
        &self,
        dom: &Domain,
        mut f: impl FnMut(sys::virDomainPtr, sys::virTypedParameterPtr, &mut c_int) -> c_int,
    ) -> Result<TypedParams> {
        let h = self.virt_domain(dom)?;
        let d = unsafe { h.as_ptr() };
        two_call(|p, n| f(d, p, n))
    }

    fn domain_list(&self, conn: &Connect, list: *mut sys::virDomainPtr, n: c_int) -> Vec<Domain> {
        if list.is_null() {
            return Vec::new();
        }
        let n = usize::try_from(n).unwrap_or(0);
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let p = unsafe { *list.add(i) };
            if let Ok(d) = self.adopt(conn, p) {
                out.push(d);
            }
        }
        unsafe { libc::free(list.cast()) };
        out
    }

    fn stats_records(
        &self,
        conn: &Connect,
        recs: *mut sys::virDomainStatsRecordPtr,
        n: c_int,
    ) -> Result<Vec<StatsRecord>> {
        let mut out = Vec::new();
        let mut failure = None;
        for i in 0..usize::try_from(n).unwrap_or(0) {
            let r = unsafe { &**recs.add(i) };
            // SAFETY of the handle: the record list holds a reference until it is freed; the
            // adopted copy takes its own.
            unsafe { sys::virDomainRef(r.dom) };
            match (self.adopt(conn, r.dom), unsafe { crate::params::from_c(r.params, r.nparams) }) {
                (Ok(dom), Ok(params)) => out.push(StatsRecord { dom, params }),
                (Err(e), _) | (_, Err(e)) => failure = Some(e),
            }
        }
        if !recs.is_null() {
            unsafe { sys::virDomainStatsRecordListFree(recs) };
        }
        match failure {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }
}

impl Driver for LibvirtDriver {
    fn supports_feature(&self, _conn: &Connect, feature: DrvFeature) -> Result<bool> {
        self.feature(feature)
    }

    /// The last virtkit handle is gone: the event callbacks still registered are
    /// deregistered (they would otherwise keep libvirt's connection alive); the connection
    /// itself closes when the driver is dropped.
    fn close(&self) -> Result<()> {
        self.deregister_all();
        Ok(())
    }

    // G01: connection, listing, lookup, identity, XML and info.

    fn connect_list_domains(&self, _conn: &Connect, maxids: i32) -> Result<Vec<i32>> {
        let mut ids = vec![0 as c_int; usize::try_from(maxids).unwrap_or(0)];
        let n = check(unsafe {
            sys::virConnectListDomains(self.conn_ptr(), ids.as_mut_ptr(), maxids)
        })?;
        ids.truncate(n as usize);
        Ok(ids)
    }

    fn connect_num_of_domains(&self, _conn: &Connect) -> Result<i32> {
        check(unsafe { sys::virConnectNumOfDomains(self.conn_ptr()) })
    }

    fn domain_lookup_by_id(&self, conn: &Connect, id: i32) -> Result<Domain> {
        self.adopt(conn, unsafe { sys::virDomainLookupByID(self.conn_ptr(), id) })
    }

    fn domain_lookup_by_uuid(&self, conn: &Connect, uuid: &Uuid) -> Result<Domain> {
        self.adopt(conn, unsafe {
            sys::virDomainLookupByUUID(self.conn_ptr(), uuid.as_bytes().as_ptr())
        })
    }

    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        let name = cstr(name)?;
        self.adopt(conn, unsafe { sys::virDomainLookupByName(self.conn_ptr(), name.as_ptr()) })
    }

    fn domain_get_os_type(&self, dom: &Domain) -> Result<String> {
        self.virt_domain(dom)?.os_type().lv()
    }

    fn domain_get_info(&self, dom: &Domain) -> Result<DomainInfo> {
        let mut i: sys::virDomainInfo = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe { sys::virDomainGetInfo(d, &raw mut i) })?;
        Ok(DomainInfo {
            state: i32::from(i.state),
            max_mem: i.maxMem as u64,
            memory: i.memory as u64,
            nr_virt_cpu: u32::from(i.nrVirtCpu),
            cpu_time: i.cpuTime,
        })
    }

    fn domain_get_state(&self, dom: &Domain, flags: u32) -> Result<StateReason> {
        let (mut state, mut reason) = (0, 0);
        self.unit(dom, |d| unsafe {
            sys::virDomainGetState(d, &raw mut state, &raw mut reason, flags)
        })?;
        Ok(StateReason { state, reason })
    }

    fn domain_get_control_info(&self, dom: &Domain, flags: u32) -> Result<ControlInfo> {
        let mut i: sys::virDomainControlInfo = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe { sys::virDomainGetControlInfo(d, &raw mut i, flags) })?;
        Ok(ControlInfo { state: i.state as i32, details: i.details, state_time: i.stateTime })
    }

    fn domain_get_xml_desc(&self, dom: &Domain, flags: DomainXMLFlags) -> Result<String> {
        self.virt_domain(dom)?.xml_desc(flags.bits()).lv()
    }

    fn connect_domain_xml_from_native(
        &self,
        _conn: &Connect,
        native_format: &str,
        native_config: &str,
        flags: u32,
    ) -> Result<String> {
        self.virt().domain_xml_from_native(native_format, native_config, flags).lv()
    }

    fn connect_domain_xml_to_native(
        &self,
        _conn: &Connect,
        native_format: &str,
        domain_xml: &str,
        flags: u32,
    ) -> Result<String> {
        self.virt().domain_xml_to_native(native_format, domain_xml, flags).lv()
    }

    fn connect_num_of_defined_domains(&self, _conn: &Connect) -> Result<i32> {
        check(unsafe { sys::virConnectNumOfDefinedDomains(self.conn_ptr()) })
    }

    fn connect_list_defined_domains(&self, _conn: &Connect, maxnames: i32) -> Result<Vec<String>> {
        let mut names: Vec<*mut c_char> =
            vec![std::ptr::null_mut(); usize::try_from(maxnames).unwrap_or(0)];
        let n = check(unsafe {
            sys::virConnectListDefinedDomains(self.conn_ptr(), names.as_mut_ptr(), maxnames)
        })?;
        Ok(names[..n as usize]
            .iter()
            .map(|&p| unsafe { crate::driver::take_opt_string(p) }.unwrap_or_default())
            .collect())
    }

    fn connect_list_all_domains(
        &self,
        conn: &Connect,
        flags: ConnectListAllDomainsFlags,
    ) -> Result<Vec<Domain>> {
        let mut list = std::ptr::null_mut();
        let n = check(unsafe {
            sys::virConnectListAllDomains(self.conn_ptr(), &raw mut list, flags.bits())
        })?;
        Ok(self.domain_list(conn, list, n))
    }

    fn domain_get_autostart(&self, dom: &Domain) -> Result<bool> {
        self.virt_domain(dom)?.autostart().lv()
    }

    fn domain_set_autostart(&self, dom: &Domain, autostart: bool) -> Result<()> {
        self.virt_domain(dom)?.set_autostart(autostart).lv().map(drop)
    }

    fn domain_get_security_label(&self, dom: &Domain) -> Result<SecurityLabel> {
        let mut l: sys::virSecurityLabel = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe { sys::virDomainGetSecurityLabel(d, &raw mut l) })?;
        Ok(SecurityLabel { label: fixed(&l.label), enforcing: l.enforcing != 0 })
    }

    fn domain_get_security_label_list(&self, dom: &Domain) -> Result<Vec<SecurityLabel>> {
        let mut list: sys::virSecurityLabelPtr = std::ptr::null_mut();
        let n =
            self.on(dom, |d| unsafe { sys::virDomainGetSecurityLabelList(d, &raw mut list) })?;
        if list.is_null() {
            return Ok(Vec::new());
        }
        let out = (0..n as usize)
            .map(|i| {
                let l = unsafe { &*list.add(i) };
                SecurityLabel { label: fixed(&l.label), enforcing: l.enforcing != 0 }
            })
            .collect();
        unsafe { libc::free(list.cast()) };
        Ok(out)
    }

    fn domain_is_active(&self, dom: &Domain) -> Result<bool> {
        self.virt_domain(dom)?.is_active().lv()
    }

    fn domain_is_persistent(&self, dom: &Domain) -> Result<bool> {
        self.virt_domain(dom)?.is_persistent().lv()
    }

    fn domain_rename(&self, dom: &Domain, new_name: &str, flags: u32) -> Result<()> {
        self.virt_domain(dom)?.rename(new_name, flags).lv()
    }

    fn domain_is_updated(&self, dom: &Domain) -> Result<bool> {
        self.virt_domain(dom)?.is_updated().lv()
    }

    fn connect_get_domain_capabilities(
        &self,
        _conn: &Connect,
        emulatorbin: Option<&str>,
        arch: Option<&str>,
        machine: Option<&str>,
        virttype: Option<&str>,
        flags: u32,
    ) -> Result<String> {
        let (e, a, m, v) = (ocstr(emulatorbin)?, ocstr(arch)?, ocstr(machine)?, ocstr(virttype)?);
        self.conn_string(|c| unsafe {
            sys::virConnectGetDomainCapabilities(c, optr(&e), optr(&a), optr(&m), optr(&v), flags)
        })
    }

    fn domain_get_messages(&self, dom: &Domain, flags: u32) -> Result<Vec<String>> {
        let mut msgs = std::ptr::null_mut();
        let n = self.on(dom, |d| unsafe { sys::virDomainGetMessages(d, &raw mut msgs, flags) })?;
        Ok(unsafe { take_string_list(msgs, n) })
    }

    // G02: lifecycle.

    fn domain_create_xml(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        let xml = cstr(xml)?;
        self.adopt(conn, unsafe {
            sys::virDomainCreateXML(self.conn_ptr(), xml.as_ptr(), flags.bits())
        })
    }

    fn domain_create_xml_with_files(
        &self,
        conn: &Connect,
        xml: &str,
        files: &[i32],
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        let xml = cstr(xml)?;
        self.adopt(conn, unsafe {
            sys::virDomainCreateXMLWithFiles(
                self.conn_ptr(),
                xml.as_ptr(),
                files.len() as c_uint,
                ptr_or_null(files).cast_mut(),
                flags.bits(),
            )
        })
    }

    fn domain_destroy(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.destroy().lv()
    }

    fn domain_destroy_flags(&self, dom: &Domain, flags: DomainDestroyFlags) -> Result<()> {
        self.virt_domain(dom)?.destroy_flags(flags.bits()).lv()
    }

    fn domain_suspend(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.suspend().lv()
    }

    fn domain_resume(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.resume().lv()
    }

    fn domain_pm_suspend_for_duration(
        &self,
        dom: &Domain,
        target: u32,
        duration: u64,
        flags: u32,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainPMSuspendForDuration(d, target, duration, flags)
        })
    }

    fn domain_pm_wakeup(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.virt_domain(dom)?.pm_wakeup(flags).lv()
    }

    fn domain_shutdown(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.shutdown().lv()
    }

    fn domain_shutdown_flags(&self, dom: &Domain, flags: DomainShutdownFlags) -> Result<()> {
        self.virt_domain(dom)?.shutdown_flags(flags.bits()).lv()
    }

    fn domain_reboot(&self, dom: &Domain, flags: DomainRebootFlags) -> Result<()> {
        self.virt_domain(dom)?.reboot(flags.bits()).lv()
    }

    fn domain_reset(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainReset(d, flags) })
    }

    fn domain_define_xml(&self, conn: &Connect, xml: &str) -> Result<Domain> {
        let xml = cstr(xml)?;
        self.adopt(conn, unsafe { sys::virDomainDefineXML(self.conn_ptr(), xml.as_ptr()) })
    }

    fn domain_define_xml_flags(
        &self,
        conn: &Connect,
        xml: &str,
        flags: DomainDefineFlags,
    ) -> Result<Domain> {
        let xml = cstr(xml)?;
        self.adopt(conn, unsafe {
            sys::virDomainDefineXMLFlags(self.conn_ptr(), xml.as_ptr(), flags.bits())
        })
    }

    fn domain_undefine(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.undefine().lv()
    }

    fn domain_undefine_flags(&self, dom: &Domain, flags: DomainUndefineFlags) -> Result<()> {
        self.virt_domain(dom)?.undefine_flags(flags.bits()).lv()
    }

    fn domain_create(&self, dom: &Domain) -> Result<()> {
        self.virt_domain(dom)?.create().lv().map(drop)
    }

    fn domain_create_with_flags(&self, dom: &Domain, flags: DomainCreateFlags) -> Result<()> {
        self.virt_domain(dom)?.create_with_flags(flags.bits()).lv().map(drop)
    }

    fn domain_create_with_files(
        &self,
        dom: &Domain,
        files: &[i32],
        flags: DomainCreateFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainCreateWithFiles(
                d,
                files.len() as c_uint,
                ptr_or_null(files).cast_mut(),
                flags.bits(),
            )
        })
    }

    fn domain_set_lifecycle_action(
        &self,
        dom: &Domain,
        type_: DomainLifecycle,
        action: DomainLifecycleAction,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainSetLifecycleAction(
                d,
                type_.raw() as c_uint,
                action.raw() as c_uint,
                flags.bits(),
            )
        })
    }

    // G03: save, restore, managed save, core dump.

    fn domain_save(&self, dom: &Domain, to: &str) -> Result<()> {
        let to = cstr(to)?;
        self.unit(dom, |d| unsafe { sys::virDomainSave(d, to.as_ptr()) })
    }

    fn domain_save_flags(
        &self,
        dom: &Domain,
        to: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let (to, dxml) = (cstr(to)?, ocstr(dxml)?);
        self.unit(dom, |d| unsafe {
            sys::virDomainSaveFlags(d, to.as_ptr(), optr(&dxml), flags.bits())
        })
    }

    fn domain_save_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSaveParams(d, p, n, flags.bits())
        })
    }

    fn domain_restore(&self, _conn: &Connect, from: &str) -> Result<()> {
        let from = cstr(from)?;
        check(unsafe { sys::virDomainRestore(self.conn_ptr(), from.as_ptr()) }).map(drop)
    }

    fn domain_restore_flags(
        &self,
        _conn: &Connect,
        from: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let (from, dxml) = (cstr(from)?, ocstr(dxml)?);
        check(unsafe {
            sys::virDomainRestoreFlags(self.conn_ptr(), from.as_ptr(), optr(&dxml), flags.bits())
        })
        .map(drop)
    }

    fn domain_restore_params(
        &self,
        _conn: &Connect,
        params: &TypedParams,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let mut c = CParams::new(params)?;
        check(unsafe {
            sys::virDomainRestoreParams(self.conn_ptr(), c.as_ptr(), c.len(), flags.bits())
        })
        .map(drop)
    }

    fn domain_save_image_get_xml_desc(
        &self,
        _conn: &Connect,
        file: &str,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        let file = cstr(file)?;
        self.conn_string(|c| unsafe {
            sys::virDomainSaveImageGetXMLDesc(c, file.as_ptr(), flags.bits())
        })
    }

    fn domain_save_image_define_xml(
        &self,
        _conn: &Connect,
        file: &str,
        dxml: &str,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let (file, dxml) = (cstr(file)?, cstr(dxml)?);
        check(unsafe {
            sys::virDomainSaveImageDefineXML(
                self.conn_ptr(),
                file.as_ptr(),
                dxml.as_ptr(),
                flags.bits(),
            )
        })
        .map(drop)
    }

    fn domain_core_dump(&self, dom: &Domain, to: &str, flags: DomainCoreDumpFlags) -> Result<()> {
        self.virt_domain(dom)?.core_dump(to, flags.bits()).lv()
    }

    fn domain_core_dump_with_format(
        &self,
        dom: &Domain,
        to: &str,
        format: DomainCoreDumpFormat,
        flags: DomainCoreDumpFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.core_dump_with_format(to, format.raw() as u32, flags.bits()).lv()
    }

    fn domain_managed_save(&self, dom: &Domain, flags: DomainSaveRestoreFlags) -> Result<()> {
        self.virt_domain(dom)?.managed_save(flags.bits()).lv()
    }

    fn domain_has_managed_save_image(&self, dom: &Domain, flags: u32) -> Result<bool> {
        self.virt_domain(dom)?.has_managed_save(flags).lv()
    }

    fn domain_managed_save_remove(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.virt_domain(dom)?.managed_save_remove(flags).lv()
    }

    fn domain_managed_save_get_xml_desc(
        &self,
        dom: &Domain,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        self.string(dom, |d| unsafe { sys::virDomainManagedSaveGetXMLDesc(d, flags.bits()) })
    }

    fn domain_managed_save_define_xml(
        &self,
        dom: &Domain,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        let dxml = ocstr(dxml)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainManagedSaveDefineXML(d, optr(&dxml), flags.bits())
        })
    }

    // G04: memory.

    fn domain_get_max_memory(&self, dom: &Domain) -> Result<u64> {
        let h = self.virt_domain(dom)?;
        let v = unsafe { sys::virDomainGetMaxMemory(h.as_ptr()) };
        if v == 0 { Err(last_error()) } else { Ok(v as u64) }
    }

    fn domain_set_max_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetMaxMemory(d, memory as c_ulong) })
    }

    fn domain_set_memory(&self, dom: &Domain, memory: u64) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetMemory(d, memory as c_ulong) })
    }

    fn domain_set_memory_flags(
        &self,
        dom: &Domain,
        memory: u64,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainSetMemoryFlags(d, memory as c_ulong, flags.bits())
        })
    }

    fn domain_set_memory_stats_period(
        &self,
        dom: &Domain,
        period: i32,
        flags: DomainMemoryModFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetMemoryStatsPeriod(d, period, flags.bits()) })
    }

    fn domain_memory_peek(
        &self,
        dom: &Domain,
        start: u64,
        size: usize,
        flags: DomainMemoryFlags,
    ) -> Result<Vec<u8>> {
        let mut buf = vec![0u8; size];
        self.unit(dom, |d| unsafe {
            sys::virDomainMemoryPeek(d, start, size, buf.as_mut_ptr().cast(), flags.bits())
        })?;
        Ok(buf)
    }

    // G05: vCPUs, pinning, IOThreads.

    fn domain_set_vcpus(&self, dom: &Domain, nvcpus: u32) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetVcpus(d, nvcpus) })
    }

    fn domain_set_vcpus_flags(
        &self,
        dom: &Domain,
        nvcpus: u32,
        flags: DomainVcpuFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetVcpusFlags(d, nvcpus, flags.bits()) })
    }

    fn domain_get_vcpus_flags(&self, dom: &Domain, flags: DomainVcpuFlags) -> Result<i32> {
        self.on(dom, |d| unsafe { sys::virDomainGetVcpusFlags(d, flags.bits()) })
    }

    fn domain_pin_vcpu(&self, dom: &Domain, vcpu: u32, cpumap: &[u8]) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainPinVcpu(d, vcpu, cpumap.as_ptr().cast_mut(), cpumap.len() as c_int)
        })
    }

    fn domain_pin_vcpu_flags(
        &self,
        dom: &Domain,
        vcpu: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainPinVcpuFlags(
                d,
                vcpu,
                cpumap.as_ptr().cast_mut(),
                cpumap.len() as c_int,
                flags.bits(),
            )
        })
    }

    fn domain_get_vcpu_pin_info(
        &self,
        dom: &Domain,
        ncpumaps: i32,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<CpuMaps> {
        let mut maps = CpuMaps::new(
            usize::try_from(ncpumaps).unwrap_or(0),
            usize::try_from(maplen).unwrap_or(0),
        )
        .map_err(|e| Error::invalid_arg(e.to_string()))?;
        let n = self.on(dom, |d| unsafe {
            sys::virDomainGetVcpuPinInfo(
                d,
                ncpumaps,
                maps.as_bytes_mut().as_mut_ptr(),
                maplen,
                flags.bits(),
            )
        })?;
        let mut bytes = maps.into_bytes();
        bytes.truncate(n as usize * maplen as usize);
        CpuMaps::from_bytes(bytes, maplen as usize).map_err(|e| Error::invalid_arg(e.to_string()))
    }

    fn domain_pin_emulator(
        &self,
        dom: &Domain,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainPinEmulator(
                d,
                cpumap.as_ptr().cast_mut(),
                cpumap.len() as c_int,
                flags.bits(),
            )
        })
    }

    fn domain_get_emulator_pin_info(
        &self,
        dom: &Domain,
        maplen: i32,
        flags: DomainModificationImpact,
    ) -> Result<Vec<u8>> {
        let mut map = vec![0u8; usize::try_from(maplen).unwrap_or(0)];
        self.unit(dom, |d| unsafe {
            sys::virDomainGetEmulatorPinInfo(d, map.as_mut_ptr(), maplen, flags.bits())
        })?;
        Ok(map)
    }

    fn domain_get_vcpus(&self, dom: &Domain, maxinfo: i32, maplen: i32) -> Result<Vcpus> {
        let count = usize::try_from(maxinfo).unwrap_or(0);
        let len = usize::try_from(maplen).unwrap_or(0);
        let mut info: Vec<sys::virVcpuInfo> = vec![unsafe { std::mem::zeroed() }; count];
        let mut maps = vec![0u8; count * len];
        let mapptr = if len == 0 { std::ptr::null_mut() } else { maps.as_mut_ptr() };
        let n = self.on(dom, |d| unsafe {
            sys::virDomainGetVcpus(d, info.as_mut_ptr(), maxinfo, mapptr, maplen)
        })?;
        let n = n as usize;
        maps.truncate(n * len);
        Ok(Vcpus {
            info: info[..n]
                .iter()
                .map(|v| VcpuInfo {
                    number: v.number,
                    state: v.state,
                    cpu_time: v.cpuTime,
                    cpu: v.cpu,
                })
                .collect(),
            cpumaps: maps,
        })
    }

    fn domain_get_max_vcpus(&self, dom: &Domain) -> Result<i32> {
        self.on(dom, |d| unsafe { sys::virDomainGetMaxVcpus(d) })
    }

    fn domain_get_iothread_info(
        &self,
        dom: &Domain,
        flags: DomainModificationImpact,
    ) -> Result<Vec<IOThreadInfo>> {
        let mut list = std::ptr::null_mut();
        let n = self.on(dom, |d| unsafe {
            sys::virDomainGetIOThreadInfo(d, &raw mut list, flags.bits())
        })?;
        if list.is_null() {
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n as usize {
            let p = unsafe { *list.add(i) };
            if p.is_null() {
                continue;
            }
            let info = unsafe { &*p };
            let map = if info.cpumap.is_null() {
                Vec::new()
            } else {
                unsafe {
                    std::slice::from_raw_parts(
                        info.cpumap,
                        usize::try_from(info.cpumaplen).unwrap_or(0),
                    )
                }
                .to_vec()
            };
            out.push(IOThreadInfo { iothread_id: info.iothread_id, cpumap: map });
            unsafe { sys::virDomainIOThreadInfoFree(p) };
        }
        unsafe { libc::free(list.cast()) };
        Ok(out)
    }

    fn domain_pin_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        cpumap: &[u8],
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainPinIOThread(
                d,
                iothread_id,
                cpumap.as_ptr().cast_mut(),
                cpumap.len() as c_int,
                flags.bits(),
            )
        })
    }

    fn domain_add_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainAddIOThread(d, iothread_id, flags.bits()) })
    }

    fn domain_del_iothread(
        &self,
        dom: &Domain,
        iothread_id: u32,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainDelIOThread(d, iothread_id, flags.bits()) })
    }

    fn domain_set_iothread_params(
        &self,
        dom: &Domain,
        iothread_id: u32,
        params: &TypedParams,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetIOThreadParams(d, iothread_id, p, n, flags.bits())
        })
    }

    fn domain_set_vcpu(
        &self,
        dom: &Domain,
        vcpumap: &str,
        state: bool,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        let map = cstr(vcpumap)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainSetVcpu(d, map.as_ptr(), c_int::from(state), flags.bits())
        })
    }

    // G06: scheduler and tuning with typed parameters.

    fn domain_set_memory_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetMemoryParameters(d, p, n, flags)
        })
    }

    fn domain_get_memory_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.get_params(dom, |d, p, n| unsafe { sys::virDomainGetMemoryParameters(d, p, n, flags) })
    }

    fn domain_set_numa_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetNumaParameters(d, p, n, flags)
        })
    }

    fn domain_get_numa_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.get_params(dom, |d, p, n| unsafe { sys::virDomainGetNumaParameters(d, p, n, flags) })
    }

    fn domain_set_blkio_parameters(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetBlkioParameters(d, p, n, flags)
        })
    }

    fn domain_get_blkio_parameters(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.get_params(dom, |d, p, n| unsafe { sys::virDomainGetBlkioParameters(d, p, n, flags) })
    }

    fn domain_get_scheduler_type(&self, dom: &Domain) -> Result<(String, i32)> {
        let mut n = 0;
        let s = self.string(dom, |d| unsafe { sys::virDomainGetSchedulerType(d, &raw mut n) })?;
        Ok((s, n))
    }

    fn domain_get_scheduler_parameters(&self, dom: &Domain) -> Result<TypedParams> {
        let (_, n) = self.domain_get_scheduler_type(dom)?;
        let mut out = OutParams::new(n);
        let mut got = n;
        self.unit(dom, |d| unsafe {
            sys::virDomainGetSchedulerParameters(d, out.as_mut_ptr(), &raw mut got)
        })?;
        out.read(got)
    }

    fn domain_get_scheduler_parameters_flags(
        &self,
        dom: &Domain,
        flags: u32,
    ) -> Result<TypedParams> {
        let (_, n) = self.domain_get_scheduler_type(dom)?;
        let mut out = OutParams::new(n);
        let mut got = n;
        self.unit(dom, |d| unsafe {
            sys::virDomainGetSchedulerParametersFlags(d, out.as_mut_ptr(), &raw mut got, flags)
        })?;
        out.read(got)
    }

    fn domain_set_scheduler_parameters(&self, dom: &Domain, params: &TypedParams) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetSchedulerParameters(d, p, n)
        })
    }

    fn domain_set_scheduler_parameters_flags(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetSchedulerParametersFlags(d, p, n, flags)
        })
    }

    fn domain_set_interface_parameters(
        &self,
        dom: &Domain,
        device: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        let dev = cstr(device)?;
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetInterfaceParameters(d, dev.as_ptr(), p, n, flags)
        })
    }

    fn domain_get_interface_parameters(
        &self,
        dom: &Domain,
        device: &str,
        flags: u32,
    ) -> Result<TypedParams> {
        let dev = cstr(device)?;
        self.get_params(dom, |d, p, n| unsafe {
            sys::virDomainGetInterfaceParameters(d, dev.as_ptr(), p, n, flags)
        })
    }

    fn domain_get_perf_events(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.alloc_params(dom, |d, p, n| unsafe { sys::virDomainGetPerfEvents(d, p, n, flags) })
    }

    fn domain_set_perf_events(&self, dom: &Domain, params: &TypedParams, flags: u32) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetPerfEvents(d, p, n, flags)
        })
    }

    fn domain_set_block_io_tune(
        &self,
        dom: &Domain,
        disk: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        let disk = cstr(disk)?;
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetBlockIoTune(d, disk.as_ptr(), p, n, flags)
        })
    }

    fn domain_get_block_io_tune(
        &self,
        dom: &Domain,
        disk: Option<&str>,
        flags: u32,
    ) -> Result<TypedParams> {
        let disk = ocstr(disk)?;
        self.get_params(dom, |d, p, n| unsafe {
            sys::virDomainGetBlockIoTune(d, optr(&disk), p, n, flags)
        })
    }

    // G07: statistics and jobs.

    fn domain_block_stats(&self, dom: &Domain, disk: &str) -> Result<BlockStats> {
        let disk = cstr(disk)?;
        let mut s: sys::virDomainBlockStatsStruct = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockStats(
                d,
                disk.as_ptr(),
                &raw mut s,
                size_of::<sys::virDomainBlockStatsStruct>(),
            )
        })?;
        Ok(BlockStats {
            rd_req: s.rd_req,
            rd_bytes: s.rd_bytes,
            wr_req: s.wr_req,
            wr_bytes: s.wr_bytes,
            errs: s.errs,
        })
    }

    fn domain_block_stats_flags(
        &self,
        dom: &Domain,
        disk: &str,
        flags: u32,
    ) -> Result<TypedParams> {
        let disk = cstr(disk)?;
        self.get_params(dom, |d, p, n| unsafe {
            sys::virDomainBlockStatsFlags(d, disk.as_ptr(), p, n, flags)
        })
    }

    fn domain_interface_stats(&self, dom: &Domain, device: &str) -> Result<InterfaceStats> {
        let dev = cstr(device)?;
        let mut s: sys::virDomainInterfaceStatsStruct = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe {
            sys::virDomainInterfaceStats(
                d,
                dev.as_ptr(),
                &raw mut s,
                size_of::<sys::virDomainInterfaceStatsStruct>(),
            )
        })?;
        Ok(InterfaceStats {
            rx_bytes: s.rx_bytes,
            rx_packets: s.rx_packets,
            rx_errs: s.rx_errs,
            rx_drop: s.rx_drop,
            tx_bytes: s.tx_bytes,
            tx_packets: s.tx_packets,
            tx_errs: s.tx_errs,
            tx_drop: s.tx_drop,
        })
    }

    fn domain_memory_stats(
        &self,
        dom: &Domain,
        nr_stats: u32,
        flags: u32,
    ) -> Result<Vec<MemoryStat>> {
        let mut stats: Vec<sys::virDomainMemoryStatStruct> =
            vec![unsafe { std::mem::zeroed() }; nr_stats as usize];
        let n = self.on(dom, |d| unsafe {
            sys::virDomainMemoryStats(d, stats.as_mut_ptr(), nr_stats, flags)
        })?;
        Ok(stats[..n as usize].iter().map(|s| MemoryStat { tag: s.tag, val: s.val }).collect())
    }

    fn domain_get_block_info(&self, dom: &Domain, disk: &str, flags: u32) -> Result<BlockInfo> {
        let disk = cstr(disk)?;
        let mut i: sys::virDomainBlockInfo = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe {
            sys::virDomainGetBlockInfo(d, disk.as_ptr(), &raw mut i, flags)
        })?;
        Ok(BlockInfo { capacity: i.capacity, allocation: i.allocation, physical: i.physical })
    }

    fn domain_get_job_info(&self, dom: &Domain) -> Result<JobInfo> {
        let mut i: sys::virDomainJobInfo = unsafe { std::mem::zeroed() };
        self.unit(dom, |d| unsafe { sys::virDomainGetJobInfo(d, &raw mut i) })?;
        Ok(JobInfo {
            type_: i.type_,
            time_elapsed: i.timeElapsed,
            time_remaining: i.timeRemaining,
            data_total: i.dataTotal,
            data_processed: i.dataProcessed,
            data_remaining: i.dataRemaining,
            mem_total: i.memTotal,
            mem_processed: i.memProcessed,
            mem_remaining: i.memRemaining,
            file_total: i.fileTotal,
            file_processed: i.fileProcessed,
            file_remaining: i.fileRemaining,
        })
    }

    fn domain_get_job_stats(
        &self,
        dom: &Domain,
        flags: DomainGetJobStatsFlags,
    ) -> Result<JobStats> {
        let mut type_ = 0;
        let params = self.alloc_params(dom, |d, p, n| unsafe {
            sys::virDomainGetJobStats(d, &raw mut type_, p, n, flags.bits())
        })?;
        Ok(JobStats { type_, params })
    }

    fn domain_abort_job(&self, dom: &Domain) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainAbortJob(d) })
    }

    fn domain_abort_job_flags(&self, dom: &Domain, flags: DomainAbortJobFlags) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainAbortJobFlags(d, flags.bits()) })
    }

    fn domain_get_cpu_stats(
        &self,
        dom: &Domain,
        start_cpu: i32,
        ncpus: u32,
        flags: u32,
    ) -> Result<Vec<TypedParams>> {
        let h = self.virt_domain(dom)?;
        let d = unsafe { h.as_ptr() };
        // The number of parameters per CPU (or in total, for start_cpu -1).
        let probe_cpu = if start_cpu == -1 { -1 } else { 0 };
        let nper = check(unsafe {
            sys::virDomainGetCPUStats(d, std::ptr::null_mut(), 0, probe_cpu, 1, flags)
        })?;
        if nper == 0 || ncpus == 0 {
            return Ok(Vec::new());
        }
        let total = (nper as usize)
            .checked_mul(ncpus as usize)
            .ok_or_else(|| Error::overflow("too many CPU statistics"))?;
        let mut out = OutParams::new(
            c_int::try_from(total).map_err(|_| Error::overflow("too many CPU statistics"))?,
        );
        check(unsafe {
            sys::virDomainGetCPUStats(d, out.as_mut_ptr(), nper as c_uint, start_cpu, ncpus, flags)
        })?;
        let per = nper as usize;
        let mut lists = Vec::with_capacity(ncpus as usize);
        for cpu in 0..ncpus as usize {
            let chunk = &out.0[cpu * per..(cpu + 1) * per];
            let filled = chunk.iter().take_while(|p| p.type_ != 0).count();
            lists.push(unsafe { crate::params::from_c(chunk.as_ptr(), filled as c_int) }?);
        }
        while lists.last().is_some_and(TypedParams::is_empty) {
            lists.pop();
        }
        Ok(lists)
    }

    fn domain_get_disk_errors(&self, dom: &Domain, flags: u32) -> Result<Vec<DiskError>> {
        let h = self.virt_domain(dom)?;
        let d = unsafe { h.as_ptr() };
        let n = check(unsafe { sys::virDomainGetDiskErrors(d, std::ptr::null_mut(), 0, flags) })?;
        if n == 0 {
            return Ok(Vec::new());
        }
        let mut errs: Vec<sys::virDomainDiskError> =
            vec![unsafe { std::mem::zeroed() }; n as usize];
        let got = check(unsafe {
            sys::virDomainGetDiskErrors(d, errs.as_mut_ptr(), n as c_uint, flags)
        })?;
        Ok(errs
            .iter()
            .take(got as usize)
            .map(|e| DiskError {
                disk: unsafe { crate::driver::take_opt_string(e.disk) }.unwrap_or_default(),
                error: e.error,
            })
            .collect())
    }

    fn connect_get_all_domain_stats(
        &self,
        conn: &Connect,
        doms: &[Domain],
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<StatsRecord>> {
        let mut recs = std::ptr::null_mut();
        let n = if doms.is_empty() {
            check(unsafe {
                sys::virConnectGetAllDomainStats(
                    self.conn_ptr(),
                    stats.bits(),
                    &raw mut recs,
                    flags.bits(),
                )
            })?
        } else {
            let handles = doms.iter().map(|d| self.virt_domain(d)).collect::<Result<Vec<_>>>()?;
            let mut ptrs: Vec<sys::virDomainPtr> =
                handles.iter().map(|h| unsafe { h.as_ptr() }).collect();
            ptrs.push(std::ptr::null_mut());
            check(unsafe {
                sys::virDomainListGetStats(
                    ptrs.as_mut_ptr(),
                    stats.bits(),
                    &raw mut recs,
                    flags.bits(),
                )
            })?
        };
        self.stats_records(conn, recs, n)
    }

    fn domain_start_dirty_rate_calc(
        &self,
        dom: &Domain,
        seconds: i32,
        flags: DomainDirtyRateCalcFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainStartDirtyRateCalc(d, seconds, flags.bits()) })
    }

    // G08: devices.

    fn domain_attach_device(&self, dom: &Domain, xml: &str) -> Result<()> {
        // Not virt's `attach_device`: virt 0.5 drops its error (as it does for `state`,
        // `set_memory` and `block_info`, also called through `sys` here).
        let xml = cstr(xml)?;
        self.unit(dom, |d| unsafe { sys::virDomainAttachDevice(d, xml.as_ptr()) })
    }

    fn domain_attach_device_flags(
        &self,
        dom: &Domain,
        xml: &str,
        flags: DomainDeviceModifyFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.attach_device_flags(xml, flags.bits()).lv().map(drop)
    }

    fn domain_detach_device(&self, dom: &Domain, xml: &str) -> Result<()> {
        self.virt_domain(dom)?.detach_device(xml).lv().map(drop)
    }

    fn domain_detach_device_flags(
        &self,
        dom: &Domain,
        xml: &str,
        flags: DomainDeviceModifyFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.detach_device_flags(xml, flags.bits()).lv().map(drop)
    }

    fn domain_update_device_flags(
        &self,
        dom: &Domain,
        xml: &str,
        flags: DomainDeviceModifyFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.update_device_flags(xml, flags.bits()).lv().map(drop)
    }

    fn domain_detach_device_alias(
        &self,
        dom: &Domain,
        alias: &str,
        flags: DomainDeviceModifyFlags,
    ) -> Result<()> {
        let alias = cstr(alias)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainDetachDeviceAlias(d, alias.as_ptr(), flags.bits())
        })
    }

    // G09: block devices, block jobs, backup.

    fn domain_block_peek(
        &self,
        dom: &Domain,
        disk: &str,
        offset: u64,
        size: usize,
        flags: u32,
    ) -> Result<Vec<u8>> {
        let disk = cstr(disk)?;
        let mut buf = vec![0u8; size];
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockPeek(d, disk.as_ptr(), offset, size, buf.as_mut_ptr().cast(), flags)
        })?;
        Ok(buf)
    }

    fn domain_block_resize(
        &self,
        dom: &Domain,
        disk: &str,
        size: u64,
        flags: DomainBlockResizeFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.block_resize(disk, size, flags.bits()).lv()
    }

    fn domain_block_job_abort(
        &self,
        dom: &Domain,
        disk: &str,
        flags: DomainBlockJobAbortFlags,
    ) -> Result<()> {
        let disk = cstr(disk)?;
        self.unit(dom, |d| unsafe { sys::virDomainBlockJobAbort(d, disk.as_ptr(), flags.bits()) })
    }

    fn domain_get_block_job_info(
        &self,
        dom: &Domain,
        disk: &str,
        flags: DomainBlockJobInfoFlags,
    ) -> Result<Option<BlockJobInfo>> {
        let disk = cstr(disk)?;
        let mut i: sys::virDomainBlockJobInfo = unsafe { std::mem::zeroed() };
        let n = self.on(dom, |d| unsafe {
            sys::virDomainGetBlockJobInfo(d, disk.as_ptr(), &raw mut i, flags.bits())
        })?;
        Ok((n > 0).then_some(BlockJobInfo {
            type_: i.type_,
            bandwidth: i.bandwidth as u64,
            cur: i.cur,
            end: i.end,
        }))
    }

    fn domain_block_job_set_speed(
        &self,
        dom: &Domain,
        disk: &str,
        bandwidth: u64,
        flags: DomainBlockJobSetSpeedFlags,
    ) -> Result<()> {
        let disk = cstr(disk)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockJobSetSpeed(d, disk.as_ptr(), bandwidth as c_ulong, flags.bits())
        })
    }

    fn domain_block_pull(
        &self,
        dom: &Domain,
        disk: &str,
        bandwidth: u64,
        flags: DomainBlockPullFlags,
    ) -> Result<()> {
        let disk = cstr(disk)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockPull(d, disk.as_ptr(), bandwidth as c_ulong, flags.bits())
        })
    }

    fn domain_block_rebase(
        &self,
        dom: &Domain,
        disk: &str,
        base: Option<&str>,
        bandwidth: u64,
        flags: DomainBlockRebaseFlags,
    ) -> Result<()> {
        let (disk, base) = (cstr(disk)?, ocstr(base)?);
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockRebase(
                d,
                disk.as_ptr(),
                optr(&base),
                bandwidth as c_ulong,
                flags.bits(),
            )
        })
    }

    fn domain_block_copy(
        &self,
        dom: &Domain,
        disk: &str,
        destxml: &str,
        params: &TypedParams,
        flags: DomainBlockCopyFlags,
    ) -> Result<()> {
        let (disk, xml) = (cstr(disk)?, cstr(destxml)?);
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainBlockCopy(d, disk.as_ptr(), xml.as_ptr(), p, n, flags.bits())
        })
    }

    fn domain_block_commit(
        &self,
        dom: &Domain,
        disk: &str,
        base: Option<&str>,
        top: Option<&str>,
        bandwidth: u64,
        flags: DomainBlockCommitFlags,
    ) -> Result<()> {
        let (disk, base, top) = (cstr(disk)?, ocstr(base)?, ocstr(top)?);
        self.unit(dom, |d| unsafe {
            sys::virDomainBlockCommit(
                d,
                disk.as_ptr(),
                optr(&base),
                optr(&top),
                bandwidth as c_ulong,
                flags.bits(),
            )
        })
    }

    fn domain_set_block_threshold(
        &self,
        dom: &Domain,
        dev: &str,
        threshold: u64,
        flags: u32,
    ) -> Result<()> {
        self.virt_domain(dom)?.set_block_threshold(dev, threshold, flags).lv()
    }

    fn domain_backup_begin(
        &self,
        dom: &Domain,
        backup_xml: &str,
        checkpoint_xml: Option<&str>,
        flags: DomainBackupBeginFlags,
    ) -> Result<()> {
        let (b, c) = (cstr(backup_xml)?, ocstr(checkpoint_xml)?);
        self.unit(dom, |d| unsafe {
            sys::virDomainBackupBegin(d, b.as_ptr(), optr(&c), flags.bits())
        })
    }

    fn domain_backup_get_xml_desc(&self, dom: &Domain, flags: u32) -> Result<String> {
        self.string(dom, |d| unsafe { sys::virDomainBackupGetXMLDesc(d, flags) })
    }

    // G10: migration tunables.

    fn domain_migrate_set_max_downtime(
        &self,
        dom: &Domain,
        downtime: u64,
        flags: u32,
    ) -> Result<()> {
        self.virt_domain(dom)?.migrate_set_max_downtime(downtime, flags).lv()
    }

    fn domain_migrate_get_max_downtime(&self, dom: &Domain, flags: u32) -> Result<u64> {
        let mut v = 0;
        self.unit(dom, |d| unsafe { sys::virDomainMigrateGetMaxDowntime(d, &raw mut v, flags) })?;
        Ok(v)
    }

    fn domain_migrate_get_compression_cache(&self, dom: &Domain, flags: u32) -> Result<u64> {
        self.virt_domain(dom)?.migrate_compression_cache(flags).lv()
    }

    fn domain_migrate_set_compression_cache(
        &self,
        dom: &Domain,
        cache_size: u64,
        flags: u32,
    ) -> Result<()> {
        self.virt_domain(dom)?.migrate_set_compression_cache(cache_size, flags).lv()
    }

    fn domain_migrate_set_max_speed(
        &self,
        dom: &Domain,
        bandwidth: u64,
        flags: DomainMigrateMaxSpeedFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.migrate_set_max_speed(bandwidth, flags.bits()).lv()
    }

    fn domain_migrate_get_max_speed(
        &self,
        dom: &Domain,
        flags: DomainMigrateMaxSpeedFlags,
    ) -> Result<u64> {
        self.virt_domain(dom)?.migrate_max_speed(flags.bits()).lv()
    }

    fn domain_migrate_start_post_copy(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainMigrateStartPostCopy(d, flags) })
    }

    // G12: metadata.

    fn domain_set_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        metadata: Option<&str>,
        key: Option<&str>,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<()> {
        self.virt_domain(dom)?.set_metadata(type_.raw(), metadata, key, uri, flags.bits()).lv()
    }

    fn domain_get_metadata(
        &self,
        dom: &Domain,
        type_: DomainMetadataType,
        uri: Option<&str>,
        flags: DomainModificationImpact,
    ) -> Result<String> {
        self.virt_domain(dom)?.metadata(type_.raw(), uri, flags.bits()).lv()
    }

    // G13: guest agent.

    fn domain_get_hostname(&self, dom: &Domain, flags: DomainGetHostnameFlags) -> Result<String> {
        self.virt_domain(dom)?.hostname(flags.bits()).lv()
    }

    fn domain_fs_trim(
        &self,
        dom: &Domain,
        mountpoint: Option<&str>,
        minimum: u64,
        flags: u32,
    ) -> Result<()> {
        let mp = ocstr(mountpoint)?;
        self.unit(dom, |d| unsafe { sys::virDomainFSTrim(d, optr(&mp), minimum, flags) })
    }

    fn domain_fs_freeze(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> Result<i32> {
        let (_keep, mut ptrs) = string_array(mountpoints)?;
        let p = if ptrs.is_empty() { std::ptr::null_mut() } else { ptrs.as_mut_ptr() };
        self.on(dom, |d| unsafe {
            sys::virDomainFSFreeze(d, p.cast(), ptrs.len() as c_uint, flags)
        })
    }

    fn domain_fs_thaw(&self, dom: &Domain, mountpoints: &[&str], flags: u32) -> Result<i32> {
        let (_keep, mut ptrs) = string_array(mountpoints)?;
        let p = if ptrs.is_empty() { std::ptr::null_mut() } else { ptrs.as_mut_ptr() };
        self.on(dom, |d| unsafe { sys::virDomainFSThaw(d, p.cast(), ptrs.len() as c_uint, flags) })
    }

    fn domain_get_time(&self, dom: &Domain, flags: u32) -> Result<GuestTime> {
        let (mut seconds, mut nseconds) = (0, 0);
        self.unit(dom, |d| unsafe {
            sys::virDomainGetTime(d, &raw mut seconds, &raw mut nseconds, flags)
        })?;
        Ok(GuestTime { seconds, nseconds })
    }

    fn domain_set_time(
        &self,
        dom: &Domain,
        seconds: i64,
        nseconds: u32,
        flags: DomainSetTimeFlags,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainSetTime(d, seconds, nseconds, flags.bits()) })
    }

    fn domain_set_user_password(
        &self,
        dom: &Domain,
        user: &str,
        password: &str,
        flags: DomainSetUserPasswordFlags,
    ) -> Result<()> {
        self.virt_domain(dom)?.set_user_password(user, password, flags.bits()).lv()
    }

    fn domain_get_fs_info(&self, dom: &Domain, flags: u32) -> Result<Vec<FsInfo>> {
        let mut list = std::ptr::null_mut();
        let n = self.on(dom, |d| unsafe { sys::virDomainGetFSInfo(d, &raw mut list, flags) })?;
        if list.is_null() {
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n as usize {
            let p = unsafe { *list.add(i) };
            if p.is_null() {
                continue;
            }
            let f = unsafe { &*p };
            let s = |c: *mut c_char| {
                if c.is_null() {
                    String::new()
                } else {
                    unsafe { CStr::from_ptr(c) }.to_string_lossy().into_owned()
                }
            };
            let aliases = (0..f.ndevAlias).map(|j| s(unsafe { *f.devAlias.add(j) })).collect();
            out.push(FsInfo {
                mountpoint: s(f.mountpoint),
                name: s(f.name),
                fstype: s(f.fstype),
                dev_alias: aliases,
            });
            unsafe { sys::virDomainFSInfoFree(p) };
        }
        unsafe { libc::free(list.cast()) };
        Ok(out)
    }

    fn domain_interface_addresses(
        &self,
        dom: &Domain,
        source: DomainInterfaceAddressesSource,
        flags: u32,
    ) -> Result<Vec<Interface>> {
        let mut list = std::ptr::null_mut();
        let n = self.on(dom, |d| unsafe {
            sys::virDomainInterfaceAddresses(d, &raw mut list, source.raw() as c_uint, flags)
        })?;
        if list.is_null() {
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n as usize {
            let p = unsafe { *list.add(i) };
            if p.is_null() {
                continue;
            }
            let f = unsafe { &*p };
            let s = |c: *mut c_char| {
                if c.is_null() {
                    None
                } else {
                    Some(unsafe { CStr::from_ptr(c) }.to_string_lossy().into_owned())
                }
            };
            let addrs = (0..f.naddrs as usize)
                .map(|j| {
                    let a = unsafe { &*f.addrs.add(j) };
                    IpAddress {
                        type_: a.type_,
                        addr: s(a.addr).unwrap_or_default(),
                        prefix: a.prefix,
                    }
                })
                .collect();
            out.push(Interface { name: s(f.name).unwrap_or_default(), hwaddr: s(f.hwaddr), addrs });
            unsafe { sys::virDomainInterfaceFree(p) };
        }
        unsafe { libc::free(list.cast()) };
        Ok(out)
    }

    fn domain_get_guest_vcpus(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        let h = self.virt_domain(dom)?;
        let (mut p, mut n) = (std::ptr::null_mut(), 0 as c_uint);
        check(unsafe { sys::virDomainGetGuestVcpus(h.as_ptr(), &raw mut p, &raw mut n, flags) })?;
        unsafe { take_c(p, n as c_int) }
    }

    fn domain_set_guest_vcpus(
        &self,
        dom: &Domain,
        cpumap: &str,
        state: bool,
        flags: u32,
    ) -> Result<()> {
        let map = cstr(cpumap)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainSetGuestVcpus(d, map.as_ptr(), c_int::from(state), flags)
        })
    }

    fn domain_get_guest_info(&self, dom: &Domain, types: u32, flags: u32) -> Result<TypedParams> {
        self.alloc_params(dom, |d, p, n| unsafe {
            sys::virDomainGetGuestInfo(d, types, p, n, flags)
        })
    }

    fn domain_agent_set_response_timeout(
        &self,
        dom: &Domain,
        timeout: i32,
        flags: u32,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainAgentSetResponseTimeout(d, timeout, flags) })
    }

    fn domain_authorized_ssh_keys_get(
        &self,
        dom: &Domain,
        user: &str,
        flags: u32,
    ) -> Result<Vec<String>> {
        let user = cstr(user)?;
        let mut keys = std::ptr::null_mut();
        let n = self.on(dom, |d| unsafe {
            sys::virDomainAuthorizedSSHKeysGet(d, user.as_ptr(), &raw mut keys, flags)
        })?;
        Ok(unsafe { take_string_list(keys, n) })
    }

    fn domain_authorized_ssh_keys_set(
        &self,
        dom: &Domain,
        user: &str,
        keys: &[&str],
        flags: DomainAuthorizedSSHKeysSetFlags,
    ) -> Result<()> {
        let user = cstr(user)?;
        let (_keep, mut ptrs) = string_array(keys)?;
        let p = if ptrs.is_empty() { std::ptr::null_mut() } else { ptrs.as_mut_ptr() };
        self.unit(dom, |d| unsafe {
            sys::virDomainAuthorizedSSHKeysSet(
                d,
                user.as_ptr(),
                p.cast(),
                ptrs.len() as c_uint,
                flags.bits(),
            )
        })
    }

    // G14: events.

    fn connect_domain_event_register(&self, conn: &Connect, cb: DomainEventCallback) -> Result<()> {
        self.register_old(conn, cb)
    }

    fn connect_domain_event_deregister(
        &self,
        _conn: &Connect,
        cb: &DomainEventCallback,
    ) -> Result<()> {
        self.deregister_old(cb)
    }

    fn connect_domain_event_register_any(
        &self,
        conn: &Connect,
        dom: Option<&Domain>,
        event_id: DomainEventID,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        self.register_any(conn, dom, event_id, cb)
    }

    fn connect_domain_event_deregister_any(&self, _conn: &Connect, callback_id: i32) -> Result<()> {
        self.deregister_any(callback_id)
    }

    // G15: misc.

    fn domain_screenshot(
        &self,
        dom: &Domain,
        stream: &Stream,
        screen: u32,
        flags: u32,
    ) -> Result<String> {
        let st = self.virt_stream(stream)?;
        self.virt_domain(dom)?.screenshot(&st, screen, flags).lv()
    }

    fn domain_open_console(
        &self,
        dom: &Domain,
        dev_name: Option<&str>,
        st: &Stream,
        flags: u32,
    ) -> Result<()> {
        let s = self.virt_stream(st)?;
        let dev = ocstr(dev_name)?;
        self.unit(dom, |d| unsafe { sys::virDomainOpenConsole(d, optr(&dev), s.as_ptr(), flags) })
    }

    fn domain_open_channel(
        &self,
        dom: &Domain,
        name: Option<&str>,
        st: &Stream,
        flags: u32,
    ) -> Result<()> {
        let s = self.virt_stream(st)?;
        let name = ocstr(name)?;
        self.unit(dom, |d| unsafe { sys::virDomainOpenChannel(d, optr(&name), s.as_ptr(), flags) })
    }

    fn domain_inject_nmi(&self, dom: &Domain, flags: u32) -> Result<()> {
        self.unit(dom, |d| unsafe { sys::virDomainInjectNMI(d, flags) })
    }

    fn domain_send_key(
        &self,
        dom: &Domain,
        codeset: KeycodeSet,
        holdtime: u32,
        keycodes: &[u32],
        flags: u32,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainSendKey(
                d,
                codeset.raw() as c_uint,
                holdtime,
                keycodes.as_ptr().cast_mut(),
                keycodes.len() as c_int,
                flags,
            )
        })
    }

    fn domain_send_process_signal(
        &self,
        dom: &Domain,
        pid_value: i64,
        signum: DomainProcessSignal,
        flags: u32,
    ) -> Result<()> {
        self.unit(dom, |d| unsafe {
            sys::virDomainSendProcessSignal(d, pid_value, signum.raw() as c_uint, flags)
        })
    }

    fn domain_open_graphics(&self, dom: &Domain, idx: u32, fd: i32, flags: u32) -> Result<()> {
        self.virt_domain(dom)?.open_graphics(idx, fd, flags).lv()
    }

    fn domain_open_graphics_fd(&self, dom: &Domain, idx: u32, flags: u32) -> Result<i32> {
        self.on(dom, |d| unsafe { sys::virDomainOpenGraphicsFD(d, idx, flags) })
    }

    fn domain_get_launch_security_info(&self, dom: &Domain, flags: u32) -> Result<TypedParams> {
        self.alloc_params(dom, |d, p, n| unsafe {
            sys::virDomainGetLaunchSecurityInfo(d, p, n, flags)
        })
    }

    fn domain_set_launch_security_state(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        self.set_params(dom, params, |d, p, n| unsafe {
            sys::virDomainSetLaunchSecurityState(d, p, n, flags)
        })
    }

    fn domain_fd_associate(
        &self,
        dom: &Domain,
        name: &str,
        fds: &[i32],
        flags: DomainFDAssociateFlags,
    ) -> Result<()> {
        let name = cstr(name)?;
        self.unit(dom, |d| unsafe {
            sys::virDomainFDAssociate(
                d,
                name.as_ptr(),
                fds.len() as c_uint,
                ptr_or_null(fds).cast_mut(),
                flags.bits(),
            )
        })
    }

    fn domain_graphics_reload(&self, dom: &Domain, type_: u32, flags: u32) -> Result<()> {
        let Some(f) = sym::virDomainGraphicsReload() else {
            return Err(Error::no_support("virDomainGraphicsReload"));
        };
        self.unit(dom, |d| unsafe { f(d, type_, flags) })
    }

    // I01: the internal migration entry points.

    fn domain_migrate_prepare(
        &self,
        _dconn: &Connect,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<MigratePrepared> {
        self.prepare(uri_in, flags, dname, bandwidth, None)
    }

    fn domain_migrate_perform(
        &self,
        dom: &Domain,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        self.perform(dom, cookie, uri, flags, dname, bandwidth)
    }

    fn domain_migrate_finish(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
    ) -> Result<Domain> {
        self.finish(dconn, dname, cookie, uri, flags, None)?.ok_or_else(last_error)
    }

    fn domain_migrate_prepare2(
        &self,
        _dconn: &Connect,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.prepare(uri_in, flags, dname, bandwidth, Some(dom_xml))
    }

    fn domain_migrate_finish2(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        retcode: i32,
    ) -> Result<Option<Domain>> {
        self.finish(dconn, dname, cookie, uri, flags, Some(retcode))
    }

    fn domain_migrate_prepare_tunnel(
        &self,
        _conn: &Connect,
        st: &Stream,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<()> {
        self.prepare_tunnel(st, flags, dname, bandwidth, dom_xml)
    }

    fn domain_migrate_begin3(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<MigrateBegun> {
        self.begin3(dom, xmlin, flags, dname, bandwidth)
    }

    fn domain_migrate_prepare3(
        &self,
        _dconn: &Connect,
        cookiein: &[u8],
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        self.prepare3(cookiein, uri_in, flags, dname, bandwidth, dom_xml)
    }

    fn domain_migrate_prepare_tunnel3(
        &self,
        _conn: &Connect,
        st: &Stream,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<Vec<u8>> {
        self.prepare_tunnel3(st, cookiein, flags, dname, bandwidth, dom_xml)
    }

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
    ) -> Result<Vec<u8>> {
        self.perform3(dom, xmlin, cookiein, dconnuri, uri, flags, dname, bandwidth)
    }

    fn domain_migrate_finish3(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookiein: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.finish3(dconn, dname, cookiein, dconnuri, uri, flags, cancelled)
    }

    fn domain_migrate_confirm3(
        &self,
        dom: &Domain,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        self.confirm3(dom, cookiein, flags, cancelled)
    }

    fn domain_migrate_begin3_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: DomainMigrateFlags,
    ) -> Result<MigrateBegun> {
        self.begin3_params(dom, params, flags)
    }

    fn domain_migrate_prepare3_params(
        &self,
        _dconn: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<MigratePrepared> {
        self.prepare3_params(params, cookiein, flags)
    }

    fn domain_migrate_prepare_tunnel3_params(
        &self,
        _conn: &Connect,
        st: &Stream,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        self.prepare_tunnel3_params(st, params, cookiein, flags)
    }

    fn domain_migrate_perform3_params(
        &self,
        dom: &Domain,
        dconnuri: Option<&str>,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        self.perform3_params(dom, dconnuri, params, cookiein, flags)
    }

    fn domain_migrate_finish3_params(
        &self,
        dconn: &Connect,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        self.finish3_params(dconn, params, cookiein, flags, cancelled)
    }

    fn domain_migrate_confirm3_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        self.confirm3_params(dom, params, cookiein, flags, cancelled)
    }
}
