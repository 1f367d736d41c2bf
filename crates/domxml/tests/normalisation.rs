//! Normalisations libvirt applies when it parses and formats, checked on small documents
//! (the corpus checks them against libvirt's own outputs in `cargo xtask conformance`).

use virtkit_domxml::{Domain, FormatFlags};

fn format(xml: &str) -> String {
    Domain::from_xml(xml).unwrap().to_xml_flags(FormatFlags::SECURE)
}

#[test]
fn cpu_lists_are_reformatted() {
    let out = format(
        "<domain type='kvm'><vcpu cpuset='0-5,^4'>2</vcpu><numatune>\
         <memory mode='strict' nodeset='0-2,^1'/></numatune></domain>",
    );
    assert!(out.contains("<vcpu cpuset='0-3,5'>2</vcpu>"), "{out}");
    assert!(out.contains("<memory mode='strict' nodeset='0,2'/>"), "{out}");
}

#[test]
fn sizes_become_kib() {
    let out = format(
        "<domain type='kvm'><memory unit='G'>1</memory><currentMemory unit='b'>1025</currentMemory>\
         <memoryBacking><hugepages><page size='5' unit='M'/></hugepages></memoryBacking></domain>",
    );
    assert!(out.contains("<memory unit='KiB'>1048576</memory>"), "{out}");
    assert!(out.contains("<currentMemory unit='KiB'>2</currentMemory>"), "{out}");
    assert!(out.contains("<page size='5120' unit='KiB'/>"), "{out}");
}

#[test]
fn schedulers_are_split_per_thread_in_id_order() {
    let out = format(
        "<domain type='kvm'><cputune><vcpusched vcpus='1-3,^1' scheduler='idle'/>\
         <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/></cputune></domain>",
    );
    let scheds: Vec<&str> =
        out.lines().filter(|l| l.contains("vcpusched")).map(str::trim).collect();
    assert_eq!(
        scheds,
        [
            "<vcpusched vcpus='0' scheduler='fifo' priority='1'/>",
            "<vcpusched vcpus='1' scheduler='fifo' priority='1'/>",
            "<vcpusched vcpus='2' scheduler='idle'/>",
            "<vcpusched vcpus='3' scheduler='idle'/>",
        ]
    );
    // Overlapping sets (libvirt refuses them) are typed as given, not split.
    let overlap = "<domain type='kvm'><cputune><vcpusched vcpus='0-1' scheduler='idle'/>\
                   <vcpusched vcpus='1' scheduler='batch'/></cputune></domain>";
    let t = Domain::from_xml(overlap).unwrap().cputune.unwrap();
    assert_eq!(t.vcpusched.len(), 2);
    assert_eq!(t.vcpusched[0].ids.as_ref().unwrap().to_string(), "0-1");
}

#[test]
fn children_take_libvirt_order_and_unknown_ones_survive() {
    let out = format(
        "<domain type='kvm' xmlns:q='urn:q'><q:x a='1'/><on_crash>destroy</on_crash>\
         <uuid>C7A5FDBDEDAF9455926AD65C16DB1809</uuid><os><boot dev='hd'/><type>hvm</type></os>\
         <name>n</name><unknown z='1'>t</unknown></domain>",
    );
    assert_eq!(
        out,
        "<domain type='kvm' xmlns:q='urn:q'>\n  <name>n</name>\n  \
         <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n  <os>\n    <type>hvm</type>\n    \
         <boot dev='hd'/>\n  </os>\n  <on_crash>destroy</on_crash>\n  <q:x a='1'/>\n  \
         <unknown z='1'>t</unknown>\n</domain>\n"
    );
}

#[test]
fn invalid_core_values_are_errors_with_positions() {
    for (xml, path) in [
        ("<domain type='kvm'>\n<memory unit='XB'>1</memory></domain>", "/domain/memory"),
        ("<domain type='kvm'>\n<vcpu current='3'>2</vcpu></domain>", "/domain/vcpu"),
        ("<domain type='kvm'>\n<vcpu cpuset='0,^0'>2</vcpu></domain>", "/domain/vcpu"),
        ("<domain type='kvm'>\n<on_reboot>explode</on_reboot></domain>", "/domain/on_reboot"),
    ] {
        let err = Domain::from_xml(xml).unwrap_err();
        assert_eq!((err.line(), err.column(), err.path()), (2, 1, path), "{xml}");
    }
}

#[test]
fn numa_distances_are_completed_symmetrically() {
    let out = format(
        "<domain type='kvm'><cpu><numa><cell id='0' cpus='0' memory='1024'><distances>\
         <sibling id='1' value='21'/></distances></cell><cell id='1' cpus='1' memory='1024'/>\
         </numa></cpu></domain>",
    );
    assert!(out.contains(
        "<cell id='0' cpus='0' memory='1024' unit='KiB'>\n        <distances>\n          \
         <sibling id='0' value='10'/>\n          <sibling id='1' value='21'/>"
    ));
    assert!(out.contains(
        "<cell id='1' cpus='1' memory='1024' unit='KiB'>\n        <distances>\n          \
         <sibling id='0' value='21'/>\n          <sibling id='1' value='10'/>"
    ));
}

#[test]
fn numa_bandwidth_becomes_kib() {
    let out = format(
        "<domain type='kvm'><cpu><numa><cell cpus='0' memory='1024'/><interconnects>\
         <bandwidth initiator='0' target='0' type='access' value='2' unit='MiB'/>\
         </interconnects></numa></cpu></domain>",
    );
    assert!(
        out.contains("<bandwidth initiator='0' target='0' type='access' value='2048' unit='KiB'/>")
    );
}

#[test]
fn memory_tunes_follow_the_cache_tune_they_join() {
    let out = format(
        "<domain type='kvm'><vcpu>4</vcpu><cputune><cachetune vcpus='0'>\
         <cache id='1' level='3' type='data' size='1024' unit='KiB'/>\
         <cache id='0' level='3' type='code' size='1000' unit='b'/></cachetune>\
         <cachetune vcpus='1'><monitor level='3' vcpus='1'/></cachetune>\
         <memorytune vcpus='2'><node id='0' bandwidth='5'/></memorytune>\
         <memorytune vcpus='1'><node id='0' bandwidth='6'/></memorytune></cputune></domain>",
    );
    let tunes: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("tune vcpus") || l.contains("<cache "))
        .map(str::trim)
        .collect();
    assert_eq!(
        tunes,
        [
            "<cachetune vcpus='0'>",
            "<cache id='0' level='3' type='code' size='1000' unit='B'/>",
            "<cache id='1' level='3' type='data' size='1' unit='MiB'/>",
            "<cachetune vcpus='1'>",
            "<memorytune vcpus='1'>",
            "<memorytune vcpus='2'>",
        ]
    );
}

#[test]
fn feature_switches_in_libvirt_order_with_defaults() {
    let out = format(
        "<domain type='kvm'><features><smm state='on'><tseg unit='KiB'>49152</tseg></smm>\
         <hyperv><tlbflush state='on'><extended state='on'/><direct state='on'/></tlbflush>\
         <relaxed state='off'/></hyperv><acpi/></features></domain>",
    );
    assert!(out.contains(
        "<features>\n    <acpi/>\n    <hyperv mode='custom'>\n      <relaxed state='off'/>\n      \
         <tlbflush state='on'>\n        <direct state='on'/>\n        <extended state='on'/>\n      \
         </tlbflush>\n    </hyperv>\n    <smm state='on'>\n      <tseg unit='MiB'>48</tseg>\n    </smm>"
    ), "{out}");
}

#[test]
fn white_space_alone_is_an_empty_element() {
    let d = Domain::from_xml("<domain type='kvm'><cpu>\n  </cpu><devices>\n  </devices></domain>")
        .unwrap();
    assert!(d.cpu.is_some() && d.devices.is_some() && d.others.is_empty());
    let out = d.to_xml_flags(FormatFlags::SECURE);
    assert!(out.contains("  <cpu/>\n  <devices>\n  </devices>\n"), "{out}");
}

#[test]
fn tunes_lose_vcpus_beyond_the_count() {
    let out = format(
        "<domain type='kvm'><vcpu>2</vcpu><cputune><cachetune vcpus='0-3'>\
         <cache id='0' level='3' type='both' size='1' unit='MiB'/></cachetune>\
         <cachetune vcpus='100'><cache id='0' level='3' type='both' size='1' unit='MiB'/>\
         </cachetune></cputune></domain>",
    );
    assert!(out.contains("<cachetune vcpus='0-1'>"), "{out}");
    assert!(!out.contains("vcpus='100'"), "{out}");
}

fn with_defaults(xml: &str) -> String {
    let mut d = Domain::from_xml(xml).unwrap();
    d.apply_defaults_for_arch(None);
    d.to_xml_flags(FormatFlags::SECURE)
}

/// libvirt 9.0's generic parse + format drops the same (checked with
/// `cargo run -p virtkit-cref --example libvirt_format`).
#[test]
fn defaults_drop_what_libvirt_reads_as_nothing() {
    let input = "<domain type='kvm'><metadata><plain/><a:x xmlns:a='urn:a'/>\
        <b:y xmlns:b='urn:a'/><c:z xmlns:c='urn:c'/></metadata>\
        <memtune><hard_limit unit='KiB'>9007199254740991</hard_limit></memtune>\
        <bootloader_args>-X</bootloader_args><os><type>hvm</type></os></domain>";
    // Kept as read without defaults: nothing is lost.
    let kept = format(input);
    assert!(kept.contains("<plain/>") && kept.contains("<b:y xmlns:b=\"urn:a\"/>"), "{kept}");
    assert!(kept.contains("<hard_limit unit='KiB'>9007199254740991</hard_limit>"), "{kept}");
    assert!(kept.contains("<bootloader_args>-X</bootloader_args>"), "{kept}");
    let out = with_defaults(input);
    assert!(
        out.contains(
            "<metadata>\n    <a:x xmlns:a=\"urn:a\"/>\n    <c:z xmlns:c=\"urn:c\"/>\n  </metadata>"
        ),
        "{out}"
    );
    assert!(!out.contains("memtune") && !out.contains("bootloader_args"), "{out}");
}

#[test]
fn defaults_put_numa_cells_in_id_order() {
    let out = with_defaults(
        "<domain type='kvm'><cpu><numa><cell id='1' cpus='1' memory='1024'/>\
         <cell id='0' cpus='0' memory='1024'/></numa></cpu></domain>",
    );
    let ids: Vec<&str> = out.lines().filter(|l| l.contains("<cell ")).collect();
    assert!(ids[0].contains("id='0'") && ids[1].contains("id='1'"), "{out}");
}

#[test]
fn apply_defaults_generates_missing_ids_once() {
    let mut d =
        Domain::from_xml("<domain type='kvm'><genid/><os><type>hvm</type></os></domain>").unwrap();
    d.apply_defaults();
    let (uuid, genid) = (d.uuid.unwrap(), d.genid.unwrap().unwrap());
    assert_ne!(uuid, genid);
    // Version 4, RFC 4122 variant, as virUUIDGenerate makes them.
    assert_eq!(uuid.0[6] >> 4, 4);
    assert_eq!(uuid.0[8] >> 6, 2);
    d.apply_defaults();
    assert_eq!((d.uuid.unwrap(), d.genid.unwrap().unwrap()), (uuid, genid));
}

/// Documents libvirt refuses are typed as given (nothing is lost, nothing is normalised).
#[test]
fn what_libvirt_refuses_is_typed_as_given() {
    let input = "<domain type='kvm'><vcpu>4</vcpu><cputune>\
        <cachetune vcpus='0'><cache id='0' level='3' type='code' size='12' unit='KiB'/>\
        <cache id='0' level='3' type='code' size='18' unit='KiB'/></cachetune>\
        <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/>\
        <vcpusched vcpus='1-2' scheduler='fifo' priority='1'/></cputune>\
        <features><smm state='on'><tseg unit='KiB'>12345</tseg></smm></features></domain>";
    let d = Domain::from_xml(input).unwrap();
    assert!(d.others.is_empty(), "{:?}", d.others);
    let out = d.to_xml_flags(FormatFlags::SECURE);
    assert_eq!(out.matches("<cache id='0' level='3' type='code'").count(), 2, "{out}");
    assert!(out.contains("<vcpusched vcpus='1-2' scheduler='fifo' priority='1'/>"), "{out}");
    assert!(out.contains("<tseg unit='KiB'>12345</tseg>"), "{out}");
}
