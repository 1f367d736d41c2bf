//! The crate's error type, with libvirt's exact message texts.

use alloc::string::String;
use core::fmt;

use crate::kind::{ParamType, SpecType};

/// libvirt's error code (`virErrorNumber`) for an [`Error`].
///
/// ```
/// use virtkit_typedparams::{ErrorCode, TypedParam};
///
/// let err = TypedParam::new("x".repeat(80), 1).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InternalError);
/// assert_eq!(err.code() as i32, 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// `VIR_ERR_INTERNAL_ERROR` (1).
    InternalError = 1,
    /// `VIR_ERR_INVALID_ARG` (8).
    InvalidArg = 8,
    /// `VIR_ERR_RPC` (39).
    Rpc = 39,
    /// `VIR_ERR_ARGUMENT_UNSUPPORTED` (74).
    ArgumentUnsupported = 74,
}

/// What went wrong while decoding the XDR wire form (see [`Error::Decode`]).
///
/// ```
/// use virtkit_typedparams::{DecodeProblem, Error, TypedParams};
///
/// match TypedParams::from_xdr(&[0, 0, 0], 16) {
///     Err(Error::Decode { offset: 0, problem: DecodeProblem::Truncated { needed: 1 } }) => {}
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecodeProblem {
    /// The input ended; `needed` more bytes were required at the offset.
    Truncated {
        /// Bytes required at the offset.
        needed: u64,
    },
    /// A string is longer than `REMOTE_STRING_MAX` (4 MiB).
    StringTooLong {
        /// The announced length.
        len: u32,
    },
    /// A string holds a NUL byte, which C would silently cut the string at.
    NulInString,
    /// A string is not UTF-8.
    InvalidUtf8,
    /// Bytes follow the parameter array.
    TrailingBytes {
        /// How many bytes are left over.
        len: usize,
    },
}

impl fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeProblem::Truncated { needed } => {
                write!(f, "input ends, {needed} more bytes needed")
            }
            DecodeProblem::StringTooLong { len } => {
                write!(f, "string of {len} bytes exceeds REMOTE_STRING_MAX")
            }
            DecodeProblem::NulInString => f.write_str("string contains a NUL byte"),
            DecodeProblem::InvalidUtf8 => f.write_str("string is not valid UTF-8"),
            DecodeProblem::TrailingBytes { len } => write!(f, "{len} trailing bytes"),
        }
    }
}

/// Every error this crate reports. `Display` gives libvirt's message text, exactly as
/// `virGetLastErrorMessage()` returns it (libvirt 9.0), prefix included.
///
/// ```
/// use virtkit_typedparams::{Error, ParamType, TypedParams};
///
/// let mut params = TypedParams::new();
/// params.add_uint("weight", 5)?;
/// let err = params.get_int("weight").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid argument: Invalid type 'int' requested for parameter 'weight', actual type is 'uint'"
/// );
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A name longer than 79 bytes: `internal error: Field name '%s' too long`.
    NameTooLong {
        /// The rejected name.
        name: String,
    },
    /// A name with a NUL byte, which C would silently cut (virtkit's own check).
    NameHasNul {
        /// The rejected name.
        name: String,
    },
    /// A string value with a NUL byte, which C would silently cut (virtkit's own check).
    ValueHasNul {
        /// The parameter's name.
        name: String,
    },
    /// A typed getter found the parameter with another type (`virTypedParamsGet*`).
    TypeMismatch {
        /// The parameter's name.
        name: String,
        /// The type asked for.
        requested: ParamType,
        /// The type the parameter has.
        actual: ParamType,
    },
    /// `virTypedParamsValidate`: a parameter of the wrong type.
    InvalidType {
        /// The parameter's name.
        name: String,
        /// Its type code (printed as `unknown` when outside 1..=7).
        actual: i32,
        /// What the allow-list expects.
        expected: SpecType,
    },
    /// `virTypedParamsValidate`: a name the allow-list lacks.
    NotSupported {
        /// The parameter's name.
        name: String,
    },
    /// `virTypedParamsValidate`: a repeated name not marked multiple.
    Duplicate {
        /// The parameter's name.
        name: String,
    },
    /// `virTypedParamsReplaceString` on a parameter that is not a string.
    NotAString {
        /// The parameter's name.
        name: String,
    },
    /// `virTypedParameterAssignFromStr`: the text is not a valid number of the type.
    InvalidValue {
        /// The parameter's name.
        name: String,
        /// The type the text had to be.
        expected: ParamType,
    },
    /// `virTypedParameterAssignFromStr`: not `true`/`false`/`1`/`0`.
    InvalidBoolean {
        /// The parameter's name.
        name: String,
    },
    /// `virTypedParamsAddFromString` with a type code outside 1..=7.
    UnexpectedType {
        /// The parameter's name.
        name: String,
        /// The bad code.
        code: i32,
    },
    /// virsh `--set` without `=`: `Invalid syntax for --set, expecting name=value`.
    InvalidAssignment,
    /// virsh `--set` of a name the schema lacks: `invalid scheduler option: %s`.
    UnknownOption {
        /// The name.
        name: String,
    },
    /// `too many parameters '%u' for limit '%d'` (RPC limits).
    TooMany {
        /// How many parameters there were.
        count: u64,
        /// The limit.
        limit: u32,
    },
    /// `internal error: parameter %s too big for destination` (a wire name over 79 bytes).
    TooBig {
        /// The name.
        name: String,
    },
    /// `unknown parameter type: %d` (a wire type code outside 1..=7).
    UnknownType {
        /// The code.
        code: i32,
    },
    /// The wire form is malformed (libvirt: `Unable to decode message payload`).
    Decode {
        /// Byte offset of the problem.
        offset: usize,
        /// What is wrong there.
        problem: DecodeProblem,
    },
    /// `virCheckPositiveArg`: `%s in %s must be greater than zero`.
    NotPositive {
        /// The argument (`nparams`, `*nparams`).
        arg: &'static str,
        /// The API.
        api: &'static str,
    },
    /// `virCheckNonNegativeArg`: `%s in %s must be zero or greater`.
    Negative {
        /// The argument.
        arg: &'static str,
        /// The API.
        api: &'static str,
    },
    /// `virCheckNonNullArg`: `%s in %s must not be NULL`.
    Null {
        /// The argument.
        arg: &'static str,
        /// The API.
        api: &'static str,
    },
    /// `VIR_EXCLUSIVE_FLAGS`: `Flags '%s' and '%s' are mutually exclusive`.
    ExclusiveFlags {
        /// The first flag's C name.
        first: &'static str,
        /// The second flag's C name.
        second: &'static str,
    },
    /// `virTypedParameterValidateSet`: `string parameter '%s' unsupported`.
    StringUnsupported {
        /// The parameter's name.
        name: String,
    },
}

impl Error {
    /// libvirt's error code for this error.
    ///
    /// ```
    /// use virtkit_typedparams::{Error, ErrorCode};
    /// assert_eq!(Error::UnknownType { code: 9 }.code(), ErrorCode::Rpc);
    /// ```
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NameTooLong { .. }
            | Error::NameHasNul { .. }
            | Error::UnexpectedType { .. }
            | Error::TooBig { .. } => ErrorCode::InternalError,
            Error::NotSupported { .. } => ErrorCode::ArgumentUnsupported,
            Error::TooMany { .. } | Error::UnknownType { .. } | Error::Decode { .. } => {
                ErrorCode::Rpc
            }
            _ => ErrorCode::InvalidArg,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NameTooLong { name } => {
                write!(f, "internal error: Field name '{name}' too long")
            }
            Error::NameHasNul { name } => {
                write!(
                    f,
                    "internal error: Field name '{}' contains a NUL byte",
                    name.escape_debug()
                )
            }
            Error::ValueHasNul { name } => {
                write!(
                    f,
                    "invalid argument: string value of parameter '{name}' contains a NUL byte"
                )
            }
            Error::TypeMismatch { name, requested, actual } => write!(
                f,
                "invalid argument: Invalid type '{requested}' requested for parameter '{name}', \
                 actual type is '{actual}'"
            ),
            Error::InvalidType { name, actual, expected } => {
                let actual = ParamType::from_code(*actual).map_or("unknown", ParamType::name);
                write!(
                    f,
                    "invalid argument: invalid type '{actual}' for parameter '{name}', expected '{expected}'"
                )
            }
            Error::NotSupported { name } => {
                write!(f, "argument unsupported: parameter '{name}' not supported")
            }
            Error::Duplicate { name } => {
                write!(f, "invalid argument: parameter '{name}' occurs multiple times")
            }
            Error::NotAString { name } => {
                write!(f, "invalid argument: Parameter '{name}' is not a string")
            }
            Error::InvalidValue { name, expected } => write!(
                f,
                "invalid argument: Invalid value for field '{name}': expected {}",
                expected.c_name()
            ),
            Error::InvalidBoolean { name } => {
                write!(f, "invalid argument: Invalid boolean value for field '{name}'")
            }
            Error::UnexpectedType { name, code } => {
                write!(f, "internal error: unexpected type {code} for field {name}")
            }
            Error::InvalidAssignment => {
                f.write_str("Invalid syntax for --set, expecting name=value")
            }
            Error::UnknownOption { name } => write!(f, "invalid scheduler option: {name}"),
            Error::TooMany { count, limit } => {
                write!(f, "too many parameters '{count}' for limit '{limit}'")
            }
            Error::TooBig { name } => {
                write!(f, "internal error: parameter {name} too big for destination")
            }
            Error::UnknownType { code } => write!(f, "unknown parameter type: {code}"),
            Error::Decode { offset, problem } => {
                write!(f, "Unable to decode message payload: {problem} at byte {offset}")
            }
            Error::NotPositive { arg, api } => {
                write!(f, "{arg} in {api} must be greater than zero")
            }
            Error::Negative { arg, api } => write!(f, "{arg} in {api} must be zero or greater"),
            Error::Null { arg, api } => write!(f, "{arg} in {api} must not be NULL"),
            Error::ExclusiveFlags { first, second } => {
                write!(f, "Flags '{first}' and '{second}' are mutually exclusive")
            }
            Error::StringUnsupported { name } => write!(f, "string parameter '{name}' unsupported"),
        }
    }
}

impl core::error::Error for Error {}
