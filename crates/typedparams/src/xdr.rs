//! The RPC wire form of typed parameters: XDR arrays of `remote_typed_param`
//! (`src/remote/remote_protocol.x`).
//!
//! Each parameter is the name as an XDR string (length, bytes, zero padding to 4 bytes), the
//! type code as a 4-byte big-endian discriminant, then the value: `int`/`uint`/`boolean` in 4
//! bytes, `llong`/`ullong` in 8 (`hyper`), `double` as big-endian IEEE-754, strings as XDR
//! strings of at most [`limits::STRING_MAX`] bytes. The array is a 4-byte count followed by
//! the items.
//!
//! ```
//! use virtkit_typedparams::TypedParams;
//!
//! let mut p = TypedParams::new();
//! p.add_uint("weight", 500)?;
//! let bytes = p.to_xdr();
//! assert_eq!(bytes, [
//!     0, 0, 0, 1,                                  // one parameter
//!     0, 0, 0, 6, b'w', b'e', b'i', b'g', b'h', b't', 0, 0, // "weight", padded
//!     0, 0, 0, 2,                                  // VIR_TYPED_PARAM_UINT
//!     0, 0, 1, 0xf4,                               // 500
//! ]);
//! assert_eq!(TypedParams::from_xdr(&bytes, 16)?, p);
//! # Ok::<(), virtkit_typedparams::Error>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::mem::MaybeUninit;

use crate::checks::STRING_OKAY;
use crate::error::{DecodeProblem, Error};
use crate::kind::ParamType;
use crate::list::TypedParams;
use crate::name::{NAME_MAX, ParamName};
use crate::param::TypedParam;
use crate::text::ParamString;
use crate::value::TypedValue;

/// The protocol's limits (`REMOTE_*_MAX` in `remote_protocol.x`).
///
/// ```
/// use virtkit_typedparams::xdr::limits;
/// assert_eq!(limits::STRING_MAX, 4 * 1024 * 1024);
/// assert_eq!(limits::DOMAIN_MIGRATE_PARAM_LIST_MAX, 64);
/// ```
pub mod limits {
    /// `REMOTE_STRING_MAX`: longest string on the wire.
    pub const STRING_MAX: u32 = 4_194_304;
    /// `REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX`.
    pub const DOMAIN_SCHEDULER_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX`.
    pub const DOMAIN_BLKIO_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX`.
    pub const DOMAIN_MEMORY_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX`.
    pub const DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX: u32 = 32;
    /// `REMOTE_DOMAIN_NUMA_PARAMETERS_MAX`.
    pub const DOMAIN_NUMA_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_PERF_EVENTS_MAX`.
    pub const DOMAIN_PERF_EVENTS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX`.
    pub const DOMAIN_BLOCK_COPY_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX`.
    pub const DOMAIN_BLOCK_STATS_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX`.
    pub const DOMAIN_INTERFACE_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX`.
    pub const DOMAIN_GET_CPU_STATS_NCPUS_MAX: u32 = 128;
    /// `REMOTE_DOMAIN_GET_CPU_STATS_MAX`.
    pub const DOMAIN_GET_CPU_STATS_MAX: u32 = 2048;
    /// `REMOTE_NODE_MEMORY_PARAMETERS_MAX`.
    pub const NODE_MEMORY_PARAMETERS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX`.
    pub const DOMAIN_MIGRATE_PARAM_LIST_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_SAVE_PARAMS_MAX`.
    pub const DOMAIN_SAVE_PARAMS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_JOB_STATS_MAX`.
    pub const DOMAIN_JOB_STATS_MAX: u32 = 64;
    /// `REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX`.
    pub const CONNECT_GET_ALL_DOMAIN_STATS_MAX: u32 = 262_144;
    /// `REMOTE_DOMAIN_EVENT_TUNABLE_MAX`.
    pub const DOMAIN_EVENT_TUNABLE_MAX: u32 = 2048;
    /// `REMOTE_DOMAIN_GUEST_VCPU_PARAMS_MAX`.
    pub const DOMAIN_GUEST_VCPU_PARAMS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX`.
    pub const DOMAIN_IOTHREAD_PARAMS_MAX: u32 = 64;
    /// `REMOTE_NODE_SEV_INFO_MAX`.
    pub const NODE_SEV_INFO_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX`.
    pub const DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX`.
    pub const DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX: u32 = 64;
    /// `REMOTE_DOMAIN_GUEST_INFO_PARAMS_MAX`.
    pub const DOMAIN_GUEST_INFO_PARAMS_MAX: u32 = 2048;
    /// `REMOTE_NETWORK_PORT_PARAMETERS_MAX`.
    pub const NETWORK_PORT_PARAMETERS_MAX: u32 = 16;
    /// `REMOTE_CONNECT_IDENTITY_PARAMS_MAX`.
    pub const CONNECT_IDENTITY_PARAMS_MAX: u32 = 20;
}

/// The smallest encoded parameter: empty name (4), type (4), 4-byte value (4).
const MIN_PARAM_LEN: usize = 12;

/// How [`TypedParams::to_xdr_with`] serializes: an optional count limit, and libvirt's
/// serializer quirks (`virTypedParamsSerialize`) switched on explicitly.
///
/// ```
/// use virtkit_typedparams::{xdr::SerializeOptions, TypedParams};
///
/// let mut p = TypedParams::new();
/// p.add_uint("weight", 1)?;
/// p.add_string("device_weight", "/dev/sda,10")?;
/// // libvirt's server drops strings for clients that did not pass STRING_OKAY.
/// let old_client = p.to_xdr_with(&SerializeOptions::new().limit(16).libvirt_quirks(0))?;
/// assert_eq!(TypedParams::from_xdr(&old_client, 16)?.len(), 1);
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SerializeOptions {
    limit: Option<u32>,
    quirks: Option<u32>,
}

impl SerializeOptions {
    /// No limit, no quirks: every parameter is encoded.
    ///
    /// ```
    /// let o = virtkit_typedparams::xdr::SerializeOptions::new();
    /// assert_eq!(o, Default::default());
    /// ```
    pub const fn new() -> SerializeOptions {
        SerializeOptions { limit: None, quirks: None }
    }

    /// Fail with `too many parameters '%d' for limit '%d'` when there are more than `limit`
    /// parameters (counted before any quirk drops some, as libvirt does).
    ///
    /// ```
    /// let o = virtkit_typedparams::xdr::SerializeOptions::new().limit(16);
    /// # let _ = o;
    /// ```
    #[must_use]
    pub const fn limit(self, limit: u32) -> SerializeOptions {
        SerializeOptions { limit: Some(limit), ..self }
    }

    /// Apply `virTypedParamsSerialize`'s quirks with these `virTypedParameterFlags`: string
    /// parameters are silently dropped unless [`STRING_OKAY`] is set, and empty slots of a
    /// sparse array (type 0, see [`encode_sparse`]) are dropped.
    ///
    /// ```
    /// use virtkit_typedparams::{checks::STRING_OKAY, xdr::SerializeOptions};
    /// let o = SerializeOptions::new().libvirt_quirks(STRING_OKAY);
    /// # let _ = o;
    /// ```
    #[must_use]
    pub const fn libvirt_quirks(self, flags: u32) -> SerializeOptions {
        SerializeOptions { quirks: Some(flags), ..self }
    }

    fn keeps(&self, p: &TypedParam) -> bool {
        match self.quirks {
            Some(flags) => flags & STRING_OKAY != 0 || p.param_type() != ParamType::String,
            None => true,
        }
    }
}

#[inline]
fn pad(len: usize) -> usize {
    (4 - len % 4) % 4
}

/// `len` rounded up to a multiple of 4 (XDR's padding).
#[inline]
fn padded(len: usize) -> usize {
    (len + 3) & !3
}

#[inline]
fn param_len(p: &TypedParam) -> usize {
    // Name (length word, padded bytes), type word, value.
    4 + padded(p.param_name().len())
        + 4
        + match p.value() {
            TypedValue::Int(_) | TypedValue::UInt(_) | TypedValue::Boolean(_) => 4,
            TypedValue::LLong(_) | TypedValue::ULLong(_) | TypedValue::Double(_) => 8,
            TypedValue::String(s) => 4 + padded(s.len()),
        }
}

fn put_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
    out.extend_from_slice(&[0u8; 3][..pad(s.len())]);
}

/// Appends one `remote_typed_param`.
///
/// ```
/// use virtkit_typedparams::{xdr::write_param, TypedParam};
/// let mut out = Vec::new();
/// write_param(&mut out, &TypedParam::new("b", true)?);
/// assert_eq!(out, [0, 0, 0, 1, b'b', 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 1]);
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn write_param(out: &mut Vec<u8>, p: &TypedParam) {
    put_string(out, p.name());
    out.extend_from_slice(&p.param_type().code().to_be_bytes());
    match p.value() {
        TypedValue::Int(v) => out.extend_from_slice(&v.to_be_bytes()),
        TypedValue::UInt(v) => out.extend_from_slice(&v.to_be_bytes()),
        TypedValue::LLong(v) => out.extend_from_slice(&v.to_be_bytes()),
        TypedValue::ULLong(v) => out.extend_from_slice(&v.to_be_bytes()),
        TypedValue::Double(v) => out.extend_from_slice(&v.to_bits().to_be_bytes()),
        TypedValue::Boolean(v) => out.extend_from_slice(&i32::from(*v).to_be_bytes()),
        TypedValue::String(s) => put_string(out, s),
    }
}

impl TypedParams {
    /// The size of [`TypedParams::to_xdr`]'s output, in bytes.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_ullong("bandwidth", 1)?;
    /// assert_eq!(p.xdr_len(), p.to_xdr().len());
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn xdr_len(&self) -> usize {
        4 + self.iter().map(param_len).sum::<usize>()
    }

    /// Encodes every parameter as an XDR array of `remote_typed_param` (one allocation).
    ///
    /// Strings longer than [`limits::STRING_MAX`] or lists longer than `u32::MAX` are encoded
    /// all the same; libvirt's peer would refuse them (use [`TypedParams::to_xdr_with`] with a
    /// limit to check the count).
    ///
    /// ```
    /// let p = virtkit_typedparams::TypedParams::new();
    /// assert_eq!(p.to_xdr(), [0, 0, 0, 0]);
    /// ```
    pub fn to_xdr(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_xdr(&mut out);
        out
    }

    /// Appends the XDR array to `out` (for embedding in a larger message).
    ///
    /// ```
    /// let p = virtkit_typedparams::TypedParams::new();
    /// let mut out = vec![9];
    /// p.write_xdr(&mut out);
    /// assert_eq!(out, [9, 0, 0, 0, 0]);
    /// ```
    pub fn write_xdr(&self, out: &mut Vec<u8>) {
        let len = self.xdr_len();
        // One reservation, with room for a whole name block past the end so that names are
        // copied as fixed-size blocks.
        out.reserve(len + SLACK);
        let mut w = Writer { out: out.spare_capacity_mut(), pos: 0 };
        w.word((self.len() as u32).to_be_bytes());
        for p in self {
            w.param(p);
        }
        debug_assert_eq!(w.pos, len);
        let written = w.pos;
        // SAFETY: the writer initialized every byte of the spare capacity below `w.pos`
        // (each write covers `pos..pos + n` before `pos` advances by at most `n`, see
        // `Writer`), and `w.pos` is within the spare capacity (all writes are bounds-checked).
        unsafe { out.set_len(out.len() + written) };
    }

    /// Encodes with a limit and, optionally, libvirt's serializer quirks
    /// ([`SerializeOptions`]).
    ///
    /// ```
    /// use virtkit_typedparams::{xdr::SerializeOptions, TypedParams};
    /// let mut p = TypedParams::new();
    /// for i in 0..3 {
    ///     p.add_int(&format!("p{i}"), i)?;
    /// }
    /// assert_eq!(
    ///     p.to_xdr_with(&SerializeOptions::new().limit(2)).unwrap_err().to_string(),
    ///     "too many parameters '3' for limit '2'"
    /// );
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn to_xdr_with(&self, opts: &SerializeOptions) -> Result<Vec<u8>, Error> {
        encode_slots(self.iter().map(Some), self.len(), opts)
    }

    /// Decodes an XDR array of `remote_typed_param` that makes up all of `bytes`, with
    /// libvirt's per-call limit `max` (0 means no limit, as in `virTypedParamsDeserialize`).
    ///
    /// Nothing is trusted: a count above `max` is `too many parameters '%u' for limit '%d'`
    /// before anything is allocated, memory is bounded by the input's size, names over 79
    /// bytes are `parameter %s too big for destination`, type codes outside 1..=7 are
    /// `unknown parameter type: %d`, and truncation, over-long strings, NUL bytes, non-UTF-8
    /// text and trailing bytes are [`Error::Decode`] with the offset.
    ///
    /// ```
    /// use virtkit_typedparams::TypedParams;
    /// let bytes = [0, 0, 0, 1, 0, 0, 0, 1, b'x', 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0];
    /// assert_eq!(
    ///     TypedParams::from_xdr(&bytes, 16).unwrap_err().to_string(),
    ///     "unknown parameter type: 9"
    /// );
    /// ```
    pub fn from_xdr(bytes: &[u8], max: u32) -> Result<TypedParams, Error> {
        let (params, used) = TypedParams::from_xdr_prefix(bytes, max)?;
        if used != bytes.len() {
            return Err(Error::Decode {
                offset: used,
                problem: DecodeProblem::TrailingBytes { len: bytes.len() - used },
            });
        }
        Ok(params)
    }

    /// Decodes an XDR array at the start of `bytes`; returns it and the bytes it used.
    ///
    /// ```
    /// use virtkit_typedparams::TypedParams;
    /// let (p, used) = TypedParams::from_xdr_prefix(&[0, 0, 0, 0, 0xff], 0)?;
    /// assert!(p.is_empty());
    /// assert_eq!(used, 4);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn from_xdr_prefix(bytes: &[u8], max: u32) -> Result<(TypedParams, usize), Error> {
        let mut r = Reader { rest: bytes, total: bytes.len() };
        let count = r.u32()?;
        if max != 0 && count > max {
            return Err(too_many(count, max));
        }
        // Never more than the remaining bytes could hold, whatever the count says.
        let room = r.rest.len() / MIN_PARAM_LEN;
        let mut items = Vec::with_capacity((count as usize).min(room));
        for _ in 0..count {
            // Everything fallible first, so that the parameter is built straight in the list.
            if let Some((block, len, value)) = r.param_fast()? {
                // SAFETY: `param_fast` checked that `len <= NAME_MAX` and that the first `len`
                // bytes of the block are ASCII without NUL.
                let name = unsafe { ParamName::from_ascii_block(block, len) };
                items.push(TypedParam::from_wire(name, value));
            } else {
                let (name, from, value) = r.param()?;
                items.push(TypedParam::from_wire(ParamName::from_wire(name, from), value));
            }
        }
        Ok((TypedParams::from(items), r.offset()))
    }
}

#[cold]
#[inline(never)]
fn too_many(count: u32, limit: u32) -> Error {
    Error::TooMany { count: u64::from(count), limit }
}

/// Encodes a sparse array such as `virDomainGetCPUStats` fills (`None` is a slot of type 0).
/// With [`SerializeOptions::libvirt_quirks`] the empty slots are dropped, as libvirt's server
/// does; without, an empty slot is `unknown parameter type: 0`.
///
/// ```
/// use virtkit_typedparams::{xdr::{encode_sparse, SerializeOptions}, TypedParam, TypedParams};
///
/// let slots = [Some(TypedParam::new("cpu_time", 5u64)?), None];
/// let bytes = encode_sparse(&slots, &SerializeOptions::new().libvirt_quirks(0))?;
/// assert_eq!(TypedParams::from_xdr(&bytes, 0)?.len(), 1);
/// assert!(encode_sparse(&slots, &SerializeOptions::new()).is_err());
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn encode_sparse(
    slots: &[Option<TypedParam>],
    opts: &SerializeOptions,
) -> Result<Vec<u8>, Error> {
    encode_slots(slots.iter().map(Option::as_ref), slots.len(), opts)
}

fn encode_slots<'a>(
    slots: impl Iterator<Item = Option<&'a TypedParam>> + Clone,
    n: usize,
    opts: &SerializeOptions,
) -> Result<Vec<u8>, Error> {
    if let Some(limit) = opts.limit
        && n > limit as usize
    {
        return Err(Error::TooMany { count: n as u64, limit });
    }
    let mut kept = 0u32;
    let mut len = 4;
    for slot in slots.clone() {
        match slot {
            None if opts.quirks.is_some() => {}
            None => return Err(Error::UnknownType { code: 0 }),
            Some(p) if opts.keeps(p) => {
                kept += 1;
                len += param_len(p);
            }
            Some(_) => {}
        }
    }
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(&kept.to_be_bytes());
    for p in slots.flatten() {
        if opts.keeps(p) {
            write_param(&mut out, p);
        }
    }
    Ok(out)
}

/// The most a parameter other than a long string's body takes while being written: length
/// word, the padded name (at most 80 bytes), type word, then a value of at most 8 bytes or a
/// string's length word and an inline string block with two zero bytes (24 bytes).
const WINDOW: usize = 4 + 80 + 4 + 4 + ParamString::INLINE_MAX + 2;

/// Slack the writer needs past the encoded end: a whole window, so that every parameter
/// starts with one (a parameter is at least 12 bytes, a string ends with a zero word).
const SLACK: usize = WINDOW;

/// Writes the encoding into uninitialized spare capacity with at least [`SLACK`] bytes of room
/// past the encoded end.
///
/// Invariant (what `write_xdr`'s `set_len` relies on): every byte below `pos` has been
/// written. Each method writes `pos..pos + k` (and possibly bytes beyond, in the slack)
/// before advancing `pos` by at most `k`.
struct Writer<'a> {
    out: &'a mut [MaybeUninit<u8>],
    pos: usize,
}

impl Writer<'_> {
    #[inline]
    fn bytes_at(&mut self, at: usize, bytes: &[u8]) {
        self.out[at..at + bytes.len()].write_copy_of_slice(bytes);
    }

    #[inline]
    fn word<const N: usize>(&mut self, bytes: [u8; N]) {
        self.bytes_at(self.pos, &bytes);
        self.pos += N;
    }

    /// `s`, then zero bytes up to the next multiple of 4 (a zero word is written past the end
    /// of `s`; its bytes beyond the padding land in the slack or are overwritten next).
    #[inline]
    fn padded(&mut self, s: &[u8]) {
        self.bytes_at(self.pos, s);
        self.bytes_at(self.pos + s.len(), &[0; 4]);
        self.pos += padded(s.len());
    }

    #[inline]
    fn param(&mut self, p: &TypedParam) {
        let name = p.param_name();
        // At most NAME_MAX already; the `min` tells the optimizer, so that every offset below
        // is known to fall inside the window.
        let n = name.len().min(NAME_MAX);
        let pn = padded(n);
        let Some(w) = self.out.get_mut(self.pos..).and_then(|w| w.first_chunk_mut::<WINDOW>())
        else {
            return self.param_anywhere(p);
        };
        // Length, the whole inline name block (fixed size, no call), the zero padding after
        // the name (bytes past it are overwritten next), the type, then the value.
        w[..4].write_copy_of_slice(&(n as u32).to_be_bytes());
        w[4..4 + NAME_MAX].write_copy_of_slice(name.block());
        w[4 + n..8 + n].write_copy_of_slice(&[0; 4]);
        w[4 + pn..8 + pn].write_copy_of_slice(&p.param_type().code().to_be_bytes());
        let at = 8 + pn;
        let end = match p.value() {
            TypedValue::Int(v) => put(w, at, v.to_be_bytes()),
            TypedValue::UInt(v) => put(w, at, v.to_be_bytes()),
            TypedValue::LLong(v) => put(w, at, v.to_be_bytes()),
            TypedValue::ULLong(v) => put(w, at, v.to_be_bytes()),
            TypedValue::Double(v) => put(w, at, v.to_bits().to_be_bytes()),
            TypedValue::Boolean(v) => put(w, at, i32::from(*v).to_be_bytes()),
            TypedValue::String(s) => {
                let end = put(w, at, (s.len() as u32).to_be_bytes());
                if let Some(block) = s.inline_block() {
                    // The whole zero-padded inline block and two more zero bytes: the text
                    // and its padding (at most 24 bytes), then bytes the next write covers.
                    let end = put(w, end, *block);
                    put(w, end, [0u8; 2]);
                    self.pos += at + 4 + padded(s.len());
                    return;
                }
                self.pos += end;
                self.padded(s.as_bytes());
                return;
            }
        };
        self.pos += end;
    }

    /// [`Writer::param`] without the window (not reached while the slack holds).
    #[cold]
    fn param_anywhere(&mut self, p: &TypedParam) {
        let name = p.param_name();
        let n = name.len();
        self.word((n as u32).to_be_bytes());
        self.bytes_at(self.pos, name.block());
        self.bytes_at(self.pos + n, &[0; 4]);
        self.pos += padded(n);
        self.word(p.param_type().code().to_be_bytes());
        match p.value() {
            TypedValue::Int(v) => self.word(v.to_be_bytes()),
            TypedValue::UInt(v) => self.word(v.to_be_bytes()),
            TypedValue::LLong(v) => self.word(v.to_be_bytes()),
            TypedValue::ULLong(v) => self.word(v.to_be_bytes()),
            TypedValue::Double(v) => self.word(v.to_bits().to_be_bytes()),
            TypedValue::Boolean(v) => self.word(i32::from(*v).to_be_bytes()),
            TypedValue::String(s) => {
                self.word((s.len() as u32).to_be_bytes());
                self.padded(s.as_bytes());
            }
        }
    }
}

/// Writes `bytes` at `at` in the window; returns the offset after them.
#[inline]
fn put<const N: usize>(w: &mut [MaybeUninit<u8>; WINDOW], at: usize, bytes: [u8; N]) -> usize {
    w[at..at + N].write_copy_of_slice(&bytes);
    at + N
}

/// Whether every byte of `b` is in `1..=0x7f` (ASCII without NUL), eight bytes at a time.
///
/// Per 8-byte word `w`, `(w - 0x0101..01) | w` has a lane's top bit set when that byte is 0
/// (it borrows to 0xff) or at least 0x80; a borrow only crosses into the next lane from a zero
/// byte, which is flagged already, so the test is exact for "some byte is unusual". The last
/// partial word is read overlapping the previous bytes, which were checked already.
#[inline]
fn plain_ascii(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let word = |w: &[u8; 8]| {
        let w = u64::from_le_bytes(*w);
        w.wrapping_sub(ONES) | w
    };
    let mut acc = 0u64;
    if let Some(last) = b.last_chunk::<8>() {
        let (words, _) = b.as_chunks::<8>();
        for w in words {
            acc |= word(w);
        }
        acc |= word(last);
    } else {
        for &c in b {
            acc |= u64::from(c.wrapping_sub(1) | c);
        }
    }
    acc & TOPS == 0
}

/// Input [`Reader::param_fast`] needs: length word, the longest padded name, type word and an
/// 8-byte value.
const DECODE_WINDOW: usize = 4 + 80 + 4 + 8;

/// What [`Reader::param_fast`] decodes: the name's block (its first `len` bytes checked to be
/// ASCII without NUL, `len <= NAME_MAX`), `len`, and the value.
type Fast<'a> = (&'a [u8; NAME_MAX], usize, TypedValue);

/// A bounds-checked big-endian reader over the unread rest of the input.
struct Reader<'a> {
    rest: &'a [u8],
    /// Length of the whole input, for error offsets.
    total: usize,
}

impl<'a> Reader<'a> {
    /// Offset of the next unread byte in the whole input.
    #[inline]
    fn offset(&self) -> usize {
        self.total - self.rest.len()
    }

    #[cold]
    #[inline(never)]
    fn truncated(&self, n: usize) -> Error {
        Error::Decode {
            offset: self.offset(),
            problem: DecodeProblem::Truncated { needed: (n - self.rest.len()) as u64 },
        }
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        match self.rest.split_first_chunk::<N>() {
            Some((a, rest)) => {
                self.rest = rest;
                Ok(*a)
            }
            None => Err(self.truncated(N)),
        }
    }

    #[inline]
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    /// An XDR string (length, bytes, padding), checked for the 4 MiB limit, NUL and UTF-8.
    /// Returns the string and the input from its first byte on.
    ///
    /// The common case inline: complete, at most [`limits::STRING_MAX`] bytes, ASCII without
    /// NUL. Anything else takes the full path from the same position.
    #[inline]
    fn string(&mut self) -> Result<(&'a str, &'a [u8]), Error> {
        if let Some((head, from)) = self.rest.split_first_chunk::<4>() {
            let len = u32::from_be_bytes(*head);
            if len <= limits::STRING_MAX {
                let len = len as usize;
                if let Some((body, rest)) = from.split_at_checked(padded(len)) {
                    let body = &body[..len];
                    if plain_ascii(body) {
                        self.rest = rest;
                        // SAFETY: every byte is below 0x80: ASCII, thus valid UTF-8.
                        return Ok((unsafe { core::str::from_utf8_unchecked(body) }, from));
                    }
                }
            }
        }
        self.string_checked()
    }

    /// [`Reader::string`] with every check and its error.
    #[inline(never)]
    fn string_checked(&mut self) -> Result<(&'a str, &'a [u8]), Error> {
        let at = self.offset();
        let len = self.u32()?;
        if len > limits::STRING_MAX {
            return Err(string_too_long(at, len));
        }
        let len = len as usize;
        let from = self.rest;
        let Some((body, rest)) = from.split_at_checked(padded(len)) else {
            return Err(self.truncated(padded(len)));
        };
        let body = &body[..len];
        let text = if plain_ascii(body) {
            // SAFETY: every byte is below 0x80, so `body` is ASCII and thus valid UTF-8.
            unsafe { core::str::from_utf8_unchecked(body) }
        } else {
            unusual_text(at + 4, body)?
        };
        self.rest = rest;
        Ok((text, from))
    }

    /// [`Reader::param`] for the common case, with one bounds check for the name, type and a
    /// fixed-size value: at least [`DECODE_WINDOW`] bytes left, an ASCII name of at most
    /// [`NAME_MAX`] bytes and a known type. `Ok(None)` (nothing consumed) sends anything else
    /// to [`Reader::param`]; string values are read as there.
    #[inline]
    fn param_fast(&mut self) -> Result<Option<Fast<'a>>, Error> {
        let Some(w) = self.rest.first_chunk::<DECODE_WINDOW>() else {
            return Ok(None);
        };
        let n = u32::from_be_bytes([w[0], w[1], w[2], w[3]]) as usize;
        if n > NAME_MAX {
            return Ok(None);
        }
        let pn = padded(n);
        let Some(block) = w[4..].first_chunk::<NAME_MAX>() else {
            return Ok(None);
        };
        if !plain_ascii(&block[..n]) {
            return Ok(None);
        }
        let word = |at: usize| [w[at], w[at + 1], w[at + 2], w[at + 3]];
        let dword = |at: usize| {
            [w[at], w[at + 1], w[at + 2], w[at + 3], w[at + 4], w[at + 5], w[at + 6], w[at + 7]]
        };
        let at = 8 + pn;
        let (value, used) = match i32::from_be_bytes(word(4 + pn)) {
            1 => (TypedValue::Int(i32::from_be_bytes(word(at))), at + 4),
            2 => (TypedValue::UInt(u32::from_be_bytes(word(at))), at + 4),
            3 => (TypedValue::LLong(i64::from_be_bytes(dword(at))), at + 8),
            4 => (TypedValue::ULLong(u64::from_be_bytes(dword(at))), at + 8),
            5 => (TypedValue::Double(f64::from_bits(u64::from_be_bytes(dword(at)))), at + 8),
            6 => (TypedValue::Boolean(i32::from_be_bytes(word(at)) != 0), at + 4),
            7 => {
                self.rest = &self.rest[at..];
                let value = TypedValue::String(ParamString::from(self.string()?.0));
                return Ok(Some((block, n, value)));
            }
            _ => return Ok(None),
        };
        self.rest = &self.rest[used..];
        Ok(Some((block, n, value)))
    }

    /// Decodes one `remote_typed_param`: its name (at most [`NAME_MAX`] bytes), the input
    /// from the name on (for [`ParamName::from_wire`]), and its value.
    #[inline]
    fn param(&mut self) -> Result<(&'a str, &'a [u8], TypedValue), Error> {
        let (name, from) = self.string()?;
        if name.len() > NAME_MAX {
            return Err(too_big(name));
        }
        let code = i32::from_be_bytes(self.array()?);
        let value = match code {
            1 => TypedValue::Int(i32::from_be_bytes(self.array()?)),
            2 => TypedValue::UInt(u32::from_be_bytes(self.array()?)),
            3 => TypedValue::LLong(i64::from_be_bytes(self.array()?)),
            4 => TypedValue::ULLong(u64::from_be_bytes(self.array()?)),
            5 => TypedValue::Double(f64::from_bits(u64::from_be_bytes(self.array()?))),
            6 => TypedValue::Boolean(i32::from_be_bytes(self.array()?) != 0),
            7 => TypedValue::String(ParamString::from(self.string()?.0)),
            _ => return Err(unknown_type(code)),
        };
        Ok((name, from, value))
    }
}

/// Text that is not plain ASCII: NUL bytes are refused first, then invalid UTF-8.
#[inline(never)]
fn unusual_text(offset: usize, body: &[u8]) -> Result<&str, Error> {
    if body.contains(&0) {
        return Err(Error::Decode { offset, problem: DecodeProblem::NulInString });
    }
    core::str::from_utf8(body)
        .map_err(|_| Error::Decode { offset, problem: DecodeProblem::InvalidUtf8 })
}

#[cold]
#[inline(never)]
fn string_too_long(offset: usize, len: u32) -> Error {
    Error::Decode { offset, problem: DecodeProblem::StringTooLong { len } }
}

#[cold]
#[inline(never)]
fn too_big(name: &str) -> Error {
    Error::TooBig { name: String::from(name) }
}

#[cold]
#[inline(never)]
fn unknown_type(code: i32) -> Error {
    Error::UnknownType { code }
}
