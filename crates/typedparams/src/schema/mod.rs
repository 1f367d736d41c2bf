//! Every parameter family the domain API uses: names, types, whether repeatable, and a typed
//! struct per family that converts to and from [`TypedParams`].
//!
//! Each struct has one public field per parameter (`Option<T>` for single values, `Vec<_>`
//! for repeatable strings, maps for indexed groups such as `vcpu.<n>.*`), an associated
//! constant per parameter name (`MemoryParams::HARD_LIMIT == "hard_limit"`), its allow-list
//! `SPECS`, and an `extra` list that keeps every parameter it has no field for (names from a
//! newer libvirt, repeats of single-valued names), so nothing is dropped on a round trip.
//!
//! ```
//! use virtkit_typedparams::schema::MemoryParams;
//!
//! let tune = MemoryParams { hard_limit: Some(1 << 20), ..Default::default() };
//! let params = tune.to_params()?;
//! params.validate(MemoryParams::SPECS)?;
//! assert_eq!(params.get_ullong(MemoryParams::HARD_LIMIT)?, Some(1 << 20));
//! assert_eq!(MemoryParams::from_params(&params)?, tune);
//! # Ok::<(), virtkit_typedparams::Error>(())
//! ```

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Error;
use crate::kind::{ParamType, SpecType};
use crate::list::TypedParams;
use crate::param::TypedParam;
use crate::validate::ParamSpec;
use crate::value::TypedValue;

mod blkio;
mod guest;
mod job;
mod migrate;
mod misc;
mod sched;
mod stats;

pub use blkio::{BlkioParams, BlockIoTune, MemoryParams, NumaParams};
pub use guest::{
    GuestDisk, GuestFs, GuestFsDisk, GuestIfAddr, GuestInfo, GuestInterface, GuestOs,
    GuestTimezone, GuestUser, Named,
};
pub use job::{JobStats, PerfEvents};
pub use migrate::MigrateParams;
pub use misc::{
    BlockCopyParams, BlockStats, CpuStats, InterfaceParams, IoThreadParams, LaunchSecurityInfo,
    LaunchSecurityState, SaveParams,
};
pub use sched::SchedulerParams;
pub use stats::{
    BalloonStats, BlockDeviceStats, CacheBank, CacheMonitor, Counts, CpuTimes, DirtyRateStats,
    DirtyRateVcpu, DomainStats, IoThreadStats, MemoryBandwidthMonitor, MemoryBandwidthNode,
    NetStats, PerfStats, StateStats, VcpuCounts, VcpuStats,
};

/// A number that libvirt sends as `uint` when it fits and `ullong` otherwise
/// (`virTypedParamListAddUnsigned`); the allow-list type is "unsigned".
///
/// ```
/// use virtkit_typedparams::{schema::{FieldValue, Unsigned}, TypedValue};
/// assert_eq!(Unsigned(5).to_value(), TypedValue::UInt(5));
/// assert_eq!(Unsigned(1 << 40).to_value(), TypedValue::ULLong(1 << 40));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unsigned(pub u64);

/// A Rust type that holds one parameter value of a fixed [`SpecType`].
///
/// ```
/// use virtkit_typedparams::{schema::FieldValue, ParamType, SpecType, TypedValue};
/// assert_eq!(<u64 as FieldValue>::SPEC, SpecType::Exact(ParamType::ULLong));
/// assert_eq!(u64::from_value(&TypedValue::ULLong(3)), Some(3));
/// assert_eq!(u64::from_value(&TypedValue::UInt(3)), None);
/// ```
pub trait FieldValue: Sized {
    /// The allow-list type.
    const SPEC: SpecType;
    /// The value, if `v` has the right type.
    fn from_value(v: &TypedValue) -> Option<Self>;
    /// The value as a [`TypedValue`].
    fn to_value(&self) -> TypedValue;
}

macro_rules! field_values {
    ($($t:ty => $variant:ident),*) => {$(
        impl FieldValue for $t {
            const SPEC: SpecType = SpecType::Exact(ParamType::$variant);
            fn from_value(v: &TypedValue) -> Option<$t> {
                match v {
                    TypedValue::$variant(x) => Some(x.clone()),
                    _ => None,
                }
            }
            fn to_value(&self) -> TypedValue {
                TypedValue::$variant(self.clone())
            }
        }
    )*};
}

field_values!(i32 => Int, u32 => UInt, i64 => LLong, u64 => ULLong, f64 => Double,
              bool => Boolean);

impl FieldValue for String {
    const SPEC: SpecType = SpecType::Exact(ParamType::String);
    fn from_value(v: &TypedValue) -> Option<String> {
        v.as_str().map(String::from)
    }
    fn to_value(&self) -> TypedValue {
        TypedValue::from(self.as_str())
    }
}

impl FieldValue for Unsigned {
    const SPEC: SpecType = SpecType::Unsigned;
    fn from_value(v: &TypedValue) -> Option<Unsigned> {
        match v {
            TypedValue::UInt(x) => Some(Unsigned(u64::from(*x))),
            TypedValue::ULLong(x) => Some(Unsigned(*x)),
            _ => None,
        }
    }
    fn to_value(&self) -> TypedValue {
        match u32::try_from(self.0) {
            Ok(v) => TypedValue::UInt(v),
            Err(_) => TypedValue::ULLong(self.0),
        }
    }
}

/// One member of a family struct: a single value, a repeatable string list, or a nested
/// group. `key` is the member's full name (groups: the prefix ending in `.`).
///
/// ```
/// use virtkit_typedparams::{schema::Member, TypedParam, TypedParams};
///
/// let mut slot: Option<u32> = None;
/// let p = TypedParam::new("weight", 7u32)?;
/// assert!(Member::take(&mut slot, "", &p)?);
/// assert_eq!(slot, Some(7));
/// assert!(!Member::take(&mut slot, "", &p)?); // a repeat is left to the caller's `extra`
/// let mut out = TypedParams::new();
/// Member::put(&slot, "weight", &mut out)?;
/// assert_eq!(out.get_uint("weight")?, Some(7));
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub trait Member: Default {
    /// Offers a parameter whose name, after this member's key, is `rest` (empty for an exact
    /// match). Returns whether it was taken; a wrong type is libvirt's type-mismatch error.
    fn take(&mut self, rest: &str, p: &TypedParam) -> Result<bool, Error>;
    /// Appends this member's parameters under `key`.
    fn put(&self, key: &str, out: &mut TypedParams) -> Result<(), Error>;
}

fn mismatch(spec: SpecType, p: &TypedParam) -> Error {
    Error::TypeMismatch {
        name: String::from(p.name()),
        requested: match spec {
            SpecType::Exact(t) => t,
            SpecType::Unsigned => ParamType::ULLong,
        },
        actual: p.param_type(),
    }
}

impl<T: FieldValue> Member for Option<T> {
    fn take(&mut self, rest: &str, p: &TypedParam) -> Result<bool, Error> {
        if !rest.is_empty() || self.is_some() {
            return Ok(false);
        }
        *self = Some(T::from_value(p.value()).ok_or_else(|| mismatch(T::SPEC, p))?);
        Ok(true)
    }
    fn put(&self, key: &str, out: &mut TypedParams) -> Result<(), Error> {
        match self {
            Some(v) => out.add(key, v.to_value()),
            None => Ok(()),
        }
    }
}

impl Member for Vec<String> {
    fn take(&mut self, rest: &str, p: &TypedParam) -> Result<bool, Error> {
        if !rest.is_empty() {
            return Ok(false);
        }
        let s =
            p.value().as_str().ok_or_else(|| mismatch(SpecType::Exact(ParamType::String), p))?;
        self.push(String::from(s));
        Ok(true)
    }
    fn put(&self, key: &str, out: &mut TypedParams) -> Result<(), Error> {
        out.add_string_list(key, self)
    }
}

/// A group of members under a common prefix (`vcpu.3.`, `if.0.addr.1.`), generated for the
/// family structs.
///
/// ```
/// use virtkit_typedparams::{schema::{Group, VcpuStats}, TypedParam};
///
/// let mut vcpu = VcpuStats::default();
/// assert!(vcpu.take_field("time", &TypedParam::new("vcpu.0.time", 10u64)?)?);
/// assert_eq!(vcpu.time, Some(10));
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub trait Group: Default {
    /// Offers a parameter whose name after the group's prefix is `rest`.
    fn take_field(&mut self, rest: &str, p: &TypedParam) -> Result<bool, Error>;
    /// Appends the group's parameters, names prefixed with `prefix`.
    fn put_fields(&self, prefix: &str, out: &mut TypedParams) -> Result<(), Error>;
}

/// Groups indexed by number (`vcpu.<n>.`), in index order; indices may be sparse.
///
/// ```
/// use virtkit_typedparams::schema::{Indexed, VcpuStats};
/// let vcpus: Indexed<VcpuStats> = Indexed::default();
/// assert!(vcpus.0.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Indexed<T>(pub BTreeMap<u32, T>);

impl<T> Default for Indexed<T> {
    fn default() -> Indexed<T> {
        Indexed(BTreeMap::new())
    }
}

/// Splits `"12.rest"` into `(12, "rest")`; `None` unless it starts with a decimal index
/// (no leading zeros beyond `0` itself) and a dot.
fn split_index(name: &str) -> Option<(u32, &str)> {
    let (idx, rest) = name.split_once('.')?;
    if idx.is_empty()
        || !idx.bytes().all(|b| b.is_ascii_digit())
        || idx.len() > 1 && idx.starts_with('0')
    {
        return None;
    }
    Some((idx.parse().ok()?, rest))
}

impl<T: Group> Member for Indexed<T> {
    fn take(&mut self, rest: &str, p: &TypedParam) -> Result<bool, Error> {
        let Some((idx, rest)) = split_index(rest) else { return Ok(false) };
        let existed = self.0.contains_key(&idx);
        let taken = self.0.entry(idx).or_default().take_field(rest, p);
        if !existed && !matches!(taken, Ok(true)) {
            self.0.remove(&idx);
        }
        taken
    }
    fn put(&self, key: &str, out: &mut TypedParams) -> Result<(), Error> {
        for (idx, entry) in &self.0 {
            entry.put_fields(&alloc::format!("{key}{idx}."), out)?;
        }
        Ok(())
    }
}

/// The name relative to a member key: `Some("")` for an exact value key, the rest after a
/// group prefix (keys ending in `.`).
#[doc(hidden)]
pub fn match_key<'a>(key: &str, name: &'a str) -> Option<&'a str> {
    if key.ends_with('.') {
        name.strip_prefix(key)
    } else if name == key {
        Some("")
    } else {
        None
    }
}

/// The allow-list entry of a value member.
#[doc(hidden)]
pub const fn spec_of<T: FieldKind>(name: &'static str) -> ParamSpec {
    ParamSpec { name, ty: T::SPEC, multiple: T::MULTIPLE }
}

/// The allow-list view of a value member type (`Option<T>` or `Vec<String>`).
///
/// ```
/// use virtkit_typedparams::schema::FieldKind;
/// assert!(<Vec<String> as FieldKind>::MULTIPLE);
/// assert!(!<Option<u64> as FieldKind>::MULTIPLE);
/// ```
pub trait FieldKind {
    /// The allow-list type.
    const SPEC: SpecType;
    /// Whether the name may repeat.
    const MULTIPLE: bool;
}

impl<T: FieldValue> FieldKind for Option<T> {
    const SPEC: SpecType = T::SPEC;
    const MULTIPLE: bool = false;
}

impl FieldKind for Vec<String> {
    const SPEC: SpecType = SpecType::Exact(ParamType::String);
    const MULTIPLE: bool = true;
}

/// Generates a family or group struct. `top` structs get `extra`, `SPECS` (from the fields,
/// or given), `from_params` and `to_params`; every struct gets name constants and [`Group`].
macro_rules! family {
    (@group $(#[$meta:meta])* $name:ident {
        $( $(#[$fmeta:meta])* $field:ident : $fty:ty = $konst:ident $key:literal, )*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
        }
        family!(@consts $name { $( $konst $key, )* });
        family!(@group_impl $name { $( $field $key, )* });
    };
    (@top $(#[$meta:meta])* $name:ident $(specs = $specs:expr;)? {
        $( $(#[$fmeta:meta])* $field:ident : $fty:ty = $konst:ident $key:literal, )*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
            /// Parameters without a field here (newer names, repeats), kept in their order.
            pub extra: $crate::TypedParams,
        }
        family!(@consts $name { $( $konst $key, )* });
        family!(@group_impl $name { $( $field $key, )* });
        family!(@specs $name $(specs = $specs;)? { $( $fty = $key, )* });
        impl $name {
            #[doc = concat!("Reads a [`", stringify!($name), "`] from a list: the first parameter of")]
            /// each known name fills its field, everything else goes to `extra`. A known name
            /// with the wrong type is libvirt's type-mismatch error.
            ///
            /// ```
            #[doc = concat!("use virtkit_typedparams::{schema::", stringify!($name), ", TypedParams};")]
            /// let mut params = TypedParams::new();
            /// params.add_string("from.a.newer.libvirt", "kept")?;
            #[doc = concat!("let s = ", stringify!($name), "::from_params(&params)?;")]
            /// assert_eq!(s.extra, params);
            /// assert_eq!(s.to_params()?, params);
            /// # Ok::<(), virtkit_typedparams::Error>(())
            /// ```
            pub fn from_params(params: &$crate::TypedParams) -> Result<$name, $crate::Error> {
                let mut s = $name::default();
                for p in params {
                    if !$crate::schema::Group::take_field(&mut s, p.name(), p)? {
                        s.extra.push(p.clone());
                    }
                }
                Ok(s)
            }

            /// The list: known fields in declaration order, then `extra`.
            ///
            /// ```
            #[doc = concat!("use virtkit_typedparams::schema::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::default().to_params()?.is_empty());")]
            /// # Ok::<(), virtkit_typedparams::Error>(())
            /// ```
            pub fn to_params(&self) -> Result<$crate::TypedParams, $crate::Error> {
                let mut out = $crate::TypedParams::new();
                $crate::schema::Group::put_fields(self, "", &mut out)?;
                out.extend(self.extra.iter().cloned());
                Ok(out)
            }
        }

        impl TryFrom<&$crate::TypedParams> for $name {
            type Error = $crate::Error;
            fn try_from(params: &$crate::TypedParams) -> Result<$name, $crate::Error> {
                $name::from_params(params)
            }
        }

        impl TryFrom<&$name> for $crate::TypedParams {
            type Error = $crate::Error;
            fn try_from(s: &$name) -> Result<$crate::TypedParams, $crate::Error> {
                s.to_params()
            }
        }
    };
    (@specs $name:ident specs = $specs:expr; { $( $fty:ty = $key:literal, )* }) => {
        impl $name {
            /// The allow-list: every name (`<n>` where an index goes), type and repeatability.
            ///
            /// ```
            #[doc = concat!("use virtkit_typedparams::schema::", stringify!($name), ";")]
            #[doc = concat!("assert!(!", stringify!($name), "::SPECS.is_empty());")]
            /// ```
            pub const SPECS: &'static [$crate::ParamSpec] = $specs;
        }
    };
    (@specs $name:ident { $( $fty:ty = $key:literal, )* }) => {
        impl $name {
            /// The allow-list for `virTypedParamsValidate`: every name, type and repeatability.
            ///
            /// ```
            #[doc = concat!("use virtkit_typedparams::schema::", stringify!($name), ";")]
            #[doc = concat!("assert!(!", stringify!($name), "::SPECS.is_empty());")]
            /// ```
            pub const SPECS: &'static [$crate::ParamSpec] =
                &[ $( $crate::schema::spec_of::<$fty>($key), )* ];
        }
    };
    (@consts $name:ident { $( $konst:ident $key:literal, )* }) => {
        impl $name {
            $(
                #[doc = concat!("`\"", $key, "\"`")]
                ///
                /// ```
                #[doc = concat!("use virtkit_typedparams::schema::", stringify!($name), ";")]
                #[doc = concat!("assert_eq!(", stringify!($name), "::", stringify!($konst), ", \"", $key, "\");")]
                /// ```
                pub const $konst: &'static str = $key;
            )*
        }
    };
    (@group_impl $name:ident { $( $field:ident $key:literal, )* }) => {
        impl $crate::schema::Group for $name {
            fn take_field(
                &mut self,
                rest: &str,
                p: &$crate::TypedParam,
            ) -> Result<bool, $crate::Error> {
                $(
                    if let Some(r) = $crate::schema::match_key($key, rest)
                        && $crate::schema::Member::take(&mut self.$field, r, p)?
                    {
                        return Ok(true);
                    }
                )*
                let _ = (rest, p);
                Ok(false)
            }

            fn put_fields(
                &self,
                prefix: &str,
                out: &mut $crate::TypedParams,
            ) -> Result<(), $crate::Error> {
                $(
                    $crate::schema::Member::put(
                        &self.$field,
                        &alloc::format!("{prefix}{}", $key),
                        out,
                    )?;
                )*
                let _ = (prefix, out);
                Ok(())
            }
        }

        impl $crate::schema::Member for $name {
            fn take(&mut self, rest: &str, p: &$crate::TypedParam) -> Result<bool, $crate::Error> {
                $crate::schema::Group::take_field(self, rest, p)
            }
            fn put(&self, key: &str, out: &mut $crate::TypedParams) -> Result<(), $crate::Error> {
                $crate::schema::Group::put_fields(self, key, out)
            }
        }
    };
}

pub(crate) use family;
