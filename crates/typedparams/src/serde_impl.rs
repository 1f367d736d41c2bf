//! `Serialize`/`Deserialize` for names, parameters and lists.
//!
//! A value is externally tagged by its libvirt type name (`{"uint": 5}`), a parameter is
//! `{"name": ..., "value": ...}`, a list is a sequence (order and repeats kept). Names and
//! strings are checked on the way in exactly as [`TypedParam::new`] checks them.

use alloc::string::String;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::list::TypedParams;
use crate::name::ParamName;
use crate::param::TypedParam;
use crate::text::ParamString;
use crate::value::TypedValue;

impl Serialize for ParamString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ParamString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ParamString, D::Error> {
        String::deserialize(d).map(ParamString::from)
    }
}

impl Serialize for ParamName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ParamName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ParamName, D::Error> {
        let name = String::deserialize(d)?;
        ParamName::new(&name).map_err(D::Error::custom)
    }
}

#[derive(Serialize)]
struct ParamRef<'a> {
    name: &'a str,
    value: &'a TypedValue,
}

#[derive(Deserialize)]
struct ParamOwned {
    name: String,
    value: TypedValue,
}

impl Serialize for TypedParam {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ParamRef { name: self.name(), value: self.value() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for TypedParam {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TypedParam, D::Error> {
        let raw = ParamOwned::deserialize(d)?;
        TypedParam::new(&raw.name, raw.value).map_err(D::Error::custom)
    }
}

impl Serialize for TypedParams {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for TypedParams {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TypedParams, D::Error> {
        Ok(TypedParams::from(alloc::vec::Vec::<TypedParam>::deserialize(d)?))
    }
}
