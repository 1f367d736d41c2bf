//! `Display` for [`CpuSet`]: libvirt's `virBitmapFormat`, written through a small stack buffer
//! so that formatting allocates nothing of its own.

use alloc::string::String;
use core::fmt;

use crate::CpuSet;

/// Two-digit decimal pairs, for writing numbers two digits at a time.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Capacity of the staging buffer; flushed when fewer than `ITEM_MAX` bytes remain.
const BUF: usize = 128;
/// The longest item: `,4294967295-4294967295`.
const ITEM_MAX: usize = 22;

/// Accumulates ASCII output and hands it to a sink in chunks.
struct Staging<F> {
    buf: [u8; BUF],
    len: usize,
    sink: F,
}

impl<E, F: FnMut(&str) -> Result<(), E>> Staging<F> {
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

    #[inline]
    fn number(&mut self, mut n: u32) {
        let mut tmp = [0u8; 10];
        let mut i = tmp.len();
        while n >= 100 {
            let pair = (n % 100) as usize * 2;
            n /= 100;
            i -= 2;
            tmp[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if n >= 10 {
            i -= 2;
            let pair = n as usize * 2;
            tmp[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        } else {
            i -= 1;
            tmp[i] = b'0' + n as u8;
        }
        let digits = &tmp[i..];
        self.buf[self.len..self.len + digits.len()].copy_from_slice(digits);
        self.len += digits.len();
    }
}

/// Writes the cpu-list form through `sink`, in chunks of at most 128 bytes.
fn write_list<E>(set: &CpuSet, sink: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut out = Staging { buf: [0; BUF], len: 0, sink };
    let mut first = true;
    for range in set.ranges() {
        if out.len > BUF - ITEM_MAX {
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
