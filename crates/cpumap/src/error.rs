//! [`ParseError`]: why a cpu list was rejected, and where.

use alloc::string::String;
use core::fmt;

/// Why libvirt's cpu-list parser rejected an input.
///
/// libvirt itself reports every one of these as `Failed to parse bitmap '<input>'`; the kind
/// and [`ParseError::offset`] say what was wrong and where.
///
/// ```
/// use virtkit_cpumap::{CpuSet, ParseErrorKind};
/// let err = "3-1".parse::<CpuSet>().unwrap_err();
/// assert_eq!(err.kind(), &ParseErrorKind::ReversedRange { start: 3, end: 1 });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is empty or only white space.
    Empty,
    /// A CPU number was expected: the first character of an item (after an optional `^`) must
    /// be an ASCII digit; after `-` a number (in libvirt syntax with an optional sign).
    ExpectedNumber,
    /// After an item only `,` or the end of the list may follow.
    ExpectedSeparator,
    /// A number does not fit in a C `int` (libvirt parses with `virStrToLong_i`).
    NumberTooLarge,
    /// A CPU at or beyond the parser's bound.
    OutOfRange {
        /// The offending CPU number.
        cpu: u64,
        /// The bound (bitmap size) it exceeds.
        bound: u64,
    },
    /// `N-M` with `M < N`.
    ReversedRange {
        /// First number of the range.
        start: i64,
        /// Second number of the range.
        end: i64,
    },
    /// `^N-M`: an exclusion cannot be a range.
    ExcludedRange,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::Empty => f.write_str("the list is empty"),
            ParseErrorKind::ExpectedNumber => f.write_str("expected a CPU number"),
            ParseErrorKind::ExpectedSeparator => f.write_str("expected ',' or the end of the list"),
            ParseErrorKind::NumberTooLarge => f.write_str("number too large (limit 2147483647)"),
            ParseErrorKind::OutOfRange { cpu, bound } => {
                write!(f, "CPU {cpu} is out of range (the bitmap holds {bound} bits)")
            }
            ParseErrorKind::ReversedRange { start, end } => {
                write!(f, "range end {end} is below its start {start}")
            }
            ParseErrorKind::ExcludedRange => f.write_str("an exclusion '^N' cannot be a range"),
        }
    }
}

/// A rejected cpu list: the input, the byte offset of the problem and its kind.
///
/// `Display` starts with libvirt's own message, then says what and where:
///
/// ```
/// let err = "0-3,x".parse::<virtkit_cpumap::CpuSet>().unwrap_err();
/// assert_eq!(err.offset(), 4);
/// assert_eq!(
///     err.to_string(),
///     "Failed to parse bitmap '0-3,x': expected a CPU number at byte 4"
/// );
/// assert_eq!(err.libvirt_message(), "Failed to parse bitmap '0-3,x'");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    input: String,
    offset: usize,
    kind: ParseErrorKind,
}

impl ParseError {
    pub(crate) fn new(input: &str, offset: usize, kind: ParseErrorKind) -> ParseError {
        ParseError { input: String::from(input), offset, kind }
    }

    /// What was wrong.
    ///
    /// ```
    /// use virtkit_cpumap::{CpuSet, ParseErrorKind};
    /// assert_eq!("".parse::<CpuSet>().unwrap_err().kind(), &ParseErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> &ParseErrorKind {
        &self.kind
    }

    /// Byte offset in the input where the problem starts.
    ///
    /// ```
    /// assert_eq!("1 2".parse::<virtkit_cpumap::CpuSet>().unwrap_err().offset(), 2);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The rejected input.
    ///
    /// ```
    /// assert_eq!("x".parse::<virtkit_cpumap::CpuSet>().unwrap_err().input(), "x");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }

    /// libvirt's message for this error, exactly: `Failed to parse bitmap '<input>'`.
    /// libvirt reports it with code `VIR_ERR_INVALID_ARG` (see [`ParseError::LIBVIRT_CODE`]).
    ///
    /// ```
    /// let err = ",".parse::<virtkit_cpumap::CpuSet>().unwrap_err();
    /// assert_eq!(err.libvirt_message(), "Failed to parse bitmap ','");
    /// ```
    pub fn libvirt_message(&self) -> String {
        alloc::format!("Failed to parse bitmap '{}'", self.input)
    }

    /// The `virErrorNumber` libvirt reports with this error: `VIR_ERR_INVALID_ARG` (8).
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::ParseError::LIBVIRT_CODE, 8);
    /// ```
    pub const LIBVIRT_CODE: i32 = 8;
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Failed to parse bitmap '{}': {} at byte {}", self.input, self.kind, self.offset)
    }
}

impl core::error::Error for ParseError {}
