//! The sim's lifecycle remainder and host features: PM suspend/wakeup, autodestroy, save
//! images and managed save XML, node documents, pinning with `AFFECT_CONFIG`, moving
//! statistics, bulk stats keys, metadata, and the events of each.

use std::sync::{Arc, Mutex};

use virtkit_api::enums::{
    CEnum, DomainEventID, DomainMetadataType, DomainPMSuspendedReason, DomainRunningReason,
    DomainState,
};
use virtkit_api::flags::{
    ConnectGetAllDomainStatsFlags, DomainCreateFlags, DomainModificationImpact,
    DomainSaveImageXMLFlags, DomainSaveRestoreFlags, DomainStatsTypes, DomainXMLFlags,
};
use virtkit_api::{Connect, Domain};
use virtkit_sim::Host;

const VM: &str = "<domain type='test'><name>vm</name>\
    <uuid>0a0b0c0d-0000-4000-8000-000000000001</uuid><memory>1048576</memory><vcpu>4</vcpu>\
    <os><type>hvm</type></os></domain>";

fn conn(name: &str) -> (Host, Connect) {
    virtkit_sim::register();
    let h = Host::get(name);
    let c = Connect::open(&h.uri()).unwrap();
    (h, c)
}

fn event_log(c: &Connect, ids: &[i32]) -> Arc<Mutex<Vec<String>>> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    for id in ids {
        let sink = seen.clone();
        c.domain_event_register_any(
            None,
            *id,
            Arc::new(move |_c, d: &Domain, e| {
                sink.lock().unwrap().push(format!("{} {e:?}", d.name()));
            }),
        )
        .unwrap();
    }
    seen
}

#[test]
fn pm_suspend_and_wakeup() {
    let (h, c) = conn("f-pm");
    let dom = c.lookup_by_name("test").unwrap();
    let err = dom.pm_suspend_for_duration(0, 5, 0).unwrap_err();
    assert_eq!(err.message(), "argument unsupported: Duration not supported. Use 0 for now");
    assert!(
        dom.pm_suspend_for_duration(7, 0, 0)
            .unwrap_err()
            .message()
            .contains("Unknown suspend target: 7")
    );
    let err = dom.pm_wakeup(0).unwrap_err();
    assert!(err.message().ends_with("Unable to wake up domain which is not in PMSuspended state"));
    dom.pm_suspend_for_duration(0, 0, 0).unwrap();
    let s = h.domain("test").unwrap();
    assert_eq!(
        (s.state, s.reason),
        (DomainState::Pmsuspended, DomainPMSuspendedReason::Unknown.raw())
    );
    dom.pm_wakeup(0).unwrap();
    let s = h.domain("test").unwrap();
    assert_eq!((s.state, s.reason), (DomainState::Running, DomainRunningReason::Wakeup.raw()));
    // Suspend to disk powers the guest off.
    dom.pm_suspend_for_duration(1, 0, 0).unwrap();
    assert_eq!(h.domain("test").unwrap().state, DomainState::Shutoff);
}

#[test]
fn autodestroy_and_start_paused() {
    virtkit_sim::register();
    let h = Host::get("f-auto");
    let c = Connect::open(&h.uri()).unwrap();
    let flags = DomainCreateFlags::START_AUTODESTROY | DomainCreateFlags::START_PAUSED;
    c.create_xml(VM, flags).unwrap();
    assert_eq!(h.domain("vm").unwrap().state, DomainState::Paused);
    let other = Connect::open(&h.uri()).unwrap();
    drop(c);
    // The transient domain went with the connection that started it.
    assert!(h.domain("vm").is_none());
    assert_eq!(h.domain("test").unwrap().state, DomainState::Running);
    drop(other);
}

#[test]
fn save_images_hold_the_xml() {
    let (h, c) = conn("f-save");
    let d = c.lookup_by_name("test").unwrap();
    d.save("/images/test.img").unwrap();
    let xml = c.save_image_xml_desc("/images/test.img", DomainSaveImageXMLFlags::empty()).unwrap();
    assert!(xml.contains("<name>test</name>"));
    let changed =
        xml.replace("<currentMemory unit='KiB'>2097152", "<currentMemory unit='KiB'>1048576");
    c.save_image_define_xml("/images/test.img", &changed, DomainSaveRestoreFlags::PAUSED).unwrap();
    c.restore("/images/test.img").unwrap();
    assert_eq!(d.info().unwrap().memory, 1_048_576);
    assert_eq!(h.domain("test").unwrap().reason, DomainRunningReason::Restored.raw());
    // Managed save: the image's XML can be read and replaced.
    d.managed_save(DomainSaveRestoreFlags::empty()).unwrap();
    let mxml = d.managed_save_xml_desc(DomainSaveImageXMLFlags::empty()).unwrap();
    assert!(mxml.contains("<name>test</name>"));
    d.managed_save_define_xml(None, DomainSaveRestoreFlags::PAUSED).unwrap();
    assert!(h.domain("test").unwrap().managed_save);
    d.managed_save_remove(0).unwrap();
    let e = d.managed_save_xml_desc(DomainSaveImageXMLFlags::empty()).unwrap_err();
    assert!(e.message().ends_with("domain does not have managed save image"));
}

#[test]
fn node_documents_build_hosts() {
    let xml = "<node>\
        <cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>2</threads>\
        <active>6</active><mhz>2000</mhz><model>x86_64</model></cpu><memory>4194304</memory>\
        <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\
          <name>off</name><memory>1024</memory><test:runstate>5</test:runstate>\
          <test:hasmanagedsave/></domain>\
        <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\
          <name>paused</name><memory>1024</memory><test:runstate>3</test:runstate>\
          <test:transient/></domain>\
        <domain type='test'><name>on</name><memory>1024</memory></domain></node>";
    let h = Host::from_node_xml("f-node", xml).unwrap();
    let n = h.node_info();
    assert_eq!((n.cpus, n.mhz, n.memory, n.model.as_str()), (6, 2000, 4_194_304, "x86_64"));
    let off = h.domain("off").unwrap();
    assert_eq!(
        (off.state, off.id, off.managed_save, off.persistent),
        (DomainState::Shutoff, -1, true, true)
    );
    let paused = h.domain("paused").unwrap();
    assert_eq!(
        (paused.state, paused.reason, paused.id, paused.persistent),
        (DomainState::Paused, 0, 1, false)
    );
    assert_eq!(h.domain("on").unwrap().id, 2);
    assert!(Host::from_node_xml("f-node", xml).is_err());
    for (bad, msg) in [
        ("<nodes/>", "Root element is not 'node'"),
        ("<node><cpu><nodes>x</nodes></cpu></node>", "invalid node cpu nodes value"),
        (
            "<node><domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\
             <name>t</name><memory>1</memory><test:transient/><test:runstate>5</test:runstate>\
             </domain></node>",
            "transient domain cannot have runstate 'shutoff'",
        ),
        (
            "<node><domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\
             <name>t</name><memory>1</memory><test:runstate>9</test:runstate></domain></node>",
            "runstate '9' out of range'",
        ),
        ("<node><domain file='x.xml'/></node>", "cannot be read by a node document given as text"),
    ] {
        let e = Host::from_node_xml("f-node-bad", bad).unwrap_err();
        assert!(e.message().contains(msg), "{bad}: {}", e.message());
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn node_documents_from_files() {
    let dir = std::env::temp_dir().join(format!("virtkit-sim-node-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("vm.xml"),
        "<domain type='test'><name>filed</name><memory>1024</memory></domain>",
    )
    .unwrap();
    let node = dir.join("node.xml");
    std::fs::write(&node, "<node><domain file='vm.xml'/></node>").unwrap();
    virtkit_sim::register();
    let c = Connect::open(&format!("sim://{}", node.display())).unwrap();
    assert_eq!(c.lookup_by_name("filed").unwrap().id(), 1);
    // Connections to a file are private, as libvirt's test:///path ones are.
    let c2 = Connect::open(&format!("sim://{}", node.display())).unwrap();
    c2.lookup_by_name("filed").unwrap().destroy().unwrap();
    assert!(c.lookup_by_name("filed").unwrap().is_active().unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pinning_config_lands_in_the_xml() {
    let (_h, c) = conn("f-pin");
    let d = c.lookup_by_name("test").unwrap();
    d.pin_vcpu_flags(1, &[0b1010], DomainModificationImpact::CONFIG).unwrap();
    let inactive = d.xml_desc(DomainXMLFlags::INACTIVE).unwrap();
    assert!(inactive.contains("<vcpupin vcpu='1' cpuset='1,3'/>"), "{inactive}");
    let live = d.xml_desc(DomainXMLFlags::empty()).unwrap();
    assert!(!live.contains("vcpupin"));
    let info = d.vcpu_pin_info(2, 1, DomainModificationImpact::CONFIG).unwrap();
    assert_eq!(info.get(1).unwrap(), &[0b1010]);
    let e = d.pin_vcpu_flags(9, &[1], DomainModificationImpact::LIVE).unwrap_err();
    assert!(e.message().ends_with("requested vcpu '9' is not present in the domain"));
    assert!(
        d.pin_vcpu(0, &[0, 0]).unwrap_err().message().ends_with("Empty cpu list for pinning")
            || d.pin_vcpu(0, &[0, 0]).is_err()
    );
}

#[test]
fn counters_move_and_bulk_stats_use_libvirt_keys() {
    let (_h, c) = conn("f-stats");
    let d = c.lookup_by_name("test").unwrap();
    let t1 = d.info().unwrap().cpu_time;
    let t2 = d.info().unwrap().cpu_time;
    assert!(t2 > t1);
    let b1 = d.block_stats("vda").unwrap();
    let b2 = d.block_stats("vda").unwrap();
    assert!(b2.rd_bytes > b1.rd_bytes);
    assert!(d.interface_stats("testnet0").unwrap().rx_bytes > 0);
    assert!(!d.memory_stats(6, 0).unwrap().is_empty());
    let recs = c
        .all_domain_stats(DomainStatsTypes::empty(), ConnectGetAllDomainStatsFlags::empty())
        .unwrap();
    let p = &recs[0].params;
    for key in [
        "state.state",
        "cpu.time",
        "balloon.current",
        "vcpu.current",
        "net.0.rx.bytes",
        "block.0.name",
    ] {
        assert!(p.contains(key), "{key}");
    }
    assert_eq!(p.get_string("block.0.name").unwrap(), Some("vda"));
}

#[test]
fn metadata_and_definition_events() {
    let (h, c) = conn("f-meta");
    let seen = event_log(&c, &[0, DomainEventID::MetadataChange.raw()]);
    let d = c.define_xml(VM).unwrap();
    let cur = DomainModificationImpact::CURRENT;
    d.set_metadata(DomainMetadataType::Description, Some("about"), None, None, cur).unwrap();
    assert_eq!(d.metadata(DomainMetadataType::Description, None, cur).unwrap(), "about");
    c.define_xml(VM).unwrap();
    d.undefine().unwrap();
    assert!(h.domain("vm").is_none());
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            "vm Lifecycle { event: 0, detail: 0 }",
            "vm MetadataChange { type_: 0, nsuri: None }",
            "vm Lifecycle { event: 0, detail: 1 }",
            "vm Lifecycle { event: 1, detail: 0 }",
        ]
    );
}

#[test]
fn migration_tunables_follow_the_qemu_driver() {
    use virtkit_api::flags::{DomainMigrateFlags as F, DomainMigrateMaxSpeedFlags as S};
    let (_h, c) = conn("f-migtune");
    let d = c.lookup_by_name("test").unwrap();
    assert_eq!(d.migrate_max_downtime(0).unwrap(), 300);
    d.migrate_set_max_downtime(50, 0).unwrap();
    assert_eq!(d.migrate_max_downtime(0).unwrap(), 50);
    assert_eq!(d.migrate_compression_cache(0).unwrap(), 64 << 20);
    assert_eq!(d.migrate_max_speed(S::empty()).unwrap(), virtkit_sim::MIGRATION_BANDWIDTH_MAX);
    d.migrate_set_max_speed(100, S::POSTCOPY).unwrap();
    assert_eq!(d.migrate_max_speed(S::POSTCOPY).unwrap(), 100);
    let e =
        d.migrate_set_max_speed(virtkit_sim::MIGRATION_BANDWIDTH_MAX + 1, S::empty()).unwrap_err();
    assert_eq!(e.message(), "numerical overflow: bandwidth must be less than 8796093022208");
    let e = d.migrate_start_post_copy(0).unwrap_err();
    assert!(e.message().ends_with("post-copy can be started only during migration"));
    let drv = c.driver();
    drv.domain_migrate_begin3(&d, None, F::LIVE, None, 0).unwrap();
    assert!(d.migrate_start_post_copy(0).unwrap_err().message().contains("VIR_MIGRATE_POSTCOPY"));
    drv.domain_migrate_confirm3(&d, &[], F::LIVE, true).unwrap();
    drv.domain_migrate_begin3(&d, None, F::LIVE | F::POSTCOPY, None, 0).unwrap();
    d.migrate_start_post_copy(0).unwrap();
    d.destroy().unwrap();
    assert!(d.migrate_max_downtime(0).unwrap_err().message().ends_with("domain is not running"));
}
