//! Domain events from libvirt (`virConnectDomainEventRegisterAny`) delivered to virtkit
//! callbacks as [`DomainEvent`]s, on the event loop's thread ([`crate::event_loop`]).
//!
//! Each registration hands libvirt a context (a weak handle to the virtkit connection and the
//! callback) that libvirt frees when the callback is deregistered; callbacks still registered
//! when the last virtkit handle of the connection goes are deregistered then. Event ids virtkit's [`DomainEvent`] cannot represent (`GRAPHICS`,
//! `MEMORY_FAILURE`, `MEMORY_DEVICE_SIZE_CHANGE`) are refused at registration.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use virtkit_api::enums::DomainEventID;
//! let conn = virtkit_libvirt::open("test:///default")?;
//! let seen = Arc::new(Mutex::new(Vec::new()));
//! let sink = seen.clone();
//! let id = conn.domain_event_register_any(None, DomainEventID::Lifecycle as i32,
//!     Arc::new(move |_c, d, e| sink.lock().unwrap().push((d.name().to_owned(), e.clone()))))?;
//! conn.lookup_by_name("test")?.suspend()?;
//! for _ in 0..200 {
//!     if !seen.lock().unwrap().is_empty() { break; }
//!     std::thread::sleep(std::time::Duration::from_millis(10));
//! }
//! assert_eq!(seen.lock().unwrap()[0].0, "test");
//! conn.domain_event_deregister_any(id)?;
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::ffi::{CStr, c_char, c_int, c_longlong, c_ulonglong, c_void};
use std::sync::{Arc, Mutex, PoisonError};

use virt::sys;
use virtkit_api::enums::{CEnum, DomainEventID};
use virtkit_api::events::{DomainEvent, DomainEventCallback};
use virtkit_api::types::Uuid;
use virtkit_api::{Connect, Domain, Error, ErrorCode, Result, WeakConnect};
use virtkit_typedparams::TypedParams;

use crate::error::check;

/// The old-style registrations of a driver (`virConnectDomainEventRegister`): libvirt tells
/// them apart by function pointer, virtkit by callback, so they are kept as any-event
/// registrations for the lifecycle id with their ids.
#[derive(Default)]
pub(crate) struct Events {
    old_style: Mutex<Vec<(DomainEventCallback, i32)>>,
    ids: Mutex<Vec<i32>>,
}

struct Ctx {
    conn: WeakConnect,
    cb: DomainEventCallback,
}

unsafe extern "C" fn free_ctx(opaque: *mut c_void) {
    // SAFETY: `opaque` is the Box::into_raw of a Ctx, freed once, by libvirt's freecb.
    drop(unsafe { Box::from_raw(opaque.cast::<Ctx>()) });
}

/// Delivers `event` for libvirt's domain `dom` to the context's callback.
///
/// # Safety
/// `dom` must be a valid domain handle and `opaque` a live `Ctx`.
unsafe fn deliver(dom: sys::virDomainPtr, opaque: *mut c_void, event: &DomainEvent) {
    // SAFETY: per the contract; name and UUID are read from the object.
    unsafe {
        let ctx = &*opaque.cast::<Ctx>();
        let Some(conn) = ctx.conn.upgrade() else { return };
        let name = sys::virDomainGetName(dom);
        let name = if name.is_null() {
            String::new()
        } else {
            CStr::from_ptr(name).to_string_lossy().into_owned()
        };
        let mut uuid = [0u8; 16];
        sys::virDomainGetUUID(dom, uuid.as_mut_ptr());
        let d = Domain::new(&conn, &name, Uuid(uuid), sys::virDomainGetID(dom) as i32);
        // A panicking callback must not unwind into C.
        let _ =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (ctx.cb)(&conn, &d, event)));
    }
}

/// # Safety
/// `p` must be NULL or a valid C string.
unsafe fn s(p: *const c_char) -> String {
    // SAFETY: per the contract.
    unsafe { os(p).unwrap_or_default() }
}

/// # Safety
/// `p` must be NULL or a valid C string.
unsafe fn os(p: *const c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        // SAFETY: per the contract.
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

/// # Safety
/// `p` must point to `n` valid parameters.
unsafe fn tp(p: sys::virTypedParameterPtr, n: c_int) -> TypedParams {
    // SAFETY: per the contract; libvirt owns and frees the array after the callback. A
    // malformed list is delivered empty rather than unwinding into C.
    unsafe { crate::params::from_c(p, n) }.unwrap_or_default()
}

type C = sys::virConnectPtr;
type D = sys::virDomainPtr;
type O = *mut c_void;
type S = *const c_char;

macro_rules! trampolines {
    ($($fname:ident($($a:ident: $t:ty),*) => $ev:expr;)*) => {$(
        unsafe extern "C" fn $fname(_c: C, dom: D, $($a: $t,)* opaque: O) {
            // SAFETY: libvirt calls with a valid domain, its arguments and our context.
            unsafe { deliver(dom, opaque, &$ev) }
        }
    )*};
}

trampolines! {
    ev_lifecycle(event: c_int, detail: c_int) => DomainEvent::Lifecycle { event, detail };
    ev_generic() => DomainEvent::Reboot;
    ev_control_error() => DomainEvent::ControlError;
    ev_rtc(utcoffset: c_longlong) => DomainEvent::RtcChange { utcoffset };
    ev_watchdog(action: c_int) => DomainEvent::Watchdog { action };
    ev_io_error(src: S, alias: S, action: c_int) => DomainEvent::IoError {
        src_path: s(src), dev_alias: s(alias), action, reason: String::new() };
    ev_io_error_reason(src: S, alias: S, action: c_int, reason: S) => DomainEvent::IoError {
        src_path: s(src), dev_alias: s(alias), action, reason: s(reason) };
    ev_block_job(disk: S, type_: c_int, status: c_int) => DomainEvent::BlockJob {
        disk: s(disk), type_, status };
    ev_disk_change(old: S, new: S, alias: S, reason: c_int) => DomainEvent::DiskChange {
        old_src_path: os(old), new_src_path: os(new), dev_alias: s(alias), reason };
    ev_tray(alias: S, reason: c_int) => DomainEvent::TrayChange { dev_alias: s(alias), reason };
    ev_pmwakeup(reason: c_int) => DomainEvent::PmWakeup { reason };
    ev_pmsuspend(reason: c_int) => DomainEvent::PmSuspend { reason };
    ev_pmsuspend_disk(reason: c_int) => DomainEvent::PmSuspendDisk { reason };
    ev_balloon(actual: c_ulonglong) => DomainEvent::BalloonChange { actual };
    ev_device_removed(alias: S) => DomainEvent::DeviceRemoved { dev_alias: s(alias) };
    ev_device_added(alias: S) => DomainEvent::DeviceAdded { dev_alias: s(alias) };
    ev_device_removal_failed(alias: S) => DomainEvent::DeviceRemovalFailed { dev_alias: s(alias) };
    ev_tunable(p: sys::virTypedParameterPtr, n: c_int) => DomainEvent::Tunable { params: tp(p, n) };
    ev_job_completed(p: sys::virTypedParameterPtr, n: c_int) => DomainEvent::JobCompleted { params: tp(p, n) };
    ev_agent(state: c_int, reason: c_int) => DomainEvent::AgentLifecycle { state, reason };
    ev_migration_iteration(iteration: c_int) => DomainEvent::MigrationIteration { iteration };
    ev_metadata(type_: c_int, nsuri: S) => DomainEvent::MetadataChange { type_, nsuri: os(nsuri) };
    ev_block_threshold(dev: S, path: S, threshold: c_ulonglong, excess: c_ulonglong) =>
        DomainEvent::BlockThreshold { dev: s(dev), path: os(path), threshold, excess };
}

/// The C callback for `id`, as the generic callback type libvirt's registration takes.
fn callback_for(id: DomainEventID) -> Option<sys::virConnectDomainEventGenericCallback> {
    use DomainEventID as E;
    // SAFETY (all transmutes): each trampoline has exactly the callback type libvirt
    // documents for its event id, which is what libvirt casts the generic pointer back to.
    macro_rules! g {
        ($f:expr, $t:ty) => {
            // SAFETY: see above; both are `unsafe extern "C"` function pointers.
            Some(Some(unsafe { std::mem::transmute::<$t, unsafe extern "C" fn(C, D, O)>($f) }))
        };
    }
    match id {
        E::Lifecycle => g!(ev_lifecycle, unsafe extern "C" fn(C, D, c_int, c_int, O)),
        E::Reboot => Some(Some(ev_generic)),
        E::ControlError => Some(Some(ev_control_error)),
        E::RtcChange => g!(ev_rtc, unsafe extern "C" fn(C, D, c_longlong, O)),
        E::Watchdog => g!(ev_watchdog, unsafe extern "C" fn(C, D, c_int, O)),
        E::IoError => g!(ev_io_error, unsafe extern "C" fn(C, D, S, S, c_int, O)),
        E::IoErrorReason => g!(ev_io_error_reason, unsafe extern "C" fn(C, D, S, S, c_int, S, O)),
        E::BlockJob | E::BlockJob2 => {
            g!(ev_block_job, unsafe extern "C" fn(C, D, S, c_int, c_int, O))
        }
        E::DiskChange => g!(ev_disk_change, unsafe extern "C" fn(C, D, S, S, S, c_int, O)),
        E::TrayChange => g!(ev_tray, unsafe extern "C" fn(C, D, S, c_int, O)),
        E::Pmwakeup => g!(ev_pmwakeup, unsafe extern "C" fn(C, D, c_int, O)),
        E::Pmsuspend => g!(ev_pmsuspend, unsafe extern "C" fn(C, D, c_int, O)),
        E::PmsuspendDisk => g!(ev_pmsuspend_disk, unsafe extern "C" fn(C, D, c_int, O)),
        E::BalloonChange => g!(ev_balloon, unsafe extern "C" fn(C, D, c_ulonglong, O)),
        E::DeviceRemoved => g!(ev_device_removed, unsafe extern "C" fn(C, D, S, O)),
        E::DeviceAdded => g!(ev_device_added, unsafe extern "C" fn(C, D, S, O)),
        E::DeviceRemovalFailed => g!(ev_device_removal_failed, unsafe extern "C" fn(C, D, S, O)),
        E::Tunable => {
            g!(ev_tunable, unsafe extern "C" fn(C, D, sys::virTypedParameterPtr, c_int, O))
        }
        E::JobCompleted => {
            g!(ev_job_completed, unsafe extern "C" fn(C, D, sys::virTypedParameterPtr, c_int, O))
        }
        E::AgentLifecycle => g!(ev_agent, unsafe extern "C" fn(C, D, c_int, c_int, O)),
        E::MigrationIteration => g!(ev_migration_iteration, unsafe extern "C" fn(C, D, c_int, O)),
        E::MetadataChange => g!(ev_metadata, unsafe extern "C" fn(C, D, c_int, S, O)),
        E::BlockThreshold => {
            g!(ev_block_threshold, unsafe extern "C" fn(C, D, S, S, c_ulonglong, c_ulonglong, O))
        }
        _ => None,
    }
}

impl crate::LibvirtDriver {
    /// `virConnectDomainEventRegisterAny` with a context for `cb`.
    pub(crate) fn register_any(
        &self,
        conn: &Connect,
        dom: Option<&Domain>,
        id: DomainEventID,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        let Some(c_cb) = callback_for(id) else {
            return Err(Error::argument_unsupported(format!(
                "event ID {} ({}) has no virtkit DomainEvent form",
                id.raw(),
                id.c_name()
            )));
        };
        let handle = dom.map(|d| self.virt_domain(d)).transpose()?;
        let dptr = handle.as_ref().map_or(std::ptr::null_mut(), |h| {
            // SAFETY: borrowed for the call; libvirt takes its own reference.
            unsafe { h.as_ptr() }
        });
        let ctx = Box::into_raw(Box::new(Ctx { conn: conn.downgrade(), cb }));
        // SAFETY: the callback matches the id (see callback_for); libvirt owns `ctx` from
        // here on and frees it with free_ctx, also when registration fails.
        let ret = unsafe {
            sys::virConnectDomainEventRegisterAny(
                self.conn_ptr(),
                dptr,
                id.raw(),
                c_cb,
                ctx.cast(),
                Some(free_ctx),
            )
        };
        let id = check(ret)?;
        self.events.ids.lock().unwrap_or_else(PoisonError::into_inner).push(id);
        Ok(id)
    }

    /// `virConnectDomainEventDeregisterAny`.
    pub(crate) fn deregister_any(&self, callback_id: i32) -> Result<()> {
        // SAFETY: plain call on a valid connection.
        check(unsafe { sys::virConnectDomainEventDeregisterAny(self.conn_ptr(), callback_id) })?;
        self.events
            .ids
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|&i| i != callback_id);
        Ok(())
    }

    /// Deregisters every callback still registered through this driver.
    pub(crate) fn deregister_all(&self) {
        self.events.old_style.lock().unwrap_or_else(PoisonError::into_inner).clear();
        let ids =
            std::mem::take(&mut *self.events.ids.lock().unwrap_or_else(PoisonError::into_inner));
        for id in ids {
            // SAFETY: plain call on a valid connection; a failure leaves nothing to undo.
            if unsafe { sys::virConnectDomainEventDeregisterAny(self.conn_ptr(), id) } < 0 {
                crate::error::last_error();
            }
        }
    }

    /// `virConnectDomainEventRegister`: lifecycle events to `cb`, which may be registered
    /// once.
    pub(crate) fn register_old(&self, conn: &Connect, cb: DomainEventCallback) -> Result<()> {
        let mut old = self.events.old_style.lock().unwrap_or_else(PoisonError::into_inner);
        if old.iter().any(|(c, _)| Arc::ptr_eq(c, &cb)) {
            // libvirt's virDomainEventStateRegister refuses a duplicate this way.
            return Err(Error::report(ErrorCode::InvalidArg, "event callback already tracked"));
        }
        let id = self.register_any(conn, None, DomainEventID::Lifecycle, cb.clone())?;
        old.push((cb, id));
        Ok(())
    }

    /// `virConnectDomainEventDeregister`.
    pub(crate) fn deregister_old(&self, cb: &DomainEventCallback) -> Result<()> {
        let mut old = self.events.old_style.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(pos) = old.iter().position(|(c, _)| Arc::ptr_eq(c, cb)) else {
            return Err(Error::report(
                ErrorCode::InvalidArg,
                format!("event callback function {:p} not registered", Arc::as_ptr(cb)),
            ));
        };
        let (_, id) = old.remove(pos);
        self.deregister_any(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_representable_id_has_a_callback() {
        for id in DomainEventID::ALL {
            let expected = !matches!(
                id,
                DomainEventID::Graphics
                    | DomainEventID::MemoryFailure
                    | DomainEventID::MemoryDeviceSizeChange
            );
            assert_eq!(callback_for(*id).is_some(), expected, "{}", id.c_name());
        }
    }
}
