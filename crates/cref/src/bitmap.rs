//! libvirt's `virBitmap` (src/util/virbitmap.c): parse, format, byte data, hex strings and
//! set operations, called through the private exports of `libvirt.so.0`.

use std::ffi::{c_char, c_int, c_void};

use crate::{Libvirt, c_string};

/// Opaque `virBitmap`.
#[repr(C)]
pub(crate) struct VirBitmap {
    _private: [u8; 0],
}

/// Function pointers of the bitmap API, resolved once.
#[derive(Clone, Copy)]
pub(crate) struct BitmapFns {
    parse: unsafe extern "C" fn(*const c_char, *mut *mut VirBitmap, usize) -> c_int,
    parse_unlimited: unsafe extern "C" fn(*const c_char) -> *mut VirBitmap,
    format: unsafe extern "C" fn(*mut VirBitmap) -> *mut c_char,
    free: unsafe extern "C" fn(*mut VirBitmap),
    new: unsafe extern "C" fn(usize) -> *mut VirBitmap,
    new_data: unsafe extern "C" fn(*const c_void, c_int) -> *mut VirBitmap,
    to_data: unsafe extern "C" fn(*mut VirBitmap, *mut *mut u8, *mut c_int) -> c_int,
    to_string: unsafe extern "C" fn(*mut VirBitmap) -> *mut c_char,
    new_string: unsafe extern "C" fn(*const c_char) -> *mut VirBitmap,
    size: unsafe extern "C" fn(*mut VirBitmap) -> usize,
    count: unsafe extern "C" fn(*mut VirBitmap) -> usize,
    // `void` in libvirt 9.0 (it aborts on allocation failure).
    set_bit: unsafe extern "C" fn(*mut VirBitmap, usize),
    // `void` since libvirt 7.x (older versions returned an int, ignored here).
    union: unsafe extern "C" fn(*mut VirBitmap, *const VirBitmap),
    intersect: unsafe extern "C" fn(*mut VirBitmap, *const VirBitmap),
    subtract: unsafe extern "C" fn(*mut VirBitmap, *const VirBitmap),
    new_copy: unsafe extern "C" fn(*mut VirBitmap) -> *mut VirBitmap,
}

impl BitmapFns {
    pub(crate) fn resolve(lv: &Libvirt) -> Option<BitmapFns> {
        // SAFETY: the signatures follow src/util/virbitmap.h of libvirt >= 7.
        unsafe {
            Some(BitmapFns {
                parse: lv.sym(b"virBitmapParse\0")?,
                parse_unlimited: lv.sym(b"virBitmapParseUnlimited\0")?,
                format: lv.sym(b"virBitmapFormat\0")?,
                free: lv.sym(b"virBitmapFree\0")?,
                new: lv.sym(b"virBitmapNew\0")?,
                new_data: lv.sym(b"virBitmapNewData\0")?,
                to_data: lv.sym(b"virBitmapToData\0")?,
                to_string: lv.sym(b"virBitmapToString\0")?,
                new_string: lv.sym(b"virBitmapNewString\0")?,
                size: lv.sym(b"virBitmapSize\0")?,
                count: lv.sym(b"virBitmapCountBits\0")?,
                set_bit: lv.sym(b"virBitmapSetBitExpand\0")?,
                union: lv.sym(b"virBitmapUnion\0")?,
                intersect: lv.sym(b"virBitmapIntersect\0")?,
                subtract: lv.sym(b"virBitmapSubtract\0")?,
                new_copy: lv.sym(b"virBitmapNewCopy\0")?,
            })
        }
    }
}

/// An owned libvirt `virBitmap`, freed on drop.
///
/// ```
/// if let Some(lv) = virtkit_cref::libvirt() {
///     let map = lv.bitmap_parse("0-3,^1", 8).unwrap();
///     assert_eq!(lv.bitmap_format(&map), "0,2-3");
/// }
/// ```
pub struct CBitmap {
    ptr: *mut VirBitmap,
    fns: BitmapFns,
}

impl std::fmt::Debug for CBitmap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CBitmap").field("size", &self.size()).field("count", &self.count()).finish()
    }
}

impl Drop for CBitmap {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from libvirt and is freed exactly once.
        unsafe { (self.fns.free)(self.ptr) }
    }
}

impl Clone for CBitmap {
    fn clone(&self) -> CBitmap {
        // SAFETY: `ptr` is a live bitmap.
        let ptr = unsafe { (self.fns.new_copy)(self.ptr) };
        assert!(!ptr.is_null(), "virBitmapNewCopy failed");
        CBitmap { ptr, fns: self.fns }
    }
}

impl CBitmap {
    fn wrap(ptr: *mut VirBitmap, fns: BitmapFns) -> Result<CBitmap, String> {
        if ptr.is_null() {
            Err(String::from("libvirt returned NULL"))
        } else {
            Ok(CBitmap { ptr, fns })
        }
    }

    /// Number of bits the bitmap holds (`virBitmapSize`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert_eq!(lv.bitmap_parse("1", 40).unwrap().size(), 40);
    /// }
    /// ```
    pub fn size(&self) -> usize {
        // SAFETY: `ptr` is a live bitmap.
        unsafe { (self.fns.size)(self.ptr) }
    }

    /// Number of set bits (`virBitmapCountBits`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert_eq!(lv.bitmap_parse("0-3,^1", 8).unwrap().count(), 3);
    /// }
    /// ```
    pub fn count(&self) -> usize {
        // SAFETY: `ptr` is a live bitmap.
        unsafe { (self.fns.count)(self.ptr) }
    }

    /// Sets one bit, growing the map when needed (`virBitmapSetBitExpand`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let mut map = lv.bitmap_new(0);
    ///     map.set(70);
    ///     assert_eq!(lv.bitmap_format(&map), "70");
    /// }
    /// ```
    pub fn set(&mut self, bit: usize) {
        // SAFETY: `ptr` is a live bitmap.
        unsafe { (self.fns.set_bit)(self.ptr, bit) }
    }

    /// `self |= other` (`virBitmapUnion`, which grows `self` as needed).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let mut a = lv.bitmap_parse("0-1", 8).unwrap();
    ///     a.union_with(&lv.bitmap_parse("5", 8).unwrap());
    ///     assert_eq!(lv.bitmap_format(&a), "0-1,5");
    /// }
    /// ```
    pub fn union_with(&mut self, other: &CBitmap) {
        // SAFETY: both pointers are live bitmaps.
        unsafe { (self.fns.union)(self.ptr, other.ptr) }
    }

    /// `self &= other` (`virBitmapIntersect`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let mut a = lv.bitmap_parse("0-5", 8).unwrap();
    ///     a.intersect_with(&lv.bitmap_parse("4-7", 8).unwrap());
    ///     assert_eq!(lv.bitmap_format(&a), "4-5");
    /// }
    /// ```
    pub fn intersect_with(&mut self, other: &CBitmap) {
        // SAFETY: both pointers are live bitmaps.
        unsafe { (self.fns.intersect)(self.ptr, other.ptr) }
    }

    /// `self -= other` (`virBitmapSubtract`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let mut a = lv.bitmap_parse("0-5", 8).unwrap();
    ///     a.subtract(&lv.bitmap_parse("4-7", 8).unwrap());
    ///     assert_eq!(lv.bitmap_format(&a), "0-3");
    /// }
    /// ```
    pub fn subtract(&mut self, other: &CBitmap) {
        // SAFETY: both pointers are live bitmaps.
        unsafe { (self.fns.subtract)(self.ptr, other.ptr) }
    }
}

impl Libvirt {
    fn bitmap_fns(&self) -> BitmapFns {
        self.bitmap.expect("this libvirt.so.0 lacks the virBitmap private exports")
    }

    /// `virBitmapParse(s, &map, size)`: parses a cpu list into a bitmap of `size` bits.
    ///
    /// The error is libvirt's last error message.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert!(lv.bitmap_parse("15", 8).is_err());
    /// }
    /// ```
    pub fn bitmap_parse(&self, s: &str, size: usize) -> Result<CBitmap, String> {
        let fns = self.bitmap_fns();
        let c = c_string(s).ok_or_else(|| String::from("input holds a NUL byte"))?;
        let mut out: *mut VirBitmap = std::ptr::null_mut();
        // SAFETY: `c` is a valid C string and `out` a valid out-pointer.
        let rc = unsafe { (fns.parse)(c.as_ptr(), &raw mut out, size) };
        if rc < 0 {
            let msg = self.last_error_message().unwrap_or_default();
            self.reset_last_error();
            return Err(msg);
        }
        CBitmap::wrap(out, fns)
    }

    /// `virBitmapParse` on a C string, without the conversions of [`Libvirt::bitmap_parse`]:
    /// the lean call that benches time. `None` when libvirt rejects the input.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_parse_c(c"0-3,^1", 8).unwrap();
    ///     assert_eq!(lv.bitmap_format_len(&map), 5);
    /// }
    /// ```
    pub fn bitmap_parse_c(&self, s: &std::ffi::CStr, size: usize) -> Option<CBitmap> {
        let fns = self.bitmap_fns();
        let mut out: *mut VirBitmap = std::ptr::null_mut();
        // SAFETY: `s` is a valid C string and `out` a valid out-pointer.
        let rc = unsafe { (fns.parse)(s.as_ptr(), &raw mut out, size) };
        if rc < 0 {
            self.reset_last_error();
            return None;
        }
        CBitmap::wrap(out, fns).ok()
    }

    /// `virBitmapFormat`, returning only the length of the string (which is freed): the lean
    /// call that benches time.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_parse("0,4-6", 8).unwrap();
    ///     assert_eq!(lv.bitmap_format_len(&map), 5);
    /// }
    /// ```
    pub fn bitmap_format_len(&self, map: &CBitmap) -> usize {
        // SAFETY: `map.ptr` is a live bitmap; the result is a NUL-terminated g_malloc'd string,
        // freed here exactly once.
        unsafe {
            let ptr = (map.fns.format)(map.ptr);
            assert!(!ptr.is_null(), "virBitmapFormat failed");
            let len = std::ffi::CStr::from_ptr(ptr).count_bytes();
            crate::free(ptr.cast());
            len
        }
    }

    /// `virBitmapParseUnlimited(s)`: parses a cpu list into a bitmap that grows as needed.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert_eq!(lv.bitmap_format(&lv.bitmap_parse_unlimited("100000").unwrap()), "100000");
    /// }
    /// ```
    pub fn bitmap_parse_unlimited(&self, s: &str) -> Result<CBitmap, String> {
        let fns = self.bitmap_fns();
        let c = c_string(s).ok_or_else(|| String::from("input holds a NUL byte"))?;
        // SAFETY: `c` is a valid C string.
        let ptr = unsafe { (fns.parse_unlimited)(c.as_ptr()) };
        if ptr.is_null() {
            let msg = self.last_error_message().unwrap_or_default();
            self.reset_last_error();
            return Err(msg);
        }
        CBitmap::wrap(ptr, fns)
    }

    /// `virBitmapFormat`: sorted, merged ranges (`"0,2-3"`); `""` for an empty map.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert_eq!(lv.bitmap_format(&lv.bitmap_new(8)), "");
    /// }
    /// ```
    pub fn bitmap_format(&self, map: &CBitmap) -> String {
        // SAFETY: `map.ptr` is a live bitmap; the result is a g_malloc'd string.
        unsafe { Self::take_string((map.fns.format)(map.ptr)) }.expect("virBitmapFormat failed")
    }

    /// `virBitmapNew(size)`: an all-clear bitmap of `size` bits.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert_eq!(lv.bitmap_new(64).size(), 64);
    /// }
    /// ```
    pub fn bitmap_new(&self, size: usize) -> CBitmap {
        let fns = self.bitmap_fns();
        // SAFETY: plain allocation.
        CBitmap::wrap(unsafe { (fns.new)(size) }, fns).expect("virBitmapNew failed")
    }

    /// `virBitmapNewData(bytes, len)`: a bitmap of `len * 8` bits from a byte cpumap.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_new_data(&[0x01, 0x02, 0, 0, 0x04]);
    ///     assert_eq!(lv.bitmap_format(&map), "0,9,34");
    /// }
    /// ```
    pub fn bitmap_new_data(&self, bytes: &[u8]) -> CBitmap {
        let fns = self.bitmap_fns();
        let len = c_int::try_from(bytes.len()).expect("byte map too long for C int");
        // SAFETY: `bytes` is valid for `len` bytes.
        CBitmap::wrap(unsafe { (fns.new_data)(bytes.as_ptr().cast(), len) }, fns)
            .expect("virBitmapNewData failed")
    }

    /// `virBitmapToData`: the byte cpumap, `(last + 8) / 8` bytes long (1 for an empty map).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_parse("0,9,34", 64).unwrap();
    ///     assert_eq!(lv.bitmap_to_data(&map), vec![0x01, 0x02, 0, 0, 0x04]);
    /// }
    /// ```
    pub fn bitmap_to_data(&self, map: &CBitmap) -> Vec<u8> {
        let mut data: *mut u8 = std::ptr::null_mut();
        let mut len: c_int = 0;
        // SAFETY: out-pointers are valid; libvirt allocates `data` with g_new0.
        unsafe {
            let rc = (map.fns.to_data)(map.ptr, &raw mut data, &raw mut len);
            assert!(rc == 0 && !data.is_null(), "virBitmapToData failed");
            let out = std::slice::from_raw_parts(data, len as usize).to_vec();
            crate::free(data.cast());
            out
        }
    }

    /// `virBitmapToString`: the bitmap as a hexadecimal number.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_parse("0,4", 8).unwrap();
    ///     assert!(lv.bitmap_to_string(&map).ends_with("11"));
    /// }
    /// ```
    pub fn bitmap_to_string(&self, map: &CBitmap) -> String {
        // SAFETY: `map.ptr` is a live bitmap; the result is a g_malloc'd string.
        unsafe { Self::take_string((map.fns.to_string)(map.ptr)) }
            .expect("virBitmapToString failed")
    }

    /// `virBitmapNewString`: a bitmap from the hexadecimal form.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let map = lv.bitmap_new_string("11").unwrap();
    ///     assert_eq!(lv.bitmap_format(&map), "0,4");
    /// }
    /// ```
    pub fn bitmap_new_string(&self, s: &str) -> Result<CBitmap, String> {
        let fns = self.bitmap_fns();
        let c = c_string(s).ok_or_else(|| String::from("input holds a NUL byte"))?;
        // SAFETY: `c` is a valid C string.
        let ptr = unsafe { (fns.new_string)(c.as_ptr()) };
        if ptr.is_null() {
            let msg = self.last_error_message().unwrap_or_default();
            self.reset_last_error();
            return Err(msg);
        }
        CBitmap::wrap(ptr, fns)
    }
}
