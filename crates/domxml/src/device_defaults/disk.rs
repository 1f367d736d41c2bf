//! Disks and host devices: `virDomainDiskDefPostParse` (bus from the target name, drive
//! addresses), `virDomainHostdevDefPostParse`, and their formatters' fixed forms.

use alloc::vec::Vec;

use super::Context;
use crate::domain::Device;

/// Each device's own defaults and libvirt's form (to be written).
pub(super) fn post_parse(_items: &mut Vec<Device<'_>>, _cx: &Context<'_>) {}
