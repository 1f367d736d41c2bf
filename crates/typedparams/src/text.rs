//! String values: short ones inline, longer ones on the heap.

use alloc::boxed::Box;
use alloc::string::String;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

/// The longest string a [`ParamString`] keeps without a heap allocation, in bytes.
const INLINE: usize = 22;

/// The text of a string parameter (`VIR_TYPED_PARAM_STRING`): immutable UTF-8 that
/// dereferences to `str`.
///
/// Strings of at most [`ParamString::INLINE_MAX`] bytes (disk targets such as `vda`, scheduler
/// names, short addresses: most string parameters) are stored inline, so decoding a list of
/// them allocates nothing per string; longer ones are one boxed `str`. The type is otherwise
/// an ordinary string: it compares, orders and hashes as its `str`, and converts from and into
/// `String`.
///
/// ```
/// use virtkit_typedparams::ParamString;
///
/// let short = ParamString::from("vda");
/// let long = ParamString::from(String::from("tcp://destination.example.org:49152"));
/// assert_eq!(&*short, "vda");
/// assert!(short.is_inline() && !long.is_inline());
/// assert_eq!(long.len(), 35);
/// assert_eq!(String::from(long), "tcp://destination.example.org:49152");
/// ```
#[derive(Clone)]
pub struct ParamString(Repr);

#[derive(Clone)]
enum Repr {
    /// `len <= INLINE`; `bytes[..len]` is valid UTF-8 (copied from a `str`) and
    /// `bytes[len..]` are zero.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl ParamString {
    /// The longest string stored without a heap allocation, in bytes.
    ///
    /// ```
    /// use virtkit_typedparams::ParamString;
    /// assert!(ParamString::from("x".repeat(ParamString::INLINE_MAX)).is_inline());
    /// assert!(!ParamString::from("x".repeat(ParamString::INLINE_MAX + 1)).is_inline());
    /// ```
    pub const INLINE_MAX: usize = INLINE;

    /// The empty string.
    ///
    /// ```
    /// assert!(virtkit_typedparams::ParamString::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> ParamString {
        ParamString(Repr::Inline { len: 0, bytes: [0; INLINE] })
    }

    /// The text.
    ///
    /// ```
    /// use virtkit_typedparams::ParamString;
    /// assert_eq!(ParamString::from("fair").as_str(), "fair");
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len).min(INLINE)];
                // SAFETY: inline bytes are only ever copied from a `&str` of exactly `len`
                // bytes (see `From<&str>`), so they are valid UTF-8.
                unsafe { core::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => s,
        }
    }

    /// Whether the text is stored inline (no heap allocation).
    ///
    /// ```
    /// use virtkit_typedparams::ParamString;
    /// assert!(ParamString::from("vda").is_inline());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_inline(&self) -> bool {
        matches!(self.0, Repr::Inline { .. })
    }

    /// The inline buffer when the text is inline: the text, then zero bytes (the wire
    /// encoder copies it whole, its zeros being the XDR padding).
    #[inline]
    pub(crate) fn inline_block(&self) -> Option<&[u8; INLINE]> {
        match &self.0 {
            Repr::Inline { bytes, .. } => Some(bytes),
            Repr::Heap(_) => None,
        }
    }

    /// The text as a `String`.
    ///
    /// ```
    /// use virtkit_typedparams::ParamString;
    /// assert_eq!(ParamString::from("x").into_string(), "x");
    /// ```
    #[must_use]
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Inline { .. } => String::from(self.as_str()),
            Repr::Heap(s) => s.into_string(),
        }
    }
}

/// `src` (at most [`INLINE`] bytes) followed by zero bytes, copied with a few fixed-size
/// (overlapping) moves instead of a variable-length `memcpy` call.
#[inline]
fn short_block(src: &[u8]) -> [u8; INLINE] {
    let mut out = [0u8; INLINE];
    let n = src.len();
    debug_assert!(n <= INLINE);
    if n >= 16 {
        out[..16].copy_from_slice(&src[..16]);
        out[n - 16..n].copy_from_slice(&src[n - 16..n]);
    } else if n >= 8 {
        out[..8].copy_from_slice(&src[..8]);
        out[n - 8..n].copy_from_slice(&src[n - 8..n]);
    } else if n >= 4 {
        out[..4].copy_from_slice(&src[..4]);
        out[n - 4..n].copy_from_slice(&src[n - 4..n]);
    } else {
        for (o, &b) in out.iter_mut().zip(src) {
            *o = b;
        }
    }
    out
}

impl Default for ParamString {
    /// The empty string.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::ParamString::default(), "");
    /// ```
    fn default() -> ParamString {
        ParamString::new()
    }
}

impl From<&str> for ParamString {
    /// Copies `s` (inline when short, else into one heap allocation).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::ParamString::from("vdb"), "vdb");
    /// ```
    #[inline]
    fn from(s: &str) -> ParamString {
        if s.len() <= INLINE {
            #[allow(clippy::cast_possible_truncation)] // len <= INLINE
            ParamString(Repr::Inline { len: s.len() as u8, bytes: short_block(s.as_bytes()) })
        } else {
            ParamString(Repr::Heap(Box::from(s)))
        }
    }
}

impl From<String> for ParamString {
    /// Takes `s` (short strings move inline; long ones keep their buffer, shrunk to fit).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::ParamString::from(String::from("sda")), "sda");
    /// ```
    fn from(s: String) -> ParamString {
        if s.len() <= INLINE {
            ParamString::from(s.as_str())
        } else {
            ParamString(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&String> for ParamString {
    /// Copies `s`.
    ///
    /// ```
    /// let s = String::from("sda");
    /// assert_eq!(virtkit_typedparams::ParamString::from(&s), "sda");
    /// ```
    fn from(s: &String) -> ParamString {
        ParamString::from(s.as_str())
    }
}

impl From<ParamString> for String {
    /// The text as a `String`.
    ///
    /// ```
    /// use virtkit_typedparams::ParamString;
    /// assert_eq!(String::from(ParamString::from("a")), "a");
    /// ```
    fn from(s: ParamString) -> String {
        s.into_string()
    }
}

impl Deref for ParamString {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ParamString {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ParamString {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ParamString {
    fn eq(&self, other: &ParamString) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ParamString {}

impl PartialEq<str> for ParamString {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ParamString {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ParamString {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<ParamString> for str {
    fn eq(&self, other: &ParamString) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ParamString> for &str {
    fn eq(&self, other: &ParamString) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<ParamString> for String {
    fn eq(&self, other: &ParamString) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for ParamString {
    fn partial_cmp(&self, other: &ParamString) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ParamString {
    fn cmp(&self, other: &ParamString) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for ParamString {
    /// Hashes as the `str` (so lookups by `&str` through `Borrow` agree).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for ParamString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ParamString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_utf8() {
        for len in 0..=40 {
            let s = "é".repeat(len / 2) + &"a".repeat(len % 2);
            let p = ParamString::from(s.as_str());
            assert_eq!(p, s);
            assert_eq!(p.is_inline(), s.len() <= INLINE);
            assert_eq!(ParamString::from(s.clone()), p);
            assert_eq!(p.clone().into_string(), s);
        }
        assert_eq!(size_of::<ParamString>(), 24);
    }

    #[test]
    fn inline_block_is_zero_padded() {
        for len in 0..=INLINE {
            let s = String::from(&"abcdefghijklmnopqrstuvwxyz"[..len]);
            let block = *ParamString::from(s.as_str()).inline_block().unwrap();
            assert_eq!(&block[..len], s.as_bytes());
            assert!(block[len..].iter().all(|&b| b == 0));
        }
    }
}
