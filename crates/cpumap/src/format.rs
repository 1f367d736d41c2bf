//! `Display` for [`CpuSet`]: libvirt's `virBitmapFormat`, written through a small stack buffer
//! so that formatting allocates nothing of its own.

// `#[inline(always)]` on the digit writer is measured (callgrind, criterion): without it the
// writer stays a call per number once it handles five digits.
#![allow(clippy::inline_always)]

use alloc::string::String;
use core::fmt;

use crate::CpuSet;

/// Two-digit decimal pairs: `PAIRS[n]` is `n` as two ASCII digits, for `n < 100`.
const PAIRS: [[u8; 2]; 100] = {
    let mut table = [[0u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        table[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    table
};

/// The longest item: `,4294967295-4294967295`.
const ITEM_MAX: usize = 22;

/// Accumulates ASCII output in `N` bytes and hands it to a sink in chunks.
struct Staging<const N: usize, F> {
    buf: [u8; N],
    len: usize,
    sink: F,
}

impl<const N: usize, E, F: FnMut(&str) -> Result<(), E>> Staging<N, F> {
    fn flush(&mut self) -> Result<(), E> {
        let bytes = &self.buf[..self.len];
        debug_assert!(bytes.is_ascii());
        // SAFETY: only ASCII digits, ',' and '-' are ever written to the buffer (`byte` is
        // called with those two and `number` writes digits), and ASCII is valid UTF-8.
        let text = unsafe { core::str::from_utf8_unchecked(bytes) };
        self.len = 0;
        (self.sink)(text)
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// Writes `n` in decimal. The caller guarantees `ITEM_MAX` free bytes.
    #[inline(always)]
    fn number(&mut self, n: u32) {
        let at = self.len;
        let Some(dst) = self.buf.get_mut(at..at + 10) else { return };
        let written = if n < 10 {
            dst[0] = b'0' + n as u8;
            1
        } else if n < 100 {
            dst[..2].copy_from_slice(&PAIRS[n as usize]);
            2
        } else if n < 10_000 {
            let (hi, lo) = ((n / 100) as usize, (n % 100) as usize);
            if hi < 10 {
                dst[0] = b'0' + hi as u8;
                dst[1..3].copy_from_slice(&PAIRS[lo]);
                3
            } else {
                dst[..2].copy_from_slice(&PAIRS[hi]);
                dst[2..4].copy_from_slice(&PAIRS[lo]);
                4
            }
        } else if n < 100_000 {
            // Up to CPU 99,999, which covers libvirt's domain bound of 16,384.
            let (top, rest) = (n / 10_000, n % 10_000);
            dst[0] = b'0' + top as u8;
            dst[1..3].copy_from_slice(&PAIRS[(rest / 100) as usize]);
            dst[3..5].copy_from_slice(&PAIRS[(rest % 100) as usize]);
            5
        } else {
            let len = decimal_len(n);
            let (mut v, mut i) = (n, len);
            while v >= 100 {
                i -= 2;
                dst[i..i + 2].copy_from_slice(&PAIRS[(v % 100) as usize]);
                v /= 100;
            }
            if v >= 10 {
                dst[..2].copy_from_slice(&PAIRS[v as usize]);
            } else {
                dst[0] = b'0' + v as u8;
            }
            len
        };
        self.len = at + written;
    }
}

/// Appends `n < 100` in decimal, char by char.
#[inline]
fn push_number(out: &mut String, n: u32) {
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
    } else {
        let [a, b] = PAIRS[n as usize % 100];
        out.push(char::from(a));
        out.push(char::from(b));
    }
}

/// Number of decimal digits of `n`.
#[inline]
fn decimal_len(n: u32) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        10_000..=99_999 => 5,
        100_000..=999_999 => 6,
        1_000_000..=9_999_999 => 7,
        10_000_000..=99_999_999 => 8,
        100_000_000..=999_999_999 => 9,
        _ => 10,
    }
}

/// Writes the cpu-list form through `sink`, in chunks: a small stack buffer for sets below 256
/// (nearly all real lists), a larger one above.
fn write_list<E>(set: &CpuSet, sink: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    if set.words().len() <= 4 {
        write_with::<64, E>(set, sink)
    } else {
        write_with::<512, E>(set, sink)
    }
}

fn write_with<const N: usize, E>(
    set: &CpuSet,
    sink: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut out = Staging { buf: [0; N], len: 0, sink };
    let mut first = true;
    for range in set.ranges() {
        if out.len > N - ITEM_MAX {
            out.flush()?;
        }
        if !first {
            out.byte(b',');
        }
        first = false;
        out.number(*range.start());
        if range.end() != range.start() {
            out.byte(b'-');
            out.number(*range.end());
        }
    }
    if out.len > 0 {
        out.flush()?;
    }
    Ok(())
}

impl CpuSet {
    /// The cpu-list form as a new string, like libvirt's `virBitmapFormat`: the same text as
    /// `to_string()`, written without going through `core::fmt`.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-3,^1".parse()?;
    /// assert_eq!(set.format(), "0,2-3");
    /// assert_eq!(set.format(), set.to_string());
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn format(&self) -> String {
        if self.words().len() > 1 {
            // Exact for sets below 10,000; a little generous above.
            let widest = self.last().map_or(1, decimal_len);
            let mut out = String::with_capacity(self.run_count() * (2 * widest + 2));
            self.format_into(&mut out);
            return out;
        }
        // Below CPU 64 every number has one or two digits: straight into the string, whose
        // first allocation fits nearly every such list (the longest, "0,2,...,62", grows once).
        let mut out = String::with_capacity(32);
        let mut first = true;
        for range in self.ranges() {
            if !first {
                out.push(',');
            }
            first = false;
            push_number(&mut out, *range.start());
            if range.end() != range.start() {
                out.push('-');
                push_number(&mut out, *range.end());
            }
        }
        out
    }

    /// Appends the cpu-list form to `out` (what `Display` writes), reusing its allocation.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "6,4,5,0".parse()?;
    /// let mut s = String::from("cpus=");
    /// set.format_into(&mut s);
    /// assert_eq!(s, "cpus=0,4-6");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn format_into(&self, out: &mut String) {
        let _ = write_list::<core::convert::Infallible>(self, |s| {
            out.push_str(s);
            Ok(())
        });
    }
}

/// Formats as libvirt's `virBitmapFormat`: sorted, merged ranges such as `0,4-6,13-16`; a run of
/// two is a range (`4-5`); the empty set is `""`.
///
/// ```
/// let set: virtkit_cpumap::CpuSet = "13-16,0,4,5,6,^5,5".parse()?;
/// assert_eq!(set.to_string(), "0,4-6,13-16");
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
impl fmt::Display for CpuSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(self, |s| f.write_str(s))
    }
}
