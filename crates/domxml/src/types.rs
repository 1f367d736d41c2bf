//! Typed values of the domain model: uuids, memory sizes, vcpu placement, lifecycle actions.

use alloc::string::{String, ToString};
use core::fmt;
use core::str::FromStr;

use virtkit_cpumap::CpuSet;

/// A uuid, read as libvirt reads it (hex digits, with `-` or spaces anywhere between byte
/// pairs, surrounding white space ignored) and written in canonical lower-case form.
///
/// ```
/// use virtkit_domxml::Uuid;
/// let u: Uuid = "C7A5FDBD-EDAF-9455-926A-D65C16DB1809".parse().unwrap();
/// assert_eq!(u.to_string(), "c7a5fdbd-edaf-9455-926a-d65c16db1809");
/// let v: Uuid = " c7a5fdbdedaf9455926ad65c16db1809 ".parse().unwrap();
/// assert_eq!(u, v);
/// assert!("c7a5fdbd".parse::<Uuid>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    /// A random uuid from 16 random bytes, as libvirt's `virUUIDGenerate` makes one: the
    /// bytes with the RFC 4122 version 4 and variant bits set.
    ///
    /// ```
    /// let u = virtkit_domxml::Uuid::from_random_bytes([0xff; 16]);
    /// assert_eq!(u.to_string(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    /// ```
    #[must_use]
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> Uuid {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Uuid(bytes)
    }
}

/// Why a value could not be read.
///
/// ```
/// let err = "x".parse::<virtkit_domxml::Uuid>().unwrap_err();
/// assert_eq!(err.to_string(), "malformed uuid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError(pub(crate) String);

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ValueError {}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

impl FromStr for Uuid {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Uuid, ValueError> {
        let bad = || ValueError("malformed uuid".into());
        let bytes = s.trim_start_matches(|c: char| c.is_ascii_whitespace()).as_bytes();
        let mut out = [0u8; 16];
        let mut i = 0;
        let mut cur = 0;
        while i < 16 {
            match bytes.get(cur) {
                None => return Err(bad()),
                Some(b'-' | b' ') => cur += 1,
                Some(&hi) => {
                    let lo = *bytes.get(cur + 1).ok_or_else(bad)?;
                    out[i] = (hex(hi).ok_or_else(bad)? << 4) | hex(lo).ok_or_else(bad)?;
                    i += 1;
                    cur += 2;
                }
            }
        }
        if !bytes[cur..].iter().all(u8::is_ascii_whitespace) {
            return Err(bad());
        }
        Ok(Uuid(out))
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut buf = [0u8; 36];
        let mut at = 0;
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                buf[at] = b'-';
                at += 1;
            }
            buf[at] = HEX[usize::from(b >> 4)];
            buf[at + 1] = HEX[usize::from(b & 15)];
            at += 2;
        }
        // Only ASCII was written.
        f.write_str(core::str::from_utf8(&buf).unwrap_or_default())
    }
}

/// Reads a scaled size as libvirt's `virScaleInteger` does and returns it in KiB, rounded up
/// (libvirt's `virDomainParseMemory`). `unit` defaults to KiB; `b`/`bytes`, `k`/`KiB`, `KB`
/// (1000), `M`/`MiB`, `MB`, ... up to `E`/`EiB`/`EB` are accepted, case-insensitively for the
/// binary forms.
///
/// ```
/// use virtkit_domxml::memory_kib;
/// assert_eq!(memory_kib("2", Some("GiB")).unwrap(), 2 * 1024 * 1024);
/// assert_eq!(memory_kib("1000", Some("b")).unwrap(), 1);
/// assert_eq!(memory_kib("1", Some("MB")).unwrap(), 977);
/// assert_eq!(memory_kib("512", None).unwrap(), 512);
/// assert!(memory_kib("1", Some("XB")).is_err());
/// ```
pub fn memory_kib(value: &str, unit: Option<&str>) -> Result<u64, ValueError> {
    let n: u64 = parse_ull(value).ok_or_else(|| ValueError("not a non-negative integer".into()))?;
    let scale: u64 = match unit.unwrap_or("KiB") {
        "" => 1 << 10,
        u => unit_scale(u).ok_or_else(|| ValueError(alloc::format!("unknown suffix '{u}'")))?,
    };
    let bytes = n.checked_mul(scale).filter(|&b| i64::try_from(b).is_ok());
    let bytes = bytes.ok_or_else(|| ValueError("value too large".into()))?;
    Ok(bytes.div_ceil(1024))
}

/// libvirt's unit table (`virScaleInteger`): binary units are case-insensitive on the letter.
fn unit_scale(unit: &str) -> Option<u64> {
    if ["b", "byte", "bytes"].iter().any(|u| unit.eq_ignore_ascii_case(u)) {
        return Some(1);
    }
    let (first, rest) = unit.split_at_checked(1)?;
    let power = match first.as_bytes()[0].to_ascii_lowercase() {
        b'k' => 1,
        b'm' => 2,
        b'g' => 3,
        b't' => 4,
        b'p' => 5,
        b'e' => 6,
        _ => return None,
    };
    let base: u64 = if rest.is_empty() || rest.eq_ignore_ascii_case("ib") {
        1024
    } else if rest.eq_ignore_ascii_case("b") {
        1000
    } else {
        return None;
    };
    Some(base.pow(power))
}

/// Reads an unsigned decimal as libvirt's `virStrToLong_ullp` does (leading white space and a
/// `+` accepted, no minus sign, nothing after the digits).
pub(crate) fn parse_ull(s: &str) -> Option<u64> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let s = s.strip_prefix('+').unwrap_or(s);
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Where the vcpus of a domain run (`<vcpu placement=...>`).
///
/// ```
/// use virtkit_domxml::Placement;
/// assert_eq!("auto".parse::<Placement>().unwrap(), Placement::Auto);
/// assert_eq!(Placement::Static.to_string(), "static");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Pinned to `cpuset` (or anywhere).
    Static,
    /// Chosen by numad.
    Auto,
}

impl FromStr for Placement {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Placement, ValueError> {
        match s {
            "static" => Ok(Placement::Static),
            "auto" => Ok(Placement::Auto),
            _ => Err(ValueError("unsupported placement".into())),
        }
    }
}

impl fmt::Display for Placement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Placement::Static => "static",
            Placement::Auto => "auto",
        })
    }
}

/// `<vcpu placement='static' cpuset='0-3' current='2'>4</vcpu>`.
///
/// ```
/// use virtkit_domxml::{Domain, Placement};
/// let d = Domain::from_xml("<domain type='kvm'><vcpu cpuset='0-3,^1' current='1'>2</vcpu></domain>")
///     .unwrap();
/// let vcpu = d.vcpu.as_ref().unwrap();
/// assert_eq!((vcpu.count, vcpu.current), (2, Some(1)));
/// assert_eq!(vcpu.cpuset.as_ref().unwrap().to_string(), "0,2-3");
/// assert_eq!(vcpu.placement, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vcpu {
    /// `placement`; libvirt's default is `static` (see [`Domain::apply_defaults`](crate::Domain::apply_defaults)).
    pub placement: Option<Placement>,
    /// `cpuset`: the host CPUs the vcpus may run on.
    pub cpuset: Option<CpuSet>,
    /// `current`: vcpus online at boot, when fewer than `count`.
    pub current: Option<u32>,
    /// The maximum number of vcpus (the text).
    pub count: u32,
}

/// What to do when the guest powers off, reboots, crashes or loses its lock
/// (`<on_poweroff>` ...).
///
/// ```
/// use virtkit_domxml::LifecycleAction;
/// let a: LifecycleAction = "rename-restart".parse().unwrap();
/// assert_eq!(a, LifecycleAction::RenameRestart);
/// assert_eq!(a.to_string(), "rename-restart");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LifecycleAction {
    /// `destroy`
    Destroy,
    /// `restart`
    Restart,
    /// `rename-restart`
    RenameRestart,
    /// `preserve`
    Preserve,
    /// `coredump-destroy` (on_crash only)
    CoredumpDestroy,
    /// `coredump-restart` (on_crash only)
    CoredumpRestart,
    /// `poweroff` (on_lockfailure only)
    Poweroff,
    /// `pause` (on_lockfailure only)
    Pause,
    /// `ignore` (on_lockfailure only)
    Ignore,
}

const ACTIONS: [(LifecycleAction, &str); 9] = [
    (LifecycleAction::Destroy, "destroy"),
    (LifecycleAction::Restart, "restart"),
    (LifecycleAction::RenameRestart, "rename-restart"),
    (LifecycleAction::Preserve, "preserve"),
    (LifecycleAction::CoredumpDestroy, "coredump-destroy"),
    (LifecycleAction::CoredumpRestart, "coredump-restart"),
    (LifecycleAction::Poweroff, "poweroff"),
    (LifecycleAction::Pause, "pause"),
    (LifecycleAction::Ignore, "ignore"),
];

impl FromStr for LifecycleAction {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<LifecycleAction, ValueError> {
        ACTIONS
            .iter()
            .find(|(_, name)| *name == s)
            .map(|(a, _)| *a)
            .ok_or_else(|| ValueError("unknown lifecycle action".to_string()))
    }
}

impl fmt::Display for LifecycleAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = ACTIONS.iter().find(|(a, _)| a == self).map_or("", |(_, n)| n);
        f.write_str(name)
    }
}

/// `<memory unit='KiB' dumpCore='on'>N</memory>` and `<currentMemory unit='KiB'>N</currentMemory>`,
/// stored in KiB (libvirt converts every unit to KiB).
///
/// ```
/// use virtkit_domxml::Domain;
/// let d = Domain::from_xml("<domain type='kvm'><memory unit='MiB'>512</memory></domain>").unwrap();
/// assert_eq!(d.memory.as_ref().unwrap().kib, 524_288);
/// assert!(d.to_xml().contains("<memory unit='KiB'>524288</memory>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    /// The size in KiB.
    pub kib: u64,
    /// `dumpCore` (`on`/`off`), on `<memory>` only.
    pub dump_core: Option<bool>,
}

/// `<maxMemory slots='16' unit='KiB'>N</maxMemory>`: the memory hotplug ceiling.
///
/// ```
/// use virtkit_domxml::Domain;
/// let d = Domain::from_xml(
///     "<domain type='kvm'><maxMemory slots='16' unit='GiB'>1</maxMemory></domain>").unwrap();
/// let m = d.max_memory.as_ref().unwrap();
/// assert_eq!((m.kib, m.slots), (1_048_576, Some(16)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaxMemory {
    /// The size in KiB.
    pub kib: u64,
    /// `slots`: memory hotplug slots.
    pub slots: Option<u32>,
}

/// Reads an `on`/`off` switch.
pub(crate) fn on_off(s: &str) -> Option<bool> {
    match s {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

/// Formats an `on`/`off` switch.
pub(crate) fn on_off_str(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_forms() {
        let canonical = "c7a5fdbd-edaf-9455-926a-d65c16db1809";
        for form in [
            canonical,
            "c7a5fdbd edaf 9455 926a d65c16db1809",
            "c7-a5fdbdedaf9455926ad65c16db1809\n",
        ] {
            assert_eq!(form.parse::<Uuid>().unwrap().to_string(), canonical, "{form:?}");
        }
        for bad in [
            "",
            "c7a5fdbd-edaf-9455-926a-d65c16db180",
            "c7a5fdbd-edaf-9455-926a-d65c16db1809x",
            "g7a5fdbdedaf9455926ad65c16db1809",
        ] {
            assert!(bad.parse::<Uuid>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn memory_units() {
        assert_eq!(memory_kib("1", Some("GB")).unwrap(), 976_563);
        assert_eq!(memory_kib("1", Some("gib")).unwrap(), 1_048_576);
        assert_eq!(memory_kib("1", Some("bytes")).unwrap(), 1);
        assert_eq!(memory_kib("0", Some("EiB")).unwrap(), 0);
        assert!(memory_kib("8", Some("EiB")).is_err());
        assert!(memory_kib("-1", None).is_err());
        assert_eq!(memory_kib(" +1", None).unwrap(), 1);
        assert!(memory_kib("1 ", None).is_err());
    }

    #[test]
    fn actions_round_trip() {
        for (a, name) in ACTIONS {
            assert_eq!(name.parse::<LifecycleAction>().unwrap(), a);
            assert_eq!(a.to_string(), name);
        }
        assert!("reboot".parse::<LifecycleAction>().is_err());
    }
}
