//! Typed parameters between virtkit's [`TypedParams`] and C `virTypedParameter` arrays.
//!
//! * Into C: `CParams::new` builds an array whose strings libvirt may read; it is released
//!   with `virTypedParamsClear` semantics by its owner (Rust allocated the strings, Rust frees
//!   them).
//! * From C: `from_c` copies an array libvirt filled in; `take_c` also frees one libvirt
//!   allocated (`virTypedParamsFree`), `clear_c` clears one the caller allocated
//!   (`virTypedParamsClear`). A parameter of a type this library does not know, a name that is
//!   not NUL-terminated within its 80 bytes or a string that is not UTF-8 is an error (never a
//!   panic, never a silent skip).
//!
//! ```
//! use virtkit_typedparams::TypedParams;
//! let conn = virtkit_libvirt::open("test:///default")?;
//! let dom = conn.lookup_by_name("test")?;
//! let mut set = TypedParams::new();
//! set.add_uint("weight", 500)?;
//! dom.set_blkio_parameters(&set, 0)?;
//! assert_eq!(dom.blkio_parameters(0)?.get_uint("weight")?, Some(500));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::ffi::{CStr, CString, c_char, c_int};

use virt::sys;
use virtkit_api::{Error, ErrorCode, ErrorDomain};
use virtkit_typedparams::{TypedParam, TypedParams, TypedValue};

/// `VIR_TYPED_PARAM_FIELD_LENGTH`.
const FIELD_LENGTH: usize = 80;

/// A C array of typed parameters built from a [`TypedParams`], with the strings it points to.
pub(crate) struct CParams {
    params: Vec<sys::virTypedParameter>,
    _strings: Vec<CString>,
}

impl CParams {
    /// The C form of `list`. Names and strings were validated by [`TypedParams`] (no NUL, at
    /// most 79 bytes), so this cannot fail for a list built through its API; a NUL byte that
    /// got in anyway is `VIR_ERR_INVALID_ARG`.
    pub(crate) fn new(list: &TypedParams) -> Result<CParams, Error> {
        let mut params = Vec::with_capacity(list.len());
        let mut strings = Vec::new();
        for p in list.as_slice() {
            // SAFETY: virTypedParameter is plain old data; all-zero is a valid value.
            let mut c: sys::virTypedParameter = unsafe { std::mem::zeroed() };
            let name = p.name().as_bytes();
            if name.len() >= FIELD_LENGTH || name.contains(&0) {
                return Err(invalid(format!(
                    "parameter name '{}' too long or not C text",
                    p.name()
                )));
            }
            for (dst, src) in c.field.iter_mut().zip(name) {
                *dst = *src as c_char;
            }
            c.type_ = p.param_type() as c_int;
            match p.value() {
                TypedValue::Int(v) => c.value.i = *v,
                TypedValue::UInt(v) => c.value.ui = *v,
                TypedValue::LLong(v) => c.value.l = *v,
                TypedValue::ULLong(v) => c.value.ul = *v,
                TypedValue::Double(v) => c.value.d = *v,
                TypedValue::Boolean(v) => c.value.b = c_char::from(*v),
                TypedValue::String(s) => {
                    let s = CString::new(s.as_str()).map_err(|_| {
                        invalid(format!("string parameter '{}' holds a NUL byte", p.name()))
                    })?;
                    // The pointer stays valid: the CString's heap buffer does not move when
                    // the CString itself is moved into `strings`.
                    c.value.s = s.as_ptr().cast_mut();
                    strings.push(s);
                }
            }
            params.push(c);
        }
        Ok(CParams { params, _strings: strings })
    }

    /// The array for a `const virTypedParameter *` argument (NULL when empty, as callers of
    /// libvirt pass it).
    pub(crate) fn as_ptr(&mut self) -> sys::virTypedParameterPtr {
        if self.params.is_empty() { std::ptr::null_mut() } else { self.params.as_mut_ptr() }
    }

    /// The number of parameters, as `int nparams`.
    pub(crate) fn len(&self) -> c_int {
        self.params.len() as c_int
    }
}

fn invalid(msg: String) -> Error {
    Error::verbatim(ErrorCode::InvalidArg, ErrorDomain::None, msg)
}

/// Copies `n` parameters from `ptr` (NULL or `n == 0` is an empty list).
///
/// # Safety
/// `ptr` must point to `n` initialised parameters whose string values are NULL or valid C
/// strings.
pub(crate) unsafe fn from_c(
    ptr: *const sys::virTypedParameter,
    n: c_int,
) -> Result<TypedParams, Error> {
    let n = usize::try_from(n).unwrap_or(0);
    let mut out = TypedParams::with_capacity(n);
    if ptr.is_null() || n == 0 {
        return Ok(out);
    }
    // SAFETY: per the contract.
    let params = unsafe { std::slice::from_raw_parts(ptr, n) };
    for c in params {
        let bytes: Vec<u8> = c.field.iter().map(|&b| b as u8).collect();
        let end = bytes
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| internal("typed parameter name is not NUL-terminated".to_owned()))?;
        let name = std::str::from_utf8(&bytes[..end])
            .map_err(|_| internal("typed parameter name is not UTF-8".to_owned()))?;
        // SAFETY: the union member read is the one `type_` names.
        let value = unsafe {
            match c.type_ as u32 {
                sys::VIR_TYPED_PARAM_INT => TypedValue::Int(c.value.i),
                sys::VIR_TYPED_PARAM_UINT => TypedValue::UInt(c.value.ui),
                sys::VIR_TYPED_PARAM_LLONG => TypedValue::LLong(c.value.l),
                sys::VIR_TYPED_PARAM_ULLONG => TypedValue::ULLong(c.value.ul),
                sys::VIR_TYPED_PARAM_DOUBLE => TypedValue::Double(c.value.d),
                sys::VIR_TYPED_PARAM_BOOLEAN => TypedValue::Boolean(c.value.b != 0),
                sys::VIR_TYPED_PARAM_STRING => {
                    if c.value.s.is_null() {
                        TypedValue::from("")
                    } else {
                        let s = CStr::from_ptr(c.value.s).to_str().map_err(|_| {
                            internal(format!("string parameter '{name}' is not UTF-8"))
                        })?;
                        TypedValue::from(s)
                    }
                }
                other => {
                    return Err(internal(format!("unexpected type {other} for field {name}")));
                }
            }
        };
        out.push(TypedParam::new(name, value).map_err(Error::from)?);
    }
    Ok(out)
}

fn internal(msg: String) -> Error {
    Error::new(ErrorCode::InternalError, ErrorDomain::None, msg)
}

/// Copies and frees an array libvirt allocated (`virTypedParamsFree`).
///
/// # Safety
/// As [`from_c`], and the array must come from libvirt's allocator.
pub(crate) unsafe fn take_c(
    ptr: sys::virTypedParameterPtr,
    n: c_int,
) -> Result<TypedParams, Error> {
    // SAFETY: per the contract; freed whatever the copy's outcome.
    unsafe {
        let out = from_c(ptr, n);
        if !ptr.is_null() {
            sys::virTypedParamsFree(ptr, n);
        }
        out
    }
}

/// A caller-allocated array for the two-call getters: `n` zeroed parameters, cleared
/// (`virTypedParamsClear`: the strings libvirt put in are freed) when dropped.
pub(crate) struct OutParams(pub(crate) Vec<sys::virTypedParameter>);

impl OutParams {
    /// Room for `n` parameters (negative counts are none).
    pub(crate) fn new(n: c_int) -> OutParams {
        let n = usize::try_from(n).unwrap_or(0);
        // SAFETY: all-zero is a valid virTypedParameter.
        OutParams(vec![unsafe { std::mem::zeroed() }; n])
    }

    /// The array pointer (NULL when empty).
    pub(crate) fn as_mut_ptr(&mut self) -> sys::virTypedParameterPtr {
        if self.0.is_empty() { std::ptr::null_mut() } else { self.0.as_mut_ptr() }
    }

    /// The first `n` parameters, copied.
    pub(crate) fn read(&self, n: c_int) -> Result<TypedParams, Error> {
        let n = n.clamp(0, self.0.len() as c_int);
        // SAFETY: libvirt filled the first `n` entries; the rest are zero.
        unsafe { from_c(self.0.as_ptr(), n) }
    }
}

impl Drop for OutParams {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            // SAFETY: the entries are zeroed or filled by libvirt (strings from its
            // allocator), which is what virTypedParamsClear expects.
            unsafe { sys::virTypedParamsClear(self.0.as_mut_ptr(), self.0.len() as c_int) };
        }
    }
}

/// The two-call getter: `call(NULL, &mut n)` with `n = 0` asks for the count, then
/// `call(array, &mut n)` fills it.
pub(crate) fn two_call(
    mut call: impl FnMut(sys::virTypedParameterPtr, &mut c_int) -> c_int,
) -> Result<TypedParams, Error> {
    let mut n: c_int = 0;
    crate::error::check(call(std::ptr::null_mut(), &mut n))?;
    if n <= 0 {
        return Ok(TypedParams::new());
    }
    let mut out = OutParams::new(n);
    crate::error::check(call(out.as_mut_ptr(), &mut n))?;
    out.read(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_every_type() {
        let mut list = TypedParams::new();
        list.add_int("i", -1).unwrap();
        list.add_uint("u", 2).unwrap();
        list.add_llong("l", -3).unwrap();
        list.add_ullong("ul", 4).unwrap();
        list.add_double("d", 0.5).unwrap();
        list.add_boolean("b", true).unwrap();
        list.add_string("s", "text").unwrap();
        list.add_string("s", "again").unwrap();
        let mut c = CParams::new(&list).unwrap();
        assert_eq!(c.len(), 8);
        // SAFETY: the array is valid while `c` lives.
        let back = unsafe { from_c(c.as_ptr(), c.len()) }.unwrap();
        assert_eq!(back, list);
    }

    #[test]
    fn an_unknown_type_is_an_error_not_a_panic() {
        // SAFETY: zeroed is valid.
        let mut c: sys::virTypedParameter = unsafe { std::mem::zeroed() };
        c.field[0] = b'x' as c_char;
        c.type_ = 99;
        // SAFETY: one valid parameter.
        let e = unsafe { from_c(&raw const c, 1) }.unwrap_err();
        assert_eq!(e.message(), "internal error: unexpected type 99 for field x");
        c.type_ = 1;
        c.field = [b'y' as c_char; FIELD_LENGTH];
        // SAFETY: as above.
        assert!(unsafe { from_c(&raw const c, 1) }.is_err());
    }
}
