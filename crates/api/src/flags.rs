//! libvirt's flag sets of the domain API as typed flags, with libvirt's numeric values
//! (libvirt 9.0's `libvirt-api.xml`, written out as code).
//!
//! Each set keeps bits it does not name (`from_bits_retain`, and every set declares all bits
//! as possibly known), so flags from a newer peer pass through to the driver unchanged — as
//! in libvirt, the public layer never rejects unknown flags; drivers do.
//!
//! Sets whose C enum aliases `VIR_DOMAIN_AFFECT_*` (`VCPU_LIVE`, `MEM_CONFIG`, ...) carry the
//! same names as constants of their own set.
//!
//! ```
//! use virtkit_api::flags::{DomainModificationImpact, DomainVcpuFlags};
//! let f = DomainVcpuFlags::MAXIMUM | DomainVcpuFlags::CONFIG;
//! assert_eq!(f.bits(), 6);
//! assert!(f.contains(DomainVcpuFlags::from_bits_retain(DomainModificationImpact::CONFIG.bits())));
//! ```

use bitflags::bitflags;

bitflags! {
    /// `virConnectGetAllDomainStatsFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::ConnectGetAllDomainStatsFlags;
    /// let f = ConnectGetAllDomainStatsFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct ConnectGetAllDomainStatsFlags: u32 {
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE` (1).
        const ACTIVE = 1 << 0;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE` (2).
        const INACTIVE = 1 << 1;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT` (4).
        const PERSISTENT = 1 << 2;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT` (8).
        const TRANSIENT = 1 << 3;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING` (16).
        const RUNNING = 1 << 4;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED` (32).
        const PAUSED = 1 << 5;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF` (64).
        const SHUTOFF = 1 << 6;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER` (128).
        const OTHER = 1 << 7;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT` (536870912): report statistics that can be obtained immediately without any blocking
        const NOWAIT = 1 << 29;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING` (1073741824): include backing chain for block stats
        const BACKING = 1 << 30;
        /// `VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS` (2147483648): enforce requested stats
        const ENFORCE_STATS = 1 << 31;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virConnectListAllDomainsFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::ConnectListAllDomainsFlags;
    /// let f = ConnectListAllDomainsFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct ConnectListAllDomainsFlags: u32 {
        /// `VIR_CONNECT_LIST_DOMAINS_ACTIVE` (1).
        const ACTIVE = 1 << 0;
        /// `VIR_CONNECT_LIST_DOMAINS_INACTIVE` (2).
        const INACTIVE = 1 << 1;
        /// `VIR_CONNECT_LIST_DOMAINS_PERSISTENT` (4).
        const PERSISTENT = 1 << 2;
        /// `VIR_CONNECT_LIST_DOMAINS_TRANSIENT` (8).
        const TRANSIENT = 1 << 3;
        /// `VIR_CONNECT_LIST_DOMAINS_RUNNING` (16).
        const RUNNING = 1 << 4;
        /// `VIR_CONNECT_LIST_DOMAINS_PAUSED` (32).
        const PAUSED = 1 << 5;
        /// `VIR_CONNECT_LIST_DOMAINS_SHUTOFF` (64).
        const SHUTOFF = 1 << 6;
        /// `VIR_CONNECT_LIST_DOMAINS_OTHER` (128).
        const OTHER = 1 << 7;
        /// `VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE` (256).
        const MANAGEDSAVE = 1 << 8;
        /// `VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE` (512).
        const NO_MANAGEDSAVE = 1 << 9;
        /// `VIR_CONNECT_LIST_DOMAINS_AUTOSTART` (1024).
        const AUTOSTART = 1 << 10;
        /// `VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART` (2048).
        const NO_AUTOSTART = 1 << 11;
        /// `VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT` (4096).
        const HAS_SNAPSHOT = 1 << 12;
        /// `VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT` (8192).
        const NO_SNAPSHOT = 1 << 13;
        /// `VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT` (16384).
        const HAS_CHECKPOINT = 1 << 14;
        /// `VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT` (32768).
        const NO_CHECKPOINT = 1 << 15;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainAbortJobFlagsValues`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainAbortJobFlags;
    /// let f = DomainAbortJobFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainAbortJobFlags: u32 {
        /// `VIR_DOMAIN_ABORT_JOB_POSTCOPY` (1): Interrupt post-copy migration. Since migration in a post-copy phase cannot be aborted without losing the domain (none of the hosts involved in migration has a complete state of the domain), the migration will be suspended and it can later be resumed using virDomainMigrate* APIs with VIR_MIGRATE_POSTCOPY_RESUME flag.
        const POSTCOPY = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainAuthorizedSSHKeysSetFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainAuthorizedSSHKeysSetFlags;
    /// let f = DomainAuthorizedSSHKeysSetFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainAuthorizedSSHKeysSetFlags: u32 {
        /// `VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND` (1): don't truncate file, just append
        const APPEND = 1 << 0;
        /// `VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE` (2): remove keys, instead of adding them
        const REMOVE = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBackupBeginFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBackupBeginFlags;
    /// let f = DomainBackupBeginFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBackupBeginFlags: u32 {
        /// `VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL` (1): reuse separately provided images
        const EXTERNAL = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockCommitFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockCommitFlags;
    /// let f = DomainBlockCommitFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockCommitFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_COMMIT_SHALLOW` (1): NULL base means next backing file, not whole chain
        const SHALLOW = 1 << 0;
        /// `VIR_DOMAIN_BLOCK_COMMIT_DELETE` (2): Delete any files that are now invalid after their contents have been committed
        const DELETE = 1 << 1;
        /// `VIR_DOMAIN_BLOCK_COMMIT_ACTIVE` (4): Allow a two-phase commit when top is the active layer
        const ACTIVE = 1 << 2;
        /// `VIR_DOMAIN_BLOCK_COMMIT_RELATIVE` (8): keep the backing chain referenced using relative names
        const RELATIVE = 1 << 3;
        /// `VIR_DOMAIN_BLOCK_COMMIT_BANDWIDTH_BYTES` (16): bandwidth in bytes/s instead of MiB/s
        const BANDWIDTH_BYTES = 1 << 4;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockCopyFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockCopyFlags;
    /// let f = DomainBlockCopyFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockCopyFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_COPY_SHALLOW` (1): Limit copy to top of source backing chain
        const SHALLOW = 1 << 0;
        /// `VIR_DOMAIN_BLOCK_COPY_REUSE_EXT` (2): Reuse existing external file for a copy
        const REUSE_EXT = 1 << 1;
        /// `VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB` (4): Don't force usage of recoverable job for the copy operation
        const TRANSIENT_JOB = 1 << 2;
        /// `VIR_DOMAIN_BLOCK_COPY_SYNCHRONOUS_WRITES` (8): Force the copy job to synchronously propagate guest writes into the destination image, so that the copy is guaranteed to converge
        const SYNCHRONOUS_WRITES = 1 << 3;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockJobAbortFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockJobAbortFlags;
    /// let f = DomainBlockJobAbortFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockJobAbortFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC` (1).
        const ASYNC = 1 << 0;
        /// `VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT` (2).
        const PIVOT = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockJobInfoFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockJobInfoFlags;
    /// let f = DomainBlockJobInfoFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockJobInfoFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES` (1): bandwidth in bytes/s instead of MiB/s
        const BYTES = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockJobSetSpeedFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockJobSetSpeedFlags;
    /// let f = DomainBlockJobSetSpeedFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockJobSetSpeedFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES` (1): bandwidth in bytes/s instead of MiB/s
        const BYTES = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockPullFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockPullFlags;
    /// let f = DomainBlockPullFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockPullFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES` (64): bandwidth in bytes/s instead of MiB/s
        const BYTES = 1 << 6;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockRebaseFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockRebaseFlags;
    /// let f = DomainBlockRebaseFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockRebaseFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_REBASE_SHALLOW` (1): Limit copy to top of source backing chain
        const SHALLOW = 1 << 0;
        /// `VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT` (2): Reuse existing external file for a copy
        const REUSE_EXT = 1 << 1;
        /// `VIR_DOMAIN_BLOCK_REBASE_COPY_RAW` (4): Make destination file raw
        const COPY_RAW = 1 << 2;
        /// `VIR_DOMAIN_BLOCK_REBASE_COPY` (8): Start a copy job
        const COPY = 1 << 3;
        /// `VIR_DOMAIN_BLOCK_REBASE_RELATIVE` (16): Keep backing chain referenced using relative names
        const RELATIVE = 1 << 4;
        /// `VIR_DOMAIN_BLOCK_REBASE_COPY_DEV` (32): Treat destination as block device instead of file
        const COPY_DEV = 1 << 5;
        /// `VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES` (64): bandwidth in bytes/s instead of MiB/s
        const BANDWIDTH_BYTES = 1 << 6;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainBlockResizeFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainBlockResizeFlags;
    /// let f = DomainBlockResizeFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainBlockResizeFlags: u32 {
        /// `VIR_DOMAIN_BLOCK_RESIZE_BYTES` (1): size in bytes instead of KiB
        const BYTES = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainChannelFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainChannelFlags;
    /// let f = DomainChannelFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainChannelFlags: u32 {
        /// `VIR_DOMAIN_CHANNEL_FORCE` (1): abort a (possibly) active channel connection to force a new connection
        const FORCE = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainConsoleFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainConsoleFlags;
    /// let f = DomainConsoleFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainConsoleFlags: u32 {
        /// `VIR_DOMAIN_CONSOLE_FORCE` (1): abort a (possibly) active console connection to force a new connection
        const FORCE = 1 << 0;
        /// `VIR_DOMAIN_CONSOLE_SAFE` (2): check if the console driver supports safe console operations
        const SAFE = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainCoreDumpFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainCoreDumpFlags;
    /// let f = DomainCoreDumpFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainCoreDumpFlags: u32 {
        /// `VIR_DUMP_CRASH` (1): crash after dump
        const CRASH = 1 << 0;
        /// `VIR_DUMP_LIVE` (2): live dump
        const LIVE = 1 << 1;
        /// `VIR_DUMP_BYPASS_CACHE` (4): avoid file system cache pollution
        const BYPASS_CACHE = 1 << 2;
        /// `VIR_DUMP_RESET` (8): reset domain after dump finishes
        const RESET = 1 << 3;
        /// `VIR_DUMP_MEMORY_ONLY` (16): use dump-guest-memory
        const MEMORY_ONLY = 1 << 4;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainCreateFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainCreateFlags;
    /// let f = DomainCreateFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainCreateFlags: u32 {
        /// `VIR_DOMAIN_NONE` (0): Default behavior
        const NONE = 0;
        /// `VIR_DOMAIN_START_PAUSED` (1): Launch guest in paused state
        const START_PAUSED = 1 << 0;
        /// `VIR_DOMAIN_START_AUTODESTROY` (2): Automatically kill guest when virConnectPtr is closed
        const START_AUTODESTROY = 1 << 1;
        /// `VIR_DOMAIN_START_BYPASS_CACHE` (4): Avoid file system cache pollution
        const START_BYPASS_CACHE = 1 << 2;
        /// `VIR_DOMAIN_START_FORCE_BOOT` (8): Boot, discarding any managed save
        const START_FORCE_BOOT = 1 << 3;
        /// `VIR_DOMAIN_START_VALIDATE` (16): Validate the XML document against schema
        const START_VALIDATE = 1 << 4;
        /// `VIR_DOMAIN_START_RESET_NVRAM` (32): Re-initialize NVRAM from template
        const START_RESET_NVRAM = 1 << 5;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainDefineFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainDefineFlags;
    /// let f = DomainDefineFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainDefineFlags: u32 {
        /// `VIR_DOMAIN_DEFINE_VALIDATE` (1): Validate the XML document against schema
        const VALIDATE = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainDestroyFlagsValues`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainDestroyFlags;
    /// let f = DomainDestroyFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainDestroyFlags: u32 {
        /// `VIR_DOMAIN_DESTROY_DEFAULT` (0): Default behavior - could lead to data loss!!
        const DEFAULT = 0;
        /// `VIR_DOMAIN_DESTROY_GRACEFUL` (1): only SIGTERM, no SIGKILL
        const GRACEFUL = 1 << 0;
        /// `VIR_DOMAIN_DESTROY_REMOVE_LOGS` (2): remove VM logs on destroy
        const REMOVE_LOGS = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainDeviceModifyFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainDeviceModifyFlags;
    /// let f = DomainDeviceModifyFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainDeviceModifyFlags: u32 {
        /// `VIR_DOMAIN_DEVICE_MODIFY_CURRENT` (0): See virDomainModificationImpact
        const CURRENT = 0;
        /// `VIR_DOMAIN_DEVICE_MODIFY_LIVE` (1): See virDomainModificationImpact
        const LIVE = 1 << 0;
        /// `VIR_DOMAIN_DEVICE_MODIFY_CONFIG` (2): See virDomainModificationImpact
        const CONFIG = 1 << 1;
        /// `VIR_DOMAIN_DEVICE_MODIFY_FORCE` (4): Forcibly modify device (ex. force eject a cdrom)
        const FORCE = 1 << 2;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainDirtyRateCalcFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainDirtyRateCalcFlags;
    /// let f = DomainDirtyRateCalcFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainDirtyRateCalcFlags: u32 {
        /// `VIR_DOMAIN_DIRTYRATE_MODE_PAGE_SAMPLING` (0): default mode - page-sampling
        const PAGE_SAMPLING = 0;
        /// `VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP` (1): dirty-bitmap mode
        const DIRTY_BITMAP = 1 << 0;
        /// `VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING` (2): dirty-ring mode
        const DIRTY_RING = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainFDAssociateFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainFDAssociateFlags;
    /// let f = DomainFDAssociateFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainFDAssociateFlags: u32 {
        /// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE` (1): Attempt a best-effort restore of security labels after use
        const RESTORE = 1 << 0;
        /// `VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE` (2): Use a seclabel allowing writes for the FD even if usage implies read-only mode
        const WRITABLE = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainGetHostnameFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainGetHostnameFlags;
    /// let f = DomainGetHostnameFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainGetHostnameFlags: u32 {
        /// `VIR_DOMAIN_GET_HOSTNAME_LEASE` (1): Parse DHCP lease file
        const LEASE = 1 << 0;
        /// `VIR_DOMAIN_GET_HOSTNAME_AGENT` (2): Query qemu guest agent
        const AGENT = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainGetJobStatsFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainGetJobStatsFlags;
    /// let f = DomainGetJobStatsFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainGetJobStatsFlags: u32 {
        /// `VIR_DOMAIN_JOB_STATS_COMPLETED` (1): return stats of a recently completed job
        const COMPLETED = 1 << 0;
        /// `VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED` (2): don't remove completed stats when reading them
        const KEEP_COMPLETED = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainMemoryFailureFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainMemoryFailureFlags;
    /// let f = DomainMemoryFailureFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainMemoryFailureFlags: u32 {
        /// `VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED` (1): whether a memory failure event is action-required or action-optional (e.g. a failure during memory scrub).
        const ACTION_REQUIRED = 1 << 0;
        /// `VIR_DOMAIN_MEMORY_FAILURE_RECURSIVE` (2): whether the failure occurred while the previous failure was still in progress.
        const RECURSIVE = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainMemoryFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainMemoryFlags;
    /// let f = DomainMemoryFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainMemoryFlags: u32 {
        /// `VIR_MEMORY_VIRTUAL` (1): addresses are virtual addresses
        const VIRTUAL = 1 << 0;
        /// `VIR_MEMORY_PHYSICAL` (2): addresses are physical addresses
        const PHYSICAL = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainMemoryModFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainMemoryModFlags;
    /// let f = DomainMemoryModFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainMemoryModFlags: u32 {
        /// `VIR_DOMAIN_MEM_CURRENT` (0): See virDomainModificationImpact
        const CURRENT = 0;
        /// `VIR_DOMAIN_MEM_LIVE` (1): See virDomainModificationImpact
        const LIVE = 1 << 0;
        /// `VIR_DOMAIN_MEM_CONFIG` (2): See virDomainModificationImpact
        const CONFIG = 1 << 1;
        /// `VIR_DOMAIN_MEM_MAXIMUM` (4): affect Max rather than current
        const MAXIMUM = 1 << 2;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainMigrateFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainMigrateFlags;
    /// let f = DomainMigrateFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainMigrateFlags: u32 {
        /// `VIR_MIGRATE_LIVE` (1): Do not pause the domain during migration. The domain's memory will be transferred to the destination host while the domain is running. The migration may never converge if the domain is changing its memory faster then it can be transferred. The domain can be manually paused anytime during migration using virDomainSuspend.
        const LIVE = 1 << 0;
        /// `VIR_MIGRATE_PEER2PEER` (2): Tell the source libvirtd to connect directly to the destination host. Without this flag the client (e.g., virsh) connects to both hosts and controls the migration process. In peer-to-peer mode, the source libvirtd controls the migration by calling the destination daemon directly.
        const PEER2PEER = 1 << 1;
        /// `VIR_MIGRATE_TUNNELLED` (4): Tunnel migration data over libvirtd connection. Without this flag the source hypervisor sends migration data directly to the destination hypervisor. This flag can only be used when VIR_MIGRATE_PEER2PEER is set as well.  Note the less-common spelling that we're stuck with: VIR_MIGRATE_TUNNELLED should be VIR_MIGRATE_TUNNELED.
        const TUNNELLED = 1 << 2;
        /// `VIR_MIGRATE_PERSIST_DEST` (8): Define the domain as persistent on the destination host after successful migration. If the domain was persistent on the source host and VIR_MIGRATE_UNDEFINE_SOURCE is not used, it will end up persistent on both hosts.
        const PERSIST_DEST = 1 << 3;
        /// `VIR_MIGRATE_UNDEFINE_SOURCE` (16): Undefine the domain on the source host once migration successfully finishes.
        const UNDEFINE_SOURCE = 1 << 4;
        /// `VIR_MIGRATE_PAUSED` (32): Leave the domain suspended on the destination host. virDomainResume (on the virDomainPtr returned by the migration API) has to be called explicitly to resume domain's virtual CPUs.
        const PAUSED = 1 << 5;
        /// `VIR_MIGRATE_NON_SHARED_DISK` (64): Migrate full disk images in addition to domain's memory. By default only non-shared non-readonly disk images are transferred. The VIR_MIGRATE_PARAM_MIGRATE_DISKS parameter can be used to specify which disks should be migrated.  This flag and VIR_MIGRATE_NON_SHARED_INC are mutually exclusive.
        const NON_SHARED_DISK = 1 << 6;
        /// `VIR_MIGRATE_NON_SHARED_INC` (128): Migrate disk images in addition to domain's memory. This is similar to VIR_MIGRATE_NON_SHARED_DISK, but only the top level of each disk's backing chain is copied. That is, the rest of the backing chain is expected to be present on the destination and to be exactly the same as on the source host.  This flag and VIR_MIGRATE_NON_SHARED_DISK are mutually exclusive.
        const NON_SHARED_INC = 1 << 7;
        /// `VIR_MIGRATE_CHANGE_PROTECTION` (256): Protect against domain configuration changes during the migration process. This flag is used automatically when both sides support it. Explicitly setting this flag will cause migration to fail if either the source or the destination does not support it.
        const CHANGE_PROTECTION = 1 << 8;
        /// `VIR_MIGRATE_UNSAFE` (512): Force migration even if it is considered unsafe. In some cases libvirt may refuse to migrate the domain because doing so may lead to potential problems such as data corruption, and thus the migration is considered unsafe. For a QEMU domain this may happen if the domain uses disks without explicitly setting cache mode to "none". Migrating such domains is unsafe unless the disk images are stored on coherent clustered filesystem, such as GFS2 or GPFS.
        const UNSAFE = 1 << 9;
        /// `VIR_MIGRATE_OFFLINE` (1024): Migrate a domain definition without starting the domain on the destination and without stopping it on the source host. Offline migration requires VIR_MIGRATE_PERSIST_DEST to be set.  Offline migration may not copy disk storage or any other file based storage (such as UEFI variables).
        const OFFLINE = 1 << 10;
        /// `VIR_MIGRATE_COMPRESSED` (2048): Compress migration data. The compression methods can be specified using VIR_MIGRATE_PARAM_COMPRESSION. A hypervisor default method will be used if this parameter is omitted. Individual compression methods can be tuned via their specific VIR_MIGRATE_PARAM_COMPRESSION_* parameters.
        const COMPRESSED = 1 << 11;
        /// `VIR_MIGRATE_ABORT_ON_ERROR` (4096): Cancel migration if a soft error (such as I/O error) happens during migration.
        const ABORT_ON_ERROR = 1 << 12;
        /// `VIR_MIGRATE_AUTO_CONVERGE` (8192): Enable algorithms that ensure a live migration will eventually converge. This usually means the domain will be slowed down to make sure it does not change its memory faster than a hypervisor can transfer the changed memory to the destination host. VIR_MIGRATE_PARAM_AUTO_CONVERGE_* parameters can be used to tune the algorithm.
        const AUTO_CONVERGE = 1 << 13;
        /// `VIR_MIGRATE_RDMA_PIN_ALL` (16384): This flag can be used with RDMA migration (i.e., when VIR_MIGRATE_PARAM_URI starts with "rdma://") to tell the hypervisor to pin all domain's memory at once before migration starts rather then letting it pin memory pages as needed. This means that all memory pages belonging to the domain will be locked in host's memory and the host will not be allowed to swap them out.  For QEMU/KVM this requires hard_limit memory tuning element (in the domain XML) to be used and set to the maximum memory configured for the domain plus any memory consumed by the QEMU process itself. Beware of setting the memory limit too high (and thus allowing the domain to lock most of the host's memory). Doing so may be dangerous to both the domain and the host itself since the host's kernel may run out of memory.
        const RDMA_PIN_ALL = 1 << 14;
        /// `VIR_MIGRATE_POSTCOPY` (32768): Setting the VIR_MIGRATE_POSTCOPY flag tells libvirt to enable post-copy migration. However, the migration will start normally and virDomainMigrateStartPostCopy needs to be called to switch it into the post-copy mode. See virDomainMigrateStartPostCopy for more details.
        const POSTCOPY = 1 << 15;
        /// `VIR_MIGRATE_TLS` (65536): Setting the VIR_MIGRATE_TLS flag will cause the migration to attempt to use the TLS environment configured by the hypervisor in order to perform the migration. If incorrectly configured on either source or destination, the migration will fail.
        const TLS = 1 << 16;
        /// `VIR_MIGRATE_PARALLEL` (131072): Send memory pages to the destination host through several network connections. See VIR_MIGRATE_PARAM_PARALLEL_* parameters for configuring the parallel migration.
        const PARALLEL = 1 << 17;
        /// `VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES` (262144): Force the guest writes which happen when copying disk images for non-shared storage migration to be synchronously written to the destination. This ensures the storage migration converges for VMs doing heavy I/O on fast local storage and slow mirror.  Requires one of VIR_MIGRATE_NON_SHARED_DISK, VIR_MIGRATE_NON_SHARED_INC to be present as well.
        const NON_SHARED_SYNCHRONOUS_WRITES = 1 << 18;
        /// `VIR_MIGRATE_POSTCOPY_RESUME` (524288): Resume migration which failed in post-copy phase.
        const POSTCOPY_RESUME = 1 << 19;
        /// `VIR_MIGRATE_ZEROCOPY` (1048576): Use zero-copy mechanism for migrating memory pages. For QEMU/KVM this means QEMU will be temporarily allowed to lock all guest pages in host's memory, although only those that are queued for transfer will be locked at the same time.
        const ZEROCOPY = 1 << 20;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainMigrateMaxSpeedFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainMigrateMaxSpeedFlags;
    /// let f = DomainMigrateMaxSpeedFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainMigrateMaxSpeedFlags: u32 {
        /// `VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY` (1): Set or get maximum speed of post-copy migration.
        const POSTCOPY = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainModificationImpact`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainModificationImpact;
    /// let f = DomainModificationImpact::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainModificationImpact: u32 {
        /// `VIR_DOMAIN_AFFECT_CURRENT` (0): Affect current domain state.
        const CURRENT = 0;
        /// `VIR_DOMAIN_AFFECT_LIVE` (1): Affect running domain state.
        const LIVE = 1 << 0;
        /// `VIR_DOMAIN_AFFECT_CONFIG` (2): Affect persistent domain state. 1 << 2 is reserved for virTypedParameterFlags
        const CONFIG = 1 << 1;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainOpenGraphicsFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainOpenGraphicsFlags;
    /// let f = DomainOpenGraphicsFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainOpenGraphicsFlags: u32 {
        /// `VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH` (1).
        const SKIPAUTH = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainRebootFlagValues`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainRebootFlags;
    /// let f = DomainRebootFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainRebootFlags: u32 {
        /// `VIR_DOMAIN_REBOOT_DEFAULT` (0): hypervisor choice
        const DEFAULT = 0;
        /// `VIR_DOMAIN_REBOOT_ACPI_POWER_BTN` (1): Send ACPI event
        const ACPI_POWER_BTN = 1 << 0;
        /// `VIR_DOMAIN_REBOOT_GUEST_AGENT` (2): Use guest agent
        const GUEST_AGENT = 1 << 1;
        /// `VIR_DOMAIN_REBOOT_INITCTL` (4): Use initctl
        const INITCTL = 1 << 2;
        /// `VIR_DOMAIN_REBOOT_SIGNAL` (8): Send a signal
        const SIGNAL = 1 << 3;
        /// `VIR_DOMAIN_REBOOT_PARAVIRT` (16): Use paravirt guest control
        const PARAVIRT = 1 << 4;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainSaveImageXMLFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainSaveImageXMLFlags;
    /// let f = DomainSaveImageXMLFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainSaveImageXMLFlags: u32 {
        /// `VIR_DOMAIN_SAVE_IMAGE_XML_SECURE` (1): dump security sensitive information too
        const SECURE = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainSaveRestoreFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainSaveRestoreFlags;
    /// let f = DomainSaveRestoreFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainSaveRestoreFlags: u32 {
        /// `VIR_DOMAIN_SAVE_BYPASS_CACHE` (1): Avoid file system cache pollution
        const BYPASS_CACHE = 1 << 0;
        /// `VIR_DOMAIN_SAVE_RUNNING` (2): Favor running over paused
        const RUNNING = 1 << 1;
        /// `VIR_DOMAIN_SAVE_PAUSED` (4): Favor paused over running
        const PAUSED = 1 << 2;
        /// `VIR_DOMAIN_SAVE_RESET_NVRAM` (8): Re-initialize NVRAM from template
        const RESET_NVRAM = 1 << 3;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainSetTimeFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainSetTimeFlags;
    /// let f = DomainSetTimeFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainSetTimeFlags: u32 {
        /// `VIR_DOMAIN_TIME_SYNC` (1): Re-sync domain time from domain's RTC
        const SYNC = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainSetUserPasswordFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainSetUserPasswordFlags;
    /// let f = DomainSetUserPasswordFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainSetUserPasswordFlags: u32 {
        /// `VIR_DOMAIN_PASSWORD_ENCRYPTED` (1): the password is already encrypted
        const ENCRYPTED = 1 << 0;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainShutdownFlagValues`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainShutdownFlags;
    /// let f = DomainShutdownFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainShutdownFlags: u32 {
        /// `VIR_DOMAIN_SHUTDOWN_DEFAULT` (0): hypervisor choice
        const DEFAULT = 0;
        /// `VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN` (1): Send ACPI event
        const ACPI_POWER_BTN = 1 << 0;
        /// `VIR_DOMAIN_SHUTDOWN_GUEST_AGENT` (2): Use guest agent
        const GUEST_AGENT = 1 << 1;
        /// `VIR_DOMAIN_SHUTDOWN_INITCTL` (4): Use initctl
        const INITCTL = 1 << 2;
        /// `VIR_DOMAIN_SHUTDOWN_SIGNAL` (8): Send a signal
        const SIGNAL = 1 << 3;
        /// `VIR_DOMAIN_SHUTDOWN_PARAVIRT` (16): Use paravirt guest control
        const PARAVIRT = 1 << 4;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainStatsTypes`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainStatsTypes;
    /// let f = DomainStatsTypes::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainStatsTypes: u32 {
        /// `VIR_DOMAIN_STATS_STATE` (1): return domain state
        const STATE = 1 << 0;
        /// `VIR_DOMAIN_STATS_CPU_TOTAL` (2): return domain CPU info
        const CPU_TOTAL = 1 << 1;
        /// `VIR_DOMAIN_STATS_BALLOON` (4): return domain balloon info
        const BALLOON = 1 << 2;
        /// `VIR_DOMAIN_STATS_VCPU` (8): return domain virtual CPU info
        const VCPU = 1 << 3;
        /// `VIR_DOMAIN_STATS_INTERFACE` (16): return domain interfaces info
        const INTERFACE = 1 << 4;
        /// `VIR_DOMAIN_STATS_BLOCK` (32): return domain block info
        const BLOCK = 1 << 5;
        /// `VIR_DOMAIN_STATS_PERF` (64): return domain perf event info
        const PERF = 1 << 6;
        /// `VIR_DOMAIN_STATS_IOTHREAD` (128): return iothread poll info
        const IOTHREAD = 1 << 7;
        /// `VIR_DOMAIN_STATS_MEMORY` (256): return domain memory info
        const MEMORY = 1 << 8;
        /// `VIR_DOMAIN_STATS_DIRTYRATE` (512): return domain dirty rate info
        const DIRTYRATE = 1 << 9;
        /// `VIR_DOMAIN_STATS_VM` (1024): return vm info
        const VM = 1 << 10;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainUndefineFlagsValues`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainUndefineFlags;
    /// let f = DomainUndefineFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainUndefineFlags: u32 {
        /// `VIR_DOMAIN_UNDEFINE_MANAGED_SAVE` (1): Also remove any managed save
        const MANAGED_SAVE = 1 << 0;
        /// `VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA` (2): If last use of domain, then also remove any snapshot metadata
        const SNAPSHOTS_METADATA = 1 << 1;
        /// `VIR_DOMAIN_UNDEFINE_NVRAM` (4): Also remove any nvram file
        const NVRAM = 1 << 2;
        /// `VIR_DOMAIN_UNDEFINE_KEEP_NVRAM` (8): Keep nvram file
        const KEEP_NVRAM = 1 << 3;
        /// `VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA` (16): If last use of domain, then also remove any checkpoint metadata
        const CHECKPOINTS_METADATA = 1 << 4;
        /// `VIR_DOMAIN_UNDEFINE_TPM` (32): Also remove any TPM state
        const TPM = 1 << 5;
        /// `VIR_DOMAIN_UNDEFINE_KEEP_TPM` (64): Keep TPM state Future undefine control flags should come here.
        const KEEP_TPM = 1 << 6;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainVcpuFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainVcpuFlags;
    /// let f = DomainVcpuFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainVcpuFlags: u32 {
        /// `VIR_DOMAIN_VCPU_CURRENT` (0): See virDomainModificationImpact
        const CURRENT = 0;
        /// `VIR_DOMAIN_VCPU_LIVE` (1): See virDomainModificationImpact
        const LIVE = 1 << 0;
        /// `VIR_DOMAIN_VCPU_CONFIG` (2): See virDomainModificationImpact
        const CONFIG = 1 << 1;
        /// `VIR_DOMAIN_VCPU_MAXIMUM` (4): Max rather than current count
        const MAXIMUM = 1 << 2;
        /// `VIR_DOMAIN_VCPU_GUEST` (8): Modify state of the cpu in the guest
        const GUEST = 1 << 3;
        /// `VIR_DOMAIN_VCPU_HOTPLUGGABLE` (16): Make vcpus added hot(un)pluggable
        const HOTPLUGGABLE = 1 << 4;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}

bitflags! {
    /// `virDomainXMLFlags`: libvirt's flags with their numeric values (unknown bits are kept).
    ///
    /// ```
    /// use virtkit_api::flags::DomainXMLFlags;
    /// let f = DomainXMLFlags::from_bits_retain(1 << 30);
    /// assert_eq!(f.bits(), 1 << 30);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct DomainXMLFlags: u32 {
        /// `VIR_DOMAIN_XML_SECURE` (1): dump security sensitive information too
        const SECURE = 1 << 0;
        /// `VIR_DOMAIN_XML_INACTIVE` (2): dump inactive domain information
        const INACTIVE = 1 << 1;
        /// `VIR_DOMAIN_XML_UPDATE_CPU` (4): update guest CPU requirements according to host CPU
        const UPDATE_CPU = 1 << 2;
        /// `VIR_DOMAIN_XML_MIGRATABLE` (8): dump XML suitable for migration
        const MIGRATABLE = 1 << 3;
        // Bits from a newer libvirt are kept.
        const _ = !0;
    }
}
