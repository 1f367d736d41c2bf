//! The lossless document layer: elements, attributes in order, text and CDATA, read by a
//! purpose-built reader under explicit [`Limits`]; the tree borrows from the input.
//!
//! What is kept: every element and attribute in document order, with its qualified name
//! (prefix included) and namespace declarations (`xmlns:*` stay attributes of the element that
//! carries them); text with entity and character references decoded (`&lt;` becomes `<`); CDATA
//! sections as [`Node::CData`]. What is dropped, as libvirt drops it: the XML declaration,
//! comments, processing instructions, and white space between elements (indentation) in an
//! element that has child elements. Attribute values are normalised as XML requires (a raw tab
//! or newline in an attribute value reads as a space). A `<!DOCTYPE>` is refused, and only
//! XML's five predefined entities are expanded. Element and attribute names must be XML names
//! (in ASCII: letters, digits, `_`, `:`, `-`, `.`, not starting with a digit, `-` or `.`), and
//! attributes must be separated by white space, as libxml2 requires.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

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
/// Both borrow from the document they were read from when they can (a value with a reference
/// such as `&amp;` is decoded into an owned string); [`into_owned`](Self::into_owned) detaches
/// them.
///
/// ```
/// use virtkit_domxml::Attribute;
/// let a = Attribute::new("unit", "KiB");
/// assert_eq!((&*a.name, &*a.value), ("unit", "KiB"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    /// Qualified name, such as `unit` or `xmlns:qemu`.
    pub name: Cow<'a, str>,
    /// Decoded value (references resolved).
    pub value: Cow<'a, str>,
}

impl<'a> Attribute<'a> {
    /// An attribute from its name and value.
    ///
    /// ```
    /// let a = virtkit_domxml::Attribute::new("dev", String::from("hd"));
    /// assert_eq!(a.value, "hd");
    /// ```
    pub fn new(name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Attribute<'a> {
        Attribute { name: name.into(), value: value.into() }
    }

    /// The same attribute, owning its strings.
    ///
    /// ```
    /// let xml = String::from("<a x='1'/>");
    /// let e = virtkit_domxml::Element::parse(&xml).unwrap();
    /// let a = e.attributes[0].clone().into_owned();
    /// drop(e);
    /// drop(xml);
    /// assert_eq!(a.value, "1");
    /// ```
    pub fn into_owned(self) -> Attribute<'static> {
        Attribute { name: owned(self.name), value: owned(self.value) }
    }
}

/// A `Cow` detached from what it borrowed.
pub(crate) fn owned(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
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
pub enum Node<'a> {
    /// A child element.
    Element(Element<'a>),
    /// Character data, decoded.
    Text(Cow<'a, str>),
    /// A CDATA section's content.
    CData(Cow<'a, str>),
}

impl Node<'_> {
    /// The same node, owning all its strings.
    ///
    /// ```
    /// use virtkit_domxml::Node;
    /// let n: Node<'static> = Node::Text("x".into()).into_owned();
    /// assert_eq!(n, Node::Text("x".into()));
    /// ```
    pub fn into_owned(self) -> Node<'static> {
        match self {
            Node::Element(e) => Node::Element(e.into_owned()),
            Node::Text(t) => Node::Text(owned(t)),
            Node::CData(t) => Node::CData(owned(t)),
        }
    }
}

/// An XML element with everything it holds, in document order.
///
/// An element read from a document borrows its names, and the values and text that need no
/// decoding, from that document (`Element<'a>`); [`into_owned`](Self::into_owned) gives an
/// `Element<'static>` that owns everything.
///
/// ```
/// use virtkit_domxml::Element;
/// let e = Element::parse("<vcpu placement='static'>2</vcpu>").unwrap();
/// assert_eq!(e.name, "vcpu");
/// assert_eq!(e.attribute("placement"), Some("static"));
/// assert_eq!(e.text(), "2");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Element<'a> {
    /// Qualified name, such as `disk` or `qemu:commandline`.
    pub name: Cow<'a, str>,
    /// Attributes in document order.
    pub attributes: Vec<Attribute<'a>>,
    /// Children in document order.
    pub children: Vec<Node<'a>>,
    /// Byte offset of the start tag in the source, for error messages (not compared).
    offset: Option<usize>,
}

impl PartialEq for Element<'_> {
    fn eq(&self, other: &Element<'_>) -> bool {
        self.name == other.name
            && self.attributes == other.attributes
            && self.children == other.children
    }
}

impl Eq for Element<'_> {}

impl core::hash::Hash for Element<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.attributes.hash(state);
        self.children.hash(state);
    }
}

impl<'a> Element<'a> {
    /// An empty element.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::new("boot");
    /// assert!(e.children.is_empty());
    /// ```
    pub fn new(name: impl Into<Cow<'a, str>>) -> Element<'a> {
        Element { name: name.into(), attributes: Vec::new(), children: Vec::new(), offset: None }
    }

    /// Reads one element (the root of `xml`) with default [`Limits`]; it borrows from `xml`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os><type>hvm</type></os>").unwrap();
    /// assert_eq!(e.child("type").unwrap().text(), "hvm");
    /// ```
    pub fn parse(xml: &'a str) -> Result<Element<'a>, Error> {
        parse_document(xml, &Limits::default())
    }

    /// The same element, owning all its strings (no longer tied to the document it was read
    /// from).
    ///
    /// ```
    /// let xml = String::from("<os><type arch='x86_64'>hvm</type></os>");
    /// let e: virtkit_domxml::Element<'static> =
    ///     virtkit_domxml::Element::parse(&xml).unwrap().into_owned();
    /// drop(xml);
    /// assert_eq!(e.child("type").unwrap().attribute("arch"), Some("x86_64"));
    /// ```
    pub fn into_owned(self) -> Element<'static> {
        Element {
            name: owned(self.name),
            attributes: self.attributes.into_iter().map(Attribute::into_owned).collect(),
            children: self.children.into_iter().map(Node::into_owned).collect(),
            offset: self.offset,
        }
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
    pub fn set_attribute(&mut self, name: &str, value: impl Into<Cow<'a, str>>) {
        let value = value.into();
        match self.attributes.iter_mut().find(|a| a.name == name) {
            Some(a) => a.value = value,
            None => self.attributes.push(Attribute::new(String::from(name), value)),
        }
    }
}

impl<'a> Element<'a> {
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

    /// The value of attribute `name`.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<boot dev='hd'/>").unwrap();
    /// assert_eq!(e.attribute("dev"), Some("hd"));
    /// assert_eq!(e.attribute("order"), None);
    /// ```
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.name == name).map(|a| &*a.value)
    }

    /// The child elements, in order.
    ///
    /// ```
    /// let e = virtkit_domxml::Element::parse("<os><type>hvm</type><boot dev='hd'/></os>").unwrap();
    /// let names: Vec<_> = e.elements().map(|c| &*c.name).collect();
    /// assert_eq!(names, ["type", "boot"]);
    /// ```
    pub fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
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
    pub fn child(&self, name: &str) -> Option<&Element<'a>> {
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
            Node::Text(t) | Node::CData(t) => Some(&**t),
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
        self.name.split_once(':').map_or(&*self.name, |(_, l)| l)
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
fn path_of<'e>(open: impl Iterator<Item = &'e Element<'e>>) -> String {
    let mut path = String::new();
    for e in open {
        path.push('/');
        path.push_str(&e.name);
    }
    path
}

/// State of a read in progress.
///
/// Open elements and their children collect in one shared `nodes` stack: an open element
/// sits in its parent's children (or alone, for the root) and `starts` holds where each open
/// element's own children begin, right after it. Attributes collect in one reused buffer.
/// So each element is moved once into place and its vectors are allocated once, at their
/// final size.
struct Builder<'a> {
    input: &'a str,
    limits: Limits,
    starts: Vec<usize>,
    nodes: Vec<Node<'a>>,
    attributes: Vec<Attribute<'a>>,
    text_budget: usize,
    root: Option<Element<'a>>,
    /// White space read in the open element before any other content: dropped if a child
    /// element follows (indentation), kept as text otherwise.
    pending: Option<Cow<'a, str>>,
}

fn is_space_byte(b: u8) -> bool {
    CLASSES[usize::from(b)] & SPACE != 0
}

/// Byte classes for the reader, one table lookup per byte: [`NAME`] for bytes of element and
/// attribute names (XML's name characters in ASCII, and any non-ASCII byte), [`SPACE`] for
/// white space ([`NOT_SPACE`] for the rest), and [`TEXT_SPECIAL`] for bytes that send
/// character data down the slow path (`&`, line ends to normalise, forbidden C0 controls,
/// 0xEF: the lead byte of U+FFFE and U+FFFF).
const NAME: u8 = 1;
const SPACE: u8 = 2;
const TEXT_SPECIAL: u8 = 4;
const NOT_SPACE: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let name = b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'-' | b'.') || b >= 0x80;
        if name {
            t[i] |= NAME;
        }
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            t[i] |= SPACE;
        } else {
            t[i] |= NOT_SPACE;
        }
        if (b < 0x20 && !matches!(b, b'\t' | b'\n')) || b == b'&' || b == 0xEF {
            t[i] |= TEXT_SPECIAL;
        }
        i += 1;
    }
    t
}

static CLASSES: [u8; 256] = byte_classes();

fn is_name_byte(b: u8) -> bool {
    CLASSES[usize::from(b)] & NAME != 0
}

impl<'a> Builder<'a> {
    fn err(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::at(kind, self.input, offset, path_of(self.open_elements()))
    }

    fn spend(&mut self, n: usize, offset: usize) -> Result<(), Error> {
        if n > self.text_budget {
            return Err(self.err(ErrorKind::TextTooLarge(self.limits.max_text), offset));
        }
        self.text_budget -= n;
        Ok(())
    }

    /// Reads the start tag at `offset` (`<name attr='value' ...>` or `.../>`) and returns
    /// where it ends.
    fn start_tag(&mut self, offset: usize) -> Result<usize, Error> {
        if self.starts.len() >= self.limits.max_depth {
            return Err(self.err(ErrorKind::TooDeep(self.limits.max_depth), offset));
        }
        if self.root.is_some() && self.starts.is_empty() {
            return Err(self.err(ErrorKind::NoRoot, offset));
        }
        let input = self.input;
        let (name, at) = read_name(input, offset + 1);
        if name.is_empty() {
            return Err(self.err(ErrorKind::Syntax("invalid element name".into()), offset));
        }
        let mut element = Element::new(name);
        element.offset = Some(offset);
        let read = read_attributes(
            input,
            at,
            &mut self.attributes,
            self.limits.max_attributes,
            &mut self.text_budget,
        );
        let (end, empty) = match read {
            Ok(end) => end,
            Err(kind) => {
                self.attributes.clear();
                let kind = match kind {
                    ErrorKind::TextTooLarge(_) => ErrorKind::TextTooLarge(self.limits.max_text),
                    kind => kind,
                };
                return Err(self.err(kind, offset));
            }
        };
        if !self.attributes.is_empty() {
            // `append` moves the attributes with one copy into a vector of their final size.
            element.attributes = Vec::with_capacity(self.attributes.len());
            element.attributes.append(&mut self.attributes);
        }
        if empty {
            self.pending = None;
            self.close(element);
        } else {
            self.begin(element);
        }
        Ok(end)
    }

    /// Reads the end tag at `offset` (`</name>`), which must close the open element, and
    /// returns where it ends.
    fn end_tag(&mut self, offset: usize) -> Result<usize, Error> {
        let input = self.input;
        let b = input.as_bytes();
        // Usually the end tag names the open element: compare instead of scanning a name.
        if let Some(open) = self.open_element() {
            let at = offset + 2 + open.name.len();
            if b.get(offset + 2..at) == Some(open.name.as_bytes()) {
                match b.get(at) {
                    Some(b'>') => {
                        self.end();
                        return Ok(at + 1);
                    }
                    Some(c) if is_space_byte(*c) => {
                        let at = skip_space(b, at);
                        if b.get(at) == Some(&b'>') {
                            self.end();
                            return Ok(at + 1);
                        }
                    }
                    _ => {}
                }
            }
        }
        let (name, mut at) = read_name(input, offset + 2);
        at = skip_space(b, at);
        if input.as_bytes().get(at) != Some(&b'>') {
            return Err(self.err(ErrorKind::Syntax("malformed end tag".into()), offset));
        }
        match self.open_element() {
            Some(open) if open.name == name => {}
            Some(open) => {
                let msg = alloc::format!("expected '</{}>', found '</{name}>'", open.name);
                return Err(self.err(ErrorKind::Syntax(msg), offset));
            }
            None => {
                let msg = alloc::format!("end tag '</{name}>' without a start tag");
                return Err(self.err(ErrorKind::Syntax(msg), offset));
            }
        }
        self.end();
        Ok(at + 1)
    }

    /// Reads the character data between two pieces of markup: text, with its entity and
    /// character references resolved.
    fn raw_text(&mut self, raw: &'a str, offset: usize) -> Result<(), Error> {
        let mut rest = raw;
        let mut at = offset;
        while let Some(amp) = rest.find('&') {
            if amp > 0 {
                let text = decode_text(Cow::Borrowed(&rest[..amp])).map_err(|k| self.err(k, at))?;
                self.text(text, at)?;
            }
            let after = &rest[amp + 1..];
            let Some(semi) = after.find(';') else {
                let kind = ErrorKind::Syntax("unterminated reference".into());
                return Err(self.err(kind, at + amp));
            };
            let text = resolve_ref_text(&after[..semi]).map_err(|k| self.err(k, at + amp))?;
            self.text(text, at + amp)?;
            let used = amp + 1 + semi + 1;
            rest = &rest[used..];
            at += used;
        }
        if !rest.is_empty() {
            let text = decode_text(Cow::Borrowed(rest)).map_err(|k| self.err(k, at))?;
            self.text(text, at)?;
        }
        Ok(())
    }

    /// Adds a CDATA section's content.
    fn cdata(&mut self, raw: &'a str, offset: usize) -> Result<(), Error> {
        if has_forbidden_char(raw) {
            return Err(self.err(forbidden_char(), offset));
        }
        let text = normalize_eol(Cow::Borrowed(raw));
        self.spend(text.len(), offset)?;
        if self.starts.is_empty() {
            return Err(self.err(ErrorKind::NoRoot, offset));
        }
        self.flush_pending();
        self.push(Node::CData(text));
        Ok(())
    }

    /// The open elements, outermost first.
    fn open_elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.starts.iter().filter_map(|s| match self.nodes.get(s.wrapping_sub(1)) {
            Some(Node::Element(e)) => Some(e),
            _ => None,
        })
    }

    /// The innermost open element.
    fn open_element(&self) -> Option<&Element<'a>> {
        match self.nodes.get(self.starts.last()?.wrapping_sub(1)) {
            Some(Node::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// The children of the open element read so far.
    fn open_children(&self) -> &[Node<'a>] {
        let start = self.starts.last().copied().unwrap_or(self.nodes.len());
        &self.nodes[start..]
    }

    /// Adds a child to the open element.
    fn push(&mut self, node: Node<'a>) {
        self.nodes.push(node);
    }

    /// Turns pending white space into text of the open element.
    fn flush_pending(&mut self) {
        if let Some(p) = self.pending.take()
            && !self.starts.is_empty()
        {
            self.push(Node::Text(p));
        }
    }

    /// Starts a child element.
    fn begin(&mut self, element: Element<'a>) {
        self.pending = None;
        self.nodes.push(Node::Element(element));
        self.starts.push(self.nodes.len());
    }

    /// Ends the open element.
    fn end(&mut self) {
        let has_elements = self.open_children().iter().any(|n| matches!(n, Node::Element(_)));
        if has_elements {
            self.pending = None;
        } else {
            self.flush_pending();
        }
        let Some(start) = self.starts.pop() else { return };
        let children = &self.nodes[start..];
        let has_text = children.iter().any(|n| matches!(n, Node::Text(_)));
        let children = if has_text && has_elements {
            let keep = |n: &Node<'_>| !matches!(n, Node::Text(t) if is_xml_space(t));
            let mut v = Vec::with_capacity(children.iter().filter(|n| keep(n)).count());
            v.extend(self.nodes.drain(start..).filter(|n| keep(n)));
            v
        } else {
            // One copy into a vector of the final size.
            self.nodes.split_off(start)
        };
        if let Some(Node::Element(element)) = self.nodes.last_mut() {
            element.children = children;
        }
        if self.starts.is_empty()
            && let Some(Node::Element(root)) = self.nodes.pop()
        {
            self.root = Some(root);
        }
    }

    /// Places a finished element in its parent (or as the root).
    fn close(&mut self, element: Element<'a>) {
        if self.starts.is_empty() {
            self.root = Some(element);
        } else {
            self.push(Node::Element(element));
        }
    }

    fn text(&mut self, text: Cow<'a, str>, offset: usize) -> Result<(), Error> {
        let space = is_xml_space(&text);
        self.text_known(text, space, offset)
    }

    /// [`text`](Self::text) when whether `text` is all white space is known.
    fn text_known(&mut self, text: Cow<'a, str>, space: bool, offset: usize) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        self.spend(text.len(), offset)?;
        if self.starts.is_empty() {
            if space {
                return Ok(());
            }
            return Err(self.err(ErrorKind::NoRoot, offset));
        }
        let after_text = matches!(self.open_children().last(), Some(Node::Text(_)));
        if !after_text && space {
            match &mut self.pending {
                Some(p) => p.to_mut().push_str(&text),
                None => self.pending = Some(text),
            }
            return Ok(());
        }
        self.flush_pending();
        let has_children = self.starts.last().is_some_and(|s| *s < self.nodes.len());
        if let Some(Node::Text(prev)) = self.nodes.last_mut()
            && has_children
        {
            prev.to_mut().push_str(&text);
        } else {
            self.push(Node::Text(text));
        }
        Ok(())
    }
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space_byte(b[i]) {
        i += 1;
    }
    i
}

/// The name that starts at `at` (empty if none does) and where it ends.
fn read_name(input: &str, at: usize) -> (&str, usize) {
    let b = input.as_bytes();
    let mut i = at;
    if i < b.len() && !matches!(b[i], b'-' | b'.' | b'0'..=b'9') {
        while i < b.len() && is_name_byte(b[i]) {
            i += 1;
        }
    }
    // Name bytes are ASCII or whole UTF-8 sequences, so these are character boundaries.
    (input.get(at..i).unwrap_or_default(), i)
}

/// Reads the attributes of the start tag whose name ends at `at` into `out`, spending their
/// size from `budget`; returns where the tag ends and whether it is self-closed (`/>`).
fn read_attributes<'s>(
    input: &'s str,
    mut i: usize,
    out: &mut Vec<Attribute<'s>>,
    max_attributes: usize,
    budget: &mut usize,
) -> Result<(usize, bool), ErrorKind> {
    let syntax = |msg: &str| ErrorKind::Syntax(msg.into());
    let b = input.as_bytes();
    loop {
        let gap = i;
        i = skip_space(b, i);
        match b.get(i) {
            None => return Err(syntax("unclosed start tag")),
            Some(b'>') => return Ok((i + 1, false)),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => return Ok((i + 2, true)),
            Some(_) if i == gap => {
                return Err(syntax("attributes must be separated by white space"));
            }
            Some(_) => {}
        }
        let (name, at) = read_name(input, i);
        if name.is_empty() {
            return Err(syntax("invalid attribute name"));
        }
        i = skip_space(b, at);
        if b.get(i) != Some(&b'=') {
            return Err(ErrorKind::Syntax(alloc::format!("attribute '{name}' has no value")));
        }
        i = skip_space(b, i + 1);
        let Some(&quote) = b.get(i).filter(|q| matches!(q, b'\'' | b'"')) else {
            let msg = alloc::format!("the value of attribute '{name}' is not quoted");
            return Err(ErrorKind::Syntax(msg));
        };
        i += 1;
        // One scan finds the closing quote and whether the value needs decoding.
        let mut end = i;
        let mut special = false;
        while end < b.len() && b[end] != quote {
            special |= SPECIAL[usize::from(b[end])];
            end += 1;
        }
        if end == b.len() {
            return Err(syntax("unterminated attribute value"));
        }
        let raw = &input[i..end];
        let value = if special { decode_attribute(raw)? } else { Cow::Borrowed(raw) };
        i = end + 1;
        if out.len() >= max_attributes {
            return Err(ErrorKind::TooManyAttributes(max_attributes));
        }
        if out.iter().any(|a| a.name == name) {
            return Err(ErrorKind::DuplicateAttribute(name.into()));
        }
        let size = value.len() + name.len();
        if size > *budget {
            return Err(ErrorKind::TextTooLarge(0));
        }
        *budget -= size;
        out.push(Attribute { name: Cow::Borrowed(name), value });
    }
}

/// Bytes that send an attribute value down the slow path: C0 controls (forbidden ones, and
/// the white space that attribute values normalise to spaces), `&`, `<`, and 0xEF, the lead
/// byte of U+FFFE and U+FFFF. (Character data uses [`TEXT_SPECIAL`].)
const fn special_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[0xEF] = true;
    t
}

static SPECIAL: [bool; 256] = special_bytes();

fn has_special(s: &str) -> bool {
    s.bytes().any(|b| SPECIAL[usize::from(b)])
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
    s.bytes().all(is_space_byte)
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

/// The text of a reference in content: predefined entities as static strings, character
/// references decoded.
fn resolve_ref_text(body: &str) -> Result<Cow<'static, str>, ErrorKind> {
    if let Some(s) = predefined(body) {
        return Ok(Cow::Borrowed(s));
    }
    resolve_ref(body).map(|c| Cow::Owned(c.into()))
}

/// Decodes a raw attribute value: references resolved, raw white space characters as spaces.
fn decode_attribute(raw: &str) -> Result<Cow<'_, str>, ErrorKind> {
    if !has_special(raw) {
        return Ok(Cow::Borrowed(raw));
    }
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

/// Checks raw text (between markup) and normalises its line ends (`\r\n` and lone `\r`
/// become `\n`), as XML requires.
fn decode_text(raw: Cow<'_, str>) -> Result<Cow<'_, str>, ErrorKind> {
    if !raw.bytes().any(|b| CLASSES[usize::from(b)] & TEXT_SPECIAL != 0 || b == b'<') {
        return Ok(raw);
    }
    if raw.contains(['&', '<']) {
        return Err(ErrorKind::Syntax("stray markup in text".into()));
    }
    if has_forbidden_char(&raw) {
        return Err(forbidden_char());
    }
    Ok(normalize_eol(raw))
}

/// Normalises line ends (`\r\n` and lone `\r` become `\n`).
fn normalize_eol(raw: Cow<'_, str>) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return raw;
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Reads a whole document and returns its root element, borrowing from `input`.
///
/// A purpose-built reader for one `&str` in memory: markup is found with `str::find`, each
/// attribute value is scanned once, and names, values and text that need no decoding are
/// borrowed from the input.
pub(crate) fn parse_document<'a>(input: &'a str, limits: &Limits) -> Result<Element<'a>, Error> {
    if input.len() > limits.max_input {
        return Err(Error::at(ErrorKind::InputTooLarge(limits.max_input), input, 0, String::new()));
    }
    let mut b = Builder {
        input,
        limits: *limits,
        starts: Vec::with_capacity(16),
        nodes: Vec::with_capacity(64),
        attributes: Vec::with_capacity(16),
        text_budget: limits.max_text,
        root: None,
        pending: None,
    };
    let bytes = input.as_bytes();
    let mut pos = if input.starts_with('\u{FEFF}') { 3 } else { 0 };
    loop {
        // Character data up to the next markup, classified in the same pass.
        let mut lt = pos;
        let mut seen = 0u8;
        while lt < bytes.len() && bytes[lt] != b'<' {
            seen |= CLASSES[usize::from(bytes[lt])];
            lt += 1;
        }
        if lt > pos {
            let text = &input[pos..lt];
            let space = seen & (NOT_SPACE | TEXT_SPECIAL) == 0;
            let next = bytes.get(lt + 1).copied().unwrap_or(b'<');
            let last = b.open_children().last();
            // Indentation before a child element (the start tag clears pending white space)
            // or before the end tag of an element whose last child is an element (the end
            // drops it): dropped at once, but counted against the text limit.
            let dropped = (is_name_byte(next) && !matches!(last, Some(Node::Text(_))))
                || (next == b'/' && matches!(last, Some(Node::Element(_))));
            if space && dropped {
                b.spend(text.len(), pos)?;
            } else if seen & TEXT_SPECIAL == 0 {
                b.text_known(Cow::Borrowed(text), space, pos)?;
            } else {
                b.raw_text(text, pos)?;
            }
        }
        if lt == input.len() {
            break;
        }
        let unclosed = |what: &str| ErrorKind::Syntax(alloc::format!("unclosed {what}"));
        pos = match bytes.get(lt + 1) {
            Some(b'/') => b.end_tag(lt)?,
            Some(b'?') => match input[lt + 2..].find("?>") {
                Some(i) => lt + 2 + i + 2,
                None => return Err(b.err(unclosed("processing instruction"), lt)),
            },
            Some(b'!') if bytes[lt..].starts_with(b"<!--") => match input[lt + 4..].find("-->") {
                Some(i) => lt + 4 + i + 3,
                None => return Err(b.err(unclosed("comment"), lt)),
            },
            Some(b'!') if bytes[lt..].starts_with(b"<![CDATA[") => {
                let start = lt + 9;
                let Some(i) = input[start..].find("]]>") else {
                    return Err(b.err(unclosed("CDATA section"), lt));
                };
                b.cdata(&input[start..start + i], lt)?;
                start + i + 3
            }
            Some(b'!')
                if bytes.len() >= lt + 9
                    && bytes[lt + 2..lt + 9].eq_ignore_ascii_case(b"DOCTYPE") =>
            {
                return Err(b.err(ErrorKind::Doctype, lt));
            }
            Some(b'!') => {
                return Err(b.err(ErrorKind::Syntax("unknown markup after '<!'".into()), lt));
            }
            _ => b.start_tag(lt)?,
        };
    }
    if let Some(open) = b.open_element() {
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
    fn markup_is_read_as_xml_defines_it() {
        let e = Element::parse(
            "\u{FEFF}<?xml version='1.0'?><!-- c --><a >x > y<?pi ?><![CDATA[<&>]]><b\n/></a\n>",
        )
        .unwrap();
        assert_eq!(e.children.len(), 3);
        assert_eq!(e.text(), "x > y<&>");
        for bad in [
            "<a><!-- x</a>",
            "<a><?pi</a>",
            "<a><![CDATA[x</a>",
            "<a><!ELEMENT a ANY></a>",
            "<a>x &amp y</a>",
            "<a></a",
            "<a/></a>",
            "<a><",
            "< a/>",
            "<a><-b/></a>",
        ] {
            assert!(Element::parse(bad).is_err(), "{bad:?}");
        }
        let err = Element::parse("<!doctype a><a/>").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Doctype);
        let err = Element::parse("<a>\n <b>\n</c></a>").unwrap_err();
        assert_eq!((err.line(), err.column(), err.path()), (3, 1, "/a/b"));
    }

    #[test]
    fn the_tree_borrows_from_the_input() {
        let e = Element::parse("<a x='1' y='&amp;'>t<b/></a>").unwrap();
        assert!(matches!(e.name, Cow::Borrowed("a")));
        assert!(matches!(e.attributes[0].value, Cow::Borrowed("1")));
        assert!(matches!(e.attributes[1].value, Cow::Owned(_)));
        assert!(matches!(&e.children[0], Node::Text(Cow::Borrowed("t"))));
        let owned: Element<'static> = e.clone().into_owned();
        assert_eq!(owned, e);
    }

    #[test]
    fn limits_hold() {
        let limits = Limits { max_attributes: 1, ..Limits::default() };
        let err = parse_document("<a x='1' y='2'/>", &limits).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooManyAttributes(1));
        let limits = Limits { max_text: 3, ..Limits::default() };
        let err = parse_document("<a>abcd</a>", &limits).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TextTooLarge(3));
        // Indentation is dropped but counted.
        let err = parse_document("<a>\n    <b/></a>", &limits).unwrap_err();
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
        for bad in
            ["<a x='1'y='2'/>", "<a x=1/>", "<a x/>", "<a 1x='2'/>", "<a x='1/>", "<a x='<'/>"]
        {
            assert!(Element::parse(bad).is_err(), "{bad:?}");
        }
        let e = Element::parse("<a x = \"1'\"\n y='>'/>").unwrap();
        assert_eq!((e.attribute("x"), e.attribute("y")), (Some("1'"), Some(">")));
        let err = Element::parse("<a>\n  <b></c></a>").unwrap_err();
        assert_eq!(err.line(), 2);
        assert_eq!(err.path(), "/a/b");
    }
}
