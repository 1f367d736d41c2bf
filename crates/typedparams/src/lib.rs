//! libvirt typed parameters (`virTypedParameter`): the lists that carry tunables, statistics
//! and migration options through the domain API, and everything libvirt does with them.
//!
//! * The model: [`TypedValue`] (the seven types), [`TypedParam`] (a name of at most 79 bytes
//!   and a value), [`TypedParams`] (an ordered list with the semantics of the public
//!   `virTypedParams*` functions: add, typed get with libvirt's type-mismatch errors, string
//!   lists, replace, remove, filter).
//! * Validation: [`validate`] is `virTypedParamsValidate` (allow-lists of
//!   [`ParamSpec`], the "unsigned" pseudo-type, repeatable names), with libvirt's messages;
//!   [`checks`] holds the entry points' argument checks.
//! * [`schema`]: every parameter family of the domain API (migration, scheduler, memory,
//!   blkio, NUMA, interface, block I/O tune, perf, jobs, CPU and block stats, bulk domain
//!   stats, save/restore, guest info, launch security, IOThreads, block copy) as an
//!   allow-list and a typed struct that converts to and from [`TypedParams`], keeping unknown
//!   names.
//! * Text: [`TypedValue::parse`] is `virTypedParameterAssignFromStr`, [`assign`] and
//!   [`assign_like`] are virsh's `--set name=value`; `Display` prints like virsh.
//! * [`xdr`]: the RPC wire form, byte-identical to libvirt's `xdr_remote_typed_param`,
//!   with a decoder that never trusts a count or a length.
//!
//! ```
//! use virtkit_typedparams::{schema::BlockIoTune, TypedParams};
//!
//! let tune = BlockIoTune { total_iops_sec: Some(500), group_name: Some("g1".into()), ..Default::default() };
//! let params = tune.to_params()?;
//! params.validate(BlockIoTune::SPECS)?;
//! let wire = params.to_xdr();
//! let back = TypedParams::from_xdr(&wire, virtkit_typedparams::xdr::limits::DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX)?;
//! assert_eq!(BlockIoTune::from_params(&back)?, tune);
//! # Ok::<(), virtkit_typedparams::Error>(())
//! ```
//!
//! Deliberate differences from libvirt, all on input libvirt would mangle silently: names
//! and string values must be UTF-8 without NUL bytes (C would cut them at the NUL), and a
//! wire boolean other than 0 or 1 reads as `true` (libvirt keeps the int but every getter
//! normalises it).
//!
//! The crate is `no_std` + `alloc`; the `serde` feature adds (de)serialization.
#![no_std]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod assign;
pub mod checks;
mod error;
mod kind;
mod list;
mod name;
mod param;
pub mod schema;
#[cfg(feature = "serde")]
mod serde_impl;
#[cfg(feature = "serde")]
pub mod serde_map;
mod text;
mod validate;
mod value;
pub mod xdr;

pub use assign::{assign, assign_like, split_assignment};
pub use error::{DecodeProblem, Error, ErrorCode};
pub use kind::{ParamType, SpecType};
pub use list::TypedParams;
pub use name::{FIELD_LENGTH, NAME_MAX, ParamName};
pub use param::TypedParam;
pub use text::ParamString;
pub use validate::{ParamSpec, lookup_spec, validate};
pub use value::TypedValue;
