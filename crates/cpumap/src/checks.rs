//! The argument checks libvirt's public API applies to cpumap arguments, in libvirt's order,
//! with its error codes and messages (`src/libvirt-domain.c`; seed inventory §3.3).
//!
//! These are the argument part of each entry point; the domain-pointer and read-only checks
//! that come first belong to the API layer. The C functions take a pointer and a separate
//! length; here a buffer is an `Option<&[u8]>` (`None` is C's `NULL`) and lengths are C `int`s,
//! so every check can be reproduced. One deliberate addition: a buffer shorter than the length
//! it comes with is rejected ([`CheckError::is_virtkit_only`]), where C would read or write past
//! its end.
//!
//! ```
//! use virtkit_cpumap::checks::{Entry, check_pin};
//! let err = check_pin(Entry::PinVcpu, Some(&[1]), 0).unwrap_err();
//! assert_eq!(err.message(), "maplen in virDomainPinVcpu must be greater than zero");
//! assert_eq!(err.code(), 8);
//! ```

use alloc::string::String;
use core::fmt;

/// `VIR_ERR_INVALID_ARG`.
pub const VIR_ERR_INVALID_ARG: i32 = 8;
/// `VIR_ERR_OVERFLOW`.
pub const VIR_ERR_OVERFLOW: i32 = 82;
/// `VIR_FROM_DOMAIN`, the error domain of `libvirt-domain.c`.
pub const VIR_FROM_DOMAIN: i32 = 20;
/// `VIR_DOMAIN_AFFECT_LIVE`.
pub const VIR_DOMAIN_AFFECT_LIVE: u32 = 1;
/// `VIR_DOMAIN_AFFECT_CONFIG`.
pub const VIR_DOMAIN_AFFECT_CONFIG: u32 = 2;

/// The public entry points whose cpumap arguments are checked here.
///
/// ```
/// assert_eq!(virtkit_cpumap::checks::Entry::PinIOThread.name(), "virDomainPinIOThread");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Entry {
    /// `virDomainPinVcpu`.
    PinVcpu,
    /// `virDomainPinVcpuFlags`.
    PinVcpuFlags,
    /// `virDomainPinEmulator`.
    PinEmulator,
    /// `virDomainPinIOThread`.
    PinIOThread,
    /// `virDomainGetVcpuPinInfo`.
    GetVcpuPinInfo,
    /// `virDomainGetEmulatorPinInfo`.
    GetEmulatorPinInfo,
    /// `virDomainGetVcpus`.
    GetVcpus,
}

impl Entry {
    /// The C function name, as libvirt puts it in its messages.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::checks::Entry::GetVcpus.name(), "virDomainGetVcpus");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Entry::PinVcpu => "virDomainPinVcpu",
            Entry::PinVcpuFlags => "virDomainPinVcpuFlags",
            Entry::PinEmulator => "virDomainPinEmulator",
            Entry::PinIOThread => "virDomainPinIOThread",
            Entry::GetVcpuPinInfo => "virDomainGetVcpuPinInfo",
            Entry::GetEmulatorPinInfo => "virDomainGetEmulatorPinInfo",
            Entry::GetVcpus => "virDomainGetVcpus",
        }
    }
}

/// A failed check: libvirt's error code, domain and message.
///
/// ```
/// use virtkit_cpumap::checks::{Entry, check_pin};
/// let err = check_pin(Entry::PinEmulator, None, 1).unwrap_err();
/// assert_eq!(err.to_string(), "cpumap in virDomainPinEmulator must not be NULL");
/// assert_eq!(err.domain(), virtkit_cpumap::checks::VIR_FROM_DOMAIN);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CheckError {
    code: i32,
    message: String,
    virtkit_only: bool,
}

impl CheckError {
    fn invalid(message: String) -> CheckError {
        CheckError { code: VIR_ERR_INVALID_ARG, message, virtkit_only: false }
    }

    /// libvirt's `virErrorNumber` (`VIR_ERR_INVALID_ARG` or `VIR_ERR_OVERFLOW`).
    ///
    /// ```
    /// use virtkit_cpumap::checks::{check_get_vcpus, VIR_ERR_OVERFLOW};
    /// let err = check_get_vcpus(true, i32::MAX, Some(&[0]), 2).unwrap_err();
    /// assert_eq!(err.code(), VIR_ERR_OVERFLOW);
    /// ```
    pub fn code(&self) -> i32 {
        self.code
    }

    /// libvirt's error domain: always `VIR_FROM_DOMAIN`.
    ///
    /// ```
    /// use virtkit_cpumap::checks::{Entry, check_pin, VIR_FROM_DOMAIN};
    /// assert_eq!(check_pin(Entry::PinVcpu, None, 1).unwrap_err().domain(), VIR_FROM_DOMAIN);
    /// ```
    pub fn domain(&self) -> i32 {
        VIR_FROM_DOMAIN
    }

    /// The message, exactly as libvirt's `virError.message`.
    ///
    /// ```
    /// use virtkit_cpumap::checks::check_get_vcpus;
    /// let err = check_get_vcpus(true, 1, None, 1).unwrap_err();
    /// assert_eq!(err.message(), "maplen in virDomainGetVcpus must not be zero");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether this check is virtkit's own (a buffer shorter than its stated length), which
    /// libvirt does not make.
    ///
    /// ```
    /// use virtkit_cpumap::checks::{Entry, check_pin};
    /// assert!(check_pin(Entry::PinVcpu, Some(&[0]), 2).unwrap_err().is_virtkit_only());
    /// ```
    pub fn is_virtkit_only(&self) -> bool {
        self.virtkit_only
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for CheckError {}

// The message forms of libvirt's argument macros (virerror.h).

fn non_null(arg: &str, entry: Entry) -> CheckError {
    CheckError::invalid(alloc::format!("{arg} in {} must not be NULL", entry.name()))
}

fn positive(arg: &str, value: i32, entry: Entry) -> Result<(), CheckError> {
    if value > 0 {
        return Ok(());
    }
    Err(CheckError::invalid(alloc::format!("{arg} in {} must be greater than zero", entry.name())))
}

/// `virCheckZeroArgGoto`, which reports with the "non-zero" helper: libvirt's message says
/// "must not be zero" when the argument must be zero. Reproduced as is.
fn zero(arg: &str, value: i32, entry: Entry) -> Result<(), CheckError> {
    if value == 0 {
        return Ok(());
    }
    Err(CheckError::invalid(alloc::format!("{arg} in {} must not be zero", entry.name())))
}

fn multiply(a: i32, b: i32) -> Result<usize, CheckError> {
    match a.checked_mul(b) {
        Some(n) => Ok(n.max(0) as usize),
        None => Err(CheckError {
            code: VIR_ERR_OVERFLOW,
            message: alloc::format!("numerical overflow: input too large: {a} * {b}"),
            virtkit_only: false,
        }),
    }
}

fn exclusive_live_config(flags: u32) -> Result<(), CheckError> {
    if flags & VIR_DOMAIN_AFFECT_LIVE != 0 && flags & VIR_DOMAIN_AFFECT_CONFIG != 0 {
        return Err(CheckError::invalid(String::from(
            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
        )));
    }
    Ok(())
}

fn long_enough(arg: &str, buf: &[u8], needed: usize, entry: Entry) -> Result<(), CheckError> {
    if buf.len() >= needed {
        return Ok(());
    }
    Err(CheckError {
        code: VIR_ERR_INVALID_ARG,
        message: alloc::format!(
            "{arg} in {} holds {} bytes, fewer than the {needed} its length promises",
            entry.name(),
            buf.len()
        ),
        virtkit_only: true,
    })
}

/// Checks of `virDomainPinVcpu`, `virDomainPinVcpuFlags`, `virDomainPinEmulator` and
/// `virDomainPinIOThread`: `cpumap` non-NULL, then `maplen > 0`. The vCPU or IOThread number
/// and the flags are not checked at this layer.
///
/// ```
/// use virtkit_cpumap::checks::{Entry, check_pin};
/// assert!(check_pin(Entry::PinVcpuFlags, Some(&[0b1101]), 1).is_ok());
/// let err = check_pin(Entry::PinIOThread, None, 0).unwrap_err();
/// assert_eq!(err.message(), "cpumap in virDomainPinIOThread must not be NULL");
/// ```
pub fn check_pin(entry: Entry, cpumap: Option<&[u8]>, maplen: i32) -> Result<(), CheckError> {
    let map = cpumap.ok_or_else(|| non_null("cpumap", entry))?;
    positive("maplen", maplen, entry)?;
    long_enough("cpumap", map, maplen as usize, entry)
}

/// Checks of `virDomainGetVcpuPinInfo`: `cpumaps` non-NULL when `ncpumaps > 0`,
/// `ncpumaps > 0`, `maplen > 0`, `ncpumaps * maplen` within C `int`, and not both
/// `VIR_DOMAIN_AFFECT_LIVE` and `VIR_DOMAIN_AFFECT_CONFIG` in `flags`.
///
/// ```
/// use virtkit_cpumap::checks::check_get_vcpu_pin_info;
/// assert!(check_get_vcpu_pin_info(2, Some(&[0, 0]), 1, 0).is_ok());
/// let err = check_get_vcpu_pin_info(0, None, 1, 0).unwrap_err();
/// assert_eq!(err.message(), "ncpumaps in virDomainGetVcpuPinInfo must be greater than zero");
/// let err = check_get_vcpu_pin_info(65536, Some(&[0]), 65536, 0).unwrap_err();
/// assert_eq!(err.message(), "numerical overflow: input too large: 65536 * 65536");
/// ```
pub fn check_get_vcpu_pin_info(
    ncpumaps: i32,
    cpumaps: Option<&[u8]>,
    maplen: i32,
    flags: u32,
) -> Result<(), CheckError> {
    let entry = Entry::GetVcpuPinInfo;
    if cpumaps.is_none() && ncpumaps > 0 {
        return Err(non_null("cpumaps", entry));
    }
    positive("ncpumaps", ncpumaps, entry)?;
    positive("maplen", maplen, entry)?;
    let needed = multiply(ncpumaps, maplen)?;
    exclusive_live_config(flags)?;
    // `cpumaps` is present here: ncpumaps > 0 and the NULL case was rejected above.
    long_enough("cpumaps", cpumaps.unwrap_or_default(), needed, entry)
}

/// Checks of `virDomainGetEmulatorPinInfo`: `cpumap` non-NULL, `maplen > 0`, and not both
/// `VIR_DOMAIN_AFFECT_LIVE` and `VIR_DOMAIN_AFFECT_CONFIG`.
///
/// ```
/// use virtkit_cpumap::checks::check_get_emulator_pin_info;
/// let err = check_get_emulator_pin_info(Some(&[0]), 1, 3).unwrap_err();
/// assert_eq!(
///     err.message(),
///     "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive"
/// );
/// ```
pub fn check_get_emulator_pin_info(
    cpumap: Option<&[u8]>,
    maplen: i32,
    flags: u32,
) -> Result<(), CheckError> {
    let entry = Entry::GetEmulatorPinInfo;
    let map = cpumap.ok_or_else(|| non_null("cpumap", entry))?;
    positive("maplen", maplen, entry)?;
    exclusive_live_config(flags)?;
    long_enough("cpumap", map, maplen as usize, entry)
}

/// Checks of `virDomainGetVcpus`: `info` non-NULL, `maxinfo > 0`, then `maplen > 0` when
/// `cpumaps` is given and `maplen == 0` when it is not, then `maxinfo * maplen` within C `int`.
///
/// ```
/// use virtkit_cpumap::checks::check_get_vcpus;
/// assert!(check_get_vcpus(true, 2, None, 0).is_ok());
/// let err = check_get_vcpus(false, 2, None, 0).unwrap_err();
/// assert_eq!(err.message(), "info in virDomainGetVcpus must not be NULL");
/// ```
pub fn check_get_vcpus(
    info_given: bool,
    maxinfo: i32,
    cpumaps: Option<&[u8]>,
    maplen: i32,
) -> Result<(), CheckError> {
    let entry = Entry::GetVcpus;
    if !info_given {
        return Err(non_null("info", entry));
    }
    positive("maxinfo", maxinfo, entry)?;
    match cpumaps {
        Some(maps) => {
            positive("maplen", maplen, entry)?;
            let needed = multiply(maxinfo, maplen)?;
            long_enough("cpumaps", maps, needed, entry)
        }
        None => zero("maplen", maplen, entry),
    }
}
