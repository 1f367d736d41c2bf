//! `virtkit`: the command-line face of the virtkit crates.
//!
//! The tour runs on the embedded default, the in-memory `sim` driver (`sim:///default`, which
//! starts like libvirt's `test:///default`), through the public API (`api`), and shows the pure
//! crates at work: libvirt cpu lists and byte cpumaps (`cpumap`), the kernel's cpulist dialect,
//! and typed parameters with their virsh-style assignment and RPC wire form (`typedparams`).
//! The virsh-like commands over `sim` arrive as the `sim` driver grows.
//!
//! ```text
//! virtkit                       a short tour of what the crates do
//! virtkit cpulist LIST [--bound N | --unlimited] [--strict]
//! virtkit kernel-cpulist LIST [--nbits N]
//! virtkit schedinfo --set NAME=VALUE [--set ...]
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::process::ExitCode;

use virtkit_api::Connect;
use virtkit_api::flags::{ConnectListAllDomainsFlags, DomainXMLFlags};
use virtkit_cpumap::{CpuListParser, CpuSet, Limit, Syntax, parse_kernel_list};
use virtkit_typedparams::schema::SchedulerParams;
use virtkit_typedparams::{TypedParams, assign};

const USAGE: &str = "usage:
  virtkit                        a short tour of what the crates do
  virtkit cpulist LIST [--bound N | --unlimited] [--strict]
                                 parse a libvirt cpu list (\"0-3,^1\") as libvirt does
  virtkit kernel-cpulist LIST [--nbits N]
                                 parse a Linux kernel cpulist (\"0-7:2/4\")
  virtkit schedinfo --set NAME=VALUE [--set ...]
                                 type scheduler parameters as `virsh schedinfo --set` does
  virtkit help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("tour") => Ok(tour()),
        Some("cpulist") => cpulist(&args[1..]),
        Some("kernel-cpulist") => kernel_cpulist(&args[1..]),
        Some("schedinfo") => schedinfo(&args[1..]),
        Some("help" | "-h" | "--help") => Ok(USAGE.to_owned()),
        Some(other) => Err(format!("unknown command '{other}'\n{USAGE}")),
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Everything `cpulist` reports about one set.
fn describe(set: &CpuSet) -> String {
    let mut out = String::new();
    let bytes: Vec<String> = set.to_cpumap().iter().map(|b| format!("{b:#04x}")).collect();
    let _ = writeln!(out, "  formatted : {set}");
    let _ = writeln!(out, "  cpus      : {} (size {} bits)", set.len(), set.size());
    let _ = writeln!(out, "  cpumap    : [{}]", bytes.join(", "));
    if set.size() <= 1024 {
        let _ = writeln!(out, "  hex       : {}", set.to_hex_string());
    }
    out
}

fn option_value<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        Some(i) => args.get(i + 1).map(|v| Some(v.as_str())).ok_or(format!("{name} needs a value")),
        None => Ok(None),
    }
}

fn number_option(args: &[String], name: &str, default: u32) -> Result<u32, String> {
    option_value(args, name)?
        .map_or(Ok(default), |v| v.parse().map_err(|_| format!("{name}: '{v}' is not a number")))
}

fn cpulist(args: &[String]) -> Result<String, String> {
    let list = args.first().ok_or("cpulist needs a LIST")?;
    let limit = if args.iter().any(|a| a == "--unlimited") {
        Limit::Unlimited
    } else {
        Limit::Bits(number_option(args, "--bound", virtkit_cpumap::DOMAIN_CPUMASK_LEN)?)
    };
    let syntax =
        if args.iter().any(|a| a == "--strict") { Syntax::Schema } else { Syntax::Libvirt };
    let set = CpuListParser::new(limit).syntax(syntax).parse(list).map_err(|e| e.to_string())?;
    Ok(format!("'{list}'\n{}", describe(&set)))
}

fn kernel_cpulist(args: &[String]) -> Result<String, String> {
    let list = args.first().ok_or("kernel-cpulist needs a LIST")?;
    let nbits = number_option(args, "--nbits", 8192)?;
    let set = parse_kernel_list(list, nbits).map_err(|e| e.to_string())?;
    Ok(format!("'{}'\n{}", list.escape_debug(), describe(&set)))
}

fn schedinfo(args: &[String]) -> Result<String, String> {
    let mut params = TypedParams::new();
    let mut sets = args.iter();
    while let Some(arg) = sets.next() {
        if arg != "--set" {
            return Err(format!("unexpected argument '{arg}'\n{USAGE}"));
        }
        let set = sets.next().ok_or("--set needs NAME=VALUE")?;
        params.push(assign(set, SchedulerParams::SPECS).map_err(|e| e.to_string())?);
    }
    let wire = params.to_xdr();
    let back = TypedParams::from_xdr(&wire, 16).map_err(|e| e.to_string())?;
    let typed = SchedulerParams::from_params(&back).map_err(|e| e.to_string())?;
    Ok(format!(
        "{back}\nwire form: {} bytes of XDR (remote_typed_param)\ntyped: {typed:?}\n",
        wire.len()
    ))
}

/// The `sim:///default` host through the public API: list, state, a suspend/resume, XML.
fn sim_tour(out: &mut String) -> Result<(), virtkit_api::Error> {
    virtkit_sim::register();
    let conn = Connect::open("sim:///default")?;
    out.push_str("the embedded default host, sim:///default (like libvirt's test:///default):\n");
    let state = |d: &virtkit_api::Domain| {
        d.state(0).map(|s| s.state().map_or_else(|| s.state.to_string(), |st| format!("{st:?}")))
    };
    for dom in conn.list_all_domains(ConnectListAllDomainsFlags::empty())? {
        let info = dom.info()?;
        let _ = writeln!(
            out,
            "  domain '{}': {} vCPUs, {} KiB of {} KiB, state {}",
            dom.name(),
            info.nr_virt_cpu,
            info.memory,
            info.max_mem,
            state(&dom)?
        );
        dom.suspend()?;
        let _ = writeln!(out, "  after virDomainSuspend: {}", state(&dom)?);
        if let Err(e) = dom.suspend() {
            let _ = writeln!(out, "  a second virDomainSuspend: error: {}", e.message());
        }
        dom.resume()?;
        let _ = writeln!(out, "  after virDomainResume: {}", state(&dom)?);
        let xml = dom.xml_desc(DomainXMLFlags::empty())?;
        let _ = writeln!(out, "  its XML starts: {}", xml.lines().next().unwrap_or_default());
    }
    out.push('\n');
    Ok(())
}

/// A live migration of `test` between two sim hosts through libvirt's v3-with-parameters
/// sequence, each step observed.
fn migration_tour(out: &mut String) -> Result<(), virtkit_api::Error> {
    use virtkit_api::flags::DomainMigrateFlags as F;
    virtkit_sim::register();
    let source = Connect::open("sim:///tour-source")?;
    let destination = Connect::open("sim:///tour-destination")?;
    // Every sim host starts with a `test` domain; the destination must not have one.
    let there = destination.lookup_by_name("test")?;
    there.destroy()?;
    there.undefine()?;
    out.push_str("a live migration, sim:///tour-source -> sim:///tour-destination (libvirt's v3 with parameters):
");
    let dom = source.lookup_by_name("test")?;
    let mut steps = virtkit_migrate::StepLog::default();
    let moved = virtkit_migrate::Migration::new(&dom).observer(&mut steps).migrate3(
        &destination,
        &TypedParams::new(),
        F::LIVE | F::PERSIST_DEST,
    )?;
    for step in &steps.reports {
        let _ = writeln!(
            out,
            "  {:<12} {:<28} {}",
            step.host.to_string(),
            step.step.callback(),
            match &step.outcome {
                Ok(()) => "ok".to_owned(),
                Err(e) => format!("error: {}", e.message()),
            }
        );
    }
    let state = |d: &virtkit_api::Domain| {
        d.state(0).map(|s| s.state().map_or_else(|| s.state.to_string(), |st| format!("{st:?}")))
    };
    let _ = writeln!(
        out,
        "  now: on the destination {}, on the source {}\n",
        state(&moved)?,
        state(&dom)?
    );
    Ok(())
}

fn tour() -> String {
    let mut out = String::from("virtkit: libvirt's domain API in Rust. A short tour.\n\n");
    if let Err(e) = sim_tour(&mut out) {
        let _ = writeln!(out, "sim:///default: error: {}\n", e.message());
    }
    if let Err(e) = migration_tour(&mut out) {
        let _ = writeln!(out, "migration: error: {}\n", e.message());
    }
    out.push_str(
        "cpu lists, parsed and normalised exactly as libvirt's virBitmapParse/virBitmapFormat:\n",
    );
    for list in ["0-3,^1", "0, 2-4", "1-3,", " 2 - 3 ", "0-+3", "1-3,^2,2", "3-1", "1,,2", "16384"]
    {
        match list.parse::<CpuSet>() {
            Ok(set) => {
                let _ = writeln!(
                    out,
                    "  {:<12} -> '{set}'  cpumap {:?}",
                    format!("'{list}'"),
                    set.to_cpumap()
                );
            }
            Err(e) => {
                let _ = writeln!(out, "  {:<12} -> error: {e}", format!("'{list}'"));
            }
        }
    }
    out.push_str("\nthis host, from the kernel's own cpulist format:\n");
    match std::fs::read_to_string("/sys/devices/system/cpu/online") {
        Ok(text) => match parse_kernel_list(&text, 8192) {
            Ok(set) => {
                let _ = writeln!(
                    out,
                    "  /sys/devices/system/cpu/online = {} ({} CPUs)",
                    set,
                    set.len()
                );
            }
            Err(e) => {
                let _ = writeln!(out, "  /sys/devices/system/cpu/online: {e}");
            }
        },
        Err(e) => {
            let _ = writeln!(out, "  /sys/devices/system/cpu/online: not readable here ({e})");
        }
    }
    out.push_str("\ntyped parameters, typed from text as `virsh schedinfo --set` does:\n");
    for set in ["cpu_shares=2048", "vcpu_quota=-1", "weight=abc", "bogus=1"] {
        match assign(set, SchedulerParams::SPECS) {
            Ok(p) => {
                let _ = writeln!(out, "  {set:<18} -> {p}");
            }
            Err(e) => {
                let _ = writeln!(out, "  {set:<18} -> error: {e}");
            }
        }
    }
    out.push_str("\ntry: virtkit cpulist '0-7,^3' --bound 8 | virtkit help\n");
    out
}
