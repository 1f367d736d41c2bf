//! Conformance of virtkit-domxml over libvirt 11.3.0's own test documents.
//!
//! `cargo run --release -p virtkit-domxml --example conformance -- [--corpus DIR] [--verbose]
//! [--untyped]` (`--untyped` lists the untyped occurrences outside `<devices>` by element path,
//! attributes of `<domain>` as `/@name`)
//! (run through `cargo xtask conformance`, which compares the figures with a baseline). The
//! corpus is `--corpus DIR`, else `$VIRTKIT_CORPUS`, else `../shared/corpus` beside the
//! workspace. The last lines are machine-readable: `figure NAME PASSED TOTAL`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use virtkit_domxml::{
    Coverage, DOMAIN_CHILD_ORDER, DRIVER_NAMESPACES, Domain, Element, FormatFlags, Node,
    QEMU_NAMESPACE, Scope, declaration, memory_kib,
};

const VERSION_DIR: &str = "libvirt-11.3.0";
/// How many failures of each kind are listed.
const SHOWN: usize = 8;

fn corpus_root(args: &[String]) -> Option<PathBuf> {
    if let Some(i) = args.iter().position(|a| a == "--corpus") {
        return args.get(i + 1).map(PathBuf::from);
    }
    if let Some(dir) = std::env::var_os("VIRTKIT_CORPUS").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    Some(manifest.join("../../../shared/corpus"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let list_untyped = args.iter().any(|a| a == "--untyped");
    let mut untyped_by_path = BTreeMap::new();
    let Some(root) = corpus_root(&args) else {
        eprintln!("--corpus needs a directory");
        return ExitCode::from(2);
    };
    let base = root.join(VERSION_DIR);
    let Ok(verdicts) = std::fs::read_to_string(base.join("schema-verdicts.tsv")) else {
        eprintln!("no corpus at {} (use --corpus DIR or VIRTKIT_CORPUS)", base.display());
        return ExitCode::from(2);
    };
    let Ok(canonical) = std::fs::read_to_string(base.join("canonical-outputs.txt")) else {
        eprintln!("no canonical-outputs.txt in {}", base.display());
        return ExitCode::from(2);
    };
    let shown = if verbose { usize::MAX } else { SHOWN };

    // 1 and 3: every schema-valid document parses and loses nothing on a round trip.
    let valid: Vec<&str> = verdicts
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, v)| *v == "valid")
        .map(|(p, _)| p)
        .collect();
    let (mut parsed, mut lossless) = (0usize, 0usize);
    let mut coverage = Coverage::default();
    let (mut parse_fail, mut loss_fail) = (Vec::new(), Vec::new());
    for rel in &valid {
        let Ok(text) = std::fs::read_to_string(base.join(rel)) else {
            parse_fail.push(format!("{rel}: unreadable"));
            continue;
        };
        let domain = match Domain::from_xml(&text) {
            Ok(d) => d,
            Err(e) => {
                parse_fail.push(format!("{rel}: {e}"));
                continue;
            }
        };
        parsed += 1;
        let c = domain.coverage();
        coverage.typed += c.typed;
        coverage.untyped += c.untyped;
        coverage.devices += c.devices;
        if list_untyped {
            tally_domain(&domain, &mut untyped_by_path);
        }
        let out = domain.to_xml_flags(FormatFlags::SECURE);
        match (Element::parse(&text), Element::parse(&out)) {
            (Ok(a), Ok(b)) => {
                match covers(&shrink_tunes(a), &b, "", &Scope::root(), &Scope::root()) {
                    Ok(()) => lossless += 1,
                    Err(diff) => loss_fail.push(format!("{rel}: {diff}")),
                }
            }
            (_, Err(e)) => loss_fail.push(format!("{rel}: output does not parse: {e}")),
            (Err(e), _) => loss_fail.push(format!("{rel}: {e}")),
        }
    }

    // 2: canonical outputs format back byte for byte.
    let outputs: Vec<&str> = canonical.lines().filter(|l| !l.is_empty()).collect();
    let mut same = 0usize;
    let mut canon_fail = Vec::new();
    for rel in &outputs {
        let Ok(text) = std::fs::read_to_string(base.join(rel)) else {
            canon_fail.push(format!("{rel}: unreadable"));
            continue;
        };
        match Domain::from_xml(&text) {
            Err(e) => canon_fail.push(format!("{rel}: {e}")),
            Ok(d) => {
                let out = d.to_xml_flags(FormatFlags::SECURE);
                if out == text {
                    same += 1;
                } else {
                    canon_fail.push(format!("{rel}: {}", first_difference(&text, &out)));
                }
            }
        }
    }

    report("parse failures", &parse_fail, shown);
    report("canonical mismatches", &canon_fail, shown);
    report("lossless failures", &loss_fail, shown);
    if list_untyped {
        report_untyped(&untyped_by_path);
    }
    let typed_total = coverage.typed + coverage.untyped;
    println!(
        "typed coverage outside <devices>: {} of {typed_total} occurrences ({}%); inside <devices>: 0 of {}",
        coverage.typed,
        percent(coverage.typed, typed_total),
        coverage.devices
    );
    println!("figure parse {parsed} {}", valid.len());
    println!("figure canonical {same} {}", outputs.len());
    println!("figure lossless {lossless} {}", valid.len());
    println!("figure typed {} {typed_total}", coverage.typed);
    ExitCode::SUCCESS
}

/// Lists untyped occurrences by path, the most frequent first.
fn report_untyped(by_path: &BTreeMap<String, usize>) {
    let mut rows: Vec<_> = by_path.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("untyped occurrences by path:");
    for (path, n) in rows {
        println!("  {n:7} {path}");
    }
}

/// Adds the untyped occurrences of `domain` to `by_path`: its kept attributes (as `/@name`)
/// and kept children.
fn tally_domain(domain: &Domain<'_>, by_path: &mut BTreeMap<String, usize>) {
    for a in &domain.attributes {
        *by_path.entry(format!("/@{}", a.name)).or_default() += 1;
    }
    for e in &domain.others {
        tally(e, "", by_path);
    }
}

/// Adds the occurrences of `e` (the element and its attributes) and of its descendants to
/// `by_path`, keyed by element path.
fn tally(e: &Element<'_>, path: &str, by_path: &mut BTreeMap<String, usize>) {
    let path = format!("{path}/{}", e.name);
    *by_path.entry(path.clone()).or_default() += 1 + e.attributes.len();
    for c in e.elements() {
        tally(c, &path, by_path);
    }
}

/// `part` of `whole` in percent, to one decimal (integer arithmetic).
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "100.0".into();
    }
    let tenths = part * 1000 / whole;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn report(what: &str, list: &[String], shown: usize) {
    if list.is_empty() {
        return;
    }
    println!("{what}: {}", list.len());
    for line in list.iter().take(shown) {
        println!("  {line}");
    }
    if list.len() > shown {
        println!("  ... and {} more (--verbose lists all)", list.len() - shown);
    }
}

fn first_difference(expected: &str, got: &str) -> String {
    let (mut want, mut have) = (expected.lines(), got.lines());
    let mut line = 1;
    loop {
        match (want.next(), have.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                return format!(
                    "line {line}: expected {:?}, got {:?}",
                    x.unwrap_or("<end>"),
                    y.unwrap_or("<end>")
                );
            }
        }
    }
}

/// libvirt's rank of a child of `<domain>` in `scope` (`<domain>`'s): elements in a
/// namespace come last.
fn rank(e: &Element<'_>, scope: &Scope<'_, '_>) -> usize {
    match scope.name(&e.name) {
        (None, local) => DOMAIN_CHILD_ORDER.iter().position(|n| *n == local),
        (Some(_), _) => None,
    }
    .unwrap_or(DOMAIN_CHILD_ORDER.len())
}

/// Whether `uri` is the namespace of one of libvirt's drivers (QEMU, bhyve, Xen, LXC, VMware).
fn is_driver_namespace(uri: Option<&str>) -> bool {
    uri.is_some_and(|u| u == QEMU_NAMESPACE || DRIVER_NAMESPACES.iter().any(|(_, d)| *d == u))
}

/// Whether the qualified names `a` (in `sa`) and `b` (in `sb`) name the same thing: the same
/// namespace URI and local name, and the same prefix too unless the namespace is a driver's
/// (libvirt reads those by URI and writes them under its own prefix).
fn same_name(a: &str, sa: &Scope<'_, '_>, b: &str, sb: &Scope<'_, '_>, attribute: bool) -> bool {
    let (ea, eb) = (expanded(a, sa, attribute), expanded(b, sb, attribute));
    ea == eb && (prefix(a) == prefix(b) || is_driver_namespace(ea.0))
}

fn expanded<'s, 'n>(
    name: &'n str,
    scope: &Scope<'s, '_>,
    attribute: bool,
) -> (Option<&'s str>, &'n str) {
    if attribute { scope.attribute_name(name) } else { scope.name(name) }
}

fn prefix(name: &str) -> Option<&str> {
    name.split_once(':').map(|(p, _)| p)
}

/// Whether the declaration `a` of `prefix` on an input element may be missing from its output
/// element (scope `out`): when it declares a driver namespace, or a driver's prefix, and the
/// output has libvirt's own declaration of that driver in scope instead.
fn redeclared_by_libvirt(prefix: Option<&str>, value: &str, out: &Scope<'_, '_>) -> bool {
    let drivers = DRIVER_NAMESPACES.iter().copied().chain([("qemu", QEMU_NAMESPACE)]);
    drivers
        .into_iter()
        .any(|(p, uri)| (value == uri || prefix == Some(p)) && out.uri(Some(p)) == Some(uri))
}

/// Whether `out` holds everything `inp` holds: same names and children, every attribute of
/// `inp` with an equal value (cpu lists compared as sets, sizes compared in KiB), and only
/// the attributes libvirt adds (`unit`, namespace declarations) on top. `<domain>`'s children
/// are compared in libvirt's order, other children by name (same-name siblings in order).
/// Names are compared by namespace URI and local name, and by prefix too outside libvirt's
/// driver namespaces; namespace declarations are kept exactly, except those of a driver
/// namespace that libvirt's own declaration of it replaces (`<ns0:commandline
/// xmlns:ns0='...qemu/1.0'>` is written `<qemu:commandline>` under `<domain xmlns:qemu>`).
fn covers(
    inp: &Element<'_>,
    out: &Element<'_>,
    path: &str,
    in_scope: &Scope<'_, '_>,
    out_scope: &Scope<'_, '_>,
) -> Result<(), String> {
    let path = format!("{path}/{}", inp.name);
    if !same_name(&inp.name, &in_scope.enter(inp), &out.name, &out_scope.enter(out), false) {
        return Err(format!("{path}: became <{}>", out.name));
    }
    let (si, so) = (in_scope.enter(inp), out_scope.enter(out));
    for a in &inp.attributes {
        if let Some(prefix) = declaration(a) {
            let kept = out.attribute(&a.name) == Some(&*a.value);
            if !kept && !redeclared_by_libvirt(prefix, &a.value, &so) {
                return Err(format!("{path}/@{}: declaration of '{}' lost", a.name, a.value));
            }
            continue;
        }
        let found = out
            .attributes
            .iter()
            .find(|b| declaration(b).is_none() && same_name(&a.name, &si, &b.name, &so, true))
            .map(|b| &*b.value);
        match found {
            None => return Err(format!("{path}/@{}: lost", a.name)),
            Some(v) if v == a.value || a.name == "unit" => {}
            Some(v) => {
                let as_sets = a.value.parse::<virtkit_domxml::CpuSet>().ok().zip(v.parse().ok());
                // A size beside a unit (`<page size='5' unit='M'>`) is compared in KiB.
                let as_sizes = (inp.attribute("unit").is_some() || out.attribute("unit").is_some())
                    && memory_kib(&a.value, inp.attribute("unit")).ok()
                        == memory_kib(v, out.attribute("unit")).ok();
                if !as_sizes && !as_sets.is_some_and(|(x, y)| x == y) {
                    return Err(format!("{path}/@{}: '{}' became '{v}'", a.name, a.value));
                }
            }
        }
    }
    for a in &out.attributes {
        // libvirt writes the default mode of <hyperv> and policy of <capabilities>.
        let default =
            matches!((&*inp.name, &*a.name), ("hyperv", "mode") | ("capabilities", "policy"));
        let in_input = inp
            .attributes
            .iter()
            .any(|b| declaration(b).is_none() && same_name(&b.name, &si, &a.name, &so, true));
        if !in_input && a.name != "unit" && declaration(a).is_none() && !default {
            return Err(format!("{path}/@{}: added", a.name));
        }
    }
    let (ti, to) = (inp.text(), out.text());
    // White space alone in an element is no value for libvirt (`<cpu>\n</cpu>` is `<cpu/>`).
    let blank = |t: &str| t.bytes().all(|b| b.is_ascii_whitespace());
    if ti != to && !(blank(&ti) && blank(&to)) {
        let sized = inp.attribute("unit").is_some() || out.attribute("unit").is_some();
        let same_size = sized
            && memory_kib(&ti, inp.attribute("unit")).ok()
                == memory_kib(&to, out.attribute("unit")).ok();
        let same_uuid =
            ti.parse::<virtkit_domxml::Uuid>().ok().is_some_and(|u| to.parse().ok() == Some(u));
        if !same_size && !same_uuid {
            return Err(format!("{path}: text '{ti}' became '{to}'"));
        }
    }
    let split = split_scheds(inp);
    let mut ci: Vec<&Element<'_>> = split.as_ref().unwrap_or(inp).elements().collect();
    let mut co: Vec<&Element<'_>> = out.elements().collect();
    if inp.name == "domain" && path == "/domain" {
        ci.sort_by_key(|e| rank(e, &si));
        co.sort_by_key(|e| rank(e, &so));
    } else {
        // libvirt writes the children of the elements it knows in its own order; siblings of
        // one name keep theirs (boot order, vcpupins, ...). Names sort by namespace and local
        // name.
        ci.sort_by_key(|e| {
            let child = si.enter(e);
            child.name(&e.name)
        });
        co.sort_by_key(|e| {
            let child = so.enter(e);
            child.name(&e.name)
        });
    }
    if inp.name == "cell" && !ci.iter().any(|c| c.name == "distances") {
        // ... and gives a cell without distances those other cells name for it.
        co.retain(|c| c.name != "distances");
    }
    if inp.name == "distances" {
        // libvirt completes distances given in one direction only: the output holds every
        // sibling of the input, perhaps more.
        for a in &ci {
            if !co.iter().any(|b| covers(a, b, &path, &si, &so).is_ok()) {
                return Err(format!("{path}: sibling {:?} lost", a.attribute("id")));
            }
        }
        return Ok(());
    }
    if ci.len() != co.len() {
        let names = |v: &[&Element<'_>]| v.iter().map(|e| &*e.name).collect::<Vec<_>>().join(",");
        return Err(format!("{path}: children [{}] became [{}]", names(&ci), names(&co)));
    }
    let cdata_lost = inp.children.iter().any(|n| matches!(n, Node::CData(_)))
        && !out.children.iter().any(|n| matches!(n, Node::CData(_)))
        && inp.text() != out.text();
    if cdata_lost {
        return Err(format!("{path}: CDATA lost"));
    }
    for (a, b) in ci.iter().zip(&co) {
        covers(a, b, &path, &si, &so)?;
    }
    Ok(())
}

/// libvirt's reading of `<cachetune>` and `<memorytune>`: vcpus beyond the domain's vcpu count
/// are dropped, and so are tunes left without vcpus.
fn shrink_tunes(mut domain: Element<'_>) -> Element<'_> {
    let Some(count) = domain.child("vcpu").and_then(|v| v.text().trim().parse::<u32>().ok()) else {
        return domain;
    };
    for node in &mut domain.children {
        let Node::Element(cputune) = node else { continue };
        if cputune.name != "cputune" {
            continue;
        }
        cputune.children.retain_mut(|n| {
            let Node::Element(t) = n else { return true };
            if t.name != "cachetune" && t.name != "memorytune" {
                return true;
            }
            let Some(set) =
                t.attribute("vcpus").and_then(|v| v.parse::<virtkit_domxml::CpuSet>().ok())
            else {
                return true;
            };
            let kept: virtkit_domxml::CpuSet = set.iter().filter(|v| *v < count).collect();
            if kept.is_empty() {
                return false;
            }
            t.set_attribute("vcpus", kept.to_string());
            true
        });
    }
    domain
}

/// libvirt's normalisation of `<cputune>`: one `<vcpusched>`/`<iothreadsched>` per thread, in
/// id order. `None` when `e` has nothing to split.
fn split_scheds<'a>(e: &Element<'a>) -> Option<Element<'a>> {
    let is_sched = |c: &Element<'_>| matches!(&*c.name, "vcpusched" | "iothreadsched");
    if e.name != "cputune" || !e.elements().any(is_sched) {
        return None;
    }
    let mut out = Element::new(e.name.clone());
    out.attributes.clone_from(&e.attributes);
    let mut scheds: Vec<(u8, u32, Element<'a>)> = Vec::new();
    for c in e.elements() {
        let ids = if c.name == "vcpusched" { "vcpus" } else { "iothreads" };
        let set = c.attribute(ids).and_then(|v| v.parse::<virtkit_domxml::CpuSet>().ok());
        match (is_sched(c), set) {
            (true, Some(set)) => {
                for id in &set {
                    if scheds.iter().any(|(k, seen, _)| {
                        *k == u8::from(c.name == "iothreadsched") && *seen == id
                    }) {
                        // Overlapping sets: libvirt refuses them and the model keeps them as read.
                        return None;
                    }
                    let mut one = c.clone();
                    one.set_attribute(ids, id.to_string());
                    scheds.push((u8::from(c.name == "iothreadsched"), id, one));
                }
            }
            _ => out.children.push(Node::Element(c.clone())),
        }
    }
    scheds.sort_by_key(|(kind, id, _)| (*kind, *id));
    out.children.extend(scheds.into_iter().map(|(_, _, c)| Node::Element(c)));
    Some(out)
}
