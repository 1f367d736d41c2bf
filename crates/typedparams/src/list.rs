//! Ordered lists of parameters with the semantics of libvirt's public `virTypedParams*` API.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::Error;
use crate::kind::ParamType;
use crate::name::ParamName;
use crate::param::TypedParam;
use crate::value::TypedValue;

/// An ordered list of typed parameters, as libvirt passes them (`virTypedParameterPtr` plus
/// `nparams`). Names may repeat (string lists such as `migrate_disks`); lookups return the
/// first match, as `virTypedParamsGet` does.
///
/// ```
/// use virtkit_typedparams::TypedParams;
///
/// let mut params = TypedParams::new();
/// params.add_ullong("bandwidth", 100)?;
/// params.add_string_list("migrate_disks", ["vda", "vdb"])?;
/// assert_eq!(params.get_ullong("bandwidth")?, Some(100));
/// assert_eq!(params.get_string_list("migrate_disks"), ["vda", "vdb"]);
/// assert_eq!(params.get_int("missing")?, None);
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TypedParams {
    items: Vec<TypedParam>,
}

macro_rules! typed_accessors {
    ($($(#[$adoc:meta])* $add:ident, $(#[$gdoc:meta])* $get:ident: $t:ty => $variant:ident;)*) => {$(
        $(#[$adoc])*
        pub fn $add(&mut self, name: &str, value: $t) -> Result<(), Error> {
            self.add(name, value)
        }

        $(#[$gdoc])*
        pub fn $get(&self, name: &str) -> Result<Option<$t>, Error> {
            match self.get(name) {
                None => Ok(None),
                Some(p) => match p.value() {
                    TypedValue::$variant(v) => Ok(Some(*v)),
                    other => Err(Error::TypeMismatch {
                        name: String::from(name),
                        requested: ParamType::$variant,
                        actual: other.param_type(),
                    }),
                },
            }
        }
    )*};
}

impl TypedParams {
    /// An empty list.
    ///
    /// ```
    /// assert!(virtkit_typedparams::TypedParams::new().is_empty());
    /// ```
    pub const fn new() -> TypedParams {
        TypedParams { items: Vec::new() }
    }

    /// An empty list with room for `n` parameters.
    ///
    /// ```
    /// let p = virtkit_typedparams::TypedParams::with_capacity(4);
    /// assert_eq!(p.len(), 0);
    /// ```
    pub fn with_capacity(n: usize) -> TypedParams {
        TypedParams { items: Vec::with_capacity(n) }
    }

    /// Number of parameters (`nparams`).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// assert_eq!(p.len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list is empty.
    ///
    /// ```
    /// assert!(virtkit_typedparams::TypedParams::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The parameters in order.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_boolean("x", true)?;
    /// assert_eq!(p.as_slice()[0].name(), "x");
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn as_slice(&self) -> &[TypedParam] {
        &self.items
    }

    /// Iterates over the parameters in order.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// p.add_int("b", 2)?;
    /// let names: Vec<&str> = p.iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, TypedParam> {
        self.items.iter()
    }

    /// Appends a parameter.
    ///
    /// ```
    /// use virtkit_typedparams::{TypedParam, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.push(TypedParam::new("weight", 10u32)?);
    /// assert_eq!(p.get_uint("weight")?, Some(10));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn push(&mut self, param: TypedParam) {
        self.items.push(param);
    }

    /// Appends a parameter of any type (the `virTypedParamsAdd*` family).
    ///
    /// Like libvirt, this does not reject a name that is already present (libvirt's
    /// documentation says it does, its code does not); use [`TypedParams::set`] to replace.
    ///
    /// ```
    /// use virtkit_typedparams::TypedParams;
    /// let mut p = TypedParams::new();
    /// p.add("x", 1.5)?;
    /// p.add("x", "again")?;
    /// assert_eq!(p.len(), 2);
    /// assert_eq!(p.get_double("x")?, Some(1.5));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn add(&mut self, name: &str, value: impl Into<TypedValue>) -> Result<(), Error> {
        self.items.push(TypedParam::new(name, value)?);
        Ok(())
    }

    typed_accessors! {
        /// Appends an `int` (`virTypedParamsAddInt`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_int("shares", -1)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_int,
        /// The first `name` as an `int` (`virTypedParamsGetInt`): `Ok(None)` when absent, an
        /// error when it has another type.
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_int("shares", 5)?;
        /// assert_eq!(p.get_int("shares")?, Some(5));
        /// assert!(p.get_uint("shares").is_err());
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_int: i32 => Int;
        /// Appends an `unsigned int` (`virTypedParamsAddUInt`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_uint("weight", 500)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_uint,
        /// The first `name` as an `unsigned int` (`virTypedParamsGetUInt`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_uint("weight", 500)?;
        /// assert_eq!(p.get_uint("weight")?, Some(500));
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_uint: u32 => UInt;
        /// Appends a `long long` (`virTypedParamsAddLLong`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_llong("vcpu_quota", -1)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_llong,
        /// The first `name` as a `long long` (`virTypedParamsGetLLong`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_llong("vcpu_quota", -1)?;
        /// assert_eq!(p.get_llong("vcpu_quota")?, Some(-1));
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_llong: i64 => LLong;
        /// Appends an `unsigned long long` (`virTypedParamsAddULLong`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_ullong("bandwidth", 10)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_ullong,
        /// The first `name` as an `unsigned long long` (`virTypedParamsGetULLong`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_ullong("bandwidth", 10)?;
        /// assert_eq!(p.get_ullong("bandwidth")?, Some(10));
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_ullong: u64 => ULLong;
        /// Appends a `double` (`virTypedParamsAddDouble`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_double("ratio", 0.25)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_double,
        /// The first `name` as a `double` (`virTypedParamsGetDouble`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_double("ratio", 0.25)?;
        /// assert_eq!(p.get_double("ratio")?, Some(0.25));
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_double: f64 => Double;
        /// Appends a `boolean` (`virTypedParamsAddBoolean`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_boolean("cmt", true)?;
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        add_boolean,
        /// The first `name` as a `boolean` (`virTypedParamsGetBoolean`).
        ///
        /// ```
        /// let mut p = virtkit_typedparams::TypedParams::new();
        /// p.add_boolean("cmt", true)?;
        /// assert_eq!(p.get_boolean("cmt")?, Some(true));
        /// # Ok::<(), virtkit_typedparams::Error>(())
        /// ```
        get_boolean: bool => Boolean;
    }

    /// Appends a string (`virTypedParamsAddString`).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("migrate_uri", "tcp://dst")?;
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn add_string(&mut self, name: &str, value: &str) -> Result<(), Error> {
        self.add(name, value)
    }

    /// The first `name` as a string (`virTypedParamsGetString`).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("migrate_uri", "tcp://dst")?;
    /// assert_eq!(p.get_string("migrate_uri")?, Some("tcp://dst"));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn get_string(&self, name: &str) -> Result<Option<&str>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(p) => match p.value() {
                TypedValue::String(s) => Ok(Some(s)),
                other => Err(Error::TypeMismatch {
                    name: String::from(name),
                    requested: ParamType::String,
                    actual: other.param_type(),
                }),
            },
        }
    }

    /// The first `name` as an unsigned number whether it is `uint` or `ullong`
    /// (`virTypedParamsGetUnsigned`); `Ok(None)` when absent.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_uint("poll_grow", 2)?;
    /// assert_eq!(p.get_unsigned("poll_grow")?, Some(2));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn get_unsigned(&self, name: &str) -> Result<Option<u64>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(p) => match p.value() {
                TypedValue::UInt(v) => Ok(Some(u64::from(*v))),
                TypedValue::ULLong(v) => Ok(Some(*v)),
                other => Err(Error::TypeMismatch {
                    name: String::from(name),
                    requested: ParamType::ULLong,
                    actual: other.param_type(),
                }),
            },
        }
    }

    /// Appends one string parameter per value, all named `name` (`virTypedParamsAddStringList`).
    /// Nothing is added if any value is invalid.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string_list("compression", ["xbzrle", "mt"])?;
    /// assert_eq!(p.len(), 2);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn add_string_list<I>(&mut self, name: &str, values: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let name = ParamName::new(name)?;
        let mut added = Vec::new();
        for v in values {
            added.push(TypedParam::with_name(name, TypedValue::from(v.as_ref()))?);
        }
        self.items.extend(added);
        Ok(())
    }

    /// Appends a parameter of type `ty` parsed from text (`virTypedParamsAddFromString`); see
    /// [`TypedValue::parse`] for the accepted forms.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamType, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_from_str("weight", ParamType::UInt, "500")?;
    /// assert_eq!(p.get_uint("weight")?, Some(500));
    /// assert_eq!(
    ///     p.add_from_str("weight", ParamType::UInt, "abc").unwrap_err().to_string(),
    ///     "invalid argument: Invalid value for field 'weight': expected unsigned int"
    /// );
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn add_from_str(&mut self, name: &str, ty: ParamType, text: &str) -> Result<(), Error> {
        self.items.push(TypedParam::parse(name, ty, text)?);
        Ok(())
    }

    /// Like [`TypedParams::add_from_str`] with a raw C type code, as the C API takes it;
    /// codes outside 1..=7 fail with `unexpected type %d for field %s` (after the name check,
    /// as in libvirt).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// assert_eq!(
    ///     p.add_from_str_code("w", 8, "1").unwrap_err().to_string(),
    ///     "internal error: unexpected type 8 for field w"
    /// );
    /// ```
    pub fn add_from_str_code(&mut self, name: &str, code: i32, text: &str) -> Result<(), Error> {
        ParamName::new(name)?;
        let ty = ParamType::from_code(code)
            .ok_or_else(|| Error::UnexpectedType { name: String::from(name), code })?;
        self.add_from_str(name, ty, text)
    }

    /// The first parameter called `name` (`virTypedParamsGet`).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// p.add_int("a", 2)?;
    /// assert_eq!(p.get("a").unwrap().value(), &1.into());
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn get(&self, name: &str) -> Option<&TypedParam> {
        self.items.iter().find(|p| p.name() == name)
    }

    /// Whether a parameter called `name` exists.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// assert!(p.contains("a") && !p.contains("b"));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// All string values called `name`, in order (`virTypedParamsGetStringList`); parameters
    /// of that name with another type are skipped, as in libvirt.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("d", "vda")?;
    /// p.add_int("d", 3)?;
    /// p.add_string("d", "vdb")?;
    /// assert_eq!(p.get_string_list("d"), ["vda", "vdb"]);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn get_string_list(&self, name: &str) -> Vec<&str> {
        self.items.iter().filter(|p| p.name() == name).filter_map(|p| p.value().as_str()).collect()
    }

    /// The parameters called `name`, optionally only those of type `ty`
    /// (`virTypedParamsFilter`; `None` plays the role of type 0).
    ///
    /// ```
    /// use virtkit_typedparams::ParamType;
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("x", 1)?;
    /// p.add_uint("x", 2)?;
    /// assert_eq!(p.filter("x", None).count(), 2);
    /// assert_eq!(p.filter("x", Some(ParamType::UInt)).count(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn filter<'a>(
        &'a self,
        name: &'a str,
        ty: Option<ParamType>,
    ) -> impl Iterator<Item = &'a TypedParam> + 'a {
        self.items
            .iter()
            .filter(move |p| p.name() == name && ty.is_none_or(|t| p.param_type() == t))
    }

    /// Sets the string `name` to `value` (`virTypedParamsReplaceString`): replaces the first
    /// parameter of that name if it is a string, appends one if there is none, and fails with
    /// `Parameter '%s' is not a string` otherwise.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.replace_string("destination_xml", "<domain/>")?;
    /// p.replace_string("destination_xml", "<domain type='kvm'/>")?;
    /// assert_eq!(p.len(), 1);
    /// p.add_int("n", 1)?;
    /// assert_eq!(
    ///     p.replace_string("n", "x").unwrap_err().to_string(),
    ///     "invalid argument: Parameter 'n' is not a string"
    /// );
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn replace_string(&mut self, name: &str, value: &str) -> Result<(), Error> {
        match self.items.iter_mut().find(|p| p.name() == name) {
            Some(p) if p.param_type() != ParamType::String => {
                Err(Error::NotAString { name: String::from(name) })
            }
            Some(p) => p.set_value(value),
            None => self.add(name, value),
        }
    }

    /// Sets `name` to `value` whatever its current type: replaces the first parameter of that
    /// name, or appends one.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.set("bandwidth", 10u64)?;
    /// p.set("bandwidth", 20u64)?;
    /// assert_eq!((p.len(), p.get_ullong("bandwidth")?), (1, Some(20)));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn set(&mut self, name: &str, value: impl Into<TypedValue>) -> Result<(), Error> {
        match self.items.iter_mut().find(|p| p.name() == name) {
            Some(p) => p.set_value(value),
            None => self.add(name, value),
        }
    }

    /// Removes every parameter called `name`; returns how many were removed.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string_list("migrate_disks", ["vda", "vdb"])?;
    /// assert_eq!(p.remove("migrate_disks"), 2);
    /// assert!(p.is_empty());
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn remove(&mut self, name: &str) -> usize {
        let before = self.items.len();
        self.items.retain(|p| p.name() != name);
        before - self.items.len()
    }

    /// Keeps only the parameters for which `keep` returns true.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// p.add_int("b", 2)?;
    /// p.retain(|p| p.name() != "a");
    /// assert_eq!(p.len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&TypedParam) -> bool) {
        self.items.retain(keep);
    }

    /// Whether every name is one of `names` (`virTypedParamsCheck`; types are not looked at).
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("migrate_uri", "tcp://h")?;
    /// assert!(p.only_names(&["migrate_uri", "bandwidth"]));
    /// assert!(!p.only_names(&["bandwidth"]));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn only_names(&self, names: &[&str]) -> bool {
        self.items.iter().all(|p| names.contains(&p.name()))
    }

    /// Consumes the list, giving its parameters.
    ///
    /// ```
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_int("a", 1)?;
    /// assert_eq!(p.into_vec().len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn into_vec(self) -> Vec<TypedParam> {
        self.items
    }
}

impl From<Vec<TypedParam>> for TypedParams {
    fn from(items: Vec<TypedParam>) -> TypedParams {
        TypedParams { items }
    }
}

impl FromIterator<TypedParam> for TypedParams {
    fn from_iter<I: IntoIterator<Item = TypedParam>>(iter: I) -> TypedParams {
        TypedParams { items: iter.into_iter().collect() }
    }
}

impl Extend<TypedParam> for TypedParams {
    fn extend<I: IntoIterator<Item = TypedParam>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl IntoIterator for TypedParams {
    type Item = TypedParam;
    type IntoIter = alloc::vec::IntoIter<TypedParam>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a TypedParams {
    type Item = &'a TypedParam;
    type IntoIter = core::slice::Iter<'a, TypedParam>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for TypedParams {
    /// One virsh listing line per parameter (`%-15s: %s`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.items {
            writeln!(f, "{p}")?;
        }
        Ok(())
    }
}
