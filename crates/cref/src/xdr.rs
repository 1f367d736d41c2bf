//! libvirt's XDR routines for typed parameters (`xdr_remote_typed_param`, a private export
//! of `libvirt.so.0`) driven through a memory stream of libtirpc (`libtirpc.so.3`), exactly
//! as libvirt's RPC layer encodes `remote_typed_param<N>` arrays.
//!
//! ```
//! use virtkit_cref::{CParam, CValue};
//!
//! if let Some(lv) = virtkit_cref::libvirt() {
//!     if lv.xdr().is_some() {
//!         let params = [CParam::new("weight", CValue::UInt(500))];
//!         let bytes = lv.encode_typed_params(&params, 16).unwrap();
//!         assert_eq!(bytes.len(), 4 + 12 + 4 + 4);
//!         let (back, used) = lv.decode_typed_params(&bytes, 16).unwrap();
//!         assert_eq!((back, used), (params.to_vec(), bytes.len()));
//!     }
//! }
//! ```

use std::ffi::{CStr, CString, c_char, c_int, c_uint, c_void};
use std::sync::OnceLock;

use crate::Libvirt;

/// A typed parameter value as C holds it (`remote_typed_param_value`).
///
/// ```
/// let v = virtkit_cref::CValue::Boolean(1);
/// assert_eq!(v.code(), 6);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum CValue {
    /// `int i` (type 1).
    Int(i32),
    /// `u_int ui` (type 2).
    UInt(u32),
    /// `int64_t l` (type 3).
    LLong(i64),
    /// `uint64_t ul` (type 4).
    ULLong(u64),
    /// `double d` (type 5).
    Double(f64),
    /// `int b` (type 6).
    Boolean(i32),
    /// `char *s` (type 7), without the NUL.
    String(Vec<u8>),
}

impl CValue {
    /// The `VIR_TYPED_PARAM_*` type code.
    ///
    /// ```
    /// assert_eq!(virtkit_cref::CValue::String(Vec::new()).code(), 7);
    /// ```
    pub fn code(&self) -> i32 {
        match self {
            CValue::Int(_) => 1,
            CValue::UInt(_) => 2,
            CValue::LLong(_) => 3,
            CValue::ULLong(_) => 4,
            CValue::Double(_) => 5,
            CValue::Boolean(_) => 6,
            CValue::String(_) => 7,
        }
    }
}

/// A typed parameter as C holds it (`remote_typed_param`).
///
/// ```
/// let p = virtkit_cref::CParam::new("cap", virtkit_cref::CValue::UInt(50));
/// assert_eq!(p.field, b"cap");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CParam {
    /// The name, without the NUL.
    pub field: Vec<u8>,
    /// The value.
    pub value: CValue,
}

impl CParam {
    /// A parameter from a name and a value.
    ///
    /// ```
    /// let p = virtkit_cref::CParam::new("x", virtkit_cref::CValue::Int(-1));
    /// assert_eq!(p.value.code(), 1);
    /// ```
    pub fn new(field: &str, value: CValue) -> CParam {
        CParam { field: field.as_bytes().to_vec(), value }
    }

    /// virtkit's parameter list as C parameters, in order (for libvirt's own encoder).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_boolean("b", true)?;
    /// assert_eq!(virtkit_cref::CParam::list(&p), [virtkit_cref::CParam::new("b", virtkit_cref::CValue::Boolean(1))]);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn list(params: &virtkit_typedparams::TypedParams) -> Vec<CParam> {
        use virtkit_typedparams::TypedValue;
        params
            .iter()
            .map(|p| CParam {
                field: p.name().as_bytes().to_vec(),
                value: match p.value() {
                    TypedValue::Int(v) => CValue::Int(*v),
                    TypedValue::UInt(v) => CValue::UInt(*v),
                    TypedValue::LLong(v) => CValue::LLong(*v),
                    TypedValue::ULLong(v) => CValue::ULLong(*v),
                    TypedValue::Double(v) => CValue::Double(*v),
                    TypedValue::Boolean(v) => CValue::Boolean(i32::from(*v)),
                    TypedValue::String(s) => CValue::String(s.as_bytes().to_vec()),
                },
            })
            .collect()
    }
}

#[repr(C)]
#[derive(Clone, Copy)]
union RemoteValue {
    i: c_int,
    ui: c_uint,
    l: i64,
    ul: u64,
    d: f64,
    b: c_int,
    s: *mut c_char,
}

/// `struct remote_typed_param` (remote_protocol.h): `char *field; { int type; union } value`.
#[repr(C)]
#[derive(Clone, Copy)]
struct RemoteTypedParam {
    field: *mut c_char,
    ty: c_int,
    value: RemoteValue,
}

/// libtirpc's `struct xdr_ops` (rpc/xdr.h).
#[repr(C)]
struct XdrOps {
    getlong: *const c_void,
    putlong: *const c_void,
    getbytes: *const c_void,
    putbytes: *const c_void,
    getpostn: Option<unsafe extern "C" fn(*mut Xdr) -> c_uint>,
    setpostn: *const c_void,
    inline: *const c_void,
    destroy: Option<unsafe extern "C" fn(*mut Xdr)>,
    control: *const c_void,
}

/// libtirpc's `XDR` (rpc/xdr.h).
#[repr(C)]
struct Xdr {
    op: c_int,
    ops: *const XdrOps,
    public: *mut c_char,
    private: *mut c_void,
    base: *mut c_char,
    handy: c_uint,
}

const XDR_ENCODE: c_int = 0;
const XDR_DECODE: c_int = 1;
const XDR_FREE: c_int = 2;

type XdrProc = unsafe extern "C" fn(*mut Xdr, *mut c_void) -> c_int;
type XdrMemCreate = unsafe extern "C" fn(*mut Xdr, *mut c_char, c_uint, c_int);
type XdrArray =
    unsafe extern "C" fn(*mut Xdr, *mut *mut c_char, *mut c_uint, c_uint, c_uint, XdrProc) -> c_int;

/// libvirt's typed-parameter XDR routine and the libtirpc memory stream it runs on.
///
/// ```
/// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
///     let list = virtkit_cref::CParamList::new(&[]).unwrap();
///     let mut buf = Vec::new();
///     xdr.encode(&list, 16, &mut buf).unwrap();
///     assert_eq!(buf, [0, 0, 0, 0]);
/// }
/// ```
pub struct XdrTypedParams {
    mem_create: XdrMemCreate,
    array: XdrArray,
    param: XdrProc,
    _tirpc: libloading::Library,
}

// SAFETY: the function pointers are plain C functions without shared state between calls;
// the library handle is only kept alive.
unsafe impl Sync for XdrTypedParams {}
// SAFETY: as above.
unsafe impl Send for XdrTypedParams {}

static XDR: OnceLock<Option<XdrTypedParams>> = OnceLock::new();

/// C strings and the `remote_typed_param` array pointing into them, ready to encode.
///
/// ```
/// use virtkit_cref::{CParam, CParamList, CValue};
/// let list = CParamList::new(&[CParam::new("x", CValue::Int(1))]).unwrap();
/// assert_eq!(list.len(), 1);
/// assert!(CParamList::new(&[CParam::new("a\0b", CValue::Int(1))]).is_err());
/// ```
pub struct CParamList {
    items: Vec<RemoteTypedParam>,
    /// Upper bound of the encoded size, computed once so that encoding measures libvirt only.
    bound: usize,
    _strings: Vec<CString>,
}

impl CParamList {
    /// Builds the C array; fails if a name or string holds a NUL byte.
    ///
    /// ```
    /// let list = virtkit_cref::CParamList::new(&[]).unwrap();
    /// assert!(list.is_empty());
    /// ```
    pub fn new(params: &[CParam]) -> Result<CParamList, String> {
        let mut strings = Vec::new();
        let mut items = Vec::with_capacity(params.len());
        let mut keep = |bytes: &[u8]| -> Result<*mut c_char, String> {
            let c = CString::new(bytes).map_err(|e| e.to_string())?;
            let ptr = c.as_ptr().cast_mut();
            strings.push(c);
            Ok(ptr)
        };
        for p in params {
            let field = keep(&p.field)?;
            let value = match &p.value {
                CValue::Int(v) => RemoteValue { i: *v },
                CValue::UInt(v) => RemoteValue { ui: *v },
                CValue::LLong(v) => RemoteValue { l: *v },
                CValue::ULLong(v) => RemoteValue { ul: *v },
                CValue::Double(v) => RemoteValue { d: *v },
                CValue::Boolean(v) => RemoteValue { b: *v },
                CValue::String(s) => RemoteValue { s: keep(s)? },
            };
            items.push(RemoteTypedParam { field, ty: p.value.code(), value });
        }
        let mut list = CParamList { items, bound: 0, _strings: strings };
        list.bound = list.encoded_bound();
        Ok(list)
    }

    /// Number of parameters.
    ///
    /// ```
    /// assert_eq!(virtkit_cref::CParamList::new(&[]).unwrap().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(virtkit_cref::CParamList::new(&[]).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Upper bound of the encoded size.
    fn encoded_bound(&self) -> usize {
        let s = |p: *mut c_char| {
            // SAFETY: every pointer in `items` points into a live CString of `_strings`.
            let n = unsafe { CStr::from_ptr(p) }.to_bytes().len();
            4 + n.div_ceil(4) * 4
        };
        4 + self
            .items
            .iter()
            .map(|p| {
                // SAFETY: `ty` says which union member is set.
                s(p.field) + 4 + if p.ty == 7 { s(unsafe { p.value.s }) } else { 8 }
            })
            .sum::<usize>()
    }
}

/// An array decoded by libtirpc/libvirt (malloc'd), freed with `XDR_FREE` on drop.
///
/// ```
/// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
///     let d = xdr.decode(&[0, 0, 0, 0], 16).unwrap();
///     assert_eq!((d.len(), d.consumed()), (0, 4));
/// }
/// ```
pub struct CDecoded {
    ptr: *mut RemoteTypedParam,
    len: c_uint,
    max: c_uint,
    consumed: usize,
    fns: &'static XdrTypedParams,
}

impl CDecoded {
    /// Number of parameters.
    ///
    /// ```
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     assert_eq!(xdr.decode(&[0, 0, 0, 0], 1).unwrap().len(), 0);
    /// }
    /// ```
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    ///
    /// ```
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     assert!(xdr.decode(&[0, 0, 0, 0], 1).unwrap().is_empty());
    /// }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes of input the array used (`xdr_getpos`).
    ///
    /// ```
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     assert_eq!(xdr.decode(&[0, 0, 0, 0, 9], 1).unwrap().consumed(), 4);
    /// }
    /// ```
    pub fn consumed(&self) -> usize {
        self.consumed
    }

    /// Copies the parameters out.
    ///
    /// ```
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     assert!(xdr.decode(&[0, 0, 0, 0], 1).unwrap().to_params().is_empty());
    /// }
    /// ```
    pub fn to_params(&self) -> Vec<CParam> {
        let items: &[RemoteTypedParam] = if self.ptr.is_null() {
            &[]
        } else {
            // SAFETY: xdr_array allocated `len` decoded elements at `ptr`.
            unsafe { std::slice::from_raw_parts(self.ptr, self.len as usize) }
        };
        items
            .iter()
            .map(|p| {
                // SAFETY: decoded strings are NUL-terminated; `ty` selects the union member
                // (xdr_remote_typed_param_value only accepts codes 1..=7).
                unsafe {
                    let field = CStr::from_ptr(p.field).to_bytes().to_vec();
                    let value = match p.ty {
                        1 => CValue::Int(p.value.i),
                        2 => CValue::UInt(p.value.ui),
                        3 => CValue::LLong(p.value.l),
                        4 => CValue::ULLong(p.value.ul),
                        5 => CValue::Double(p.value.d),
                        6 => CValue::Boolean(p.value.b),
                        _ => CValue::String(CStr::from_ptr(p.value.s).to_bytes().to_vec()),
                    };
                    CParam { field, value }
                }
            })
            .collect()
    }
}

impl Drop for CDecoded {
    fn drop(&mut self) {
        self.fns.free(&mut self.ptr, &mut self.len, self.max);
    }
}

impl XdrTypedParams {
    fn load(lv: &Libvirt) -> Option<XdrTypedParams> {
        // SAFETY: loading libtirpc runs no constructors with observable effects.
        let tirpc = unsafe { libloading::Library::new("libtirpc.so.3") }.ok()?;
        // SAFETY: the signatures follow rpc/xdr.h of libtirpc and remote_protocol.h.
        unsafe {
            let mem_create = *tirpc.get::<XdrMemCreate>(b"xdrmem_create\0").ok()?;
            let array = *tirpc.get::<XdrArray>(b"xdr_array\0").ok()?;
            let param = lv.sym::<XdrProc>(b"xdr_remote_typed_param\0")?;
            Some(XdrTypedParams { mem_create, array, param, _tirpc: tirpc })
        }
    }

    /// Encodes `list` as `remote_typed_param<max>` into `buf` (cleared first), as libvirt's
    /// RPC layer does; fails when libvirt's routine does (more than `max` parameters).
    ///
    /// Lean for benchmarking: the size bound is computed when the list is built, and a reused
    /// `buf` is neither reallocated nor zeroed, so the call is libtirpc and libvirt only.
    ///
    /// ```
    /// use virtkit_cref::{CParam, CParamList, CValue};
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     let list = CParamList::new(&vec![CParam::new("a", CValue::Int(1)); 3]).unwrap();
    ///     assert!(xdr.encode(&list, 2, &mut Vec::new()).is_err());
    /// }
    /// ```
    pub fn encode(&self, list: &CParamList, max: u32, buf: &mut Vec<u8>) -> Result<(), String> {
        let cap = list.bound;
        buf.clear();
        buf.reserve(cap);
        let mut xdr = Xdr::zeroed();
        let mut ptr = list.items.as_ptr().cast_mut().cast::<c_char>();
        let mut len = list.items.len() as c_uint;
        // SAFETY: the stream writes at most `cap` bytes into `buf`'s spare capacity (reserved
        // above, at least `cap` bytes) and reports how many in `pos`, which are then the
        // initialized length; xdr_array only reads the `len` elements at `ptr` when encoding;
        // the element routine matches the struct.
        let ok = unsafe {
            (self.mem_create)(&raw mut xdr, buf.as_mut_ptr().cast(), cap as c_uint, XDR_ENCODE);
            let ok = (self.array)(
                &raw mut xdr,
                &raw mut ptr,
                &raw mut len,
                max,
                size_of::<RemoteTypedParam>() as c_uint,
                self.param,
            );
            let pos = xdr.pos().min(cap);
            xdr.destroy();
            buf.set_len(pos);
            ok
        };
        if ok == 0 {
            Err(String::from("xdr_array(xdr_remote_typed_param) failed to encode"))
        } else {
            Ok(())
        }
    }

    /// Decodes `remote_typed_param<max>` at the start of `bytes` with libvirt's routine.
    ///
    /// ```
    /// if let Some(xdr) = virtkit_cref::libvirt().and_then(|lv| lv.xdr()) {
    ///     assert!(xdr.decode(&[0, 0, 0, 5], 4).is_err());
    /// }
    /// ```
    pub fn decode(&'static self, bytes: &[u8], max: u32) -> Result<CDecoded, String> {
        let max = if max == 0 { c_uint::MAX } else { max };
        let mut xdr = Xdr::zeroed();
        let mut out = CDecoded { ptr: std::ptr::null_mut(), len: 0, max, consumed: 0, fns: self };
        let mut raw: *mut c_char = std::ptr::null_mut();
        // SAFETY: a decoding stream only reads from its buffer, so lending the shared bytes
        // as `*mut` is sound; xdr_array allocates the array itself (raw starts NULL).
        let ok = unsafe {
            (self.mem_create)(
                &raw mut xdr,
                bytes.as_ptr().cast_mut().cast(),
                bytes.len() as c_uint,
                XDR_DECODE,
            );
            let ok = (self.array)(
                &raw mut xdr,
                &raw mut raw,
                &raw mut out.len,
                max,
                size_of::<RemoteTypedParam>() as c_uint,
                self.param,
            );
            out.consumed = xdr.pos();
            xdr.destroy();
            ok
        };
        out.ptr = raw.cast();
        if ok == 0 {
            return Err(String::from("xdr_array(xdr_remote_typed_param) failed to decode"));
        }
        Ok(out)
    }

    fn free(&self, ptr: &mut *mut RemoteTypedParam, len: &mut c_uint, max: c_uint) {
        if ptr.is_null() {
            return;
        }
        let mut xdr = Xdr::zeroed();
        xdr.op = XDR_FREE;
        let mut raw: *mut c_char = ptr.cast();
        // SAFETY: XDR_FREE walks the `len` elements xdr_array allocated (zeroed beyond the
        // decoded ones) and frees their strings and the array; it never touches the stream.
        unsafe {
            (self.array)(
                &raw mut xdr,
                &raw mut raw,
                len,
                max,
                size_of::<RemoteTypedParam>() as c_uint,
                self.param,
            );
        }
        *ptr = std::ptr::null_mut();
    }
}

impl Xdr {
    fn zeroed() -> Xdr {
        Xdr {
            op: 0,
            ops: std::ptr::null(),
            public: std::ptr::null_mut(),
            private: std::ptr::null_mut(),
            base: std::ptr::null_mut(),
            handy: 0,
        }
    }

    /// `xdr_getpos`.
    ///
    /// # Safety
    /// The stream must have been set up by `xdrmem_create`.
    unsafe fn pos(&mut self) -> usize {
        // SAFETY: per the contract, `ops` is libtirpc's table for memory streams.
        unsafe { (*self.ops).getpostn.map_or(0, |f| f(self) as usize) }
    }

    /// `xdr_destroy`.
    ///
    /// # Safety
    /// The stream must have been set up by `xdrmem_create`.
    unsafe fn destroy(&mut self) {
        // SAFETY: per the contract.
        unsafe {
            if let Some(f) = (*self.ops).destroy {
                f(self);
            }
        }
    }
}

impl Libvirt {
    /// libvirt's typed-parameter XDR routines, or `None` when libtirpc or the private symbol
    /// is missing. Resolved once.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let _available = lv.xdr().is_some();
    /// }
    /// ```
    pub fn xdr(&self) -> Option<&'static XdrTypedParams> {
        XDR.get_or_init(|| XdrTypedParams::load(self)).as_ref()
    }

    /// Encodes parameters exactly as libvirt's RPC layer does (`remote_typed_param<max>`).
    ///
    /// ```
    /// use virtkit_cref::{CParam, CValue};
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let bytes = lv.encode_typed_params(&[CParam::new("b", CValue::Boolean(1))], 16).unwrap();
    ///     assert_eq!(bytes, [0, 0, 0, 1, 0, 0, 0, 1, b'b', 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 1]);
    /// }
    /// ```
    pub fn encode_typed_params(&self, params: &[CParam], max: u32) -> Result<Vec<u8>, String> {
        let xdr = self.xdr().ok_or("libtirpc or xdr_remote_typed_param is missing")?;
        let list = CParamList::new(params)?;
        let mut buf = Vec::new();
        xdr.encode(&list, max, &mut buf)?;
        Ok(buf)
    }

    /// Decodes parameters with libvirt's routine; returns them and the bytes used.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert!(lv.decode_typed_params(&[0, 0, 0, 1], 16).is_err());
    /// }
    /// ```
    pub fn decode_typed_params(
        &self,
        bytes: &[u8],
        max: u32,
    ) -> Result<(Vec<CParam>, usize), String> {
        let xdr = self.xdr().ok_or("libtirpc or xdr_remote_typed_param is missing")?;
        let decoded = xdr.decode(bytes, max)?;
        Ok((decoded.to_params(), decoded.consumed()))
    }
}
