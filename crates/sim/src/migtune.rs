//! The migration tunables (maximum downtime, bandwidth, compression cache, the switch to
//! post-copy), with the QEMU driver's defaults, bounds and messages (libvirt's test driver
//! has none of them).

use virtkit_api::flags::DomainMigrateMaxSpeedFlags;
use virtkit_api::{Domain, Error, ErrorCode, ErrorDomain, Result};

use crate::driver::{SimDriver, check_flags, not_running, op_invalid};

/// `QEMU_DOMAIN_MIG_BANDWIDTH_MAX`: the largest bandwidth in MiB/s (`INT64_MAX` bytes/s).
pub const MIGRATION_BANDWIDTH_MAX: u64 = (i64::MAX as u64) / (1024 * 1024);

/// A domain's migration tunables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MigrationTunables {
    /// Maximum downtime in milliseconds (QEMU's default 300).
    pub(crate) downtime_ms: u64,
    /// Bandwidth in MiB/s for pre-copy and post-copy.
    pub(crate) speed: u64,
    pub(crate) postcopy_speed: u64,
    /// XBZRLE cache size in bytes (QEMU's default 64 MiB).
    pub(crate) compression_cache: u64,
}

impl Default for MigrationTunables {
    fn default() -> MigrationTunables {
        MigrationTunables {
            downtime_ms: 300,
            speed: MIGRATION_BANDWIDTH_MAX,
            postcopy_speed: MIGRATION_BANDWIDTH_MAX,
            compression_cache: 64 * 1024 * 1024,
        }
    }
}

impl SimDriver {
    /// Runs `f` on an active domain's tunables.
    fn tunables<T>(
        &self,
        dom: &Domain,
        need_active: bool,
        f: impl FnOnce(&mut MigrationTunables) -> Result<T>,
    ) -> Result<T> {
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if need_active && !d.is_active() {
                return Err(not_running());
            }
            f(&mut d.migration_tunables)
        })
    }

    pub(crate) fn set_max_downtime(&self, dom: &Domain, downtime: u64, flags: u32) -> Result<()> {
        check_flags(flags, 0, "simDomainMigrateSetMaxDowntime")?;
        self.tunables(dom, true, |t| {
            t.downtime_ms = downtime;
            Ok(())
        })
    }

    pub(crate) fn max_downtime(&self, dom: &Domain, flags: u32) -> Result<u64> {
        check_flags(flags, 0, "simDomainMigrateGetMaxDowntime")?;
        self.tunables(dom, true, |t| Ok(t.downtime_ms))
    }

    pub(crate) fn set_compression_cache(&self, dom: &Domain, size: u64, flags: u32) -> Result<()> {
        check_flags(flags, 0, "simDomainMigrateSetCompressionCache")?;
        self.tunables(dom, true, |t| {
            t.compression_cache = size;
            Ok(())
        })
    }

    pub(crate) fn compression_cache(&self, dom: &Domain, flags: u32) -> Result<u64> {
        check_flags(flags, 0, "simDomainMigrateGetCompressionCache")?;
        self.tunables(dom, true, |t| Ok(t.compression_cache))
    }

    pub(crate) fn set_max_speed(
        &self,
        dom: &Domain,
        bandwidth: u64,
        flags: DomainMigrateMaxSpeedFlags,
    ) -> Result<()> {
        let post = DomainMigrateMaxSpeedFlags::POSTCOPY;
        check_flags(flags.bits(), post.bits(), "simDomainMigrateSetMaxSpeed")?;
        if bandwidth > MIGRATION_BANDWIDTH_MAX {
            return Err(Error::new(
                ErrorCode::Overflow,
                ErrorDomain::Test,
                format!("bandwidth must be less than {}", MIGRATION_BANDWIDTH_MAX + 1),
            ));
        }
        self.tunables(dom, false, |t| {
            if flags.contains(post) {
                t.postcopy_speed = bandwidth;
            } else {
                t.speed = bandwidth;
            }
            Ok(())
        })
    }

    pub(crate) fn max_speed(&self, dom: &Domain, flags: DomainMigrateMaxSpeedFlags) -> Result<u64> {
        let post = DomainMigrateMaxSpeedFlags::POSTCOPY;
        check_flags(flags.bits(), post.bits(), "simDomainMigrateGetMaxSpeed")?;
        self.tunables(dom, false, |t| {
            Ok(if flags.contains(post) { t.postcopy_speed } else { t.speed })
        })
    }

    pub(crate) fn start_post_copy(&self, dom: &Domain, flags: u32) -> Result<()> {
        check_flags(flags, 0, "simDomainMigrateStartPostCopy")?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let Some(m) = d.migration.as_mut() else {
                return Err(op_invalid("post-copy can be started only during migration"));
            };
            if !m.postcopy {
                return Err(op_invalid(
                    "switching to post-copy requires migration to be started with the VIR_MIGRATE_POSTCOPY flag",
                ));
            }
            m.postcopy_started = true;
            Ok(())
        })
    }
}
