//! The other devices (`<interface>`, `<memballoon>`, `<filesystem>`, `<rng>`, `<tpm>`,
//! `<hub>`, `<shmem>`, `<panic>`, `<nvram>`, `<iommu>`, `<watchdog>`, `<vsock>`, `<memory>`,
//! `<crypto>`, `<lease>`, `<redirfilter>`, `<emulator>`, ...): their post-parse defaults and
//! their formatters' fixed forms.

use super::Context;
use crate::doc::Element;

/// One device's defaults and libvirt's form.
pub(super) fn device(_e: &mut Element<'_>, _cx: &Context<'_>) {}
