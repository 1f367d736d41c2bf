//! Values from text, as `virTypedParameterAssignFromStr` and virsh's `--set name=value` do.

use alloc::string::String;

use crate::error::Error;
use crate::kind::{ParamType, SpecType};
use crate::list::TypedParams;
use crate::name::ParamName;
use crate::param::TypedParam;
use crate::text::ParamString;
use crate::validate::ParamSpec;
use crate::value::TypedValue;

impl TypedValue {
    /// Parses `text` as a value of type `ty`, exactly as `virTypedParameterAssignFromStr`
    /// does (`name` only appears in the error):
    ///
    /// * integers: C `strtol`/`strtoul` in base 10 (leading white space and a sign allowed,
    ///   nothing after the digits), range-checked for the type; like libvirt, `uint` accepts
    ///   `-1` as 4294967295 and `ullong` wraps negative numbers;
    /// * doubles: C `strtod` (decimal, hexadecimal, `inf`, `nan`), out-of-range values
    ///   (overflow, inexact underflow) rejected;
    /// * booleans: `true`/`false` in any case, or `1`/`0`;
    /// * strings: taken as they are.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, TypedValue};
    ///
    /// assert_eq!(TypedValue::parse(ParamType::UInt, "w", " 500")?, TypedValue::UInt(500));
    /// assert_eq!(TypedValue::parse(ParamType::UInt, "w", "-1")?, TypedValue::UInt(u32::MAX));
    /// assert_eq!(TypedValue::parse(ParamType::Boolean, "b", "TRUE")?, TypedValue::Boolean(true));
    /// assert_eq!(TypedValue::parse(ParamType::Double, "d", "0x1p3")?, TypedValue::Double(8.0));
    /// assert_eq!(
    ///     TypedValue::parse(ParamType::UInt, "weight", "abc").unwrap_err().to_string(),
    ///     "invalid argument: Invalid value for field 'weight': expected unsigned int"
    /// );
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn parse(ty: ParamType, name: &str, text: &str) -> Result<TypedValue, Error> {
        let bad = || Error::InvalidValue { name: String::from(name), expected: ty };
        Ok(match ty {
            ParamType::Int => {
                TypedValue::Int(strtol(text).and_then(|v| i32::try_from(v).ok()).ok_or_else(bad)?)
            }
            ParamType::UInt => TypedValue::UInt(strtoui(text).ok_or_else(bad)?),
            ParamType::LLong => TypedValue::LLong(strtol(text).ok_or_else(bad)?),
            ParamType::ULLong => TypedValue::ULLong(strtoull(text).ok_or_else(bad)?),
            ParamType::Double => TypedValue::Double(strtod(text).ok_or_else(bad)?),
            ParamType::Boolean => {
                if text.eq_ignore_ascii_case("true") || text == "1" {
                    TypedValue::Boolean(true)
                } else if text.eq_ignore_ascii_case("false") || text == "0" {
                    TypedValue::Boolean(false)
                } else {
                    return Err(Error::InvalidBoolean { name: String::from(name) });
                }
            }
            ParamType::String => TypedValue::String(ParamString::from(text)),
        })
    }
}

impl TypedParam {
    /// A parameter of type `ty` parsed from text (`virTypedParameterAssignFromStr`): the name
    /// is checked first, then the value (see [`TypedValue::parse`]).
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, TypedParam};
    /// let p = TypedParam::parse("cap", ParamType::UInt, "50")?;
    /// assert_eq!(p.to_string(), "cap            : 50");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn parse(name: &str, ty: ParamType, text: &str) -> Result<TypedParam, Error> {
        let pname = ParamName::new(name)?;
        TypedParam::with_name(pname, TypedValue::parse(ty, name, text)?)
    }
}

/// Splits virsh's `--set name=value` at the first `=`.
///
/// ```
/// use virtkit_typedparams::split_assignment;
/// assert_eq!(split_assignment("a=b=c")?, ("a", "b=c"));
/// assert_eq!(
///     split_assignment("weight").unwrap_err().to_string(),
///     "Invalid syntax for --set, expecting name=value"
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn split_assignment(set: &str) -> Result<(&str, &str), Error> {
    set.split_once('=').ok_or(Error::InvalidAssignment)
}

/// Parses virsh's `--set name=value` against the parameters the domain currently reports
/// (what `virsh schedinfo --set` does): the value takes the type of the first current
/// parameter with that name; an unknown name is `invalid scheduler option: %s`.
///
/// ```
/// use virtkit_typedparams::{assign_like, TypedParams, TypedValue};
///
/// let mut current = TypedParams::new();
/// current.add_uint("weight", 100)?;
/// let p = assign_like("weight=200", &current)?;
/// assert_eq!(p.value(), &TypedValue::UInt(200));
/// assert_eq!(
///     assign_like("weight=abc", &current).unwrap_err().to_string(),
///     "invalid argument: Invalid value for field 'weight': expected unsigned int"
/// );
/// assert_eq!(
///     assign_like("cap=1", &current).unwrap_err().to_string(),
///     "invalid scheduler option: cap"
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn assign_like(set: &str, current: &TypedParams) -> Result<TypedParam, Error> {
    let (name, value) = split_assignment(set)?;
    let ty = current
        .get(name)
        .map(TypedParam::param_type)
        .ok_or_else(|| Error::UnknownOption { name: String::from(name) })?;
    TypedParam::parse(name, ty, value)
}

/// Parses `name=value` typed by an allow-list (a schema); an `unsigned` entry parses as
/// `ullong`.
///
/// ```
/// use virtkit_typedparams::{assign, schema, TypedValue};
/// let p = assign("hard_limit=1048576", schema::MemoryParams::SPECS)?;
/// assert_eq!(p.value(), &TypedValue::ULLong(1_048_576));
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn assign(set: &str, specs: &[ParamSpec]) -> Result<TypedParam, Error> {
    let (name, value) = split_assignment(set)?;
    let spec = specs
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| Error::UnknownOption { name: String::from(name) })?;
    let ty = match spec.ty {
        SpecType::Exact(t) => t,
        SpecType::Unsigned => ParamType::ULLong,
    };
    TypedParam::parse(name, ty, value)
}

/// C `isspace` in the C locale.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Leading white space and sign, as `strtol` reads them: (negative, rest).
fn sign_and_rest(text: &str) -> (bool, &[u8]) {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|&b| !is_c_space(b)).unwrap_or(bytes.len());
    let rest = &bytes[start..];
    match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    }
}

/// The decimal magnitude of the whole of `digits`, or `None` if it is empty, has another
/// character, or overflows `u64`.
fn magnitude(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    Some(v)
}

/// `strtoll` of the whole text (libvirt's `virStrToLong_ll`).
fn strtol(text: &str) -> Option<i64> {
    let (neg, digits) = sign_and_rest(text);
    let m = magnitude(digits)?;
    if neg {
        if m > i64::MAX as u64 + 1 { None } else { Some((m as i64).wrapping_neg()) }
    } else {
        i64::try_from(m).ok()
    }
}

/// `strtoull` of the whole text (libvirt's `virStrToLong_ull`): negatives wrap.
fn strtoull(text: &str) -> Option<u64> {
    let (neg, digits) = sign_and_rest(text);
    let m = magnitude(digits)?;
    Some(if neg { m.wrapping_neg() } else { m })
}

/// libvirt's `virStrToLong_ui`: `-N` is accepted when N <= UINT_MAX and wraps in 32 bits.
fn strtoui(text: &str) -> Option<u32> {
    let (neg, digits) = sign_and_rest(text);
    let m = magnitude(digits)?;
    let m = u32::try_from(m).ok()?;
    Some(if neg { m.wrapping_neg() } else { m })
}

/// `strtod` of the whole text in the C locale, failing where glibc sets `ERANGE`.
fn strtod(text: &str) -> Option<f64> {
    let (neg, rest) = sign_and_rest(text);
    let v = parse_unsigned_float(rest)?;
    Some(if neg { -v } else { v })
}

fn parse_unsigned_float(s: &[u8]) -> Option<f64> {
    let lower = |n: usize| s.len() >= n && s[..n].eq_ignore_ascii_case(&b"infinity"[..n]);
    if s.len() == 3 && lower(3) || s.len() == 8 && lower(8) {
        return Some(f64::INFINITY);
    }
    if s.len() >= 3 && s[..3].eq_ignore_ascii_case(b"nan") {
        return parse_nan(&s[3..]);
    }
    if s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        return parse_hex_float(&s[2..]);
    }
    parse_dec_float(s)
}

/// `nan` or `nan(n-char-sequence)`; the sequence, read as a C integer, becomes the payload.
fn parse_nan(rest: &[u8]) -> Option<f64> {
    const QUIET: u64 = 0x7ff8_0000_0000_0000;
    if rest.is_empty() {
        return Some(f64::from_bits(QUIET));
    }
    let inner = rest.strip_prefix(b"(")?.strip_suffix(b")")?;
    if !inner.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        return None;
    }
    let payload = c_integer(inner).unwrap_or(0) & 0x0007_ffff_ffff_ffff;
    Some(f64::from_bits(QUIET | payload))
}

/// An unsigned C integer literal in base 0 (decimal, `0x` hex, leading-0 octal).
fn c_integer(s: &[u8]) -> Option<u64> {
    let (digits, radix) = if s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        (&s[2..], 16)
    } else if s.len() > 1 && s[0] == b'0' {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let text = core::str::from_utf8(digits).ok()?;
    u64::from_str_radix(text, radix).ok()
}

fn parse_dec_float(s: &[u8]) -> Option<f64> {
    // The syntax strtod accepts: digits [. digits] [e [sign] digits], at least one digit in
    // the mantissa. Rust's parser accepts the same set, plus words we handled already.
    let mut i = 0;
    let mut mantissa_digits = 0;
    let mut nonzero = false;
    while i < s.len() && s[i].is_ascii_digit() {
        nonzero |= s[i] != b'0';
        i += 1;
        mantissa_digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            nonzero |= s[i] != b'0';
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] | 0x20) == b'e' {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    let v: f64 = core::str::from_utf8(s).ok()?.parse().ok()?;
    // ERANGE: overflow, or a nonzero number that lands in (or under) the subnormal range.
    if v.is_infinite() || (nonzero && v.abs() < f64::MIN_POSITIVE) {
        return None;
    }
    Some(v)
}

/// A hexadecimal float after `0x`: hex digits [. hex digits] [p [sign] decimal digits],
/// rounded to nearest even, `None` on overflow or inexact underflow (glibc's `ERANGE`).
fn parse_hex_float(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    while i < s.len() {
        let c = s[i];
        if c == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else { break };
        digits += 1;
        if mant >> 60 == 0 {
            mant = (mant << 4) | u64::from(d);
            if seen_point {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                exp += 4;
            }
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] | 0x20) == b'p' {
        i += 1;
        let neg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            e = (e * 10 + i64::from(s[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if neg { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    compose(mant, sticky, exp)
}

/// `mant * 2^exp` (plus a sticky bit below `mant`) rounded to nearest even.
fn compose(mant: u64, sticky: bool, exp: i64) -> Option<f64> {
    if mant == 0 {
        return Some(0.0);
    }
    // Normalise so that the top bit is bit 63: value = m * 2^(e - 63), m in [2^63, 2^64).
    let shift = mant.leading_zeros();
    let m = mant << shift;
    let e = exp + 63 - i64::from(shift); // value = (m / 2^63) * 2^e
    if e > 1023 {
        return None;
    }
    // Number of mantissa bits kept: 53 for normals, fewer for subnormals.
    let keep: i64 = if e >= -1022 { 53 } else { 53 - (-1022 - e) };
    if keep <= 0 {
        // Below half the smallest subnormal (or exactly at it): rounds to 0 or min, inexact.
        return None;
    }
    let drop = 64 - keep as u32;
    let kept = m >> drop;
    let rem = m & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let inexact = rem != 0 || sticky;
    let round_up = rem > half || (rem == half && (sticky || kept & 1 == 1));
    if e < -1022 && inexact {
        return None; // glibc: tiny and inexact -> ERANGE
    }
    let mut kept = kept + u64::from(round_up);
    let mut e = e;
    if keep == 53 && kept == 1 << 53 {
        kept >>= 1;
        e += 1;
        if e > 1023 {
            return None;
        }
    }
    let bits = if e >= -1022 && kept >= 1 << 52 {
        (((e + 1023) as u64) << 52) | (kept & ((1 << 52) - 1))
    } else {
        kept // subnormal (exact); a carry into 2^52 lands on the smallest normal
    };
    Some(f64::from_bits(bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_floats_round_like_glibc() {
        let cases: &[(&str, u64)] = &[
            ("0x1p3", 0x4020_0000_0000_0000),
            ("0x.8p1", 0x3ff0_0000_0000_0000),
            ("0x1.8", 0x3ff8_0000_0000_0000),
            ("0x1.00000000000008p0", 0x3ff0_0000_0000_0000),
            ("0x1.00000000000018p0", 0x3ff0_0000_0000_0002),
            ("0x1.000000000000081p0", 0x3ff0_0000_0000_0001),
            ("0x1p-1074", 0x1),
            ("0x1p-1022", 0x0010_0000_0000_0000),
            ("0x1.fffffffffffffp1023", 0x7fef_ffff_ffff_ffff),
        ];
        for (text, bits) in cases {
            assert_eq!(strtod(text).map(f64::to_bits), Some(*bits), "{text}");
        }
        for text in ["0x1p-1080", "0x1p99999", "0x1.fffffffffffffp-1023", "0x", "0xp1", "0x1p"] {
            assert_eq!(strtod(text), None, "{text}");
        }
    }

    #[test]
    fn decimal_and_words() {
        assert_eq!(strtod(" +.5e-3"), Some(0.0005));
        assert_eq!(strtod("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(strtod("Infinity"), Some(f64::INFINITY));
        assert_eq!(strtod("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(strtod("nan(123)").map(f64::to_bits), Some(0x7ff8_0000_0000_007b));
        assert_eq!(strtod("nan(0x10)").map(f64::to_bits), Some(0x7ff8_0000_0000_0010));
        assert_eq!(strtod("nan(abc)").map(f64::to_bits), Some(0x7ff8_0000_0000_0000));
        assert_eq!(strtod("-nan").map(f64::to_bits), Some(0xfff8_0000_0000_0000));
        assert_eq!(strtod("0e5000"), Some(0.0));
        for text in ["infinit", "1e400", "1e-310", ".", "1e", "1e+", "2\n", "1_0", "nan(1", "", "-"]
        {
            assert_eq!(strtod(text), None, "{text:?}");
        }
    }

    #[test]
    fn integers_follow_virstrtolong() {
        assert_eq!(strtoui("-4294967295"), Some(1));
        assert_eq!(strtoui("-4294967296"), None);
        assert_eq!(strtoui("+4294967295"), Some(u32::MAX));
        assert_eq!(strtoull("-18446744073709551615"), Some(1));
        assert_eq!(strtoull("-18446744073709551616"), None);
        assert_eq!(strtol("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(strtol("-9223372036854775809"), None);
        assert_eq!(strtol("\x0b5"), Some(5));
        assert_eq!(strtol("010"), Some(10));
        for text in ["- 5", "-", "+-5", "5 ", "0x10", ""] {
            assert_eq!(strtol(text), None, "{text:?}");
        }
    }
}
