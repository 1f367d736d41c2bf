//! Tunables against libvirt's test driver (`test:///default` through python3-libvirt):
//! balloon period, blkio, lifecycle actions, memory, scheduler, NUMA and perf parameters,
//! as values, XML and errors. Skips with a note when python3-libvirt is missing, and fails
//! then when `VIRTKIT_REQUIRE_LIBVIRT=1`.

mod common;

use common::{compare_with_oracle, line, unit};
use virtkit_api::Connect;
use virtkit_api::enums::{DomainLifecycle, DomainLifecycleAction};
use virtkit_api::flags::{DomainMemoryModFlags, DomainModificationImpact, DomainXMLFlags};
use virtkit_typedparams::{TypedParams, TypedValue};

fn show(p: &TypedParams) -> String {
    let mut items: Vec<(String, String)> = p
        .iter()
        .map(|x| {
            let v = match x.value() {
                TypedValue::Boolean(b) => i32::from(*b).to_string(),
                TypedValue::String(s) => s.to_string(),
                other => other.to_string(),
            };
            (x.name().to_owned(), v)
        })
        .collect();
    items.sort();
    items.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
}

fn params(
    f: impl FnOnce(&mut TypedParams) -> Result<(), virtkit_typedparams::Error>,
) -> TypedParams {
    let mut p = TypedParams::new();
    f(&mut p).unwrap();
    p
}

fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-tunables").unwrap();
    let d = c.lookup_by_name("test").unwrap();
    let xml = || d.xml_desc(DomainXMLFlags::empty()).unwrap();
    let cur = DomainModificationImpact::CURRENT;
    let b = |v: bool| i32::from(v).to_string();
    let mut o = vec![unit(d.set_memory_stats_period(5, DomainMemoryModFlags::empty()))];
    o.push(b(xml().contains("<stats period='5'/>")));
    o.push(line(d.blkio_parameters(0), |p| show(&p)));
    o.push(unit(d.set_blkio_parameters(&params(|p| p.add_uint("weight", 500)), 0)));
    o.push(unit(
        d.set_blkio_parameters(&params(|p| p.add_string("device_weight", "/dev/sda,100")), 0),
    ));
    o.push(line(d.blkio_parameters(0), |p| show(&p)));
    o.push(unit(d.set_lifecycle_action(
        DomainLifecycle::Poweroff,
        DomainLifecycleAction::Restart,
        cur,
    )));
    o.push(b(xml().contains("<on_poweroff>restart</on_poweroff>")));
    o.push(unit(d.set_lifecycle_action(
        DomainLifecycle::Poweroff,
        DomainLifecycleAction::CoredumpDestroy,
        cur,
    )));
    o.push(line(d.memory_parameters(0), |p| show(&p)));
    o.push(unit(d.set_memory_parameters(&params(|p| p.add_ullong("hard_limit", 1000)), 0)));
    o.push(line(d.memory_parameters(0), |p| show(&p)));
    o.push(line(d.scheduler_type(), |(t, _)| t));
    o.push(line(d.scheduler_parameters(), |p| show(&p)));
    o.push(line(d.numa_parameters(0), |p| show(&p)));
    let numa = params(|p| {
        p.add_int("numa_mode", 1)?;
        p.add_string("numa_nodeset", "0-1")
    });
    o.push(unit(d.set_numa_parameters(&numa, 0)));
    o.push(line(d.numa_parameters(0), |p| show(&p)));
    let cmt = |p: TypedParams| i32::from(p.get_boolean("cmt").unwrap().unwrap()).to_string();
    o.push(line(d.perf_events(0), cmt));
    o.push(unit(d.set_perf_events(&params(|p| p.add_boolean("cmt", true)), 0)));
    o.push(line(d.perf_events(0), cmt));
    o.push(line(d.block_stats("nope"), |_| "ok".into()));
    o.push(line(d.cpu_stats(-1, 1, 0), |v| {
        let mut names: Vec<String> = v[0].iter().map(|x| format!("'{}'", x.name())).collect();
        names.sort();
        format!("[{}]", names.join(", "))
    }));
    o
}

#[test]
fn tunables_match_libvirt_test_driver() {
    let ours = sim_trace();
    let script = include_str!("oracle_tunables.py");
    compare_with_oracle("tunables", script, &[], &ours);
}
