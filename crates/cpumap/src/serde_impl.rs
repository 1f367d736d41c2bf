//! `serde` support: a [`CpuSet`] is (de)serialized as its cpu-list string (`"0,2-3"`), parsed
//! with the domain-XML bound; an empty string is the empty set.

use alloc::string::String;
use core::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CpuListParser, CpuSet};

impl Serialize for CpuSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = String::new();
        self.format_into(&mut s);
        serializer.serialize_str(&s)
    }
}

struct CpuSetVisitor;

impl Visitor<'_> for CpuSetVisitor {
    type Value = CpuSet;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a libvirt cpu list such as \"0-3,^1\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CpuSet, E> {
        CpuListParser::domain().allow_empty(true).parse(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for CpuSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CpuSet, D::Error> {
        deserializer.deserialize_str(CpuSetVisitor)
    }
}
