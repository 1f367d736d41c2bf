//! Per-disk I/O throttling (`virDomainSetBlockIoTune` / `virDomainGetBlockIoTune`) as
//! libvirt 9.0's test driver does it: the values live in the disk's `<iotune>` element of
//! the one definition `AFFECT_*` names.
//!
//! The test driver's checks, reproduced: a value above 10^15 is refused, total and
//! read/write limits of one kind are exclusive, and a base limit may not exceed its `_max`
//! (whose default 0 makes a base limit alone fail, a quirk of the test driver). It does not
//! make the QEMU driver's checks (`_max` needing its base, `_max_length` needing its `_max`)
//! and raises no tunable event; neither does the sim.

use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::{Element, Node};
use virtkit_typedparams::schema::BlockIoTune;
use virtkit_typedparams::{TypedParams, validate};

use crate::def::Def;
use crate::driver::{SimDriver, check_flags, invalid_arg};

/// The numeric fields in libvirt's order (`testDomainGetBlockIoTune`, and the XML's):
/// domxml's list of throttle limits; `group_name` comes between [`GROUP_AFTER`] and the rest.
const FIELDS: [&str; 19] = virtkit_domxml::THROTTLE_LIMITS;

/// How many of [`FIELDS`] come before `group_name`.
const GROUP_AFTER: usize = 13;

/// The largest limit the test driver accepts.
const LIMIT_MAX: u64 = 1_000_000_000_000_000;

/// One disk's `virDomainBlockIoTuneInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Info {
    values: [u64; FIELDS.len()],
    group_name: Option<String>,
}

fn field(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| *f == name)
}

impl Info {
    fn get(&self, name: &str) -> u64 {
        field(name).map_or(0, |k| self.values[k])
    }

    /// Reads a disk's `<iotune>` (`virDomainDiskDefIotuneParse`).
    fn read(disk: &Element<'_>) -> Result<Info> {
        let mut info = Info::default();
        let Some(iotune) = disk.child("iotune") else { return Ok(info) };
        for e in iotune.elements() {
            if e.name == "group_name" {
                info.group_name = Some(e.text().into_owned());
            } else if let Some(k) = field(&e.name) {
                info.values[k] = e.text().trim().parse().map_err(|_| {
                    Error::new(
                        ErrorCode::XmlError,
                        ErrorDomain::Domain,
                        format!("disk iotune field '{}' must be an integer", e.name),
                    )
                })?;
            }
        }
        Ok(info)
    }

    /// The `<iotune>` element (`virDomainDiskDefFormatIotune`): only the values set; none
    /// when nothing is.
    fn element(&self) -> Option<Element<'static>> {
        let mut iotune = Element::new("iotune");
        let mut add = |name: &str, text: String| {
            let mut e = Element::new(name.to_owned());
            e.children.push(Node::Text(text.into()));
            iotune.children.push(Node::Element(e));
        };
        for (k, name) in FIELDS.iter().enumerate() {
            if k == GROUP_AFTER
                && let Some(g) = &self.group_name
            {
                add("group_name", g.clone());
            }
            if self.values[k] != 0 {
                add(name, self.values[k].to_string());
            }
        }
        (!iotune.children.is_empty()).then_some(iotune)
    }

    /// Writes the `<iotune>` of `disk`, right after `<target>` as libvirt formats it.
    fn write(&self, disk: &mut Element<'static>) {
        disk.children.retain(|n| !matches!(n, Node::Element(e) if e.name == "iotune"));
        let Some(iotune) = self.element() else { return };
        let at = disk
            .children
            .iter()
            .position(|n| matches!(n, Node::Element(e) if e.name == "target"))
            .map_or(disk.children.len(), |i| i + 1);
        disk.children.insert(at, Node::Element(iotune));
    }

    fn params(&self) -> Result<TypedParams> {
        let tp = |e: virtkit_typedparams::Error| -> Error { e.into() };
        let mut p = TypedParams::with_capacity(FIELDS.len() + 1);
        for (k, name) in FIELDS.iter().enumerate() {
            if k == GROUP_AFTER {
                p.add_string("group_name", self.group_name.as_deref().unwrap_or("")).map_err(tp)?;
            }
            p.add_ullong(name, self.values[k]).map_err(tp)?;
        }
        Ok(p)
    }

    /// Applies `params` and checks the result as `testDomainSetBlockIoTune` does.
    fn apply(&mut self, params: &TypedParams) -> Result<()> {
        for p in params {
            if p.name() == "group_name" {
                let tp = |e: virtkit_typedparams::Error| -> Error { e.into() };
                self.group_name = params.get_string("group_name").map_err(tp)?.map(str::to_owned);
                continue;
            }
            let Some(k) = field(p.name()) else { continue };
            let virtkit_typedparams::TypedValue::ULLong(v) = *p.value() else { continue };
            if v > LIMIT_MAX {
                return Err(Error::new(
                    ErrorCode::ArgumentUnsupported,
                    ErrorDomain::Test,
                    format!("block I/O throttle limit value must be no more than {LIMIT_MAX}"),
                ));
            }
            self.values[k] = v;
        }
        for kind in ["bytes_sec", "iops_sec", "bytes_sec_max", "iops_sec_max"] {
            let total = self.get(&format!("total_{kind}"));
            if total != 0
                && (self.get(&format!("read_{kind}")) != 0
                    || self.get(&format!("write_{kind}")) != 0)
            {
                return Err(invalid_arg(format!(
                    "total and read/write of {kind} cannot be set at the same time"
                )));
            }
        }
        for base in FIELDS.iter().take(6) {
            let max = format!("{base}_max");
            if self.get(base) > self.get(&max) {
                return Err(invalid_arg(format!("{base} cannot be set higher than {max} ")));
            }
        }
        Ok(())
    }
}

/// The path a disk's `<source>` names (`virDomainDiskGetSource`).
fn source_path<'e>(disk: &'e Element<'_>) -> Option<&'e str> {
    let src = disk.child("source")?;
    ["file", "dev", "dir", "name", "volume"].iter().find_map(|a| src.attribute(a))
}

/// `virDomainDiskIndexByName`: the device index of the disk whose target is `name`, or,
/// for a name starting with `/`, of the one disk whose source it is (none when ambiguous).
fn disk_index(def: &Def, name: &str) -> Option<usize> {
    let items = &def.devices.as_ref()?.items;
    let mut found = None;
    for (i, d) in items.iter().enumerate().filter(|(_, d)| d.kind() == "disk") {
        let e = &d.element;
        if !name.starts_with('/') {
            if e.child("target").and_then(|t| t.attribute("dev")) == Some(name) {
                return Some(i);
            }
        } else if source_path(e) == Some(name) {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

fn no_disk(name: &str) -> Error {
    invalid_arg(format!("disk '{name}' was not found in the domain config"))
}

impl SimDriver {
    /// `testDomainGetBlockIoTune`. Without a disk, the parameters every disk has, all zero
    /// (the test driver's answer to a count query).
    pub(crate) fn block_io_tune(
        &self,
        dom: &Domain,
        disk: Option<&str>,
        flags: u32,
    ) -> Result<TypedParams> {
        check_flags(
            flags,
            3 | virtkit_typedparams::checks::STRING_OKAY,
            "testDomainGetBlockIoTune",
        )?;
        let Some(name) = disk else { return Info::default().params() };
        self.read_def(dom, flags, |def| {
            let i = disk_index(def, name).ok_or_else(|| no_disk(name))?;
            let items = def.devices.as_ref().map(|d| &d.items[i]);
            Info::read(&items.ok_or_else(|| no_disk(name))?.element)?.params()
        })
    }

    /// `testDomainSetBlockIoTune`.
    pub(crate) fn set_block_io_tune(
        &self,
        dom: &Domain,
        disk: &str,
        params: &TypedParams,
        flags: u32,
    ) -> Result<()> {
        check_flags(flags, 3, "testDomainSetBlockIoTune")?;
        validate(params, BlockIoTune::SPECS).map_err(Error::from)?;
        self.on_one_def(dom, flags, |def| {
            let i = disk_index(def, disk).ok_or_else(|| no_disk(disk))?;
            let devices = def.devices.as_mut().ok_or_else(|| no_disk(disk))?;
            let e = &mut devices.items[i].element;
            let mut info = Info::read(e)?;
            info.apply(params)?;
            info.write(e);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk() -> Element<'static> {
        Element::parse("<disk><source file='/a'/><target dev='vda'/><readonly/></disk>")
            .unwrap()
            .into_owned()
    }

    #[test]
    fn the_element_follows_target_and_holds_only_what_is_set() {
        let mut e = disk();
        let mut info = Info::default();
        info.values[0] = 5;
        info.values[6] = 9;
        info.group_name = Some("g".into());
        info.values[13] = 2;
        info.write(&mut e);
        let names: Vec<&str> = e.elements().map(|c| c.name.as_ref()).collect();
        assert_eq!(names, ["source", "target", "iotune", "readonly"]);
        let tune: Vec<String> = e
            .child("iotune")
            .unwrap()
            .elements()
            .map(|c| format!("{}={}", c.name, c.text()))
            .collect();
        assert_eq!(
            tune,
            [
                "total_bytes_sec=5",
                "total_bytes_sec_max=9",
                "group_name=g",
                "total_bytes_sec_max_length=2"
            ]
        );
        assert_eq!(Info::read(&e).unwrap(), info);
        Info::default().write(&mut e);
        assert!(e.child("iotune").is_none());
    }

    #[test]
    fn a_bad_value_in_the_xml_is_an_error() {
        let e = Element::parse("<disk><iotune><read_iops_sec>x</read_iops_sec></iotune></disk>")
            .unwrap();
        assert_eq!(
            Info::read(&e).unwrap_err().message(),
            "XML error: disk iotune field 'read_iops_sec' must be an integer"
        );
    }

    #[test]
    fn checks_run_in_libvirts_order() {
        let mut p = TypedParams::new();
        p.add_ullong("read_bytes_sec", 5).unwrap();
        p.add_ullong("total_bytes_sec", 5).unwrap();
        p.add_ullong("total_iops_sec_max", LIMIT_MAX + 1).unwrap();
        let err = Info::default().apply(&p).unwrap_err();
        assert_eq!(err.raw_code(), ErrorCode::ArgumentUnsupported as i32);
        let mut p = TypedParams::new();
        p.add_ullong("read_iops_sec", 5).unwrap();
        p.add_ullong("total_bytes_sec", 5).unwrap();
        p.add_ullong("read_bytes_sec", 5).unwrap();
        assert_eq!(
            Info::default().apply(&p).unwrap_err().message(),
            "invalid argument: total and read/write of bytes_sec cannot be set at the same time"
        );
        let mut p = TypedParams::new();
        p.add_ullong("write_iops_sec", 5).unwrap();
        assert_eq!(
            Info::default().apply(&p).unwrap_err().message(),
            "invalid argument: write_iops_sec cannot be set higher than write_iops_sec_max "
        );
        p.add_ullong("write_iops_sec_max", 5).unwrap();
        let mut info = Info::default();
        info.apply(&p).unwrap();
        assert_eq!(info.get("write_iops_sec"), 5);
    }
}
