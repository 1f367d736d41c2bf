//! libvirt's own C implementation, loaded at run time, as the reference that virtkit's
//! differential tests and benches compare against.
//!
//! The system `libvirt.so.0` exports its internal helpers (`virBitmapParse`,
//! `xdr_remote_typed_param`, `virDomainDefParseString`, ...) as private symbols with a version
//! tag (`LIBVIRT_PRIVATE_9.0.0`). Nothing here links against libvirt: the library is opened
//! with `dlopen` on first use, so every crate builds and tests on a machine without libvirt.
//! When libvirt is missing, [`libvirt()`] returns `None` and callers skip their comparison,
//! unless the environment variable `VIRTKIT_REQUIRE_LIBVIRT=1` is set (as `cargo xtask ci`
//! does), in which case [`libvirt_or_skip`] panics so that a missing reference cannot pass
//! silently.
//!
//! This crate is for tests and benches only (`publish = false`).
//!
//! ```
//! if let Some(lv) = virtkit_cref::libvirt() {
//!     let map = lv.bitmap_parse("0-3,^1", 16).unwrap();
//!     assert_eq!(lv.bitmap_format(&map), "0,2-3");
//! }
//! ```

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::sync::OnceLock;

mod bitmap;
mod domxml;
mod rng;
mod xdr;

pub use bitmap::CBitmap;
pub use domxml::CDomainDef;
pub use rng::Rng;
pub use xdr::{CDecoded, CParam, CParamList, CValue, XdrTypedParams};

/// Environment variable naming another path for `libvirt.so.0`.
pub const LIBVIRT_PATH_ENV: &str = "VIRTKIT_LIBVIRT_SO";
/// Environment variable that turns a missing libvirt into a test failure.
pub const REQUIRE_ENV: &str = "VIRTKIT_REQUIRE_LIBVIRT";

/// The loaded system libvirt.
///
/// Obtained through [`libvirt()`]; lives for the whole process.
///
/// ```
/// if let Some(lv) = virtkit_cref::libvirt() {
///     assert!(lv.version() >= 6_000_000);
/// }
/// ```
pub struct Libvirt {
    lib: libloading::Library,
    version: u64,
    bitmap: Option<bitmap::BitmapFns>,
}

type ErrorFunc = unsafe extern "C" fn(*mut c_void, *mut c_void);

unsafe extern "C" fn silent_error_handler(_user: *mut c_void, _err: *mut c_void) {}

unsafe extern "C" {
    // `free` from the C library that libvirt's (glib's) allocator also uses.
    fn free(ptr: *mut c_void);
}

static LIBVIRT: OnceLock<Option<Libvirt>> = OnceLock::new();

/// The system libvirt, loaded and initialised on first call, or `None` when it is not installed.
///
/// ```
/// let available = virtkit_cref::libvirt().is_some();
/// # let _ = available;
/// ```
pub fn libvirt() -> Option<&'static Libvirt> {
    LIBVIRT.get_or_init(Libvirt::load).as_ref()
}

/// Like [`libvirt()`], but panics when `VIRTKIT_REQUIRE_LIBVIRT=1` is set and libvirt is missing.
///
/// Differential tests call this so that CI, which installs libvirt, cannot skip them silently;
/// on a developer machine without libvirt they print why they skip.
///
/// ```
/// if let Some(lv) = virtkit_cref::libvirt_or_skip("doc example") {
///     let _ = lv.version();
/// }
/// ```
pub fn libvirt_or_skip(what: &str) -> Option<&'static Libvirt> {
    let lv = libvirt();
    if lv.is_none() {
        assert!(
            std::env::var(REQUIRE_ENV).as_deref() != Ok("1"),
            "{what}: libvirt.so.0 is required ({REQUIRE_ENV}=1) but could not be loaded"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{what}: skipped, libvirt.so.0 is not installed");
        }
    }
    lv
}

impl Libvirt {
    fn load() -> Option<Libvirt> {
        let path = std::env::var(LIBVIRT_PATH_ENV).unwrap_or_else(|_| "libvirt.so.0".to_owned());
        // SAFETY: loading libvirt runs its ELF constructors, which only initialise libvirt's
        // own globals; we load it once per process.
        let lib = unsafe { libloading::Library::new(&path) }.ok()?;
        let mut lv = Libvirt { lib, version: 0, bitmap: None };
        // SAFETY: the signatures match libvirt's public headers (libvirt.h).
        unsafe {
            let init: unsafe extern "C" fn() -> c_int = lv.sym(b"virInitialize\0")?;
            if init() < 0 {
                return None;
            }
            let set_err: unsafe extern "C" fn(*mut c_void, Option<ErrorFunc>) =
                lv.sym(b"virSetErrorFunc\0")?;
            set_err(std::ptr::null_mut(), Some(silent_error_handler));
            let get_version: unsafe extern "C" fn(*mut u64, *const c_char, *mut u64) -> c_int =
                lv.sym(b"virGetVersion\0")?;
            let mut v = 0u64;
            if get_version(&raw mut v, std::ptr::null(), std::ptr::null_mut()) == 0 {
                lv.version = v;
            }
        }
        lv.bitmap = bitmap::BitmapFns::resolve(&lv);
        Some(lv)
    }

    /// libvirt's version as `major * 1_000_000 + minor * 1000 + micro` (9.0.0 is 9000000).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     println!("libvirt {}", lv.version());
    /// }
    /// ```
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Resolves a symbol (NUL-terminated name) as a function pointer of type `T`.
    ///
    /// # Safety
    /// `T` must be the exact C signature of the symbol.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     // SAFETY: virInitialize takes no arguments and returns int.
    ///     let f: Option<unsafe extern "C" fn() -> i32> = unsafe { lv.sym(b"virInitialize\0") };
    ///     assert!(f.is_some());
    /// }
    /// ```
    pub unsafe fn sym<T: Copy>(&self, name: &[u8]) -> Option<T> {
        // SAFETY: the caller guarantees that `T` matches the symbol's type.
        unsafe { self.lib.get::<T>(name).ok().map(|s| *s) }
    }

    /// The message of libvirt's last error in this thread, if any (`virGetLastErrorMessage`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     // The wrappers take the message themselves and reset the error afterwards.
    ///     let msg = lv.bitmap_parse("x", 8).unwrap_err();
    ///     assert_eq!(msg, "invalid argument: Failed to parse bitmap 'x'");
    ///     assert_eq!(lv.last_error_message(), None);
    /// }
    /// ```
    pub fn last_error_message(&self) -> Option<String> {
        // SAFETY: virGetLastError returns NULL or a pointer to a thread-local virError whose
        // third field (after code and domain) is `char *message`.
        unsafe {
            let get: unsafe extern "C" fn() -> *const VirErrorHead =
                self.sym(b"virGetLastError\0")?;
            let err = get();
            if err.is_null() || (*err).message.is_null() {
                return None;
            }
            Some(CStr::from_ptr((*err).message).to_string_lossy().into_owned())
        }
    }

    /// Clears libvirt's last error in this thread (`virResetLastError`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     lv.reset_last_error();
    ///     assert!(lv.last_error_message().is_none());
    /// }
    /// ```
    pub fn reset_last_error(&self) {
        // SAFETY: virResetLastError takes no arguments.
        unsafe {
            if let Some(reset) = self.sym::<unsafe extern "C" fn()>(b"virResetLastError\0") {
                reset();
            }
        }
    }

    /// Takes ownership of a C string that libvirt allocated, copying it out and freeing it.
    ///
    /// # Safety
    /// `ptr` must be NULL or a NUL-terminated string allocated with libvirt's allocator.
    unsafe fn take_string(ptr: *mut c_char) -> Option<String> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: per the contract above.
        unsafe {
            let s = CStr::from_ptr(ptr).to_string_lossy().into_owned();
            free(ptr.cast());
            Some(s)
        }
    }
}

/// The leading fields of libvirt's `virError` (libvirt-common.h): `int code; int domain;
/// char *message; ...`.
#[repr(C)]
struct VirErrorHead {
    code: c_int,
    domain: c_int,
    message: *const c_char,
}

/// Converts `s` to a C string, or `None` if it holds a NUL byte (which C cannot see past).
fn c_string(s: &str) -> Option<CString> {
    CString::new(s).ok()
}
