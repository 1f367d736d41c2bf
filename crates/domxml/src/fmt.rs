//! libvirt's canonical formatting of element trees.
//!
//! Two styles exist in libvirt's output. Everything libvirt formats itself (`virBuffer`) uses
//! 2-space indentation, single-quoted attributes, self-closed empty elements and text-only
//! elements on one line, escaping `<`, `>`, `&`, `'` and `"` in text and attributes and dropping
//! control characters. The foreign XML inside `<metadata>` is written by libxml2
//! (`xmlNodeDump`): double-quoted attributes, libxml2's escaping, CDATA kept, and no indentation
//! inside an element that holds text.

use alloc::string::String;

use crate::doc::{Element, Node};

/// Which writer produced a subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// libvirt's own `virBuffer` formatting.
    Libvirt,
    /// libxml2's `xmlNodeDump`, used by libvirt for `<metadata>` children.
    Libxml2,
}

/// Appends `s` escaped as libvirt's `virBufferEscapeString` escapes it: `<`, `>`, `&`, `'`
/// and `"` as entities, other control characters dropped.
///
/// One deliberate difference: a carriage return (which only a `&#13;` reference can put in a
/// value) is written as `&#13;`, and so are tab and newline in attribute values (`attribute`
/// true), where libvirt writes them raw; raw, they would read back as other characters
/// (XML normalises line ends and attribute white space), and formatting would not be
/// idempotent.
pub(crate) fn escape_libvirt_in(out: &mut String, s: &str, attribute: bool) {
    // Most values need no escaping: one scan, one copy.
    let table = if attribute { &ESCAPED_IN_ATTRIBUTES } else { &ESCAPED_IN_TEXT };
    let Some(first) = s.bytes().position(|b| table[usize::from(b)]) else {
        out.push_str(s);
        return;
    };
    let mut start = 0;
    for (i, b) in s.bytes().enumerate().skip(first) {
        if !table[usize::from(b)] {
            continue;
        }
        let rep = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'\'' => "&apos;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            _ => "",
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// The bytes [`escape_libvirt_in`] replaces or drops: markup characters and C0 controls, tab
/// and newline only in attribute values.
const fn escaped_bytes(attribute: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = attribute || !matches!(i as u8, b'\t' | b'\n');
        i += 1;
    }
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'&' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'"' as usize] = true;
    t
}

static ESCAPED_IN_TEXT: [bool; 256] = escaped_bytes(false);
static ESCAPED_IN_ATTRIBUTES: [bool; 256] = escaped_bytes(true);

/// [`escape_libvirt_in`] for text.
pub(crate) fn escape_libvirt(out: &mut String, s: &str) {
    escape_libvirt_in(out, s, false);
}

/// [`escape_libvirt_in`] for attribute values.
pub(crate) fn escape_libvirt_attr(out: &mut String, s: &str) {
    escape_libvirt_in(out, s, true);
}

fn escape_libxml2(out: &mut String, s: &str, attribute: bool) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'\r' => "&#13;",
            b'"' if attribute => "&quot;",
            b'\n' if attribute => "&#10;",
            b'\t' if attribute => "&#9;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Appends the decimal form of `n` (no allocation, unlike `to_string`).
pub(crate) fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(core::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// Appends `value` as `Display` writes it, without an intermediate `String`.
pub(crate) fn push_display(out: &mut String, value: &impl core::fmt::Display) {
    // Writing to a `String` cannot fail.
    let _ = core::fmt::Write::write_fmt(out, format_args!("{value}"));
}

pub(crate) fn indent(out: &mut String, depth: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = depth * 2;
    while n > SPACES.len() {
        out.push_str(SPACES);
        n -= SPACES.len();
    }
    out.push_str(&SPACES[..n]);
}

/// Writes `<name attr='v'...` (no closing bracket).
pub(crate) fn open_tag(out: &mut String, e: &Element<'_>, style: Style) {
    out.push('<');
    out.push_str(&e.name);
    for a in &e.attributes {
        out.push(' ');
        out.push_str(&a.name);
        match style {
            Style::Libvirt => {
                out.push_str("='");
                escape_libvirt_attr(out, &a.value);
                out.push('\'');
            }
            Style::Libxml2 => {
                out.push_str("=\"");
                escape_libxml2(out, &a.value, true);
                out.push('"');
            }
        }
    }
}

/// Writes a whole element at `depth`, followed by a newline.
pub(crate) fn write_element(out: &mut String, e: &Element<'_>, depth: usize, style: Style) {
    indent(out, depth);
    write_inline(out, e, depth, style);
    out.push('\n');
}

/// Writes an element whose first line is already indented; no trailing newline.
fn write_inline(out: &mut String, e: &Element<'_>, depth: usize, style: Style) {
    open_tag(out, e, style);
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let has_text = e.children.iter().any(|n| !matches!(n, Node::Element(_)));
    if has_text {
        // Text-only or mixed content: written as it is, no indentation added.
        for child in &e.children {
            match child {
                Node::Text(t) => write_text(out, t, style),
                Node::CData(t) if style == Style::Libxml2 => {
                    out.push_str("<![CDATA[");
                    out.push_str(t);
                    out.push_str("]]>");
                }
                Node::CData(t) => escape_libvirt(out, t),
                Node::Element(c) => write_inline(out, c, depth + 1, style),
            }
        }
    } else {
        out.push('\n');
        for child in e.elements() {
            write_element(out, child, depth + 1, style);
        }
        indent(out, depth);
    }
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

fn write_text(out: &mut String, t: &str, style: Style) {
    match style {
        Style::Libvirt => escape_libvirt(out, t),
        Style::Libxml2 => escape_libxml2(out, t, false),
    }
}

/// Writes `<name>` followed by `value` as `Display` writes it and `</name>` at `depth`.
pub(crate) fn display_element(
    out: &mut String,
    depth: usize,
    name: &str,
    value: Option<&impl core::fmt::Display>,
) {
    if let Some(value) = value {
        indent(out, depth);
        out.push('<');
        out.push_str(name);
        out.push('>');
        let start = out.len();
        push_display(out, value);
        if out[start..].bytes().any(|b| ESCAPED_IN_TEXT[usize::from(b)]) {
            let raw = out.split_off(start);
            escape_libvirt(out, &raw);
        }
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }
}

/// Writes `<name>text</name>` at `depth` (libvirt style), or nothing for `None`.
pub(crate) fn text_element(out: &mut String, depth: usize, name: &str, text: Option<&str>) {
    if let Some(text) = text {
        indent(out, depth);
        out.push('<');
        out.push_str(name);
        out.push('>');
        escape_libvirt(out, text);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn libvirt(xml: &str) -> String {
        let mut out = String::new();
        write_element(&mut out, &Element::parse(xml).unwrap(), 0, Style::Libvirt);
        out
    }

    #[test]
    fn libvirt_style() {
        assert_eq!(
            libvirt("<a x=\"1&quot;'\"><b/><c>t&lt;'</c></a>"),
            "<a x='1&quot;&apos;'>\n  <b/>\n  <c>t&lt;&apos;</c>\n</a>\n"
        );
        assert_eq!(libvirt("<a><![CDATA[<x>]]></a>"), "<a>&lt;x&gt;</a>\n");
    }

    #[test]
    fn numbers_and_displays_are_written_in_place() {
        let mut out = String::new();
        push_u64(&mut out, 0);
        out.push(' ');
        push_u64(&mut out, u64::MAX);
        display_element(&mut out, 1, "a", Some(&"x<y"));
        display_element(&mut out, 1, "b", None::<&u8>);
        assert_eq!(out, "0 18446744073709551615  <a>x&lt;y</a>\n");
    }

    #[test]
    fn libxml2_style() {
        let mut out = String::new();
        let e =
            Element::parse("<p:a xmlns:p='u' v='&#10;\"'><p:b>x<![CDATA[y]]></p:b><p:c/></p:a>")
                .unwrap();
        write_element(&mut out, &e, 1, Style::Libxml2);
        assert_eq!(
            out,
            "  <p:a xmlns:p=\"u\" v=\"&#10;&quot;\">\n    <p:b>x<![CDATA[y]]></p:b>\n    <p:c/>\n  </p:a>\n"
        );
    }
}
