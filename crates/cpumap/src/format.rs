//! `Display` for [`CpuSet`]: libvirt's `virBitmapFormat`.

use alloc::string::String;
use core::fmt;

use crate::CpuSet;

/// The decimal form of `n`, written into `buf` (a small, allocation-free itoa).
pub(crate) fn decimal(n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // The bytes are ASCII digits, so this never falls back.
    core::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// Writes the cpu-list form through `sink`, one piece at a time.
fn write_list<E>(set: &CpuSet, mut sink: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut buf = [0u8; 10];
    let mut first = true;
    for range in set.ranges() {
        if !first {
            sink(",")?;
        }
        first = false;
        sink(decimal(*range.start(), &mut buf))?;
        if range.end() != range.start() {
            sink("-")?;
            sink(decimal(*range.end(), &mut buf))?;
        }
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
