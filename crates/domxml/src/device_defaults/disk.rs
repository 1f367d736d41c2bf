//! Disks and host devices: `virDomainDiskDefPostParse` (bus from the target name, drive
//! addresses), `virDomainHostdevDefPostParse`, and their formatters' fixed forms.

use super::Context;
use crate::doc::Element;

/// One `<disk>`'s defaults and libvirt's form.
pub(super) fn disk(_e: &mut Element<'_>, _cx: &Context<'_>) {}

/// One `<hostdev>`'s defaults and libvirt's form.
pub(super) fn hostdev(_e: &mut Element<'_>, _cx: &Context<'_>) {}
