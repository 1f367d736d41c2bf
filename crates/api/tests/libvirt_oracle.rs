//! The argument checks compared with the system libvirt's client library (python3-libvirt
//! against `test:///default`): the same inputs must give the same code, domain and message.
//! Skipped when python3-libvirt is missing, unless `VIRTKIT_REQUIRE_LIBVIRT=1`. (The Python
//! binding checks `virDomainSendKey`'s key count itself, so that check is not compared here.)

use std::process::Command;
use std::sync::Arc;
use virtkit_migrate::DomainMigrate;

use virtkit_api::enums::{DomainMetadataType, DomainProcessSignal};
use virtkit_api::flags::*;
use virtkit_api::types::Uuid;
use virtkit_api::{Connect, Domain, Driver, Error, Result};

const SCRIPT: &str = r#"
import libvirt, sys
libvirt.registerErrorHandler(lambda *a: None, None)
rw = libvirt.open("test:///default")
ro = libvirt.openReadOnly("test:///default")
d = rw.lookupByName("test")
r = ro.lookupByName("test")
cases = [
    lambda: r.suspend(),
    lambda: r.destroy(),
    lambda: r.setAutostart(1),
    lambda: rw.lookupByUUIDString("zz"),
    lambda: d.setMemory(0),
    lambda: d.setMemory(2**62),
    lambda: d.setMaxMemory(0),
    lambda: d.rename("", 0),
    lambda: r.XMLDesc(1),
    lambda: d.setVcpusFlags(1, 4 | 1),
    lambda: d.setVcpusFlags(1, 8 | 2),
    lambda: d.setVcpus(0),
    lambda: d.jobStats(2),
    lambda: d.blockRebase("vda", None, 0, 1),
    lambda: d.setMetadata(1, "a\nb", None, None, 0),
    lambda: d.migrateSetMaxDowntime(1, 0),
    lambda: d.setMemoryStatsPeriod(-1, 0),
    lambda: d.coreDump("/tmp/virtkit-never", 2 | 8),
    lambda: d.managedSave(2 | 4),
    lambda: d.delIOThread(0, 0),
    lambda: r.sendProcessSignal(0, 15, 0),
    lambda: r.memoryPeek(0, 8, 1 | 2),
    lambda: d.migrateToURI("tcp://h", 4 | 131072, None, 0),
    lambda: d.migrateToURI("qemu+ssh://h/system", 2, None, 0),
    lambda: d.migrateToURI("tcp://h", 0, None, 0),
    lambda: d.migrateToURI("tcp://h", 64 | 128, None, 0),
]
for c in cases:
    try:
        c()
        print("ok")
    except libvirt.libvirtError as e:
        print("%d\t%d\t%s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message().replace("\n", "\\n")))
"#;

struct Nothing;
impl Driver for Nothing {}

fn ours() -> Vec<String> {
    let rw = Connect::with_driver(Arc::new(Nothing), "x:///", false);
    let ro = Connect::with_driver(Arc::new(Nothing), "x:///", true);
    let d = Domain::new(&rw, "test", Uuid::default(), 1);
    let r = Domain::new(&ro, "test", Uuid::default(), 1);
    let results: Vec<Result<()>> = vec![
        r.suspend(),
        r.destroy(),
        r.set_autostart(true),
        rw.lookup_by_uuid_string("zz").map(|_| ()),
        d.set_memory(0),
        d.set_memory(1 << 62),
        d.set_max_memory(0),
        d.rename("", 0),
        r.xml_desc(DomainXMLFlags::SECURE).map(|_| ()),
        d.set_vcpus_flags(1, DomainVcpuFlags::MAXIMUM | DomainVcpuFlags::LIVE),
        d.set_vcpus_flags(1, DomainVcpuFlags::GUEST | DomainVcpuFlags::CONFIG),
        d.set_vcpus(0),
        d.job_stats(DomainGetJobStatsFlags::KEEP_COMPLETED).map(|_| ()),
        d.block_rebase("vda", None, 0, DomainBlockRebaseFlags::SHALLOW),
        d.set_metadata(
            DomainMetadataType::Title,
            Some("a\nb"),
            None,
            None,
            DomainModificationImpact::empty(),
        ),
        d.migrate_set_max_downtime(1, 0),
        d.set_memory_stats_period(-1, DomainMemoryModFlags::empty()),
        d.core_dump("/tmp/virtkit-never", DomainCoreDumpFlags::RESET | DomainCoreDumpFlags::LIVE),
        d.managed_save(DomainSaveRestoreFlags::RUNNING | DomainSaveRestoreFlags::PAUSED),
        d.del_iothread(0, DomainModificationImpact::empty()),
        r.send_process_signal(0, DomainProcessSignal::Term, 0),
        r.memory_peek(0, 8, DomainMemoryFlags::VIRTUAL | DomainMemoryFlags::PHYSICAL).map(|_| ()),
        d.migrate_to_uri(
            "tcp://h",
            DomainMigrateFlags::TUNNELLED | DomainMigrateFlags::PARALLEL,
            None,
            0,
        ),
        d.migrate_to_uri("qemu+ssh://h/system", DomainMigrateFlags::PEER2PEER, None, 0),
        d.migrate_to_uri("tcp://h", DomainMigrateFlags::empty(), None, 0),
        d.migrate_to_uri(
            "tcp://h",
            DomainMigrateFlags::NON_SHARED_DISK | DomainMigrateFlags::NON_SHARED_INC,
            None,
            0,
        ),
    ];
    results
        .into_iter()
        .map(|r| match r {
            Ok(()) => "ok".to_owned(),
            Err(e) => line(&e),
        })
        .collect()
}

fn line(e: &Error) -> String {
    format!("{}\t{}\t{}", e.raw_code(), e.raw_domain(), e.message().replace('\n', "\\n"))
}

#[test]
fn messages_match_the_system_libvirt() {
    let out = Command::new("/usr/bin/python3").arg("-c").arg(SCRIPT).output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        other => {
            assert!(
                std::env::var("VIRTKIT_REQUIRE_LIBVIRT").as_deref() != Ok("1"),
                "python3-libvirt is required: {other:?}"
            );
            return;
        }
    };
    let theirs: Vec<String> =
        String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect();
    let ours = ours();
    assert_eq!(theirs.len(), ours.len());
    for (i, (t, o)) in theirs.iter().zip(&ours).enumerate() {
        assert_eq!(o, t, "case {i}");
    }
}
