//! Block I/O tuning against libvirt's test driver (`test:///default` through
//! python3-libvirt): values, checks, error texts and the disk's `<iotune>` in the live and
//! persistent XML. Skips with a note when python3-libvirt is missing, and fails then when
//! `VIRTKIT_REQUIRE_LIBVIRT=1`.

mod common;

use common::{compare_with_oracle, line, unit};
use virtkit_api::Connect;
use virtkit_api::flags::DomainXMLFlags;
use virtkit_typedparams::{TypedParams, TypedValue};

fn show(p: &TypedParams) -> String {
    let mut items: Vec<(String, String)> = p
        .iter()
        .map(|x| {
            let v = match x.value() {
                TypedValue::String(s) => s.to_string(),
                other => other.to_string(),
            };
            (x.name().to_owned(), v)
        })
        .collect();
    items.sort();
    items.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
}

/// Parameters from `name=value` pairs: `group_name` a string, the rest ullong.
fn params(pairs: &[(&str, u64)], group: Option<&str>) -> TypedParams {
    let mut p = TypedParams::new();
    for (k, v) in pairs {
        p.add_ullong(k, *v).unwrap();
    }
    if let Some(g) = group {
        p.add_string("group_name", g).unwrap();
    }
    p
}

fn ullong(p: &TypedParams, name: &str) -> String {
    p.get_ullong(name).unwrap().unwrap().to_string()
}

fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-iotune").unwrap();
    let d = c.lookup_by_name("test").unwrap();
    let disk = |flags: DomainXMLFlags| {
        let x = d.xml_desc(flags).unwrap();
        let start = x.find("<disk").unwrap();
        x[start..x.find("</disk>").unwrap()].replace('\n', "|")
    };
    let set = |name: &str, p: TypedParams, flags: u32| unit(d.set_block_io_tune(name, &p, flags));
    let mut o = vec![line(d.block_io_tune(Some("vda"), 0), |p| show(&p))];
    o.push(line(d.block_io_tune(Some("/guest/diskimage1"), 0), |p| show(&p)));
    o.push(line(d.block_io_tune(Some("nope"), 0), |p| show(&p)));
    o.push(set("vda", params(&[("total_bytes_sec", 1000)], None), 0));
    o.push(set("vda", params(&[("total_bytes_sec", 1000), ("read_bytes_sec", 5)], None), 0));
    o.push(set("vda", params(&[("write_bytes_sec_max", 1_000_000_000_000_001)], None), 0));
    o.push(set("vda", params(&[("total_bytes_sec", 100), ("total_bytes_sec_max", 200)], None), 0));
    o.push(set("vda", params(&[("total_iops_sec", 1), ("write_iops_sec", 1)], None), 0));
    o.push(set("vda", params(&[("read_bytes_sec_max", 1)], None), 0));
    o.push(set("vda", params(&[("total_iops_sec_max", 1), ("read_iops_sec_max", 1)], None), 0));
    let all = params(
        &[
            ("total_iops_sec", 10),
            ("total_iops_sec_max", 20),
            ("size_iops_sec", 30),
            ("read_bytes_sec_max_length", 4),
            ("total_bytes_sec_max_length", 3),
            ("write_iops_sec_max_length", 6),
        ],
        Some("a<b"),
    );
    o.push(set("/guest/diskimage1", all, 0));
    o.push(line(d.block_io_tune(Some("vda"), 0), |p| show(&p)));
    o.push(disk(DomainXMLFlags::empty()));
    o.push(set("vda", params(&[], Some("")), 0));
    o.push(line(d.block_io_tune(Some("vda"), 0), |p| {
        i32::from(p.get_string("group_name").unwrap() == Some("")).to_string()
    }));
    o.push(disk(DomainXMLFlags::empty()));
    o.push(set("vda", params(&[("total_bytes_sec", 7), ("total_bytes_sec_max", 8)], None), 2));
    o.push(line(d.block_io_tune(Some("vda"), 2), |p| ullong(&p, "total_bytes_sec")));
    o.push(line(d.block_io_tune(Some("vda"), 1), |p| ullong(&p, "total_bytes_sec")));
    o.push(disk(DomainXMLFlags::INACTIVE));
    o.push(set("vda", params(&[("total_bytes_sec", 7)], None), 3));
    o.push(set("/nope", params(&[("total_bytes_sec", 7)], None), 0));
    o.push(unit(d.destroy()));
    o.push(line(d.block_io_tune(Some("vda"), 1), |p| show(&p)));
    o.push(line(d.block_io_tune(Some("vda"), 0), |p| ullong(&p, "total_bytes_sec")));
    o.push(set("vda", params(&[("total_bytes_sec", 7)], None), 1));
    let reads = [("read_iops_sec", 3), ("read_iops_sec_max", 4), ("total_bytes_sec", 0)];
    o.push(set("vda", params(&reads, None), 0));
    o.push(disk(DomainXMLFlags::empty()));
    o
}

#[test]
fn block_io_tune_matches_libvirt_test_driver() {
    let ours = sim_trace();
    let script = include_str!("oracle_iotune.py");
    compare_with_oracle("iotune", script, &[], &ours);
}
