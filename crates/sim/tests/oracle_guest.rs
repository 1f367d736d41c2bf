//! What the test driver fakes about a guest (hostname, clock, control state, disk errors,
//! file systems, addresses, security label), renaming, block information and interface
//! bandwidth, against `test:///default` through python3-libvirt. Skips with a note when
//! python3-libvirt is missing, and fails then when `VIRTKIT_REQUIRE_LIBVIRT=1`.

mod common;

use common::{compare_with_oracle, line, unit};
use virtkit_api::Connect;
use virtkit_api::enums::{DomainInterfaceAddressesSource, KeycodeSet};
use virtkit_api::flags::{DomainGetHostnameFlags, DomainSetTimeFlags};
use virtkit_typedparams::TypedParams;

fn disks_and_nics() -> String {
    use std::fmt::Write as _;
    let mut devices = String::new();
    for i in 0..3u8 {
        let _ = write!(
            devices,
            "<disk type='file' device='disk'><source file='/g/{i}'/>\
             <target dev='vd{}' bus='virtio'/></disk>",
            char::from(b'a' + i)
        );
    }
    for i in 0..2 {
        let _ = write!(
            devices,
            "<interface type='network'><mac address='aa:bb:cc:dd:ee:0{i}'/>\
             <source network='default'/><target dev='n{i}'/></interface>"
        );
    }
    format!(
        "<domain type='test'><name>dd</name><memory>1024</memory><os><type>hvm</type></os>\
         <devices>{devices}</devices></domain>"
    )
}

fn show(p: &TypedParams) -> String {
    let mut items: Vec<String> = p.iter().map(|x| format!("{}={}", x.name(), x.value())).collect();
    items.sort();
    items.join(" ")
}

#[allow(clippy::too_many_lines)]
fn sim_trace() -> Vec<String> {
    virtkit_sim::register();
    let c = Connect::open("sim:///oracle-guest").unwrap();
    let d = c.define_xml(&disks_and_nics()).unwrap();
    let host = DomainGetHostnameFlags::empty();
    let block = |v: virtkit_api::types::BlockInfo| {
        format!("[{}, {}, {}]", v.capacity, v.allocation, v.physical)
    };
    let time =
        |t: virtkit_api::types::GuestTime| format!("nseconds={} seconds={}", t.nseconds, t.seconds);
    let control = |c: virtkit_api::types::ControlInfo| {
        format!("[{}, {}, {}]", c.state, c.details, c.state_time)
    };
    let label =
        |l: virtkit_api::types::SecurityLabel| format!("[{}, {}]", l.label, i32::from(l.enforcing));
    let mut o = vec![line(d.hostname(host), |h| h)];
    o.push(line(d.block_info("vdb", 0), block));
    o.push(line(d.block_info("/g/2", 0), block));
    o.push(line(d.block_info("nope", 0), block));
    o.push(line(d.security_label(), label));
    o.push(unit(d.rename("bad/name", 0)));
    o.push(unit(d.rename("test", 0)));
    o.push(unit(d.rename("ee", 0)));
    o.push(d.name().to_owned());
    o.push(unit(d.create()));
    o.push(unit(d.rename("ff", 0)));
    o.push(line(d.hostname(host), |h| h));
    o.push(line(d.time(0), time));
    o.push(line(d.control_info(0), control));
    o.push(unit(d.set_time(12345, 6, DomainSetTimeFlags::empty())));
    o.push(line(d.time(0), time));
    o.push(line(d.control_info(0), control));
    o.push(unit(d.set_time(30006, 0, DomainSetTimeFlags::empty())));
    o.push(line(d.control_info(0), control));
    o.push(line(d.disk_errors(0), |v| {
        v.iter().map(|e| format!("{}={}", e.disk, e.error)).collect::<Vec<_>>().join(" ")
    }));
    o.push(line(d.fs_info(0), |v| {
        let items: Vec<String> = v
            .iter()
            .map(|f| {
                format!(
                    "[{}, {}, {}, [{}]]",
                    f.mountpoint,
                    f.name,
                    f.fstype,
                    f.dev_alias.join(", ")
                )
            })
            .collect();
        format!("[{}]", items.join(", "))
    }));
    o.push(line(d.interface_addresses(DomainInterfaceAddressesSource::Lease, 0), |v| {
        let mut items: Vec<String> = v
            .iter()
            .map(|i| {
                format!(
                    "[{}, {}, {}]",
                    i.name,
                    i.hwaddr.clone().unwrap_or_default(),
                    i.addrs[0].addr
                )
            })
            .collect();
        items.sort();
        format!("[{}]", items.join(", "))
    }));
    o.push(line(d.security_label(), label));
    o.push(unit(d.inject_nmi(0)));
    o.push(unit(d.send_key(KeycodeSet::Linux, 0, &[1], 0)));
    o.push(line(d.interface_parameters("n1", 0), |p| show(&p)));
    let mut bw = TypedParams::new();
    bw.add_uint("inbound.average", 100).unwrap();
    bw.add_uint("outbound.burst", 7).unwrap();
    o.push(unit(d.set_interface_parameters("n1", &bw, 0)));
    o.push(line(d.interface_parameters("aa:bb:cc:dd:ee:01", 0), |p| show(&p)));
    o.push(line(d.interface_parameters("nope", 0), |p| show(&p)));
    o.push(unit(d.suspend()));
    o.push(line(d.time(0), time));
    o.push(unit(d.destroy()));
    o.push(line(d.disk_errors(0), |_| "ok".into()));
    o.push(line(d.hostname(host), |h| h));
    o.push(line(d.interface_parameters("n1", 0), |p| show(&p)));
    o.push(unit(d.undefine()));
    o
}

#[test]
fn guest_facts_match_libvirt_test_driver() {
    let ours = sim_trace();
    let script = include_str!("oracle_guest.py");
    compare_with_oracle("guest", script, &[], &ours);
}
