//! libvirt's public domain API (`src/libvirt-domain.c`) in Rust: errors as libvirt's
//! `virError` ([`Error`]), every enumeration and flag set of the domain API with libvirt's
//! numbers ([`enums`], [`flags`]).
//!
//! ```
//! use virtkit_api::{enums::{CEnum, DomainState}, flags::DomainXMLFlags, Error};
//! assert_eq!(DomainState::from_raw(1), Some(DomainState::Running));
//! assert_eq!(DomainXMLFlags::SECURE.bits(), 1);
//! assert_eq!(
//!     Error::no_support("virDomainSuspend").to_string(),
//!     "this function is not supported by the connection driver: virDomainSuspend"
//! );
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod enums;
mod error;
pub mod flags;

pub use error::{Error, ErrorCode, ErrorDomain, ErrorLevel, Result};
