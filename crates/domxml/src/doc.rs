//! The lossless document layer: elements, attributes in order, text and CDATA, read with
//! quick-xml's raw `Reader` under explicit [`Limits`].
//!
//! What is kept: every element and attribute in document order, with its qualified name
//! (prefix included) and namespace declarations (`xmlns:*` stay attributes of the element that
//! carries them); text with entity and character references decoded (`&lt;` becomes `<`); CDATA
//! sections as [`Node::CData`]. What is dropped, as libvirt drops it: the XML declaration,
//! comments, processing instructions, and white space between elements (indentation) in an
//! element that has child elements. Attribute values are normalised as XML requires (a raw tab
//! or newline in an attribute value reads as a space). A `<!DOCTYPE>` is refused, and only
//! XML's five predefined entities are expanded.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::error::{Error, ErrorKind};

/// Bounds applied while reading, so that no input can exhaust memory or the stack.
///
/// ```
/// use virtkit_domxml::{Domain, ErrorKind, Limits};
/// let tight = Limits { max_depth: 2, ..Limits::default() };
/// let err = Domain::from_xml_with("<domain><os><type>hvm</type></os></domain>", &tight)
///     .unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::TooDeep(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest element nesting (the root is depth 1). Default 128.
    pub max_depth: usize,
    /// Most attributes on one element. Default 256.
    pub max_attributes: usize,
    /// Most bytes of decoded text and attribute values in the whole document. Default 16 MiB.
    pub max_text: usize,
    /// Largest input in bytes. Default 64 MiB.
    pub max_input: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_depth: 128, max_attributes: 256, max_text: 16 << 20, max_input: 64 << 20 }
    }
}

/// One attribute: its qualified name and its decoded value.
///
/// ```
/// use virtkit_domxml::Attribute;
/// let a = Attribute::new("unit", "KiB");
/// assert_eq!((a.name.as_str(), a.value.as_str()), ("unit", "KiB"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute {
    /// Qualified name, such as `unit` or `xmlns:qemu`.
    pub name: String,
    /// Decoded value (references resolved).
    pub value: String,
}

impl Attribute {
    /// An attribute from its name and value.
    ///
    /// ```
    /// let a = virtkit_domxml::Attribute::new("dev", "hd");
    /// assert_eq!(a.value, "hd");
    /// ```
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Attribute {
        Attribute { name: name.into(), value: value.into() }
    }
}

/// A child of an element.
///
/// ```
/// use virtkit_domxml::{Element, Node};
/// let e = Element::parse("<a>x<![CDATA[<y>]]><b/></a>").unwrap();
/// assert_eq!(e.children.len(), 3);
/// assert!(matches!(&e.children[1], Node::CData(s) if s == "<y>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data, decoded.
    Text(String),
    /// A CDATA section's content.
    CData(String),
}

/// An XML element with everything it holds, in document order.
///
/// ```
/// use virtkit_domxml::Element;
/// let e = Element::parse("<vcpu placement='static'>2</vcpu>").unwrap();
/// assert_eq!(e.name, "vcpu");
/// assert_eq!(e.attribute("placement"), Some("static"));
/// assert_eq!(e.text(), "2");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Qualified name, such as `disk` or `qemu:commandline`.
    pub name: String,
    /// Attributes in document order.
    pub attributes: Vec<Attribute>,
    /// Children in document order.
    pub children: Vec<Node>,
    /// Byte offset of the start tag in the source, for error messages (not compared).
    offset: Option<usize>,
}

impl PartialEq for Element {
    fn eq(&self, other: &Element) -> bool {
        self.name == other.name
            && self.attributes == other.attributes
            && self.children == other.children
    }
}

impl Eq for Element {}

impl core::hash::Hash for Element {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.attributes.hash(state);
        self.children.hash(state);
    }
}

impl Element {
    /// An empty element.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::new("boot");
    /// assert!(e.children.is_empty());
    /// ```
    pub fn new(name: impl Into<String>) -> Element {
        Element { name: name.into(), attributes: Vec::new(), children: Vec::new(), offset: None }
    }

    /// Byte offset of the start tag in the document it was read from, if it was read.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<a>\n<b/></a>").unwrap();
    /// assert_eq!(e.child("b").unwrap().source_offset(), Some(4));
    /// assert_eq!(virtkit_domxml::Element::new("x").source_offset(), None);
    /// ```
    pub fn source_offset(&self) -> Option<usize> {
        self.offset
    }

    /// Reads one element (the root of `xml`) with default [`Limits`].
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os><type>hvm</type></os>").unwrap();
    /// assert_eq!(e.child("type").unwrap().text(), "hvm");
    /// ```
    pub fn parse(xml: &str) -> Result<Element, Error> {
        parse_document(xml, &Limits::default())
    }

    /// The value of attribute `name`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<boot dev='hd'/>").unwrap();
    /// assert_eq!(e.attribute("dev"), Some("hd"));
    /// assert_eq!(e.attribute("order"), None);
    /// ```
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.name == name).map(|a| a.value.as_str())
    }

    /// Sets attribute `name`, replacing its value in place or appending it.
    ///
    /// ```
    /// let mut e = virtkit_domxml::Element::new("memory");
    /// e.set_attribute("unit", "KiB");
    /// e.set_attribute("unit", "MiB");
    /// assert_eq!(e.attributes.len(), 1);
    /// assert_eq!(e.attribute("unit"), Some("MiB"));
    /// ```
    pub fn set_attribute(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.attributes.iter_mut().find(|a| a.name == name) {
            Some(a) => a.value = value,
            None => self.attributes.push(Attribute::new(name, value)),
        }
    }

    /// The child elements, in order.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os><type>hvm</type><boot dev='hd'/></os>").unwrap();
    /// let names: Vec<_> = e.elements().map(|c| c.name.as_str()).collect();
    /// assert_eq!(names, ["type", "boot"]);
    /// ```
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element called `name`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os><boot dev='hd'/></os>").unwrap();
    /// assert!(e.child("boot").is_some());
    /// ```
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|c| c.name == name)
    }

    /// The text of the element: its text and CDATA children concatenated.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<name>a&amp;<![CDATA[b]]></name>").unwrap();
    /// assert_eq!(e.text(), "a&b");
    /// ```
    pub fn text(&self) -> Cow<'_, str> {
        let mut texts = self.children.iter().filter_map(|n| match n {
            Node::Text(t) | Node::CData(t) => Some(t.as_str()),
            Node::Element(_) => None,
        });
        let Some(first) = texts.next() else {
            return Cow::Borrowed("");
        };
        match texts.next() {
            None => Cow::Borrowed(first),
            Some(second) => {
                let mut all = String::from(first);
                all.push_str(second);
                texts.for_each(|t| all.push_str(t));
                Cow::Owned(all)
            }
        }
    }

    /// Whether the element has text or CDATA children only (or nothing).
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<name>x</name>").unwrap();
    /// assert!(e.is_text_only());
    /// ```
    pub fn is_text_only(&self) -> bool {
        self.children.iter().all(|n| !matches!(n, Node::Element(_)))
    }

    /// The prefix of the qualified name (`qemu` for `qemu:commandline`).
    ///
    /// ```
    /// let e = virtkit_domxml::Element::new("qemu:arg");
    /// assert_eq!(e.prefix(), Some("qemu"));
    /// assert_eq!(e.local_name(), "arg");
    /// ```
    pub fn prefix(&self) -> Option<&str> {
        self.name.split_once(':').map(|(p, _)| p)
    }

    /// The name without its prefix.
    ///
    /// ```
    /// assert_eq!(virtkit_domxml::Element::new("disk").local_name(), "disk");
    /// ```
    pub fn local_name(&self) -> &str {
        self.name.split_once(':').map_or(self.name.as_str(), |(_, l)| l)
    }

    /// Number of elements and attributes in this subtree (this element included).
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os a='1'><type>hvm</type></os>").unwrap();
    /// assert_eq!(e.occurrences(), 3);
    /// ```
    pub fn occurrences(&self) -> usize {
        1 + self.attributes.len() + self.elements().map(Element::occurrences).sum::<usize>()
    }
}

/// The path of the open elements, for error messages.
fn path_of(stack: &[Element]) -> String {
    let mut path = String::new();
    for e in stack {
        path.push('/');
        path.push_str(&e.name);
    }
    path
}

/// State of a read in progress.
struct Builder<'a> {
    input: &'a str,
    limits: &'a Limits,
    stack: Vec<Element>,
    text_budget: usize,
    root: Option<Element>,
    /// White space read in the open element before any other content: dropped if a child
    /// element follows (indentation), kept as text otherwise. A reused buffer.
    pending: String,
}

impl Builder<'_> {
    fn err(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::at(kind, self.input, offset, path_of(&self.stack))
    }

    fn spend(&mut self, n: usize, offset: usize) -> Result<(), Error> {
        if n > self.text_budget {
            return Err(self.err(ErrorKind::TextTooLarge(self.limits.max_text), offset));
        }
        self.text_budget -= n;
        Ok(())
    }

    fn open(&mut self, start: &BytesStart<'_>, offset: usize) -> Result<Element, Error> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(self.err(ErrorKind::TooDeep(self.limits.max_depth), offset));
        }
        if self.root.is_some() && self.stack.is_empty() {
            return Err(self.err(ErrorKind::NoRoot, offset));
        }
        let name = String::from(start.name().as_ref());
        let mut element = Element::new(name);
        element.offset = Some(offset);
        for attr in start.attributes().with_checks(false) {
            let attr = attr.map_err(|e| self.err(ErrorKind::Syntax(e.to_string()), offset))?;
            if element.attributes.len() >= self.limits.max_attributes {
                return Err(
                    self.err(ErrorKind::TooManyAttributes(self.limits.max_attributes), offset)
                );
            }
            let key = String::from(attr.key.as_ref());
            let value =
                decode_attribute(&attr.value).map_err(|kind| self.err(kind, offset))?.into_owned();
            if element.attributes.iter().any(|a| a.name == key) {
                return Err(self.err(ErrorKind::DuplicateAttribute(key), offset));
            }
            self.spend(value.len() + key.len(), offset)?;
            element.attributes.push(Attribute { name: key, value });
        }
        Ok(element)
    }

    /// Turns pending white space into text of the open element.
    fn flush_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.children.push(Node::Text(self.pending.clone()));
        }
        self.pending.clear();
    }

    /// Ends the open element.
    fn end(&mut self) {
        let has_elements = self
            .stack
            .last()
            .is_some_and(|e| e.children.iter().any(|n| matches!(n, Node::Element(_))));
        if has_elements {
            self.pending.clear();
        } else {
            self.flush_pending();
        }
        if let Some(element) = self.stack.pop() {
            self.close(element);
        }
    }

    fn close(&mut self, mut element: Element) {
        let has_text = element.children.iter().any(|n| matches!(n, Node::Text(_)));
        if has_text && element.children.iter().any(|n| matches!(n, Node::Element(_))) {
            element.children.retain(|n| match n {
                Node::Text(t) => !is_xml_space(t),
                _ => true,
            });
        }
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => self.root = Some(element),
        }
    }

    fn text(&mut self, text: &str, offset: usize) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        if has_forbidden_char(text) {
            return Err(self.err(forbidden_char(), offset));
        }
        self.spend(text.len(), offset)?;
        let Some(parent) = self.stack.last_mut() else {
            if is_xml_space(text) {
                return Ok(());
            }
            return Err(self.err(ErrorKind::NoRoot, offset));
        };
        let after_text = matches!(parent.children.last(), Some(Node::Text(_)));
        if !after_text && is_xml_space(text) {
            self.pending.push_str(text);
            return Ok(());
        }
        self.flush_pending();
        let Some(parent) = self.stack.last_mut() else {
            return Ok(());
        };
        if let Some(Node::Text(prev)) = parent.children.last_mut() {
            prev.push_str(text);
        } else {
            parent.children.push(Node::Text(text.into()));
        }
        Ok(())
    }
}

/// Whether `s` holds a character XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return; U+FFFE and U+FFFF), which libxml2 and so libvirt refuse.
fn has_forbidden_char(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        || s.contains(['\u{FFFE}', '\u{FFFF}'])
}

fn forbidden_char() -> ErrorKind {
    ErrorKind::Syntax("character not allowed in XML 1.0".into())
}

fn is_xml_space(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Resolves one of XML's predefined entities.
fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

/// Resolves a character reference body (`#10`, `#x41`), refusing what XML 1.0 forbids.
fn char_ref(body: &str) -> Option<char> {
    let code = if let Some(hex) = body.strip_prefix("#x") {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        body.strip_prefix('#')?.parse::<u32>().ok()?
    };
    let c = char::from_u32(code)?;
    let allowed = matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(code, 0xFFFE | 0xFFFF));
    allowed.then_some(c)
}

fn resolve_ref(body: &str) -> Result<char, ErrorKind> {
    if body.starts_with('#') {
        return char_ref(body).ok_or_else(|| {
            ErrorKind::Syntax(alloc::format!("invalid character reference '&{body};'"))
        });
    }
    predefined(body)
        .and_then(|s| s.chars().next())
        .ok_or_else(|| ErrorKind::UnknownEntity(body.into()))
}

/// Decodes a raw attribute value: references resolved, raw white space characters as spaces.
fn decode_attribute(raw: &str) -> Result<Cow<'_, str>, ErrorKind> {
    if has_forbidden_char(raw) {
        return Err(forbidden_char());
    }
    if !raw.bytes().any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r' | b'<')) {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '\t', '\n', '\r', '<']) {
        out.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        rest = &rest[i + 1..];
        match c {
            b'&' => {
                let end = rest.find(';').ok_or_else(|| {
                    ErrorKind::Syntax("unterminated reference in attribute value".into())
                })?;
                out.push(resolve_ref(&rest[..end])?);
                rest = &rest[end + 1..];
            }
            b'<' => return Err(ErrorKind::Syntax("'<' in an attribute value".into())),
            b'\r' => {
                // A CR LF pair is one line end, read as one space.
                rest = rest.strip_prefix('\n').unwrap_or(rest);
                out.push(' ');
            }
            _ => out.push(' '),
        }
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// Normalises line ends in text (`\r\n` and lone `\r` become `\n`), as XML requires.
fn normalize_eol(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Reads a whole document and returns its root element.
pub(crate) fn parse_document(input: &str, limits: &Limits) -> Result<Element, Error> {
    if input.len() > limits.max_input {
        return Err(Error::at(ErrorKind::InputTooLarge(limits.max_input), input, 0, String::new()));
    }
    let mut reader = Reader::from_str(input);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    config.trim_text_start = false;
    config.trim_text_end = false;
    let mut b = Builder {
        input,
        limits,
        stack: Vec::new(),
        text_budget: limits.max_text,
        root: None,
        pending: String::new(),
    };
    loop {
        let offset = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = reader.error_position() as usize;
                return Err(b.err(ErrorKind::Syntax(e.to_string()), at));
            }
        };
        match event {
            Event::Start(start) => {
                b.pending.clear();
                let element = b.open(&start, offset)?;
                b.stack.push(element);
            }
            Event::Empty(start) => {
                b.pending.clear();
                let element = b.open(&start, offset)?;
                b.close(element);
            }
            Event::End(_) => {
                // quick-xml checks that the names match.
                b.end();
            }
            Event::Text(text) => {
                let raw = text.into_inner();
                if raw.contains('&') || raw.contains('<') {
                    return Err(b.err(ErrorKind::Syntax("stray markup in text".into()), offset));
                }
                b.text(&normalize_eol(&raw), offset)?;
            }
            Event::GeneralRef(r) => {
                let c = resolve_ref(&r).map_err(|kind| b.err(kind, offset))?;
                let mut buf = [0u8; 4];
                b.text(c.encode_utf8(&mut buf), offset)?;
            }
            Event::CData(data) => {
                let raw = data.into_inner();
                let text = normalize_eol(&raw);
                if has_forbidden_char(&text) {
                    return Err(b.err(forbidden_char(), offset));
                }
                b.spend(text.len(), offset)?;
                b.flush_pending();
                match b.stack.last_mut() {
                    Some(parent) => parent.children.push(Node::CData(text.into_owned())),
                    None => return Err(b.err(ErrorKind::NoRoot, offset)),
                }
            }
            Event::DocType(_) => return Err(b.err(ErrorKind::Doctype, offset)),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = b.stack.last() {
        let kind = ErrorKind::Syntax(alloc::format!("element '{}' is not closed", open.name));
        return Err(b.err(kind, input.len()));
    }
    b.root.take().ok_or_else(|| b.err(ErrorKind::NoRoot, input.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded() {
        let e = Element::parse("<a x='&lt;&#x41;&#66;&apos;'>&quot;&amp;&#10;</a>").unwrap();
        assert_eq!(e.attribute("x"), Some("<AB'"));
        assert_eq!(e.text(), "\"&\n");
    }

    #[test]
    fn unknown_entities_and_doctype_are_refused() {
        let err = Element::parse("<a>&foo;</a>").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::UnknownEntity("foo".into()));
        let err = Element::parse("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Doctype);
        assert!(Element::parse("<a>&#0;</a>").is_err());
        assert!(Element::parse("<a>\u{1}</a>").is_err());
        assert!(Element::parse("<a x='\u{1f}'/>").is_err());
        assert!(Element::parse("<a><![CDATA[\u{8}]]></a>").is_err());
        assert!(Element::parse("<a>\u{FFFF}</a>").is_err());
    }

    #[test]
    fn indentation_is_dropped_but_text_kept() {
        let e = Element::parse("<a>\n  <b> x </b>\n  <!-- c --><?pi x?>\n</a>").unwrap();
        assert_eq!(e.children.len(), 1);
        assert_eq!(e.child("b").unwrap().text(), " x ");
        let e = Element::parse("<a> <!-- c --> </a>").unwrap();
        assert_eq!(e.children, [Node::Text("  ".into())]);
        let e = Element::parse("<a> &amp; <![CDATA[ ]]></a>").unwrap();
        assert_eq!(e.children, [Node::Text(" & ".into()), Node::CData(" ".into())]);
        let e = Element::parse("<a>x <b/> <c/> y</a>").unwrap();
        assert_eq!(e.children.len(), 4);
    }

    #[test]
    fn attribute_white_space_is_normalised() {
        let e = Element::parse("<a x='1\t2\r\n3&#10;'/>").unwrap();
        assert_eq!(e.attribute("x"), Some("1 2 3\n"));
    }

    #[test]
    fn limits_hold() {
        let limits = Limits { max_attributes: 1, ..Limits::default() };
        let err = parse_document("<a x='1' y='2'/>", &limits).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooManyAttributes(1));
        let limits = Limits { max_text: 3, ..Limits::default() };
        let err = parse_document("<a>abcd</a>", &limits).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TextTooLarge(3));
        let limits = Limits { max_input: 3, ..Limits::default() };
        assert_eq!(
            parse_document("<a/>", &limits).unwrap_err().kind(),
            &ErrorKind::InputTooLarge(3)
        );
    }

    #[test]
    fn malformed_documents_fail_with_positions() {
        for bad in ["", "<a>", "<a></b>", "<a/><b/>", "text", "<a x='1' x='2'/>", "<a>\n <b></a>"] {
            assert!(Element::parse(bad).is_err(), "{bad:?}");
        }
        let err = Element::parse("<a>\n  <b></c></a>").unwrap_err();
        assert_eq!(err.line(), 2);
        assert_eq!(err.path(), "/a/b");
    }
}
