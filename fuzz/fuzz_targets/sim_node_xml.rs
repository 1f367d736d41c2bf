//! The sim's node documents (`Host::from_node_xml`, libvirt's test-driver `<node>` format):
//! arbitrary text never panics; an accepted node's domains can be listed and queried.
#![no_main]

use libfuzzer_sys::fuzz_target;
use virtkit_sim::Host;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    if let Ok(host) = Host::from_node_xml("fuzz-node", input) {
        let _ = host.node_info();
        for d in host.domains() {
            assert!(host.domain(&d.name).is_some());
        }
    }
});
