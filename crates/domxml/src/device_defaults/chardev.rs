//! Character devices (`<serial>`, `<parallel>`, `<console>`, `<channel>`) and the devices with
//! a character-device source (`<smartcard>`, `<redirdev>`): `virDomainChrDefPostParse`, the
//! console/serial compatibility of `virDomainDefAddConsoleCompat`, and their formatters'
//! fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::domain::Device;

/// Each device's own defaults and libvirt's form (to be written).
pub(super) fn post_parse(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}

/// The devices libvirt adds implicitly (to be written).
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
