//! One named, typed parameter (`virTypedParameter`).

use alloc::string::String;
use core::fmt;

use crate::error::Error;
use crate::kind::ParamType;
use crate::name::ParamName;
use crate::value::TypedValue;

/// A named, typed parameter: a [`ParamName`] (at most 79 bytes) and a [`TypedValue`].
///
/// String values never contain a NUL byte (C would cut them there).
///
/// ```
/// use virtkit_typedparams::{TypedParam, TypedValue};
///
/// let p = TypedParam::new("cpu_shares", 1024u64)?;
/// assert_eq!(p.name(), "cpu_shares");
/// assert_eq!(p.value(), &TypedValue::ULLong(1024));
/// // virsh's listing format: "%-15s: %s"
/// assert_eq!(p.to_string(), "cpu_shares     : 1024");
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypedParam {
    name: ParamName,
    value: TypedValue,
}

impl TypedParam {
    /// A parameter; errors for a name over 79 bytes (libvirt's `Field name '%s' too long`)
    /// and for NUL bytes in the name or a string value.
    ///
    /// ```
    /// use virtkit_typedparams::TypedParam;
    /// assert!(TypedParam::new("n".repeat(79), 1i32).is_ok());
    /// assert!(TypedParam::new("n".repeat(80), 1i32).is_err());
    /// ```
    pub fn new(name: impl AsRef<str>, value: impl Into<TypedValue>) -> Result<TypedParam, Error> {
        let name = ParamName::new(name)?;
        TypedParam::with_name(name, value.into())
    }

    /// A parameter from an already checked name.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamName, TypedParam, TypedValue};
    /// let p = TypedParam::with_name(ParamName::new("weight")?, TypedValue::UInt(100))?;
    /// assert_eq!(p.name(), "weight");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn with_name(name: ParamName, value: TypedValue) -> Result<TypedParam, Error> {
        check_value(&name, &value)?;
        Ok(TypedParam { name, value })
    }

    /// A parameter from the wire decoder, which has already refused NUL bytes in strings.
    #[inline]
    pub(crate) fn from_wire(name: ParamName, value: TypedValue) -> TypedParam {
        debug_assert!(check_value(&name, &value).is_ok());
        TypedParam { name, value }
    }

    /// The name.
    ///
    /// ```
    /// use virtkit_typedparams::TypedParam;
    /// assert_eq!(TypedParam::new("x", 1i32)?.name(), "x");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// The name as a [`ParamName`].
    ///
    /// ```
    /// use virtkit_typedparams::TypedParam;
    /// assert_eq!(TypedParam::new("x", 1i32)?.param_name().len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn param_name(&self) -> &ParamName {
        &self.name
    }

    /// The value.
    ///
    /// ```
    /// use virtkit_typedparams::{TypedParam, TypedValue};
    /// assert_eq!(TypedParam::new("b", true)?.value(), &TypedValue::Boolean(true));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn value(&self) -> &TypedValue {
        &self.value
    }

    /// The value's type.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, TypedParam};
    /// assert_eq!(TypedParam::new("d", 0.5)?.param_type(), ParamType::Double);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn param_type(&self) -> ParamType {
        self.value.param_type()
    }

    /// Replaces the value (any type); errors for a string with a NUL byte.
    ///
    /// ```
    /// use virtkit_typedparams::{TypedParam, TypedValue};
    /// let mut p = TypedParam::new("x", 1i32)?;
    /// p.set_value("now a string")?;
    /// assert_eq!(p.value().as_str(), Some("now a string"));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn set_value(&mut self, value: impl Into<TypedValue>) -> Result<(), Error> {
        let value = value.into();
        check_value(&self.name, &value)?;
        self.value = value;
        Ok(())
    }

    /// Splits the parameter into its name and value.
    ///
    /// ```
    /// use virtkit_typedparams::{TypedParam, TypedValue};
    /// let (name, value) = TypedParam::new("x", 7u32)?.into_parts();
    /// assert_eq!((&*name, value), ("x", TypedValue::UInt(7)));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn into_parts(self) -> (ParamName, TypedValue) {
        (self.name, self.value)
    }
}

fn check_value(name: &ParamName, value: &TypedValue) -> Result<(), Error> {
    if let TypedValue::String(s) = value
        && s.as_bytes().contains(&0)
    {
        return Err(Error::ValueHasNul { name: String::from(name.as_str()) });
    }
    Ok(())
}

impl fmt::Display for TypedParam {
    /// virsh's listing line: the name padded to 15 columns, `: `, the value as virsh prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<15}: {}", self.name.as_str(), self.value)
    }
}
