//! Inputs that fuzzing found, kept as regression tests: each must read (or fail) cleanly and
//! format idempotently.

use virtkit_domxml::{Domain, FormatFlags};

fn idempotent(input: &str) {
    let Ok(first) = Domain::from_xml(input) else { return };
    let once = first.to_xml_flags(FormatFlags::SECURE);
    let again = Domain::from_xml(&once).unwrap();
    assert_eq!(again.to_xml_flags(FormatFlags::SECURE), once, "input {input:?}");
}

#[test]
fn text_directly_in_domain_is_ignored_not_fatal_to_typing() {
    let input = "<domain type='qemu' xmlns:a='urn:a'>\n  <metadata>\n    <a:x>t</a:x>\n  \
                 </metadata>\n  <devices/>ibv<name>n</name>\n</domain>\n";
    let d = Domain::from_xml(input).unwrap();
    assert!(d.metadata.is_some());
    assert_eq!(d.name.as_deref(), Some("n"));
    idempotent(input);
}

#[test]
fn control_characters_are_refused_like_libxml2() {
    for input in [
        "<domain type='kvm'><cpu>\u{1}<topology/></cpu></domain>",
        "<domain type='kvm'><name>a\u{1b}</name></domain>",
        "<domain type='kvm' x='\u{7}'/>",
    ] {
        assert!(Domain::from_xml(input).is_err(), "{input:?}");
    }
}

#[test]
fn references_to_line_ends_stay_idempotent() {
    let input = "<domain type='kvm'><name>a&#13;b</name><os a='x&#10;y&#9;z'/></domain>";
    let d = Domain::from_xml(input).unwrap();
    assert_eq!(d.name.as_deref(), Some("a\rb"));
    let out = d.to_xml_flags(FormatFlags::SECURE);
    assert!(out.contains("<name>a&#13;b</name>"), "{out}");
    assert!(out.contains("a='x&#10;y&#9;z'"), "{out}");
    idempotent(input);
}

#[test]
fn a_huge_iothreads_count_does_not_exhaust_memory_in_defaults() {
    let input = "<domain type='kvm'><iothreads>4000000000</iothreads><iothreadids>\
                 <iothread id='7'/></iothreadids></domain>";
    let mut d = Domain::from_xml(input).unwrap();
    d.apply_defaults();
    assert_eq!(d.iothreadids.as_deref().map(<[_]>::len), Some(1));
    let three = input.replace("4000000000", "3");
    let mut d = Domain::from_xml(&three).unwrap();
    d.apply_defaults();
    let ids: Vec<u32> = d.iothreadids.unwrap().iter().map(|t| t.id).collect();
    assert_eq!(ids, [7, 1, 2]);
}
