//! Parameter values: one variant per type.

use alloc::string::String;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::kind::ParamType;
use crate::text::ParamString;

/// A typed parameter's value (`virTypedParameterValue` plus its type).
///
/// Equality and hashing compare doubles bit for bit, so `NaN == NaN` (with the same payload)
/// and `0.0 != -0.0`: a value decoded from the wire equals the value that was encoded.
///
/// ```
/// use virtkit_typedparams::{ParamType, TypedValue};
///
/// let v = TypedValue::from(42u64);
/// assert_eq!(v, TypedValue::ULLong(42));
/// assert_eq!(v.param_type(), ParamType::ULLong);
/// assert_eq!(TypedValue::Double(f64::NAN), TypedValue::Double(f64::NAN));
/// assert_ne!(TypedValue::Double(0.0), TypedValue::Double(-0.0));
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum TypedValue {
    /// `int`.
    Int(i32),
    /// `unsigned int`.
    UInt(u32),
    /// `long long`.
    LLong(i64),
    /// `unsigned long long`.
    ULLong(u64),
    /// `double`.
    Double(f64),
    /// `boolean`.
    Boolean(bool),
    /// `string` (UTF-8, no NUL byte when it belongs to a [`TypedParam`](crate::TypedParam));
    /// short strings are stored inline ([`ParamString`]).
    String(ParamString),
}

impl TypedValue {
    /// The value's type.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, TypedValue};
    /// assert_eq!(TypedValue::from("x").param_type(), ParamType::String);
    /// ```
    #[inline]
    pub fn param_type(&self) -> ParamType {
        match self {
            TypedValue::Int(_) => ParamType::Int,
            TypedValue::UInt(_) => ParamType::UInt,
            TypedValue::LLong(_) => ParamType::LLong,
            TypedValue::ULLong(_) => ParamType::ULLong,
            TypedValue::Double(_) => ParamType::Double,
            TypedValue::Boolean(_) => ParamType::Boolean,
            TypedValue::String(_) => ParamType::String,
        }
    }

    /// The string, if this is a string value.
    ///
    /// ```
    /// use virtkit_typedparams::TypedValue;
    /// assert_eq!(TypedValue::from("vda").as_str(), Some("vda"));
    /// assert_eq!(TypedValue::Int(1).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            TypedValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as virsh prints it (`vshGetTypedParamValue`): integers in decimal, doubles
    /// with `%f` (six decimals), booleans as `yes`/`no`, strings as they are.
    ///
    /// ```
    /// use virtkit_typedparams::TypedValue;
    /// assert_eq!(TypedValue::Double(1.5).virsh_string(), "1.500000");
    /// assert_eq!(TypedValue::Boolean(true).virsh_string(), "yes");
    /// assert_eq!(TypedValue::Int(-3).virsh_string(), "-3");
    /// ```
    pub fn virsh_string(&self) -> String {
        alloc::format!("{}", VirshValue(self))
    }
}

/// `Display` adapter printing a value the way virsh does.
struct VirshValue<'a>(&'a TypedValue);

impl fmt::Display for VirshValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TypedValue::Int(v) => write!(f, "{v}"),
            TypedValue::UInt(v) => write!(f, "{v}"),
            TypedValue::LLong(v) => write!(f, "{v}"),
            TypedValue::ULLong(v) => write!(f, "{v}"),
            TypedValue::Double(v) => fmt_printf_f(*v, f),
            TypedValue::Boolean(b) => f.write_str(if *b { "yes" } else { "no" }),
            TypedValue::String(s) => f.write_str(s),
        }
    }
}

/// printf's `%f`: six decimals, `inf`/`-inf`/`nan`/`-nan` for the special values.
fn fmt_printf_f(v: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if v.is_nan() {
        f.write_str(if v.is_sign_negative() { "-nan" } else { "nan" })
    } else if v.is_infinite() {
        f.write_str(if v < 0.0 { "-inf" } else { "inf" })
    } else {
        write!(f, "{v:.6}")
    }
}

impl fmt::Display for TypedValue {
    /// Same as [`TypedValue::virsh_string`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        VirshValue(self).fmt(f)
    }
}

impl PartialEq for TypedValue {
    fn eq(&self, other: &TypedValue) -> bool {
        match (self, other) {
            (TypedValue::Int(a), TypedValue::Int(b)) => a == b,
            (TypedValue::UInt(a), TypedValue::UInt(b)) => a == b,
            (TypedValue::LLong(a), TypedValue::LLong(b)) => a == b,
            (TypedValue::ULLong(a), TypedValue::ULLong(b)) => a == b,
            (TypedValue::Double(a), TypedValue::Double(b)) => a.to_bits() == b.to_bits(),
            (TypedValue::Boolean(a), TypedValue::Boolean(b)) => a == b,
            (TypedValue::String(a), TypedValue::String(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for TypedValue {}

impl Hash for TypedValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.param_type().hash(state);
        match self {
            TypedValue::Int(v) => v.hash(state),
            TypedValue::UInt(v) => v.hash(state),
            TypedValue::LLong(v) => v.hash(state),
            TypedValue::ULLong(v) => v.hash(state),
            TypedValue::Double(v) => v.to_bits().hash(state),
            TypedValue::Boolean(v) => v.hash(state),
            TypedValue::String(v) => v.hash(state),
        }
    }
}

macro_rules! from_impls {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl From<$t> for TypedValue {
            fn from(v: $t) -> TypedValue {
                TypedValue::$variant(v.into())
            }
        }
    )*};
}

from_impls! {
    i32 => Int, u32 => UInt, i64 => LLong, u64 => ULLong, f64 => Double, bool => Boolean,
    String => String, &str => String, ParamString => String,
}
