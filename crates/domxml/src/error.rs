//! The error type: what went wrong, where (line and column, 1-based) and in which element.

use alloc::string::String;
use core::fmt;

/// What went wrong while reading a document.
///
/// ```
/// use virtkit_domxml::{Domain, ErrorKind};
/// let err = Domain::from_xml("<domain><name>a</nam></domain>").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Syntax(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed XML.
    Syntax(String),
    /// Elements nest deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    TooDeep(usize),
    /// An element has more attributes than [`Limits::max_attributes`](crate::Limits::max_attributes).
    TooManyAttributes(usize),
    /// The text of the document exceeds [`Limits::max_text`](crate::Limits::max_text) bytes.
    TextTooLarge(usize),
    /// The input exceeds [`Limits::max_input`](crate::Limits::max_input) bytes.
    InputTooLarge(usize),
    /// A reference to an entity other than XML's five predefined ones (`&lt;` ...).
    UnknownEntity(String),
    /// A `<!DOCTYPE>`: DTDs are never processed.
    Doctype,
    /// An attribute appears twice on one element.
    DuplicateAttribute(String),
    /// The document has no root element, or text outside it.
    NoRoot,
    /// The root element is not `<domain>`.
    WrongRoot(String),
    /// A value that libvirt rejects (for example a malformed uuid or cpu list).
    InvalidValue {
        /// The attribute (`@name`) or element whose value is wrong.
        what: String,
        /// The value found.
        value: String,
        /// Why it is wrong.
        reason: String,
    },
    /// A required element or attribute is missing.
    Missing(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(msg) => write!(f, "malformed XML: {msg}"),
            ErrorKind::TooDeep(limit) => write!(f, "elements nest deeper than {limit} levels"),
            ErrorKind::TooManyAttributes(limit) => {
                write!(f, "element has more than {limit} attributes")
            }
            ErrorKind::TextTooLarge(limit) => write!(f, "document text exceeds {limit} bytes"),
            ErrorKind::InputTooLarge(limit) => write!(f, "document exceeds {limit} bytes"),
            ErrorKind::UnknownEntity(name) => {
                write!(f, "unknown entity '&{name};' (only XML's predefined entities are expanded)")
            }
            ErrorKind::Doctype => f.write_str("DOCTYPE declarations are not accepted"),
            ErrorKind::DuplicateAttribute(name) => write!(f, "attribute '{name}' appears twice"),
            ErrorKind::NoRoot => f.write_str("the document has no single root element"),
            ErrorKind::WrongRoot(name) => {
                write!(f, "expected root element 'domain', found '{name}'")
            }
            ErrorKind::InvalidValue { what, value, reason } => {
                write!(f, "invalid value '{value}' for {what}: {reason}")
            }
            ErrorKind::Missing(what) => write!(f, "missing {what}"),
        }
    }
}

/// An error with its position: line and column (1-based, columns count characters) and the path
/// of the element it concerns (`/domain/devices/disk`).
///
/// ```
/// use virtkit_domxml::Domain;
/// let err = Domain::from_xml("<domain type='kvm'>\n  <uuid>nope</uuid>\n</domain>").unwrap_err();
/// assert_eq!((err.line(), err.column()), (2, 3));
/// assert_eq!(err.path(), "/domain/uuid");
/// assert!(err.to_string().starts_with("line 2, column 3, /domain/uuid: invalid value 'nope'"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    line: u32,
    column: u32,
    path: String,
}

impl Error {
    /// Builds an error at byte `offset` of `input`.
    pub(crate) fn at(kind: ErrorKind, input: &str, offset: usize, path: String) -> Error {
        let (line, column) = line_column(input, offset);
        Error { kind, line, column, path }
    }

    pub(crate) fn clear_path(&mut self) {
        self.path.clear();
    }

    /// What went wrong.
    ///
    /// ```
    /// use virtkit_domxml::{Domain, ErrorKind};
    /// let err = Domain::from_xml("<vm/>").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::WrongRoot("vm".into()));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The line (1-based).
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// assert_eq!(Domain::from_xml("\n\n<vm/>").unwrap_err().line(), 3);
    /// ```
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The column (1-based, in characters).
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// assert_eq!(Domain::from_xml("  <vm/>").unwrap_err().column(), 3);
    /// ```
    pub fn column(&self) -> u32 {
        self.column
    }

    /// The path of the element concerned, such as `/domain/cputune/vcpupin` (empty before the
    /// root element).
    ///
    /// ```
    /// use virtkit_domxml::Domain;
    /// let err = Domain::from_xml("<domain type='kvm'><vcpu cpuset='x'>1</vcpu></domain>").unwrap_err();
    /// assert_eq!(err.path(), "/domain/vcpu");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, ", {}", self.path)?;
        }
        write!(f, ": {}", self.kind)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// 1-based line and column (in characters) of byte `offset` in `input`.
fn line_column(input: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(input.len());
    while !input.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &input[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}
