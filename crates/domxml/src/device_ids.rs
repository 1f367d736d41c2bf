//! The random ids libvirt's parser generates inside `<devices>`, for
//! [`Domain::generate_ids`](crate::Domain::generate_ids): an interface's MAC address
//! (`virDomainNetGenerateMAC`, under the generic prefix `52:54:00`) and the virtual port ids of
//! `virNetDevVPortProfileParse` with `VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS` (an
//! `openvswitch` port's `interfaceid`, an `802.1Qbg` port's `instanceid`, both for a port
//! without a type, which the network it joins will type).

use alloc::format;
use alloc::string::ToString;

use crate::device_defaults::{child_mut, find_child_mut, order_attributes};
use crate::domain::Device;
use crate::types::Uuid;

/// The attributes of a virtual port's `<parameters>` in the order libvirt writes them
/// (`virNetDevVPortProfileFormat`).
const PARAMETER_ORDER: [&str; 6] =
    ["managerid", "typeid", "typeidversion", "instanceid", "interfaceid", "profileid"];

/// Fills in the missing ids of every interface in `items`, in order: its MAC address, then
/// its virtual port's `instanceid`, then its `interfaceid`, each from one call of `random`
/// (a MAC takes the first three bytes; `None` leaves the id missing).
pub(crate) fn generate(items: &mut [Device<'_>], random: &mut dyn FnMut() -> Option<[u8; 16]>) {
    for d in items.iter_mut().filter(|d| d.element.name == "interface") {
        let e = &mut d.element;
        let has_mac = e.child("mac").is_some_and(|m| m.attribute("address").is_some());
        if !has_mac && let Some(b) = random() {
            let mac = format!("52:54:00:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2]);
            child_mut(e, "mac").set_attribute("address", mac);
        }
        let Some(port) = find_child_mut(e, "virtualport") else { continue };
        let (instance, interface) = match port.attribute("type") {
            None => (true, true),
            Some("802.1Qbg") => (true, false),
            Some("openvswitch") => (false, true),
            Some(_) => (false, false),
        };
        let p = child_mut(port, "parameters");
        for (wanted, name) in [(instance, "instanceid"), (interface, "interfaceid")] {
            if wanted
                && p.attribute(name).is_none()
                && let Some(b) = random()
            {
                p.set_attribute(name, Uuid::from_random_bytes(b).to_string());
            }
        }
        order_attributes(p, &PARAMETER_ORDER);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Domain, FormatFlags};

    /// Checked with libvirt 9.0's generic parse + format (`cargo run -p virtkit-cref --example
    /// libvirt_format`): a MAC for every interface without one, `instanceid` and `interfaceid`
    /// for a port without a type, `interfaceid` for openvswitch, written before `profileid`.
    #[test]
    fn interfaces_get_macs_and_port_ids() {
        let mut d = Domain::from_xml(
            "<domain type='kvm'><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid><devices>\
             <interface type='network'><source network='n'/><virtualport/></interface>\
             <interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='b'/>\
             <virtualport type='openvswitch'><parameters profileid='p'/></virtualport>\
             </interface></devices></domain>",
        )
        .unwrap();
        let mut n = 0u8;
        d.generate_ids(|| {
            n += 1;
            Some([n; 16])
        });
        let xml = d.to_xml_flags(FormatFlags::SECURE);
        assert!(xml.contains("<mac address='52:54:00:01:01:01'/>"), "{xml}");
        assert!(
            xml.contains(
                "<parameters instanceid='02020202-0202-4202-8202-020202020202' \
                 interfaceid='03030303-0303-4303-8303-030303030303'/>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<parameters interfaceid='04040404-0404-4404-8404-040404040404' profileid='p'/>"
            ),
            "{xml}"
        );
        assert_eq!(n, 4);
        d.generate_ids(|| unreachable!("every id is there"));
    }
}
