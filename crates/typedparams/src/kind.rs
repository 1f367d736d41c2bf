//! The seven parameter types (`virTypedParameterType`) and the allow-list pseudo-type.

use core::fmt;

/// One of libvirt's seven typed-parameter types (`VIR_TYPED_PARAM_*`), with its type code.
///
/// ```
/// use virtkit_typedparams::ParamType;
///
/// assert_eq!(ParamType::ULLong.code(), 4);
/// assert_eq!(ParamType::from_code(7), Some(ParamType::String));
/// assert_eq!(ParamType::Boolean.to_string(), "boolean");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum ParamType {
    /// `VIR_TYPED_PARAM_INT` (1): a C `int`.
    Int = 1,
    /// `VIR_TYPED_PARAM_UINT` (2): a C `unsigned int`.
    #[cfg_attr(feature = "serde", serde(rename = "uint"))]
    UInt = 2,
    /// `VIR_TYPED_PARAM_LLONG` (3): a C `long long`.
    #[cfg_attr(feature = "serde", serde(rename = "llong"))]
    LLong = 3,
    /// `VIR_TYPED_PARAM_ULLONG` (4): a C `unsigned long long`.
    #[cfg_attr(feature = "serde", serde(rename = "ullong"))]
    ULLong = 4,
    /// `VIR_TYPED_PARAM_DOUBLE` (5): a C `double`.
    Double = 5,
    /// `VIR_TYPED_PARAM_BOOLEAN` (6): a C `char` holding 0 or 1 (an `int` on the wire).
    Boolean = 6,
    /// `VIR_TYPED_PARAM_STRING` (7): a NUL-terminated string.
    String = 7,
}

impl ParamType {
    /// All seven types in code order.
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::ALL.len(), 7);
    /// assert!(ParamType::ALL.iter().enumerate().all(|(i, t)| t.code() == i as i32 + 1));
    /// ```
    pub const ALL: [ParamType; 7] = [
        ParamType::Int,
        ParamType::UInt,
        ParamType::LLong,
        ParamType::ULLong,
        ParamType::Double,
        ParamType::Boolean,
        ParamType::String,
    ];

    /// The type code libvirt uses in C and on the wire (1..=7).
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::Int.code(), 1);
    /// ```
    pub const fn code(self) -> i32 {
        self as i32
    }

    /// The type for a code, or `None` for 0 and anything above 7.
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::from_code(3), Some(ParamType::LLong));
    /// assert_eq!(ParamType::from_code(0), None);
    /// ```
    pub const fn from_code(code: i32) -> Option<ParamType> {
        Some(match code {
            1 => ParamType::Int,
            2 => ParamType::UInt,
            3 => ParamType::LLong,
            4 => ParamType::ULLong,
            5 => ParamType::Double,
            6 => ParamType::Boolean,
            7 => ParamType::String,
            _ => return None,
        })
    }

    /// The name libvirt uses in its messages (`virTypedParameterTypeToString`):
    /// `int uint llong ullong double boolean string`.
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::ULLong.name(), "ullong");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            ParamType::Int => "int",
            ParamType::UInt => "uint",
            ParamType::LLong => "llong",
            ParamType::ULLong => "ullong",
            ParamType::Double => "double",
            ParamType::Boolean => "boolean",
            ParamType::String => "string",
        }
    }

    /// The type for a libvirt type name (`virTypedParameterTypeFromString`).
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::from_name("double"), Some(ParamType::Double));
    /// assert_eq!(ParamType::from_name("unknown"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ParamType> {
        ParamType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The C type name used by `virTypedParameterAssignFromStr` in
    /// `Invalid value for field '%s': expected %s`.
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// assert_eq!(ParamType::UInt.c_name(), "unsigned int");
    /// ```
    pub const fn c_name(self) -> &'static str {
        match self {
            ParamType::Int => "int",
            ParamType::UInt => "unsigned int",
            ParamType::LLong => "long long",
            ParamType::ULLong => "unsigned long long",
            ParamType::Double => "double",
            ParamType::Boolean => "boolean",
            ParamType::String => "string",
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The type an allow-list entry expects: one exact type, or libvirt's internal
/// `VIR_TYPED_PARAM_UNSIGNED` pseudo-type that accepts `uint` or `ullong`.
///
/// ```
/// use virtkit_typedparams::{ParamType, SpecType};
///
/// assert!(SpecType::Unsigned.accepts(ParamType::UInt));
/// assert!(SpecType::Unsigned.accepts(ParamType::ULLong));
/// assert!(!SpecType::Exact(ParamType::Int).accepts(ParamType::UInt));
/// assert_eq!(SpecType::Unsigned.to_string(), "uint, ullong");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpecType {
    /// Exactly this type.
    Exact(ParamType),
    /// `uint` or `ullong` (`VIR_TYPED_PARAM_UNSIGNED`).
    Unsigned,
}

impl SpecType {
    /// Whether a parameter of type `ty` satisfies this entry.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, SpecType};
    /// assert!(SpecType::Exact(ParamType::String).accepts(ParamType::String));
    /// ```
    #[inline]
    pub const fn accepts(self, ty: ParamType) -> bool {
        // One bit per type code: a shift and a test instead of a jump table.
        let mask: u32 = match self {
            SpecType::Exact(t) => 1 << t as u32,
            SpecType::Unsigned => 1 << ParamType::UInt as u32 | 1 << ParamType::ULLong as u32,
        };
        mask & 1 << ty as u32 != 0
    }

    /// The text libvirt prints after `expected` in validation errors.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, SpecType};
    /// assert_eq!(SpecType::Exact(ParamType::LLong).name(), "llong");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            SpecType::Exact(t) => t.name(),
            SpecType::Unsigned => "uint, ullong",
        }
    }
}

impl From<ParamType> for SpecType {
    fn from(t: ParamType) -> SpecType {
        SpecType::Exact(t)
    }
}

impl fmt::Display for SpecType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
