//! libvirt cpu lists, bounded CPU sets and byte cpumaps.
//!
//! libvirt describes sets of CPUs (and NUMA nodes, vCPUs, IOThreads...) in three forms, and this
//! crate is the one home for all of them:
//!
//! * **cpu lists** such as `"0-3,^1"`, parsed exactly as libvirt's `virBitmapParse` does
//!   ([`CpuSet::from_str`](core::str::FromStr), [`CpuListParser`]) and formatted exactly as
//!   `virBitmapFormat` does ([`CpuSet`]'s `Display`: `"0,2-3"`). A strict mode accepts only
//!   the schema's `cpuset` pattern. The Linux kernel's own cpulist dialect
//!   (`/sys/devices/system/cpu/online`, `0-7:2/4`) has its own parser, [`parse_kernel_list`].
//! * **byte cpumaps** of the C API (`virDomainPinVcpu`, `virDomainGetVcpuPinInfo`): one bit per
//!   CPU, lowest CPU in the least significant bit of the first byte. [`CpuSet::to_cpumap`],
//!   [`CpuSet::from_cpumap`], the macro equivalents in [`maps`] and the per-vCPU table
//!   [`CpuMaps`].
//! * **hexadecimal strings** (`virBitmapToString` / `virBitmapNewString`):
//!   [`CpuSet::to_hex_string`], [`CpuSet::from_hex_str`].
//!
//! The argument checks libvirt applies to cpumap arguments of the domain API live in [`checks`].
//!
//! ```
//! use virtkit_cpumap::CpuSet;
//!
//! let set: CpuSet = "0-3,^1".parse()?;
//! assert_eq!(set.to_string(), "0,2-3");
//! assert_eq!(set.to_cpumap(), vec![0b1101]);
//! assert!(set.contains(2) && !set.contains(1));
//! # Ok::<(), virtkit_cpumap::ParseError>(())
//! ```
//!
//! Parsing never allocates beyond its bound: `"0-4294967295"` or `"99999999999"` is an error
//! found before any bit is stored, and memory is proportional to the highest CPU in the set,
//! not to the bound.
//!
//! The crate is `no_std` + `alloc` (disable the default `std` feature); the `serde` feature
//! (de)serializes a [`CpuSet`] as its cpu-list string.
//!
//! # Where virtkit differs from libvirt, on purpose
//!
//! Each difference replaces a silent loss or an undefined behaviour of the C code with an
//! error; none changes what libvirt accepts or prints.
//!
//! * A NUL byte ends a C string, so libvirt ignores whatever follows it; the parsers here
//!   reject it (`ExpectedSeparator` at its offset).
//! * `virBitmapToDataBuf` drops CPUs that do not fit the buffer; [`CpuSet::write_cpumap`] and
//!   [`CpuSet::to_cpumap_len`] return [`CpumapError::CpuBeyondMap`].
//! * `VIR_USE_CPU` and friends write out of bounds for a CPU beyond the map;
//!   [`maps::use_cpu`] and [`maps::unuse_cpu`] report `false` and change nothing.
//! * The argument checks in [`checks`] also refuse a buffer shorter than the length passed with
//!   it (C would read or write past its end); those errors say so
//!   ([`checks::CheckError::is_virtkit_only`]).
//!
//! Quirks of libvirt that are reproduced, not fixed: `0-+3` and `0--0` are accepted (the range
//! end goes through `strtol`), a vertical tab is white space after `-` but not elsewhere, a
//! trailing comma is accepted, and `virDomainGetVcpus`'s zero check reports "must not be zero".
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod checks;
mod error;
mod format;
mod hex;
mod kernel;
pub mod maps;
mod parse;
#[cfg(feature = "serde")]
mod serde_impl;
mod set;
mod words;

pub use error::{ParseError, ParseErrorKind};
pub use hex::HexError;
pub use kernel::{KernelListError, KernelListErrorKind, parse_kernel_list};
pub use maps::{CpuMaps, CpumapError};
pub use parse::{CpuListParser, Limit, Syntax};
pub use set::{CpuSet, Iter, Ranges};

/// `VIR_DOMAIN_CPUMASK_LEN`: the number of bits libvirt allows in cpu lists of domain XML
/// (`<vcpu cpuset>`, `<vcpupin>`, `<numatune>`, ...). The bound used by `"..".parse::<CpuSet>()`.
///
/// ```
/// use virtkit_cpumap::{CpuSet, DOMAIN_CPUMASK_LEN};
/// assert!(CpuSet::parse_with_bound("16383", DOMAIN_CPUMASK_LEN).is_ok());
/// assert!("16384".parse::<CpuSet>().is_err());
/// ```
pub const DOMAIN_CPUMASK_LEN: u32 = 16384;

/// The bound `virsh` uses for the cpu lists given to `vcpupin`, `emulatorpin` and `iothreadpin`
/// (`virBitmapParse(list, 1024)` in `virshParseCPUList`).
///
/// ```
/// use virtkit_cpumap::{CpuSet, VIRSH_CPULIST_LEN};
/// assert!(CpuSet::parse_with_bound("1024", VIRSH_CPULIST_LEN).is_err());
/// ```
pub const VIRSH_CPULIST_LEN: u32 = 1024;

/// The largest CPU number libvirt's cpu-list parser accepts: C `INT_MAX`, since numbers go
/// through `virStrToLong_i`.
///
/// ```
/// use virtkit_cpumap::{CpuSet, MAX_CPU, ParseErrorKind};
/// let too_big = (u64::from(MAX_CPU) + 1).to_string();
/// let err = CpuSet::parse_unlimited(&too_big).unwrap_err();
/// assert_eq!(err.kind(), &ParseErrorKind::NumberTooLarge);
/// ```
pub const MAX_CPU: u32 = i32::MAX as u32;
