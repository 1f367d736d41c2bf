//! The hexadecimal string form: libvirt's `virBitmapToString` and `virBitmapNewString`.
//!
//! The string is the bitmap read as one big hexadecimal number, most significant digit first,
//! with exactly `ceil(size / 4)` digits: its length follows the set's [`size`](CpuSet::size),
//! not its members. No `0x` prefix.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::CpuSet;
use crate::set::WORD;

/// A string that is not a hexadecimal bitmap.
///
/// ```
/// let err = virtkit_cpumap::CpuSet::from_hex_str("0x11").unwrap_err();
/// assert_eq!(err.offset(), 1);
/// assert_eq!(err.libvirt_message(), "Invalid hexadecimal string '0x11'");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HexError {
    input: String,
    offset: usize,
}

impl HexError {
    /// Byte offset of the first character that is not a hexadecimal digit.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuSet::from_hex_str("ag").unwrap_err().offset(), 1);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// libvirt's message, exactly (reported with `VIR_ERR_INVALID_ARG`).
    ///
    /// ```
    /// let err = virtkit_cpumap::CpuSet::from_hex_str("g").unwrap_err();
    /// assert_eq!(err.libvirt_message(), "Invalid hexadecimal string 'g'");
    /// ```
    pub fn libvirt_message(&self) -> String {
        alloc::format!("Invalid hexadecimal string '{}'", self.input)
    }
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Invalid hexadecimal string '{}': expected a hexadecimal digit at byte {}",
            self.input, self.offset
        )
    }
}

impl core::error::Error for HexError {}

impl CpuSet {
    /// The hexadecimal form (`virBitmapToString`): `ceil(size / 4)` digits, lowercase.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::parse_with_bound("0,4", 8)?;
    /// assert_eq!(set.to_hex_string(), "11");
    /// let wide = virtkit_cpumap::CpuSet::parse_with_bound("0,4", 16)?;
    /// assert_eq!(wide.to_hex_string(), "0011");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn to_hex_string(&self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let ndigits = self.size().div_ceil(4);
        let words = self.words();
        let mut out = Vec::with_capacity(ndigits as usize);
        for d in (0..ndigits).rev() {
            let bit = d * 4;
            let word = words.get((bit / WORD) as usize).copied().unwrap_or(0);
            let nibble = (word >> (bit % WORD)) & 0xf;
            out.push(DIGITS[nibble as usize]);
        }
        // Only ASCII digits were pushed.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Parses the hexadecimal form (`virBitmapNewString`); the size is 4 bits per digit.
    /// Upper and lower case digits are accepted; the empty string is the empty set of size 0.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::from_hex_str("000c0fefe")?;
    /// assert_eq!(set.to_string(), "1-7,9-15,22-23");
    /// assert_eq!(set.size(), 36);
    /// assert_eq!(set.to_hex_string(), "000c0fefe");
    /// # Ok::<(), virtkit_cpumap::HexError>(())
    /// ```
    pub fn from_hex_str(s: &str) -> Result<CpuSet, HexError> {
        let bytes = s.as_bytes();
        let size = bytes.len() as u64 * 4;
        let mut words = alloc::vec![0u64; size.div_ceil(WORD) as usize];
        for (i, &c) in bytes.iter().enumerate() {
            let nibble = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(HexError { input: String::from(s), offset: i }),
            };
            let bit = (bytes.len() - 1 - i) as u64 * 4;
            words[(bit / WORD) as usize] |= u64::from(nibble) << (bit % WORD);
        }
        // Every bit read lies below 4 * len, the set's size.
        Ok(CpuSet::from_word_vec(words, size))
    }
}
