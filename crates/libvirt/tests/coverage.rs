//! Coverage of libvirt's `virDomain*` API: every function in the installed libvirt's API
//! description (`libvirt-api.xml`) must be reached by the binding; the missing ones are
//! printed.

#![allow(clippy::print_stdout)]

use std::collections::BTreeSet;
use std::process::Command;

fn api_xml() -> Option<String> {
    let out =
        Command::new("pkg-config").args(["--variable", "libvirt_api", "libvirt"]).output().ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    std::fs::read_to_string(if path.is_empty() {
        "/usr/share/libvirt/api/libvirt-api.xml".to_owned()
    } else {
        path
    })
    .ok()
}

fn domain_functions(xml: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<function name='") {
        let tail = &rest[at + 16..];
        let end = tail.find('\'').unwrap_or(0);
        if tail[..end].starts_with("virDomain") {
            out.insert(tail[..end].to_owned());
        }
        rest = &tail[end..];
    }
    out
}

#[test]
fn every_domain_function_of_the_installed_libvirt_is_reached() {
    let xml = api_xml().expect("libvirt-api.xml (libvirt-dev) is needed to measure coverage");
    let api = domain_functions(&xml);
    assert!(api.len() >= 200, "only {} virDomain* functions found", api.len());
    let reached = virtkit_libvirt::coverage::reached();
    let missing: Vec<&String> = api.iter().filter(|f| !reached.contains(*f)).collect();
    println!("virDomain* coverage: {} of {} reachable", api.len() - missing.len(), api.len());
    for f in &missing {
        println!("  missing: {f}");
    }
    assert!(missing.is_empty(), "{} virDomain* functions not reached: {missing:?}", missing.len());
}

#[test]
fn every_reached_function_is_exported_by_libvirt() {
    // Client-side functions are re-created in virtkit_api; everything else must exist.
    let client: BTreeSet<&str> =
        virtkit_libvirt::coverage::CLIENT_SIDE.iter().map(|(c, _)| *c).collect();
    for f in virtkit_libvirt::coverage::reached() {
        if !client.contains(f.as_str()) {
            assert!(virtkit_libvirt::has_function(&f), "{f} is called but libvirt.so.0 lacks it");
        }
    }
}
