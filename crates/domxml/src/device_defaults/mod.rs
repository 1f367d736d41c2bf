//! What libvirt's generic parser completes and normalises inside `<devices>`
//! (`virDomainDeviceDefPostParse`, `virDomainDefAddImplicitDevices` and the device formatters'
//! fixed forms), applied to the lossless device elements by [`Domain::apply_defaults`].
//!
//! The devices are not typed yet (the typed device model is its own piece of work), so each
//! kind's defaults are written against the kept [`Element`]s: attributes and children libvirt
//! fills in are added, and the attribute and child order of what libvirt formats is
//! restored, so that `apply_defaults` + format equals libvirt's own parse + format.
//!
//! One module per family of devices; [`apply`] runs them in libvirt's order: each device's
//! own post-parse step, then the implicit devices (consoles and serials, controllers, video and
//! input), then the devices in libvirt's formatting order ([`DEVICE_ORDER`]).
//!
//! [`Domain::apply_defaults`]: crate::Domain::apply_defaults

#![allow(dead_code, reason = "helpers used as the per-kind modules fill in; removed when they are")]

use alloc::borrow::Cow;
use alloc::string::String;

use crate::doc::{Attribute, Element, Node};
use crate::domain::{Device, Devices};

mod chardev;
mod controller;
mod disk;
mod display;
mod other;

/// The children of `<devices>` in the order libvirt formats them
/// (`virDomainDefFormatInternalSetRootName`); within a kind, devices keep their order.
/// Elements with other names follow, in their own order.
pub(crate) const DEVICE_ORDER: [&str; 32] = [
    "emulator",
    "disk",
    "controller",
    "lease",
    "filesystem",
    "interface",
    "smartcard",
    "serial",
    "parallel",
    "console",
    "channel",
    "input",
    "tpm",
    "graphics",
    "sound",
    "audio",
    "video",
    "hostdev",
    "redirdev",
    "redirfilter",
    "hub",
    "watchdog",
    "memballoon",
    "rng",
    "nvram",
    "panic",
    "shmem",
    "memory",
    "iommu",
    "vsock",
    "crypto",
    "pstore",
];

/// What the device defaults depend on outside `<devices>`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context<'c> {
    /// `<domain type>`: `kvm`, `qemu`, `xen`, `lxc`, `bhyve`, `vmware`, `test`, ...
    pub domain_type: &'c str,
    /// `<os><type>`: `hvm`, `xen`, `linux`, `exe`, ...
    pub os_type: Option<&'c str>,
    /// `<os><type arch>` after the os defaults (the host's architecture when not given).
    pub arch: Option<&'c str>,
    /// `<os><type machine>`.
    pub machine: Option<&'c str>,
}

/// Applies libvirt's device defaults to `devices` (see the module documentation).
///
/// Each family's module has a `post_parse` step over the whole list (a device's defaults
/// may depend on other devices, such as a disk's drive address on the controllers), then the
/// implicit devices are added, then the devices are put in libvirt's formatting order.
pub(crate) fn apply(devices: &mut Devices<'_>, cx: &Context<'_>) {
    let items = &mut devices.items;
    disk::post_parse(items, cx);
    controller::post_parse(items, cx);
    chardev::post_parse(items, cx);
    display::post_parse(items, cx);
    other::post_parse(items, cx);
    chardev::implicit(items, cx);
    controller::implicit(items, cx);
    display::implicit(items, cx);
    sort_by_kind(items);
}

/// The devices in libvirt's formatting order, each kind keeping its own order (a stable
/// sort).
fn sort_by_kind(items: &mut [Device<'_>]) {
    items.sort_by_key(|d| {
        DEVICE_ORDER.iter().position(|k| *k == d.element.name).unwrap_or(DEVICE_ORDER.len())
    });
}

/// Sets attribute `name` to `value` unless the element has it already.
pub(crate) fn default_attribute<'a>(
    e: &mut Element<'a>,
    name: &str,
    value: impl Into<Cow<'a, str>>,
) {
    if e.attribute(name).is_none() {
        e.set_attribute(name, value);
    }
}

/// Puts the attributes named in `order` first, in that order; the others follow in their own
/// order (libvirt's formatters write attributes in a fixed order).
pub(crate) fn order_attributes(e: &mut Element<'_>, order: &[&str]) {
    let rank = |a: &Attribute<'_>| order.iter().position(|n| *n == a.name).unwrap_or(order.len());
    e.attributes.sort_by_key(rank);
}

/// Puts the child elements named in `order` first, in that order, each name keeping its
/// own order; other children follow in their own order. Text is left where it is only in
/// text-only elements (mixed content is not reordered).
pub(crate) fn order_children(e: &mut Element<'_>, order: &[&str]) {
    if e.children.iter().any(|n| !matches!(n, Node::Element(_))) {
        return;
    }
    let rank = |n: &Node<'_>| match n {
        Node::Element(c) => order.iter().position(|k| *k == c.name).unwrap_or(order.len()),
        _ => order.len(),
    };
    e.children.sort_by_key(rank);
}

/// The first child element named `name`, created (appended) when missing.
pub(crate) fn child_mut<'e, 'a>(e: &'e mut Element<'a>, name: &str) -> &'e mut Element<'a> {
    let pos = e.children.iter().position(|n| matches!(n, Node::Element(c) if c.name == name));
    let pos = pos.unwrap_or_else(|| {
        e.children.push(Node::Element(Element::new(String::from(name))));
        e.children.len() - 1
    });
    match &mut e.children[pos] {
        Node::Element(c) => c,
        _ => unreachable!("position of an element"),
    }
}

/// The first child element named `name`, if any, mutably.
pub(crate) fn find_child_mut<'e, 'a>(
    e: &'e mut Element<'a>,
    name: &str,
) -> Option<&'e mut Element<'a>> {
    e.children.iter_mut().find_map(|n| match n {
        Node::Element(c) if c.name == name => Some(c),
        _ => None,
    })
}

/// The devices of kind `name`.
pub(crate) fn of_kind<'d, 'a>(
    items: &'d [Device<'a>],
    name: &'d str,
) -> impl Iterator<Item = &'d Element<'a>> {
    items.iter().map(|d| &d.element).filter(move |e| e.name == name)
}
