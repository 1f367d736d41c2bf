//! File system freeze/thaw/trim, memory peeking, IOThreads, process signals and passwords
//! against `test:///default` through python3-libvirt (the IOThread cpumaps are left out:
//! libvirt's test driver fills them from the real machine's CPU count). Skips with a note
//! when python3-libvirt is missing, and fails then when `VIRTKIT_REQUIRE_LIBVIRT=1`.

mod common;

use common::{compare_with_oracle, line, unit};
use virtkit_api::enums::DomainProcessSignal;
use virtkit_api::flags::{
    DomainMemoryFlags, DomainModificationImpact as Impact, DomainSetUserPasswordFlags,
    DomainXMLFlags,
};
use virtkit_api::{Connect, Result};

/// Python's `repr` of bytes.
fn bytes(b: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::from("b'");
    for &c in b {
        if (0x20..0x7f).contains(&c) && c != b'\'' && c != b'\\' {
            s.push(char::from(c));
        } else {
            let _ = write!(s, "\\x{c:02x}");
        }
    }
    s.push('\'');
    s
}

fn strings(v: &[String]) -> String {
    let items: Vec<String> = v
        .iter()
        .map(|s| if s.contains('\'') { format!("\"{s}\"") } else { format!("'{s}'") })
        .collect();
    format!("[{}]", items.join(", "))
}

#[allow(clippy::too_many_lines)]
fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-agent").unwrap();
    let d = c.lookup_by_name("test").unwrap();
    let n = |r: Result<i32>| line(r, |v| v.to_string());
    let xml_lines = |pat: &str| {
        let xml = d.xml_desc(DomainXMLFlags::empty()).unwrap();
        let v: Vec<String> =
            xml.lines().filter(|l| l.contains(pat)).map(|l| l.trim().to_owned()).collect();
        strings(&v)
    };
    let ids = |r: Result<Vec<virtkit_api::types::IOThreadInfo>>| {
        line(r, |v| {
            let ids: Vec<String> = v.iter().map(|t| t.iothread_id.to_string()).collect();
            format!("[{}]", ids.join(", "))
        })
    };
    let cur = Impact::CURRENT;
    let mut o = vec![n(d.fs_freeze(&["/x"], 0))];
    o.push(n(d.fs_freeze(&[], 0)));
    o.push(n(d.fs_freeze(&["/"], 0)));
    o.push(n(d.fs_thaw(&["/"], 0)));
    o.push(n(d.fs_freeze(&["/boot", "/"], 0)));
    o.push(unit(d.fs_trim(Some("/x"), 0, 0)));
    o.push(unit(d.fs_trim(None, 0, 0)));
    o.push(n(d.fs_thaw(&[], 0)));
    o.push(line(d.memory_peek(100, 8, DomainMemoryFlags::PHYSICAL), |b| bytes(&b)));
    o.push(line(d.memory_peek(250, 10, DomainMemoryFlags::VIRTUAL), |b| bytes(&b)));
    o.push(unit(d.add_iothread(0, cur)));
    o.push(unit(d.add_iothread(3, cur)));
    o.push(unit(d.add_iothread(3, cur)));
    o.push(unit(d.add_iothread(4, Impact::CONFIG)));
    o.push(ids(d.iothread_info(cur)));
    o.push(ids(d.iothread_info(Impact::CONFIG)));
    o.push(xml_lines("iothread"));
    o.push(unit(d.pin_iothread(9, &[1], cur)));
    o.push(unit(d.pin_iothread(3, &[0], cur)));
    o.push(unit(d.pin_iothread(3, &[0b10], cur)));
    o.push(xml_lines("iothreadpin"));
    o.push(unit(d.del_iothread(7, cur)));
    o.push(unit(d.del_iothread(3, cur)));
    o.push(unit(d.send_process_signal(5, DomainProcessSignal::Hup, 0)));
    o.push(unit(d.send_process_signal(1, DomainProcessSignal::Kill, 0)));
    o.push(unit(d.set_user_password("root", "x", DomainSetUserPasswordFlags::empty())));
    o.push(unit(d.destroy()));
    o.push(n(d.fs_freeze(&[], 0)));
    o.push(unit(d.fs_trim(None, 0, 0)));
    o.push(unit(d.set_user_password("root", "x", DomainSetUserPasswordFlags::empty())));
    o.push(line(d.memory_peek(0, 4, DomainMemoryFlags::VIRTUAL), |b| bytes(&b)));
    o.push(unit(d.send_process_signal(1, DomainProcessSignal::Kill, 0)));
    o.push(unit(d.add_iothread(5, cur)));
    o.push(ids(d.iothread_info(cur)));
    o
}

#[test]
fn agent_calls_and_iothreads_match_libvirt_test_driver() {
    let ours = sim_trace();
    let script = include_str!("oracle_agent.py");
    compare_with_oracle("agent", script, &[], &ours);
}
