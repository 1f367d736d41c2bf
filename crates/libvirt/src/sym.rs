//! Run-time lookup of libvirt functions that must not be linked: the private migration steps
//! and the feature probe (exports of `libvirt.so.0` with the version tag
//! `LIBVIRT_PRIVATE_x.y.z`, absent from the headers), `virGetDomain`, and public functions
//! that the `virt-sys` bindings lack or that the installed libvirt may not have.
//!
//! Each function is resolved once, on first use, from the already loaded `libvirt.so.0`
//! (`dlopen` of a loaded library returns the same handle; the default version of a versioned
//! symbol is what `dlsym` finds). A function the library lacks is `None`, which the driver
//! reports as libvirt's "not supported" error; nothing here can fail to link.
//!
//! ```
//! // The private v3 migration steps are there; virDomainGraphicsReload only from libvirt 10.2.
//! assert!(virtkit_libvirt::has_function("virDomainMigrateBegin3Params"));
//! let newer = virtkit_libvirt::has_function("virDomainGraphicsReload");
//! # let _ = newer;
//! ```

use std::ffi::{CString, c_char, c_int, c_uint, c_ulong, c_void};
use std::sync::OnceLock;

use virt::sys;

/// The process's `libvirt.so.0`, loaded (in fact: found, since the crate links it) once.
fn library() -> Option<&'static libloading::Library> {
    static LIB: OnceLock<Option<libloading::Library>> = OnceLock::new();
    LIB.get_or_init(|| {
        // SAFETY: libvirt is already loaded by the dynamic linker (this crate links it);
        // opening it again only takes a reference and runs no initialiser twice.
        unsafe { libloading::Library::new("libvirt.so.0") }.ok()
    })
    .as_ref()
}

/// The address of `name` in libvirt, if it exports it.
pub(crate) fn address(name: &str) -> Option<*const c_void> {
    let lib = library()?;
    let cname = CString::new(name).ok()?;
    // SAFETY: the symbol is only read as an address here; callers cast it to its C type.
    unsafe {
        lib.get::<*const c_void>(cname.as_bytes_with_nul())
            .ok()
            .map(|s| *s)
            .filter(|p| !p.is_null())
    }
}

/// Whether the loaded libvirt exports the function `name` (public or private).
///
/// ```
/// assert!(virtkit_libvirt::has_function("virDomainSuspend"));
/// assert!(!virtkit_libvirt::has_function("virDomainNoSuchThing"));
/// ```
pub fn has_function(name: &str) -> bool {
    address(name).is_some()
}

macro_rules! dynamic_functions {
    ($(
        $(#[$doc:meta])*
        $name:ident = $c:literal : fn($($arg:ty),* $(,)?) -> $ret:ty;
    )*) => {
        $(
            $(#[$doc])*
            #[allow(non_snake_case)]
            pub(crate) fn $name() -> Option<unsafe extern "C" fn($($arg),*) -> $ret> {
                static F: OnceLock<Option<unsafe extern "C" fn($($arg),*) -> $ret>> =
                    OnceLock::new();
                *F.get_or_init(|| {
                    let addr = address($c)?;
                    // SAFETY: the type is the function's C prototype as libvirt declares it
                    // (libvirt_internal.h, datatypes.h or the public headers).
                    Some(unsafe {
                        std::mem::transmute::<*const c_void, unsafe extern "C" fn($($arg),*) -> $ret>(addr)
                    })
                })
            }
        )*

        /// Every function this module resolves at run time, by C name.
        pub(crate) const DYNAMIC: &[&str] = &[$($c),*];
    };
}

type Dom = sys::virDomainPtr;
type Conn = sys::virConnectPtr;
type Params = sys::virTypedParameterPtr;
type Str = *const c_char;
type OutBuf = *mut *mut c_char;

dynamic_functions! {
    /// `virGetDomain(conn, name, uuid, id)` (datatypes.h): a domain handle from its identity,
    /// as the daemon builds one from an RPC argument.
    virGetDomain = "virGetDomain": fn(Conn, Str, *const u8, c_int) -> Dom;
    /// `virConnectSupportsFeature` (libvirt_internal.h).
    virConnectSupportsFeature = "virConnectSupportsFeature": fn(Conn, c_int) -> c_int;

    virDomainMigratePrepare = "virDomainMigratePrepare":
        fn(Conn, OutBuf, *mut c_int, Str, *mut *mut c_char, c_ulong, Str, c_ulong) -> c_int;
    virDomainMigratePerform = "virDomainMigratePerform":
        fn(Dom, Str, c_int, Str, c_ulong, Str, c_ulong) -> c_int;
    virDomainMigrateFinish = "virDomainMigrateFinish":
        fn(Conn, Str, Str, c_int, Str, c_ulong) -> Dom;
    virDomainMigratePrepare2 = "virDomainMigratePrepare2":
        fn(Conn, OutBuf, *mut c_int, Str, *mut *mut c_char, c_ulong, Str, c_ulong, Str) -> c_int;
    virDomainMigrateFinish2 = "virDomainMigrateFinish2":
        fn(Conn, Str, Str, c_int, Str, c_ulong, c_int) -> Dom;
    virDomainMigratePrepareTunnel = "virDomainMigratePrepareTunnel":
        fn(Conn, sys::virStreamPtr, c_ulong, Str, c_ulong, Str) -> c_int;
    virDomainMigrateBegin3 = "virDomainMigrateBegin3":
        fn(Dom, Str, OutBuf, *mut c_int, c_ulong, Str, c_ulong) -> *mut c_char;
    virDomainMigratePrepare3 = "virDomainMigratePrepare3":
        fn(Conn, Str, c_int, OutBuf, *mut c_int, Str, *mut *mut c_char, c_ulong, Str, c_ulong, Str)
            -> c_int;
    virDomainMigratePrepareTunnel3 = "virDomainMigratePrepareTunnel3":
        fn(Conn, sys::virStreamPtr, Str, c_int, OutBuf, *mut c_int, c_ulong, Str, c_ulong, Str)
            -> c_int;
    virDomainMigratePerform3 = "virDomainMigratePerform3":
        fn(Dom, Str, Str, c_int, OutBuf, *mut c_int, Str, Str, c_ulong, Str, c_ulong) -> c_int;
    virDomainMigrateFinish3 = "virDomainMigrateFinish3":
        fn(Conn, Str, Str, c_int, OutBuf, *mut c_int, Str, Str, c_ulong, c_int) -> Dom;
    virDomainMigrateConfirm3 = "virDomainMigrateConfirm3":
        fn(Dom, Str, c_int, c_ulong, c_int) -> c_int;
    virDomainMigrateBegin3Params = "virDomainMigrateBegin3Params":
        fn(Dom, Params, c_int, OutBuf, *mut c_int, c_uint) -> *mut c_char;
    virDomainMigratePrepare3Params = "virDomainMigratePrepare3Params":
        fn(Conn, Params, c_int, Str, c_int, OutBuf, *mut c_int, *mut *mut c_char, c_uint) -> c_int;
    virDomainMigratePrepareTunnel3Params = "virDomainMigratePrepareTunnel3Params":
        fn(Conn, sys::virStreamPtr, Params, c_int, Str, c_int, OutBuf, *mut c_int, c_uint) -> c_int;
    virDomainMigratePerform3Params = "virDomainMigratePerform3Params":
        fn(Dom, Str, Params, c_int, Str, c_int, OutBuf, *mut c_int, c_uint) -> c_int;
    virDomainMigrateFinish3Params = "virDomainMigrateFinish3Params":
        fn(Conn, Params, c_int, Str, c_int, OutBuf, *mut c_int, c_uint, c_int) -> Dom;
    virDomainMigrateConfirm3Params = "virDomainMigrateConfirm3Params":
        fn(Dom, Params, c_int, Str, c_int, c_uint, c_int) -> c_int;

    /// Newer than libvirt 9.0 (10.2); declared by `virt-sys`, so never linked.
    virDomainGraphicsReload = "virDomainGraphicsReload": fn(Dom, c_uint, c_uint) -> c_int;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_private_step_resolves_and_newer_ones_follow_the_library() {
        let mut version = 0;
        // SAFETY: plain out-parameter call.
        unsafe { sys::virGetVersion(&raw mut version, std::ptr::null(), std::ptr::null_mut()) };
        for name in DYNAMIC {
            let expected = *name != "virDomainGraphicsReload" || version >= 10_002_000;
            assert_eq!(has_function(name), expected, "{name}");
        }
        assert!(virDomainMigrateBegin3Params().is_some());
        assert_eq!(virDomainGraphicsReload().is_some(), version >= 10_002_000);
    }
}
