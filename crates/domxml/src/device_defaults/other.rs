//! The other devices (`<interface>`, `<memballoon>`, `<filesystem>`, `<rng>`, `<tpm>`,
//! `<hub>`, `<shmem>`, `<panic>`, `<nvram>`, `<iommu>`, `<watchdog>`, `<vsock>`, `<memory>`,
//! `<crypto>`, `<lease>`, `<redirfilter>`, `<emulator>`, ...): their post-parse defaults and
//! their formatters' fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::domain::Device;

/// Each device's own defaults and libvirt's form (to be written).
pub(super) fn post_parse(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
