//! The Linux kernel's cpulist dialect (`bitmap_parselist` in `lib/bitmap.c`), as found in
//! `/sys/devices/system/cpu/online`, `/sys/devices/system/node/node0/cpulist` and the
//! `isolcpus=` / `nohz_full=` boot parameters.
//!
//! ```text
//! list    := SEP* ( region ( SEP+ region )* )? SEP*    -- an empty list is the empty set
//! region  := 'all' pattern? | num ( '-' num pattern? )?
//! pattern := ':' num '/' num                           -- N-M:used/group
//! num     := [0-9]+ | 'N'                              -- 'N' is the last bit (nbits - 1)
//! SEP     := ',' | C white space
//! ```
//!
//! A region must not run past `nbits` (`ERANGE`), `start <= end`, `group > 0` and
//! `used <= group` (`EINVAL`), and numbers must fit in 32 bits (`EOVERFLOW`). `all` is matched
//! without regard to case. Kernel quirk kept: a newline right after a region ends the list, as
//! for the trailing newline of sysfs files (`"1\n2"` is `{1}`). There is no `^` in this
//! dialect.

use alloc::string::String;
use core::fmt;

use crate::CpuSet;

/// Why the kernel's parser would reject a cpulist.
///
/// ```
/// use virtkit_cpumap::{KernelListErrorKind, parse_kernel_list};
/// let err = parse_kernel_list("0-8", 8).unwrap_err();
/// assert_eq!(err.kind(), KernelListErrorKind::Range);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KernelListErrorKind {
    /// `EINVAL`: malformed, `start > end`, a zero group or `used > group`.
    Invalid,
    /// `ERANGE`: a region runs past the bitmap.
    Range,
    /// `EOVERFLOW`: a number does not fit in 32 bits.
    Overflow,
}

impl KernelListErrorKind {
    /// The errno the kernel returns (`EINVAL` 22, `ERANGE` 34, `EOVERFLOW` 75).
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::KernelListErrorKind::Range.errno(), 34);
    /// ```
    pub const fn errno(self) -> i32 {
        match self {
            KernelListErrorKind::Invalid => 22,
            KernelListErrorKind::Range => 34,
            KernelListErrorKind::Overflow => 75,
        }
    }
}

/// A rejected kernel cpulist with the byte offset of the region or number at fault.
///
/// ```
/// let err = virtkit_cpumap::parse_kernel_list("0-3,^1", 8).unwrap_err();
/// assert_eq!(err.offset(), 4);
/// assert_eq!(err.to_string(), "invalid cpulist '0-3,^1': malformed at byte 4 (EINVAL)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelListError {
    input: String,
    offset: usize,
    kind: KernelListErrorKind,
}

impl KernelListError {
    /// What was wrong.
    ///
    /// ```
    /// use virtkit_cpumap::{KernelListErrorKind, parse_kernel_list};
    /// assert_eq!(parse_kernel_list("3-1", 8).unwrap_err().kind(), KernelListErrorKind::Invalid);
    /// ```
    pub fn kind(&self) -> KernelListErrorKind {
        self.kind
    }

    /// Byte offset of the region or number at fault.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::parse_kernel_list("1,x", 8).unwrap_err().offset(), 2);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for KernelListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, errno) = match self.kind {
            KernelListErrorKind::Invalid => ("malformed", "EINVAL"),
            KernelListErrorKind::Range => ("beyond the last CPU", "ERANGE"),
            KernelListErrorKind::Overflow => ("number too large", "EOVERFLOW"),
        };
        write!(f, "invalid cpulist '{}': {what} at byte {} ({errno})", self.input, self.offset)
    }
}

impl core::error::Error for KernelListError {}

/// Parses a Linux kernel cpulist into a set of `nbits` bits, as `bitmap_parselist` does.
///
/// Memory is bounded by `nbits`, whatever the input.
///
/// ```
/// use virtkit_cpumap::parse_kernel_list;
/// assert_eq!(parse_kernel_list("0-3,8-11\n", 64)?.to_string(), "0-3,8-11");
/// assert_eq!(parse_kernel_list("0-15:2/4", 16)?.to_string(), "0-1,4-5,8-9,12-13");
/// assert_eq!(parse_kernel_list("N", 8)?.to_string(), "7");
/// assert_eq!(parse_kernel_list("all:1/2", 8)?.to_string(), "0,2,4,6");
/// assert!(parse_kernel_list("", 8)?.is_empty());
/// # Ok::<(), virtkit_cpumap::KernelListError>(())
/// ```
pub fn parse_kernel_list(input: &str, nbits: u32) -> Result<CpuSet, KernelListError> {
    let bytes = input.as_bytes();
    let err = |offset: usize, kind| KernelListError { input: String::from(input), offset, kind };
    let lastbit = nbits.wrapping_sub(1);
    let mut set = CpuSet::with_size(u64::from(nbits));
    let mut pos = 0;
    loop {
        // bitmap_find_region: skip separators; the end (NUL or newline) finishes.
        while pos < bytes.len() && is_separator(bytes[pos]) {
            pos += 1;
        }
        if pos >= bytes.len() || bytes[pos] == b'\n' {
            return Ok(set);
        }
        let region_at = pos;
        let (start, end, used, group);
        if bytes.len() - pos >= 3 && bytes[pos..pos + 3].eq_ignore_ascii_case(b"all") {
            pos += 3;
            (start, end) = (0, lastbit);
        } else {
            start = number(bytes, &mut pos, lastbit).map_err(|(at, k)| err(at, k))?;
            if at_region_end(bytes, pos) {
                end = start;
            } else if bytes[pos] == b'-' {
                pos += 1;
                end = number(bytes, &mut pos, lastbit).map_err(|(at, k)| err(at, k))?;
            } else {
                return Err(err(pos, KernelListErrorKind::Invalid));
            }
        }
        if at_region_end(bytes, pos) {
            used = end.wrapping_add(1);
            group = end.wrapping_add(1);
        } else if bytes[pos] == b':' {
            pos += 1;
            used = number(bytes, &mut pos, lastbit).map_err(|(at, k)| err(at, k))?;
            if bytes.get(pos) != Some(&b'/') {
                return Err(err(pos, KernelListErrorKind::Invalid));
            }
            pos += 1;
            group = number(bytes, &mut pos, lastbit).map_err(|(at, k)| err(at, k))?;
        } else {
            return Err(err(pos, KernelListErrorKind::Invalid));
        }
        // bitmap_check_region.
        if start > end || group == 0 || used > group {
            return Err(err(region_at, KernelListErrorKind::Invalid));
        }
        if end >= nbits {
            return Err(err(region_at, KernelListErrorKind::Range));
        }
        // bitmap_set_region: `used` bits at the start of every group.
        let mut first = u64::from(start);
        let (end, used, group) = (u64::from(end), u64::from(used), u64::from(group));
        while first <= end {
            let last = end.min(first + used.max(1) - 1);
            if used > 0 {
                set.fill_range(first, last);
            }
            first += group;
        }
        // After a region, the kernel stops at the end of the string or a newline.
        if pos >= bytes.len() || bytes[pos] == b'\n' {
            set.trim();
            return Ok(set);
        }
    }
}

/// Kernel `isspace` (ASCII white space, vertical tab and Latin-1 NBSP) or a comma.
fn is_separator(c: u8) -> bool {
    matches!(c, b',' | b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | 0xa0)
}

fn at_region_end(bytes: &[u8], pos: usize) -> bool {
    pos >= bytes.len() || is_separator(bytes[pos])
}

/// `bitmap_getnum`: `N` or decimal digits fitting in 32 bits.
fn number(
    bytes: &[u8],
    pos: &mut usize,
    lastbit: u32,
) -> Result<u32, (usize, KernelListErrorKind)> {
    let at = *pos;
    if bytes.get(at) == Some(&b'N') {
        *pos += 1;
        return Ok(lastbit);
    }
    let mut value: u64 = 0;
    let mut overflow = false;
    while let Some(d) = bytes.get(*pos).filter(|c| c.is_ascii_digit()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d - b'0')))
            .unwrap_or_else(|| {
                overflow = true;
                0
            });
        *pos += 1;
    }
    if *pos == at {
        return Err((at, KernelListErrorKind::Invalid));
    }
    if overflow || value > u64::from(u32::MAX) {
        return Err((at, KernelListErrorKind::Overflow));
    }
    Ok(value as u32)
}
