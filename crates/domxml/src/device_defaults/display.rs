//! Video, graphics, input, sound and audio devices: their post-parse defaults (the primary
//! video, models, graphics listens), the implicit video and input devices, and their
//! formatters' fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::domain::Device;

/// Each device's own defaults and libvirt's form (to be written).
pub(super) fn post_parse(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}

/// The devices libvirt adds implicitly (to be written).
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
