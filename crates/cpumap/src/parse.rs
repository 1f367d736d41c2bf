//! libvirt's cpu-list syntax: `virBitmapParse`, `virBitmapParseUnlimited` and the schema's
//! stricter `cpuset` pattern.
//!
//! The grammar, processed strictly left to right starting from an empty set:
//!
//! ```text
//! input   := WS* item ( WS* ',' WS* item? )* WS*    -- a trailing ',' is accepted
//! item    := num WS* ( '-' WS* num2 WS* )?          -- one CPU, or an inclusive range
//!          | '^' num WS*                            -- remove one CPU
//! num     := [0-9]+                                 -- at most 2147483647 (C int)
//! num2    := CWS* [+-]? [0-9]+                      -- strtol: C white space and a sign allowed
//! WS      := space \t \n \f \r                      -- g_ascii_isspace (no \v)
//! CWS     := space \t \n \v \f \r                   -- C isspace
//! ```
//!
//! `N-M` with `M < N` is an error (`M == N` is not), `^N-M` is an error, and in bounded mode
//! any CPU at or beyond the bound is an error. Quirks reproduced on purpose: `0-+3` is
//! `0-3`, `0--0` is `0`, `0-\v3` is accepted while `\v0` is not. The schema pattern
//! (`([0-9]+(-[0-9]+)?|\^[0-9]+)(,([0-9]+(-[0-9]+)?|\^[0-9]+))*`) allows no white space, no
//! sign and no trailing comma.
//!
//! One deliberate difference: a NUL byte ends a C string, so libvirt would silently ignore
//! whatever follows it; here it is an error (`ExpectedSeparator`) instead.

// `#[inline(always)]` on the few hot helpers of the parser is measured, not guessed: the
// bench `cpumap/long_lists` loses 30% without it (callgrind and criterion).
#![allow(clippy::inline_always)]

use core::str::FromStr;

use nom::Parser;
use nom::bytes::complete::take_while;

use crate::{CpuSet, DOMAIN_CPUMASK_LEN, MAX_CPU, ParseError, ParseErrorKind};

/// How large a parsed set may be.
///
/// ```
/// use virtkit_cpumap::{CpuListParser, Limit};
/// let set = CpuListParser::new(Limit::Bits(8)).parse("0-7")?;
/// assert_eq!(set.size(), 8);
/// assert!(CpuListParser::new(Limit::Bits(8)).parse("8").is_err());
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// A bitmap of this many bits (`virBitmapParse(str, &map, size)`): every CPU must be below
    /// it, and the result has this size.
    Bits(u32),
    /// A bitmap that grows to the highest CPU mentioned (`virBitmapParseUnlimited`), up to
    /// [`MAX_CPU`]. Beware: like libvirt, `0-2147483647` then sets 2^31 bits (256 MiB).
    Unlimited,
}

/// Which syntax a [`CpuListParser`] accepts.
///
/// ```
/// use virtkit_cpumap::{CpuListParser, Syntax};
/// let strict = CpuListParser::domain().syntax(Syntax::Schema);
/// assert!(strict.parse("0-3,^1").is_ok());
/// assert!(strict.parse("0-3, ^1").is_err());
/// assert!(CpuListParser::domain().parse("0-3, ^1").is_ok());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// What libvirt's parser accepts at run time (white space, trailing comma, signs).
    #[default]
    Libvirt,
    /// Only what the schema's `cpuset` pattern in `basictypes.rng` accepts.
    Schema,
}

/// A configured cpu-list parser.
///
/// ```
/// use virtkit_cpumap::{CpuListParser, Limit};
/// let parser = CpuListParser::new(Limit::Unlimited).allow_empty(true);
/// assert!(parser.parse("  ")?.is_empty());
/// assert_eq!(parser.parse("100000")?.to_string(), "100000");
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CpuListParser {
    limit: Limit,
    allow_empty: bool,
    syntax: Syntax,
}

impl Default for CpuListParser {
    fn default() -> CpuListParser {
        CpuListParser::domain()
    }
}

impl CpuListParser {
    /// A parser with the given limit, libvirt syntax, empty input rejected.
    ///
    /// ```
    /// use virtkit_cpumap::{CpuListParser, Limit};
    /// assert!(CpuListParser::new(Limit::Bits(4)).parse("3").is_ok());
    /// ```
    pub const fn new(limit: Limit) -> CpuListParser {
        CpuListParser { limit, allow_empty: false, syntax: Syntax::Libvirt }
    }

    /// The parser libvirt uses for domain XML: [`DOMAIN_CPUMASK_LEN`] bits, libvirt syntax.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuListParser::domain().parse("0-2,^1")?;
    /// assert_eq!(set.to_string(), "0,2");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub const fn domain() -> CpuListParser {
        CpuListParser::new(Limit::Bits(DOMAIN_CPUMASK_LEN))
    }

    /// Accept an empty or all-white-space input as the empty set
    /// (`virBitmapParseUnlimitedAllowEmpty`).
    ///
    /// ```
    /// let p = virtkit_cpumap::CpuListParser::domain().allow_empty(true);
    /// assert!(p.parse("")?.is_empty());
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub const fn allow_empty(mut self, allow: bool) -> CpuListParser {
        self.allow_empty = allow;
        self
    }

    /// Selects the accepted syntax.
    ///
    /// ```
    /// use virtkit_cpumap::{CpuListParser, Syntax};
    /// assert!(CpuListParser::domain().syntax(Syntax::Schema).parse("1,").is_err());
    /// ```
    #[must_use]
    pub const fn syntax(mut self, syntax: Syntax) -> CpuListParser {
        self.syntax = syntax;
        self
    }

    /// Parses `input`.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuListParser::domain().parse(" 2 - 3 ")?;
    /// assert_eq!(set.to_string(), "2-3");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn parse(&self, input: &str) -> Result<CpuSet, ParseError> {
        let bound = match self.limit {
            Limit::Bits(n) => Some(u64::from(n)),
            Limit::Unlimited => None,
        };
        let strict = self.syntax == Syntax::Schema;
        Run { parser: self, input, set: CpuSet::new(), bound, strict }.run()
    }
}

impl CpuSet {
    /// Parses a cpu list into a set of `bound` bits (`virBitmapParse(str, &map, bound)`).
    ///
    /// ```
    /// use virtkit_cpumap::CpuSet;
    /// assert_eq!(CpuSet::parse_with_bound("1-32,50,88-99,1021-1023", 1025)?.len(), 48);
    /// assert!(CpuSet::parse_with_bound("1-1000000000", 20).is_err());
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn parse_with_bound(input: &str, bound: u32) -> Result<CpuSet, ParseError> {
        CpuListParser::new(Limit::Bits(bound)).parse(input)
    }

    /// Parses a cpu list into a set that grows as needed (`virBitmapParseUnlimited`); CPU numbers
    /// up to [`MAX_CPU`]. Memory follows the highest CPU named, up to 256 MiB for `2147483647`:
    /// prefer [`parse_with_bound`](CpuSet::parse_with_bound) for untrusted input.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::parse_unlimited("0,70000")?;
    /// assert_eq!(set.size(), 70001);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn parse_unlimited(input: &str) -> Result<CpuSet, ParseError> {
        CpuListParser::new(Limit::Unlimited).parse(input)
    }

    /// Parses with the domain-XML bound, accepting only the schema's `cpuset` pattern.
    ///
    /// ```
    /// use virtkit_cpumap::CpuSet;
    /// assert!(CpuSet::parse_strict("0-3,^1").is_ok());
    /// assert!(CpuSet::parse_strict("0-+3").is_err());
    /// ```
    pub fn parse_strict(input: &str) -> Result<CpuSet, ParseError> {
        CpuListParser::domain().syntax(Syntax::Schema).parse(input)
    }
}

/// Parses with libvirt's domain-XML bound of 16384 bits ([`CpuListParser::domain`]).
///
/// ```
/// let set: virtkit_cpumap::CpuSet = "0-3,^1".parse()?;
/// assert_eq!(set.to_string(), "0,2-3");
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
impl FromStr for CpuSet {
    type Err = ParseError;

    #[inline]
    fn from_str(s: &str) -> Result<CpuSet, ParseError> {
        CpuListParser::domain().parse(s)
    }
}

/// `g_ascii_isspace`, which libvirt's `virSkipSpaces` uses: no vertical tab.
fn is_glib_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// C `isspace` in the C locale, which `strtol` skips.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

type NomResult<'a, T> = nom::IResult<&'a [u8], T, ()>;

/// Skips white space of the given class.
fn spaces(i: &[u8], class: fn(u8) -> bool) -> &[u8] {
    let r: NomResult<'_, &[u8]> = take_while(class).parse(i);
    r.map_or(i, |(rest, _)| rest)
}

/// Reads decimal digits at `b[*pos..]`. Returns `None` when there is no digit; values beyond
/// `u32::MAX` come back as `i64::MAX` (too large for every caller).
#[inline]
fn read_digits(b: &[u8], pos: &mut usize) -> Option<i64> {
    let first = *pos;
    let mut v: u64 = 0;
    // Up to 19 digits cannot overflow a u64; longer runs are rare and checked below.
    while let Some(&c) = b.get(*pos) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v.wrapping_mul(10).wrapping_add(u64::from(d));
        *pos += 1;
    }
    let n = *pos - first;
    if n == 0 {
        return None;
    }
    if n > 19 {
        // Leading zeros do not count; any other digit beyond the 19th means "too large".
        let significant = b[first..*pos].iter().position(|&c| c != b'0').map_or(0, |z| n - z);
        if significant > 19 {
            return Some(i64::MAX);
        }
    }
    Some(if v > u64::from(u32::MAX) { i64::MAX } else { v as i64 })
}

/// Up to nine digits at `b[*pos..]` (always within C `int`); `None` for none or more.
///
/// With eight bytes available, up to seven digits are read at once (SWAR: one 64-bit load,
/// a digit mask and three multiplications); otherwise, or for longer numbers, byte by byte.
#[inline(always)]
fn short_number(b: &[u8], pos: &mut usize) -> Option<u64> {
    if let Some(&chunk) = b.get(*pos..).and_then(|rest| rest.first_chunk::<8>()) {
        let chunk = u64::from_le_bytes(chunk);
        let x = chunk ^ 0x3030_3030_3030_3030;
        // High bit of each byte that is not an ASCII digit. A carry out of a byte only reaches
        // later bytes, after the first non-digit, which is all that is used.
        let non_digit = (x.wrapping_add(0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080;
        let n = (non_digit.trailing_zeros() / 8) as usize;
        if (1..8).contains(&n) {
            // Move the n digits to the top and fill the bottom with '0's.
            let padded = (chunk << (8 * (8 - n))) | (0x3030_3030_3030_3030u64 >> (8 * n));
            *pos += n;
            return Some(u64::from(eight_digits(padded)));
        }
        if n == 0 {
            return None;
        }
    }
    let first = *pos;
    let v = read_digits(b, pos)?;
    (*pos - first < 10).then_some(v as u64)
}

/// The value of eight ASCII digits loaded little-endian (first digit in the lowest byte).
#[inline(always)]
fn eight_digits(chunk: u64) -> u32 {
    let v = chunk.wrapping_sub(0x3030_3030_3030_3030);
    let v = v.wrapping_mul(10).wrapping_add(v >> 8);
    let low = (v & 0x0000_00ff_0000_00ff).wrapping_mul(100 + (1_000_000 << 32));
    let high = ((v >> 16) & 0x0000_00ff_0000_00ff).wrapping_mul(1 + (10_000 << 32));
    (low.wrapping_add(high) >> 32) as u32
}

/// One item read by the fast path.
enum Quick {
    /// `N` or `N-M`: set `start..=end`.
    Set(u64, u64),
    /// `^N`: clear `N`.
    Clear(u64),
}

/// The fast path: `N`, `N-M` or `^N` (digits only, at most nine each) followed by `,` or the
/// end. Returns the item and the position after the comma. A trailing comma in strict mode,
/// and everything else, is left to the general path.
#[inline(always)]
fn quick_item(b: &[u8], pos: usize, strict: bool) -> Option<(Quick, usize)> {
    let mut p = pos;
    let item = if b.get(p) == Some(&b'^') {
        p += 1;
        Quick::Clear(short_number(b, &mut p)?)
    } else {
        let start = short_number(b, &mut p)?;
        if b.get(p) == Some(&b'-') {
            p += 1;
            Quick::Set(start, short_number(b, &mut p)?)
        } else {
            Quick::Set(start, start)
        }
    };
    match b.get(p) {
        None => Some((item, p)),
        Some(b',') if !(strict && p + 1 == b.len()) => Some((item, p + 1)),
        _ => None,
    }
}

/// One parse of one input.
struct Run<'p, 'i> {
    parser: &'p CpuListParser,
    input: &'i str,
    set: CpuSet,
    /// The bound in bits, or `None` when unlimited.
    bound: Option<u64>,
    strict: bool,
}

impl Run<'_, '_> {
    #[cold]
    #[inline(never)]
    fn error(&self, at: usize, kind: ParseErrorKind) -> ParseError {
        ParseError::new(self.input, at, kind)
    }

    /// Skips libvirt's white space (nothing in strict mode).
    #[inline]
    fn ws(&self, b: &[u8], pos: usize) -> usize {
        // Every white-space byte is at most b' ', so most bytes leave at once.
        match b.get(pos) {
            Some(&c) if c <= b' ' && !self.strict && is_glib_space(c) => {}
            _ => return pos,
        }
        b.len() - spaces(&b[pos..], is_glib_space).len()
    }

    #[inline]
    fn check_bound(&self, at: usize, cpu: i64) -> Result<(), ParseError> {
        match self.bound {
            Some(bound) if cpu as u64 >= bound => {
                Err(self.error(at, ParseErrorKind::OutOfRange { cpu: cpu as u64, bound }))
            }
            _ => Ok(()),
        }
    }

    /// The first number of an item: digits only, within C `int`.
    #[inline]
    fn first_number(&self, b: &[u8], pos: &mut usize) -> Result<i64, ParseError> {
        let at = *pos;
        match read_digits(b, pos) {
            Some(v) if v <= i64::from(MAX_CPU) => Ok(v),
            Some(_) => Err(self.error(at, ParseErrorKind::NumberTooLarge)),
            None => Err(self.error(at, ParseErrorKind::ExpectedNumber)),
        }
    }

    /// The number after `-`: `strtol` semantics (C white space, optional sign) unless strict.
    fn range_end(&self, b: &[u8], pos: &mut usize) -> Result<i64, ParseError> {
        if self.strict || b.get(*pos).is_some_and(u8::is_ascii_digit) {
            return self.first_number(b, pos);
        }
        // The rare spellings: leading C white space (skipped with nom) and a sign.
        let at = *pos;
        let j = spaces(&b[at..], is_c_space);
        let (j, negative) = match j.first() {
            Some(b'+') => (&j[1..], false),
            Some(b'-') => (&j[1..], true),
            _ => (j, false),
        };
        let mut p = b.len() - j.len();
        match read_digits(b, &mut p) {
            Some(v) => {
                *pos = p;
                let v = if negative { -v } else { v };
                if v > i64::from(i32::MAX) || v < i64::from(i32::MIN) {
                    Err(self.error(at, ParseErrorKind::NumberTooLarge))
                } else {
                    Ok(v)
                }
            }
            None => Err(self.error(at, ParseErrorKind::ExpectedNumber)),
        }
    }

    fn run(mut self) -> Result<CpuSet, ParseError> {
        if let Some(bound) = self.bound {
            self.set.set_size_raw(bound);
        }
        let b = self.input.as_bytes();
        let mut pos = self.ws(b, 0);
        if pos == b.len() {
            return if self.parser.allow_empty {
                Ok(self.set)
            } else {
                Err(self.error(pos, ParseErrorKind::Empty))
            };
        }
        // Quick items hold at most nine digits, so below `MAX_CPU` whatever the limit.
        let limit = self.bound.unwrap_or(u64::MAX);
        while pos < b.len() {
            // The common spellings (`N,` and `N-M,` without white space) in one tight step;
            // anything else, errors included, goes through the general path below.
            if let Some((item, next)) = quick_item(b, pos, self.strict) {
                // A bounded set already has its final size, so growing it is a no-op there.
                match item {
                    Quick::Set(start, end) if start <= end && end < limit => {
                        if start == end {
                            self.set.set_bit(start);
                        } else {
                            self.set.fill_range(start, end);
                        }
                        self.set.grow_size(end);
                        pos = self.ws(b, next);
                        continue;
                    }
                    Quick::Clear(bit) if bit < limit => {
                        self.set.clear_bit(bit);
                        self.set.grow_size(bit);
                        pos = self.ws(b, next);
                        continue;
                    }
                    _ => {}
                }
            }
            let negate = b[pos] == b'^';
            pos += usize::from(negate);
            let at_start = pos;
            let start = self.first_number(b, &mut pos)?;
            pos = self.ws(b, pos);
            match b.get(pos) {
                None | Some(b',') => {
                    self.check_bound(at_start, start)?;
                    let bit = start as u64;
                    if negate {
                        self.set.clear_bit(bit);
                    } else {
                        self.set.set_bit(bit);
                    }
                    if self.bound.is_none() {
                        self.set.grow_size(bit);
                    }
                }
                Some(b'-') => {
                    if negate {
                        return Err(self.error(pos, ParseErrorKind::ExcludedRange));
                    }
                    pos = self.ws(b, pos + 1);
                    let at_end = pos;
                    let end = self.range_end(b, &mut pos)?;
                    if end < start {
                        return Err(
                            self.error(at_end, ParseErrorKind::ReversedRange { start, end })
                        );
                    }
                    self.check_bound(at_end, end)?;
                    self.set.fill_range(start as u64, end as u64);
                    if self.bound.is_none() {
                        self.set.grow_size(end as u64);
                    }
                    pos = self.ws(b, pos);
                }
                Some(_) => {}
            }
            match b.get(pos) {
                Some(b',') => {
                    pos = self.ws(b, pos + 1);
                    if pos == b.len() && self.strict {
                        return Err(self.error(pos, ParseErrorKind::ExpectedNumber));
                    }
                }
                None => break,
                Some(_) => return Err(self.error(pos, ParseErrorKind::ExpectedSeparator)),
            }
        }
        self.set.trim();
        Ok(self.set)
    }
}
