//! [`LibvirtDriver`]: a libvirt connection (`virConnectPtr`, held by a `virt` connection)
//! behind virtkit's [`Driver`](virtkit_api::Driver) seam, and the translation between
//! virtkit's handles and libvirt's.
//!
//! A virtkit [`Domain`] is an identity (name, UUID, id), as a `virDomainPtr` is; the driver
//! turns it into libvirt's handle with `virGetDomain`, exactly as libvirt's daemon does for a
//! domain received over RPC, and keeps the handles it made or received in a small cache keyed
//! by UUID, so a call costs what the same call through `virt` costs.
//!
//! ```
//! let (conn, driver) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
//! assert_eq!(driver.uri(), "test:///default");
//! assert_eq!(conn.lookup_by_name("test")?.id(), 1);
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_int, c_uint, c_void};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::AtomicU8;
use std::sync::{Arc, Mutex, PoisonError};

use virt::sys;
use virtkit_api::types::Uuid;
use virtkit_api::{Connect, Domain, Error, ErrorCode, ErrorDomain, Result, Stream};

use crate::error::{VirtResult, check_ptr, init, last_error};
use crate::events::Events;
use crate::sym;

/// How many domain handles the cache keeps before it starts afresh (a bound on memory for
/// hosts that create and destroy many transient domains).
const CACHE_MAX: usize = 1024;

/// A credential request of an authentication callback (`virConnectCredential`): its type
/// (`VIR_CRED_*`), prompt and default; the callback answers with the value or `None`.
///
/// ```
/// use virtkit_libvirt::Credential;
/// let c = Credential { kind: 2, prompt: "user".into(), challenge: None, default: None };
/// assert_eq!(c.kind, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential {
    /// `virConnectCredentialType` (`VIR_CRED_AUTHNAME` = 2, `VIR_CRED_PASSPHRASE` = 5, ...).
    pub kind: i32,
    /// The prompt to show.
    pub prompt: String,
    /// Additional challenge information, if any.
    pub challenge: Option<String>,
    /// The default answer, if any.
    pub default: Option<String>,
}

/// An authentication callback for [`LibvirtDriver::open_auth`]: one answer per request
/// (`None` leaves the credential unanswered); an `Err` fails the authentication.
///
/// ```
/// let mut cb = |creds: &[virtkit_libvirt::Credential]| -> Result<Vec<Option<String>>, ()> {
///     Ok(creds.iter().map(|c| (c.kind == 2).then(|| "admin".to_owned())).collect())
/// };
/// let auth: virtkit_libvirt::AuthCallback<'_> = &mut cb;
/// # let _ = auth;
/// ```
pub type AuthCallback<'a> =
    &'a mut dyn FnMut(&[Credential]) -> core::result::Result<Vec<Option<String>>, ()>;

/// A driver over one libvirt connection. Create it with [`LibvirtDriver::open`],
/// [`open_auth`](LibvirtDriver::open_auth) or through the registry
/// ([`register`](crate::register) and [`Connect::open`]). See the [module documentation](self)
/// for an example.
pub struct LibvirtDriver {
    conn: virt::connect::Connect,
    uri: String,
    read_only: bool,
    domains: Mutex<HashMap<[u8; 16], CachedDomain, BuildHasherDefault<UuidHasher>>>,
    /// `virConnectSupportsFeature` answers, by feature number: 0 not asked yet, 1 no, 2 yes.
    /// A connection's features do not change, and the public entry points probe them on
    /// every typed-parameter call (as libvirt's do).
    pub(crate) features: [AtomicU8; 32],
    pub(crate) events: Events,
    streams: Mutex<HashMap<u64, virt::stream::Stream>>,
}

/// Hashes a UUID key by folding its bytes (UUIDs are already uniformly spread; SipHash's
/// protection against chosen keys buys nothing for keys libvirt hands out).
#[derive(Default)]
pub(crate) struct UuidHasher(u64);

impl Hasher for UuidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

struct CachedDomain {
    name: String,
    id: i32,
    // Shared rather than cloned with `virDomainRef`: a reference count in Rust costs an atomic
    // add, libvirt's public Ref/Free pair costs two API calls with their bookkeeping.
    handle: Arc<virt::domain::Domain>,
}

impl std::fmt::Debug for LibvirtDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LibvirtDriver")
            .field("uri", &self.uri)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

fn check_uri(uri: &str) -> Result<CString> {
    CString::new(uri).map_err(|_| {
        Error::verbatim(ErrorCode::InvalidArg, ErrorDomain::None, "URI holds a NUL byte")
    })
}

impl LibvirtDriver {
    fn wrap(conn: sys::virConnectPtr, uri: &str, read_only: bool) -> Arc<LibvirtDriver> {
        Arc::new(LibvirtDriver {
            // SAFETY: `conn` is a new reference that the wrapper now owns.
            conn: unsafe { virt::connect::Connect::from_ptr(conn) },
            uri: uri.to_owned(),
            read_only,
            domains: Mutex::default(),
            features: std::array::from_fn(|_| AtomicU8::new(0)),
            events: Events::default(),
            streams: Mutex::default(),
        })
    }

    /// Opens `uri` (`virConnectOpen`, or `virConnectOpenReadOnly` when `read_only`), and
    /// returns the virtkit connection over it together with the driver. The empty URI is
    /// libvirt's default URI.
    ///
    /// ```
    /// let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", true)?;
    /// assert!(conn.is_read_only() && drv.is_read_only());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn open(uri: &str, read_only: bool) -> Result<(Connect, Arc<LibvirtDriver>)> {
        let drv = LibvirtDriver::open_driver(uri, read_only)?;
        Ok((Connect::with_driver(drv.clone(), uri, read_only), drv))
    }

    /// The driver alone, for a [`DriverFactory`](virtkit_api::DriverFactory).
    pub(crate) fn open_driver(uri: &str, read_only: bool) -> Result<Arc<LibvirtDriver>> {
        init();
        crate::event_loop::ensure();
        let curi = check_uri(uri)?;
        let name = if uri.is_empty() { std::ptr::null() } else { curi.as_ptr() };
        // SAFETY: `name` is NULL or a valid C string for the duration of the call.
        let conn = check_ptr(unsafe {
            if read_only { sys::virConnectOpenReadOnly(name) } else { sys::virConnectOpen(name) }
        })?;
        Ok(LibvirtDriver::wrap(conn, uri, read_only))
    }

    /// Opens `uri` with an authentication callback (`virConnectOpenAuth`) asked for the
    /// credential types in `creds`; `flags` is a `virConnectFlags` mask
    /// (`VIR_CONNECT_RO` = 1 opens read-only).
    ///
    /// ```
    /// let mut asked = 0;
    /// let (conn, _) = virtkit_libvirt::LibvirtDriver::open_auth(
    ///     "test:///default", &[2, 5], 0, &mut |creds| { asked += creds.len(); Ok(vec![]) })?;
    /// assert_eq!(conn.lookup_by_name("test")?.name(), "test");
    /// assert_eq!(asked, 0); // the test driver needs no credentials
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn open_auth(
        uri: &str,
        creds: &[i32],
        flags: u32,
        callback: AuthCallback<'_>,
    ) -> Result<(Connect, Arc<LibvirtDriver>)> {
        init();
        crate::event_loop::ensure();
        let curi = check_uri(uri)?;
        let name = if uri.is_empty() { std::ptr::null() } else { curi.as_ptr() };
        let mut credtypes: Vec<c_int> = creds.to_vec();
        let mut cb: AuthCallback<'_> = callback;
        let mut auth = sys::virConnectAuth {
            credtype: credtypes.as_mut_ptr(),
            ncredtype: credtypes.len() as c_uint,
            cb: Some(auth_trampoline),
            cbdata: (&raw mut cb).cast::<c_void>(),
        };
        // SAFETY: `auth` and everything it points to outlive the call; the trampoline reads
        // `cbdata` as the `AuthCallback` it is.
        let conn = check_ptr(unsafe { sys::virConnectOpenAuth(name, &raw mut auth, flags) })?;
        let read_only = flags & sys::VIR_CONNECT_RO != 0;
        let drv = LibvirtDriver::wrap(conn, uri, read_only);
        Ok((Connect::with_driver(drv.clone(), uri, read_only), drv))
    }

    /// The URI this driver was opened with.
    ///
    /// ```
    /// let (_, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// assert_eq!(drv.uri(), "test:///default");
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// Whether the connection is read-only.
    ///
    /// ```
    /// let (_, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// assert!(!drv.is_read_only());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The `virt` connection underneath (for what virtkit's API does not cover: networks,
    /// storage, node information, ...).
    ///
    /// ```
    /// let (_, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// assert_eq!(drv.virt().hostname().is_ok(), true);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn virt(&self) -> &virt::connect::Connect {
        &self.conn
    }

    /// The raw `virConnectPtr` (borrowed: valid while the driver lives).
    pub(crate) fn conn_ptr(&self) -> sys::virConnectPtr {
        // SAFETY: the pointer is only used while `self` holds its reference.
        unsafe { self.conn.as_ptr() }
    }

    /// libvirt's handle for `dom`: the cached one when the identity matches, else a new one
    /// made from the identity (`virGetDomain`), else looked up by UUID.
    ///
    /// ```
    /// let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// let dom = conn.lookup_by_name("test")?;
    /// assert_eq!(drv.virt_domain(&dom)?.name().unwrap(), "test");
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn virt_domain(&self, dom: &Domain) -> Result<Arc<virt::domain::Domain>> {
        let key = *dom.uuid().as_bytes();
        {
            let cache = self.domains.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(c) = cache.get(&key)
                && c.id == dom.id()
                && c.name == dom.name()
            {
                return Ok(c.handle.clone());
            }
        }
        let handle = Arc::new(self.make_domain(dom)?);
        self.remember(key, dom.name(), dom.id(), &handle);
        Ok(handle)
    }

    fn make_domain(&self, dom: &Domain) -> Result<virt::domain::Domain> {
        if let Some(get) = sym::virGetDomain() {
            let name = CString::new(dom.name()).map_err(|_| {
                Error::verbatim(
                    ErrorCode::InvalidArg,
                    ErrorDomain::None,
                    "domain name holds a NUL byte",
                )
            })?;
            // SAFETY: virGetDomain copies the name and UUID and returns a new reference.
            let ptr = check_ptr(unsafe {
                get(self.conn_ptr(), name.as_ptr(), dom.uuid().as_bytes().as_ptr(), dom.id())
            })?;
            // SAFETY: a new reference, now owned by the wrapper.
            return Ok(unsafe { virt::domain::Domain::from_ptr(ptr) });
        }
        // SAFETY: the UUID buffer is 16 bytes, as VIR_UUID_BUFLEN requires.
        let ptr = check_ptr(unsafe {
            sys::virDomainLookupByUUID(self.conn_ptr(), dom.uuid().as_bytes().as_ptr())
        })?;
        // SAFETY: a new reference, now owned by the wrapper.
        Ok(unsafe { virt::domain::Domain::from_ptr(ptr) })
    }

    fn remember(&self, key: [u8; 16], name: &str, id: i32, handle: &Arc<virt::domain::Domain>) {
        let mut cache = self.domains.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.len() >= CACHE_MAX && !cache.contains_key(&key) {
            cache.clear();
        }
        cache.insert(key, CachedDomain { name: name.to_owned(), id, handle: handle.clone() });
    }

    /// A virtkit domain on `conn` for libvirt's handle `ptr`, which this call takes over (one
    /// reference). NULL is libvirt's recorded error.
    pub(crate) fn adopt(&self, conn: &Connect, ptr: sys::virDomainPtr) -> Result<Domain> {
        let ptr = check_ptr(ptr)?;
        // SAFETY: a reference we own, now held by the wrapper.
        let handle = Arc::new(unsafe { virt::domain::Domain::from_ptr(ptr) });
        Ok(self.domain_of(conn, &handle))
    }

    /// A virtkit domain on `conn` for a `virt` handle (the cache keeps it).
    pub(crate) fn domain_of(&self, conn: &Connect, handle: &Arc<virt::domain::Domain>) -> Domain {
        // SAFETY: the handle is valid; name and UUID are read from the object itself.
        let (name, uuid, id) = unsafe {
            let p = handle.as_ptr();
            let name = sys::virDomainGetName(p);
            let name = if name.is_null() {
                String::new()
            } else {
                CStr::from_ptr(name).to_string_lossy().into_owned()
            };
            let mut uuid = [0u8; 16];
            sys::virDomainGetUUID(p, uuid.as_mut_ptr());
            (name, uuid, sys::virDomainGetID(p) as i32)
        };
        self.remember(uuid, &name, id, handle);
        Domain::new(conn, &name, Uuid(uuid), id)
    }

    /// The libvirt stream for a virtkit stream of this connection, created
    /// (`virStreamNew` with the stream's flags) the first time it is used.
    ///
    /// ```
    /// let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// let st = virtkit_api::Stream::new(&conn, 0);
    /// let a = drv.virt_stream(&st)?;
    /// drv.release_stream(&st);
    /// # drop(a);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn virt_stream(&self, st: &Stream) -> Result<virt::stream::Stream> {
        let mut streams = self.streams.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = streams.get(&st.id()) {
            return Ok(s.clone());
        }
        let s = virt::stream::Stream::new(&self.conn, st.flags()).lv()?;
        streams.insert(st.id(), s.clone());
        Ok(s)
    }

    /// Forgets the libvirt stream of `st` (the libvirt object goes when its last handle does).
    ///
    /// See [`virt_stream`](LibvirtDriver::virt_stream) for an example.
    pub fn release_stream(&self, st: &Stream) {
        self.streams.lock().unwrap_or_else(PoisonError::into_inner).remove(&st.id());
    }
}

unsafe extern "C" fn auth_trampoline(
    cred: sys::virConnectCredentialPtr,
    ncred: c_uint,
    cbdata: *mut c_void,
) -> c_int {
    // SAFETY: libvirt passes `ncred` valid credentials and our `cbdata`, a pointer to the
    // `AuthCallback` living on `open_auth`'s stack for the whole call.
    unsafe {
        let cb = &mut *cbdata.cast::<AuthCallback<'_>>();
        let creds = std::slice::from_raw_parts_mut(cred, ncred as usize);
        let opt = |p: *const c_char| {
            if p.is_null() { None } else { Some(CStr::from_ptr(p).to_string_lossy().into_owned()) }
        };
        let asked: Vec<Credential> = creds
            .iter()
            .map(|c| Credential {
                kind: c.type_,
                prompt: opt(c.prompt).unwrap_or_default(),
                challenge: opt(c.challenge),
                default: opt(c.defresult),
            })
            .collect();
        let Ok(answers) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cb(&asked)))
        else {
            return -1;
        };
        let Ok(answers) = answers else { return -1 };
        for (c, answer) in creds.iter_mut().zip(answers) {
            if let Some(a) = answer {
                let bytes = a.as_bytes();
                // libvirt frees `result` with its allocator (g_free, i.e. free).
                let buf = libc::malloc(bytes.len() + 1).cast::<u8>();
                if buf.is_null() {
                    return -1;
                }
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len());
                *buf.add(bytes.len()) = 0;
                c.result = buf.cast::<c_char>();
                c.resultlen = bytes.len() as c_uint;
            }
        }
        0
    }
}

/// Copies a C string libvirt allocated and frees it; NULL is libvirt's recorded error.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string from libvirt's allocator.
pub(crate) unsafe fn take_string(p: *mut c_char) -> Result<String> {
    if p.is_null() {
        return Err(last_error());
    }
    // SAFETY: per the contract.
    unsafe {
        let s = CStr::from_ptr(p).to_string_lossy().into_owned();
        libc::free(p.cast());
        Ok(s)
    }
}

/// Copies a C string libvirt allocated and frees it; NULL is `None`.
///
/// # Safety
/// As [`take_string`].
pub(crate) unsafe fn take_opt_string(p: *mut c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    unsafe { take_string(p).ok() }
}

/// Copies a cookie (`char *` + length) libvirt allocated and frees it.
///
/// # Safety
/// `p` must be NULL or point to `len` bytes from libvirt's allocator.
pub(crate) unsafe fn take_bytes(p: *mut c_char, len: c_int) -> Vec<u8> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: per the contract.
    unsafe {
        let v =
            std::slice::from_raw_parts(p.cast::<u8>(), usize::try_from(len).unwrap_or(0)).to_vec();
        libc::free(p.cast());
        v
    }
}

/// A C string for an argument; a NUL byte inside is `VIR_ERR_INVALID_ARG`.
pub(crate) fn cstr(s: &str) -> Result<CString> {
    CString::new(s).map_err(|_| {
        Error::verbatim(
            ErrorCode::InvalidArg,
            ErrorDomain::None,
            format!("argument '{}' holds a NUL byte", s.escape_debug()),
        )
    })
}

/// [`cstr`] for an optional argument.
pub(crate) fn ocstr(s: Option<&str>) -> Result<Option<CString>> {
    s.map(cstr).transpose()
}

/// The pointer of an optional C string (NULL for none).
#[allow(clippy::ref_option)] // called as `optr(&arg)` on the `Option<CString>` kept alive
pub(crate) fn optr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}
