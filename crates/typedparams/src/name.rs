//! Parameter names: at most 79 bytes, stored inline like libvirt's `char field[80]`.

use alloc::string::String;
use core::borrow::Borrow;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;

use crate::error::Error;

/// `VIR_TYPED_PARAM_FIELD_LENGTH`: the size of `virTypedParameter.field`, NUL included.
pub const FIELD_LENGTH: usize = 80;

/// The longest name a parameter can have, in bytes (`FIELD_LENGTH - 1`).
pub const NAME_MAX: usize = FIELD_LENGTH - 1;

/// A parameter name: valid UTF-8, at most [`NAME_MAX`] (79) bytes, without NUL bytes.
///
/// Stored inline (no heap allocation), so lists of parameters decode with one allocation.
/// It dereferences to `str`. Only the first `len` bytes of the buffer are meaningful; the
/// wire decoder copies whole 79-byte blocks for speed and leaves input bytes after the name.
///
/// ```
/// use virtkit_typedparams::ParamName;
///
/// let name = ParamName::new("hard_limit")?;
/// assert_eq!(&*name, "hard_limit");
/// assert!(ParamName::new("x".repeat(79)).is_ok());
/// assert_eq!(
///     ParamName::new("x".repeat(80)).unwrap_err().to_string(),
///     format!("internal error: Field name '{}' too long", "x".repeat(80))
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct ParamName {
    len: u8,
    bytes: [u8; NAME_MAX],
}

impl ParamName {
    /// Checks and stores a name.
    ///
    /// Errors: over 79 bytes (`Field name '%s' too long`, as libvirt) or containing a NUL
    /// byte (which C would silently cut).
    ///
    /// ```
    /// use virtkit_typedparams::ParamName;
    /// assert!(ParamName::new("a\0b").is_err());
    /// ```
    pub fn new(name: impl AsRef<str>) -> Result<ParamName, Error> {
        let name = name.as_ref();
        if name.len() > NAME_MAX {
            return Err(Error::NameTooLong { name: String::from(name) });
        }
        if name.as_bytes().contains(&0) {
            return Err(Error::NameHasNul { name: String::from(name) });
        }
        Ok(ParamName::from_checked(name))
    }

    /// Stores a name already known to be at most 79 bytes without NUL.
    pub(crate) fn from_checked(name: &str) -> ParamName {
        debug_assert!(name.len() <= NAME_MAX);
        let mut bytes = [0u8; NAME_MAX];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        ParamName { len: name.len() as u8, bytes }
    }

    /// A name decoded from the wire: `name` (at most 79 bytes, no NUL) lies at the start of
    /// `from`, the rest of the input; when `from` holds a whole block, the block is copied
    /// (fixed size, no call) and its bytes after the name are kept as unspecified contents.
    #[inline]
    pub(crate) fn from_wire(name: &str, from: &[u8]) -> ParamName {
        debug_assert!(name.len() <= NAME_MAX && !name.as_bytes().contains(&0));
        let mut short = [0u8; NAME_MAX];
        // Choose the source block first and copy once, straight into the result.
        let block = match from.first_chunk::<NAME_MAX>() {
            // Only when the block really starts with `name`: `as_str` relies on it.
            Some(block) if block.as_ptr() == name.as_ptr() => block,
            _ => {
                short[..name.len()].copy_from_slice(name.as_bytes());
                &short
            }
        };
        ParamName { len: name.len() as u8, bytes: *block }
    }

    /// A name decoded from the wire: the first `len` bytes of `block`, the rest kept as
    /// unspecified contents.
    ///
    /// # Safety
    /// `len <= NAME_MAX`, and `block[..len]` is ASCII without NUL (`as_str` relies on it).
    #[inline]
    pub(crate) unsafe fn from_ascii_block(block: &[u8; NAME_MAX], len: usize) -> ParamName {
        debug_assert!(len <= NAME_MAX && block[..len].iter().all(|b| (1..0x80).contains(b)));
        ParamName { len: len as u8, bytes: *block }
    }

    /// The whole inline buffer (the name, then unspecified bytes).
    pub(crate) fn block(&self) -> &[u8; NAME_MAX] {
        &self.bytes
    }

    /// The name as a string slice.
    ///
    /// ```
    /// use virtkit_typedparams::ParamName;
    /// assert_eq!(ParamName::new("weight")?.as_str(), "weight");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        let bytes = &self.bytes[..usize::from(self.len)];
        // SAFETY: the first `len` bytes were copied from a `&str` of that length, in
        // `from_checked` or in `from_wire` (a block starting at that very string), or were
        // checked to be ASCII by the caller of `from_ascii_block`.
        unsafe { core::str::from_utf8_unchecked(bytes) }
    }
}

impl Deref for ParamName {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ParamName {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ParamName {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ParamName {
    fn eq(&self, other: &ParamName) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ParamName {}

impl PartialEq<str> for ParamName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ParamName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for ParamName {
    fn partial_cmp(&self, other: &ParamName) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ParamName {
    fn cmp(&self, other: &ParamName) -> core::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for ParamName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for ParamName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ParamName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<&str> for ParamName {
    type Error = Error;
    fn try_from(name: &str) -> Result<ParamName, Error> {
        ParamName::new(name)
    }
}
