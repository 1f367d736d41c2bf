//! Character devices (`<serial>`, `<parallel>`, `<console>`, `<channel>`) and the devices with
//! a character-device source (`<smartcard>`, `<redirdev>`): `virDomainChrDefPostParse`, the
//! console/serial compatibility of `virDomainDefAddConsoleCompat`, and their formatters'
//! fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::doc::Element;
use crate::domain::Device;

/// One character device's defaults and libvirt's form.
pub(super) fn chardev(_e: &mut Element<'_>, _cx: &Context<'_>) {}

/// The consoles and serial ports libvirt adds for each other.
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
