//! A map view of a [`TypedParams`] with unique names, for `#[serde(with = ...)]`:
//! `{"hard_limit": {"ullong": 1048576}}`. Repeated names are an error both ways
//! (`parameter '%s' occurs multiple times`); the map's order is kept.
//!
//! ```
//! use virtkit_typedparams::TypedParams;
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Tune {
//!     #[serde(with = "virtkit_typedparams::serde_map")]
//!     params: TypedParams,
//! }
//!
//! let mut params = TypedParams::new();
//! params.add_ullong("hard_limit", 1024)?;
//! let json = serde_json::to_string(&Tune { params: params.clone() }).unwrap();
//! assert_eq!(json, r#"{"params":{"hard_limit":{"ullong":1024}}}"#);
//! let back: Tune = serde_json::from_str(&json).unwrap();
//! assert_eq!(back.params, params);
//! # Ok::<(), virtkit_typedparams::Error>(())
//! ```

use alloc::string::String;
use core::fmt;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserializer, Serializer};

use crate::error::Error;
use crate::list::TypedParams;
use crate::param::TypedParam;
use crate::value::TypedValue;

/// Serializes `params` as a map from name to value; fails on a repeated name.
///
/// ```
/// let mut p = virtkit_typedparams::TypedParams::new();
/// p.add_int("a", 1)?;
/// p.add_int("a", 2)?;
/// let mut out = Vec::new();
/// let mut ser = serde_json::Serializer::new(&mut out);
/// assert!(virtkit_typedparams::serde_map::serialize(&p, &mut ser).is_err());
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn serialize<S: Serializer>(params: &TypedParams, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(params.len()))?;
    for (i, p) in params.iter().enumerate() {
        if params.as_slice()[..i].iter().any(|q| q.name() == p.name()) {
            return Err(S::Error::custom(Error::Duplicate { name: String::from(p.name()) }));
        }
        map.serialize_entry(p.name(), p.value())?;
    }
    map.end()
}

/// Deserializes a map from name to value; fails on a repeated name or an invalid name.
///
/// ```
/// let mut de = serde_json::Deserializer::from_str(r#"{"weight":{"uint":5}}"#);
/// let p = virtkit_typedparams::serde_map::deserialize(&mut de).unwrap();
/// assert_eq!(p.get_uint("weight")?, Some(5));
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TypedParams, D::Error> {
    d.deserialize_map(MapVisitor)
}

struct MapVisitor;

impl<'de> Visitor<'de> for MapVisitor {
    type Value = TypedParams;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map from parameter name to typed value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<TypedParams, A::Error> {
        let mut params = TypedParams::new();
        while let Some((name, value)) = access.next_entry::<String, TypedValue>()? {
            if params.contains(&name) {
                return Err(A::Error::custom(Error::Duplicate { name }));
            }
            params.push(TypedParam::new(&name, value).map_err(A::Error::custom)?);
        }
        Ok(params)
    }
}
