//! Video, graphics, input, sound and audio devices: their post-parse defaults (the primary
//! video, models, graphics listens), the implicit video and input devices, and their
//! formatters' fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::doc::Element;
use crate::domain::Device;

/// One display-related device's defaults and libvirt's form.
pub(super) fn device(_e: &mut Element<'_>, _cx: &Context<'_>) {}

/// The video and input devices libvirt adds implicitly.
pub(super) fn implicit(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
