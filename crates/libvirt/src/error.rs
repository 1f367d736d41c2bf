//! libvirt's errors as virtkit's [`Error`]: code, domain, level and message are kept exactly
//! (raw numbers, so a code newer than virtkit's tables survives), and libvirt's default error
//! handler, which prints every error to stderr, is replaced by a silent one.
//!
//! ```
//! let conn = virtkit_libvirt::open("test:///default")?;
//! let e = conn.lookup_by_name("nope").unwrap_err();
//! assert_eq!((e.raw_code(), e.raw_domain()), (42, 12)); // VIR_ERR_NO_DOMAIN, VIR_FROM_TEST
//! assert_eq!(e.message(), "Domain not found");
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::ffi::{CStr, c_void};
use std::sync::Once;

use virt::sys;
use virtkit_api::enums::CEnum;
use virtkit_api::{Error, ErrorCode, ErrorDomain, ErrorLevel};

unsafe extern "C" fn silent(_data: *mut c_void, _err: sys::virErrorPtr) {}

/// Initialises libvirt once per process (`virInitialize`) and installs the silent error
/// handler, so that errors reach the caller as values and never stderr.
pub(crate) fn init() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        // SAFETY: both functions may be called at any time; the handler is a plain function
        // that ignores its arguments.
        unsafe {
            sys::virInitialize();
            sys::virSetErrorFunc(std::ptr::null_mut(), Some(silent));
        }
    });
}

/// The error libvirt recorded for this thread's last failed call, taken (the thread's error
/// is reset). A failure without a recorded error (libvirt's `SendKey` on the test driver
/// does this) is `VIR_ERR_INTERNAL_ERROR` with libvirt's own fallback (`virErrorGenericFailure`).
pub(crate) fn last_error() -> Error {
    // SAFETY: virGetLastError returns NULL or this thread's error, valid until the next
    // libvirt call on the thread; everything is copied out before virResetLastError.
    unsafe {
        let err = sys::virGetLastError();
        let out = if err.is_null() || (*err).code == 0 {
            // virErrorGenericFailure, what virDispatchError reports then.
            Error::verbatim(
                ErrorCode::InternalError,
                ErrorDomain::None,
                "An error occurred, but the cause is unknown",
            )
        } else {
            let message = if (*err).message.is_null() {
                String::new()
            } else {
                CStr::from_ptr((*err).message).to_string_lossy().into_owned()
            };
            let level = ErrorLevel::from_raw((*err).level as i32).unwrap_or(ErrorLevel::Error);
            Error::from_raw((*err).code, (*err).domain, level, message)
        };
        sys::virResetLastError();
        out
    }
}

/// This thread's recorded error, taken, or `None` when libvirt recorded none.
pub(crate) fn take_error() -> Option<Error> {
    // SAFETY: reading this thread's error pointer has no preconditions.
    let recorded = unsafe {
        let err = sys::virGetLastError();
        !err.is_null() && (*err).code != 0
    };
    recorded.then(last_error)
}

/// An error of the `virt` crate's safe wrappers, which read the same `virError`.
pub(crate) fn from_virt(e: &virt::error::Error) -> Error {
    let level = match e.level() {
        virt::error::ErrorLevel::None => ErrorLevel::None,
        virt::error::ErrorLevel::Warning => ErrorLevel::Warning,
        virt::error::ErrorLevel::Error => ErrorLevel::Error,
    };
    // SAFETY: resetting this thread's error is always allowed; the wrapper copied it already.
    unsafe { sys::virResetLastError() };
    Error::from_raw(
        e.code().to_raw() as i32,
        e.domain().to_raw() as i32,
        level,
        e.message().to_owned(),
    )
}

/// Extension: `virt` results into virtkit results.
pub(crate) trait VirtResult<T> {
    /// Maps the error with [`from_virt`].
    fn lv(self) -> Result<T, Error>;
}

impl<T> VirtResult<T> for Result<T, virt::error::Error> {
    fn lv(self) -> Result<T, Error> {
        self.map_err(|e| from_virt(&e))
    }
}

/// `-1` (or any negative value) from a libvirt call is its recorded error.
pub(crate) fn check(ret: i32) -> Result<i32, Error> {
    if ret < 0 { Err(last_error()) } else { Ok(ret) }
}

/// A NULL pointer from a libvirt call is its recorded error.
pub(crate) fn check_ptr<T>(ptr: *mut T) -> Result<*mut T, Error> {
    if ptr.is_null() { Err(last_error()) } else { Ok(ptr) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_without_an_error_is_internal() {
        init();
        // SAFETY: resetting is always allowed.
        unsafe { sys::virResetLastError() };
        let e = last_error();
        assert_eq!(e.code(), ErrorCode::InternalError);
    }
}
