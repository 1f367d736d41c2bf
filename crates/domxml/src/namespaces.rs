//! XML namespaces: which URI a prefix stands for at an element ([`Scope`]), and the renaming
//! of a driver namespace's elements to libvirt's own prefix.
//!
//! libvirt reads its drivers' elements (`<qemu:commandline>`, `<lxc:namespace>`, ...) by
//! namespace URI, whatever the prefix and wherever it is declared, and writes them back under
//! the driver's own prefix with the declaration on `<domain>`.

use alloc::borrow::Cow;
use alloc::format;

use crate::doc::{Attribute, Element, Node};

/// The namespace of the `xml` prefix, bound in every document.
pub const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// The namespace declarations in scope at an element: its own, then its ancestors'. Scopes
/// chain on the stack, so walking a tree allocates nothing.
///
/// ```
/// use virtkit_domxml::{Element, Scope};
/// let d = Element::parse("<domain xmlns:q='urn:q'><q:a xmlns='urn:d'><b/></q:a></domain>")
///     .unwrap();
/// let root = Scope::root();
/// let at_domain = root.enter(&d);
/// let a = d.child("q:a").unwrap();
/// let at_a = at_domain.enter(a);
/// assert_eq!(at_a.name(&a.name), (Some("urn:q"), "a"));
/// let b = a.child("b").unwrap();
/// assert_eq!(at_a.enter(b).name(&b.name), (Some("urn:d"), "b"));
/// assert_eq!(at_domain.name("name"), (None, "name"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'s, 'a> {
    element: Option<&'s Element<'a>>,
    parent: Option<&'s Scope<'s, 'a>>,
}

impl<'s, 'a> Scope<'s, 'a> {
    /// The scope outside the document element: only `xml` is bound.
    ///
    /// ```
    /// let s = virtkit_domxml::Scope::root();
    /// assert_eq!(s.uri(Some("xml")), Some(virtkit_domxml::XML_NAMESPACE));
    /// assert_eq!(s.uri(None), None);
    /// ```
    pub const fn root() -> Scope<'s, 'a> {
        Scope { element: None, parent: None }
    }

    /// The scope inside `e`, a child of this scope's element (or the document element).
    ///
    /// ```
    /// use virtkit_domxml::{Element, Scope};
    /// let e = Element::parse("<a xmlns:p='urn:p'/>").unwrap();
    /// assert_eq!(Scope::root().enter(&e).uri(Some("p")), Some("urn:p"));
    /// ```
    #[must_use]
    pub fn enter(&'s self, e: &'s Element<'a>) -> Scope<'s, 'a> {
        Scope { element: Some(e), parent: Some(self) }
    }

    /// The URI `prefix` stands for here (`None`: the default namespace); `None` when it is
    /// unbound (or, for the default namespace, undeclared with `xmlns=''`).
    ///
    /// ```
    /// use virtkit_domxml::{Element, Scope};
    /// let e = Element::parse("<a xmlns='urn:d'><b xmlns=''/></a>").unwrap();
    /// let root = Scope::root();
    /// let at_a = root.enter(&e);
    /// assert_eq!(at_a.uri(None), Some("urn:d"));
    /// assert_eq!(at_a.enter(e.child("b").unwrap()).uri(None), None);
    /// assert_eq!(at_a.uri(Some("p")), None);
    /// ```
    pub fn uri(&self, prefix: Option<&str>) -> Option<&'s str> {
        let mut scope = Some(self);
        while let Some(s) = scope {
            if let Some(value) = s.element.and_then(|e| declared(e, prefix)) {
                return (!value.is_empty()).then_some(value);
            }
            scope = s.parent;
        }
        (prefix == Some("xml")).then_some(XML_NAMESPACE)
    }

    /// The expanded name of an element named `qname` in this scope: (namespace URI, local
    /// name). An unbound prefix gives no URI and the whole qualified name, which contains a
    /// `:` and so never equals a local name.
    ///
    /// ```
    /// use virtkit_domxml::{Element, Scope};
    /// let e = Element::parse("<a xmlns:p='urn:p'/>").unwrap();
    /// let root = Scope::root();
    /// let s = root.enter(&e);
    /// assert_eq!(s.name("p:x"), (Some("urn:p"), "x"));
    /// assert_eq!(s.name("u:x"), (None, "u:x"));
    /// ```
    pub fn name<'n>(&self, qname: &'n str) -> (Option<&'s str>, &'n str) {
        match qname.split_once(':') {
            Some((prefix, local)) => match self.uri(Some(prefix)) {
                Some(uri) => (Some(uri), local),
                None => (None, qname),
            },
            None => (self.uri(None), qname),
        }
    }

    /// The expanded name of an attribute named `qname` (not a declaration) in this scope:
    /// as [`name`](Self::name), except that the default namespace does not apply.
    ///
    /// ```
    /// use virtkit_domxml::{Element, Scope};
    /// let e = Element::parse("<a xmlns='urn:d' xmlns:p='urn:p'/>").unwrap();
    /// let root = Scope::root();
    /// let s = root.enter(&e);
    /// assert_eq!(s.attribute_name("v"), (None, "v"));
    /// assert_eq!(s.attribute_name("p:v"), (Some("urn:p"), "v"));
    /// ```
    pub fn attribute_name<'n>(&self, qname: &'n str) -> (Option<&'s str>, &'n str) {
        if qname.contains(':') { self.name(qname) } else { (None, qname) }
    }
}

/// The URI `e` itself declares for `prefix` (`None`: the default namespace).
fn declared<'e>(e: &'e Element<'_>, prefix: Option<&str>) -> Option<&'e str> {
    e.attributes.iter().find_map(|a| (declaration(a) == Some(prefix)).then_some(&*a.value))
}

/// The prefix a namespace declaration declares (`Some(None)` for `xmlns`); `None` when `a` is
/// not a declaration.
///
/// ```
/// use virtkit_domxml::{Attribute, declaration};
/// assert_eq!(declaration(&Attribute::new("xmlns:q", "urn:q")), Some(Some("q")));
/// assert_eq!(declaration(&Attribute::new("xmlns", "urn:d")), Some(None));
/// assert_eq!(declaration(&Attribute::new("xmlnsx", "v")), None);
/// ```
pub fn declaration<'n>(a: &'n Attribute<'_>) -> Option<Option<&'n str>> {
    match a.name.strip_prefix("xmlns") {
        Some("") => Some(None),
        Some(rest) => rest.strip_prefix(':').map(Some),
        None => None,
    }
}

/// `e` (a child of `scope`'s element) renamed into `prefix`, with its namespace declarations
/// left out, when `e` and every element in it are in the namespace `uri`, every declaration
/// in it declares `uri` (under any prefix, or as the default) and no attribute has a prefix.
/// Text is kept. `None` otherwise: the element is not purely of that namespace.
pub(crate) fn renamed_into<'a>(
    e: &Element<'a>,
    scope: &Scope<'_, 'a>,
    uri: &str,
    prefix: &str,
) -> Option<Element<'a>> {
    let inner = scope.enter(e);
    let (ns, local) = inner.name(&e.name);
    if ns != Some(uri) {
        return None;
    }
    let mut out = Element::new(Cow::Owned(format!("{prefix}:{local}")));
    for a in &e.attributes {
        match declaration(a) {
            Some(_) if a.value == uri => {}
            Some(_) => return None,
            None if a.name.contains(':') => return None,
            None => out.attributes.push(a.clone()),
        }
    }
    out.children.reserve(e.children.len());
    for n in &e.children {
        out.children.push(match n {
            Node::Element(c) => Node::Element(renamed_into(c, &inner, uri, prefix)?),
            other => other.clone(),
        });
    }
    Some(out)
}

/// Whether `e` or anything in it uses `prefix` (in an element or attribute name) through a
/// declaration made outside `e`.
pub(crate) fn relies_on(e: &Element<'_>, prefix: &str) -> bool {
    if declared(e, Some(prefix)).is_some() {
        return false;
    }
    uses_prefix(&e.name, prefix)
        || e.attributes.iter().any(|a| declaration(a).is_none() && uses_prefix(&a.name, prefix))
        || e.elements().any(|c| relies_on(c, prefix))
}

/// Whether the qualified name `name` has the prefix `prefix`.
pub(crate) fn uses_prefix(name: &str, prefix: &str) -> bool {
    name.split_once(':').is_some_and(|(p, _)| p == prefix)
}
