//! Guest agent information (`virDomainGetGuestInfo`): `user.*`, `os.*`, `timezone.*`,
//! `hostname`, `fs.*`, `disk.*` and `if.*`.

use alloc::string::String;

use super::{Counts, Indexed, family};
use crate::kind::ParamType::{Boolean, Int, String as Str, UInt, ULLong};
use crate::validate::ParamSpec;

family! { @group
    /// A logged-in user: `user.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestUser::LOGIN_TIME, "login-time");
    /// ```
    GuestUser {
        /// User name, string.
        name: Option<String> = NAME "name",
        /// Domain of the user, string.
        domain: Option<String> = DOMAIN "domain",
        /// Login time, ms since the epoch, ullong.
        login_time: Option<u64> = LOGIN_TIME "login-time",
    }
}

family! { @group
    /// `os.*`, all strings.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestOs::PRETTY_NAME, "pretty-name");
    /// ```
    GuestOs {
        /// OS identifier.
        id: Option<String> = ID "id",
        /// OS name.
        name: Option<String> = NAME "name",
        /// Pretty name.
        pretty_name: Option<String> = PRETTY_NAME "pretty-name",
        /// Version.
        version: Option<String> = VERSION "version",
        /// Version id.
        version_id: Option<String> = VERSION_ID "version-id",
        /// Kernel release.
        kernel_release: Option<String> = KERNEL_RELEASE "kernel-release",
        /// Kernel version.
        kernel_version: Option<String> = KERNEL_VERSION "kernel-version",
        /// Machine hardware name.
        machine: Option<String> = MACHINE "machine",
        /// Variant.
        variant: Option<String> = VARIANT "variant",
        /// Variant id.
        variant_id: Option<String> = VARIANT_ID "variant-id",
    }
}

family! { @group
    /// `timezone.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestTimezone::OFFSET, "offset");
    /// ```
    GuestTimezone {
        /// Zone name, string.
        name: Option<String> = NAME "name",
        /// Offset to UTC, s, int.
        offset: Option<i32> = OFFSET "offset",
    }
}

family! { @group
    /// A disk under a filesystem: `fs.<n>.disk.<m>.*`, strings.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestFsDisk::ALIAS, "alias");
    /// ```
    GuestFsDisk {
        /// Device alias.
        alias: Option<String> = ALIAS "alias",
        /// Serial number.
        serial: Option<String> = SERIAL "serial",
        /// Device node.
        device: Option<String> = DEVICE "device",
    }
}

family! { @group
    /// A filesystem: `fs.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestFs::TOTAL_BYTES, "total-bytes");
    /// ```
    GuestFs {
        /// Mount point, string.
        mountpoint: Option<String> = MOUNTPOINT "mountpoint",
        /// Device name, string.
        name: Option<String> = NAME "name",
        /// Filesystem type, string.
        fstype: Option<String> = FSTYPE "fstype",
        /// Size, bytes, ullong.
        total_bytes: Option<u64> = TOTAL_BYTES "total-bytes",
        /// Used, bytes, ullong.
        used_bytes: Option<u64> = USED_BYTES "used-bytes",
        /// Number of disks, uint.
        disk_count: Option<u32> = DISK_COUNT "disk.count",
        /// The disks.
        disks: Indexed<GuestFsDisk> = DISKS "disk.",
    }
}

family! { @group
    /// An entry with only a name (`disk.<n>.dependency.<m>.name`).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::Named::NAME, "name");
    /// ```
    Named {
        /// The name, string.
        name: Option<String> = NAME "name",
    }
}

family! { @group
    /// A disk: `disk.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestDisk::GUEST_ALIAS, "guest_alias");
    /// ```
    GuestDisk {
        /// Device node, string.
        name: Option<String> = NAME "name",
        /// Whether a partition, boolean.
        partition: Option<bool> = PARTITION "partition",
        /// Number of dependencies, uint.
        dependency_count: Option<u32> = DEPENDENCY_COUNT "dependency.count",
        /// The dependencies.
        dependencies: Indexed<Named> = DEPENDENCIES "dependency.",
        /// Serial number, string.
        serial: Option<String> = SERIAL "serial",
        /// Device alias, string.
        alias: Option<String> = ALIAS "alias",
        /// Guest-side alias, string.
        guest_alias: Option<String> = GUEST_ALIAS "guest_alias",
    }
}

family! { @group
    /// An address: `if.<n>.addr.<m>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestIfAddr::TYPE, "type");
    /// ```
    GuestIfAddr {
        /// `ipv4` or `ipv6`, string.
        addr_type: Option<String> = TYPE "type",
        /// The address, string.
        addr: Option<String> = ADDR "addr",
        /// Prefix length, uint.
        prefix: Option<u32> = PREFIX "prefix",
    }
}

family! { @group
    /// An interface: `if.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::GuestInterface::ADDR_COUNT, "addr.count");
    /// ```
    GuestInterface {
        /// Name in the guest, string.
        name: Option<String> = NAME "name",
        /// Hardware address, string.
        hwaddr: Option<String> = HWADDR "hwaddr",
        /// Number of addresses, uint.
        addr_count: Option<u32> = ADDR_COUNT "addr.count",
        /// The addresses.
        addrs: Indexed<GuestIfAddr> = ADDRS "addr.",
    }
}

family! { @top
    /// Guest agent information.
    ///
    /// ```
    /// use virtkit_typedparams::{schema::GuestInfo, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_uint("if.count", 1)?;
    /// p.add_string("if.0.name", "eth0")?;
    /// p.add_string("if.0.addr.0.addr", "192.0.2.1")?;
    /// p.add_uint("if.0.addr.0.prefix", 24)?;
    /// p.add_string("hostname", "guest")?;
    /// let g = GuestInfo::from_params(&p)?;
    /// assert_eq!(g.interfaces.0[&0].addrs.0[&0].prefix, Some(24));
    /// assert_eq!(g.to_params()?.len(), p.len());
    /// p.validate(GuestInfo::SPECS)?;
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    GuestInfo specs = GUEST_SPECS; {
        /// `user.count`.
        user: Counts = USER "user.",
        /// `user.<n>.*`.
        users: Indexed<GuestUser> = USERS "user.",
        /// `os.*`.
        os: GuestOs = OS "os.",
        /// `timezone.*`.
        timezone: GuestTimezone = TIMEZONE "timezone.",
        /// `hostname`, string.
        hostname: Option<String> = HOSTNAME "hostname",
        /// `fs.count`.
        fs: Counts = FS "fs.",
        /// `fs.<n>.*`.
        filesystems: Indexed<GuestFs> = FILESYSTEMS "fs.",
        /// `disk.count`.
        disk: Counts = DISK "disk.",
        /// `disk.<n>.*`.
        disks: Indexed<GuestDisk> = DISKS "disk.",
        /// `if.count`.
        interface: Counts = INTERFACE "if.",
        /// `if.<n>.*`.
        interfaces: Indexed<GuestInterface> = INTERFACES "if.",
    }
}

const fn s(name: &'static str, ty: crate::ParamType) -> ParamSpec {
    ParamSpec::new(name, ty)
}

/// Every guest info key the seeds name, with the type the QEMU driver uses.
const GUEST_SPECS: &[ParamSpec] = &[
    s("user.count", UInt),
    s("user.<n>.name", Str),
    s("user.<n>.domain", Str),
    s("user.<n>.login-time", ULLong),
    s("os.id", Str),
    s("os.name", Str),
    s("os.pretty-name", Str),
    s("os.version", Str),
    s("os.version-id", Str),
    s("os.kernel-release", Str),
    s("os.kernel-version", Str),
    s("os.machine", Str),
    s("os.variant", Str),
    s("os.variant-id", Str),
    s("timezone.name", Str),
    s("timezone.offset", Int),
    s("hostname", Str),
    s("fs.count", UInt),
    s("fs.<n>.mountpoint", Str),
    s("fs.<n>.name", Str),
    s("fs.<n>.fstype", Str),
    s("fs.<n>.total-bytes", ULLong),
    s("fs.<n>.used-bytes", ULLong),
    s("fs.<n>.disk.count", UInt),
    s("fs.<n>.disk.<n>.alias", Str),
    s("fs.<n>.disk.<n>.serial", Str),
    s("fs.<n>.disk.<n>.device", Str),
    s("disk.count", UInt),
    s("disk.<n>.name", Str),
    s("disk.<n>.partition", Boolean),
    s("disk.<n>.dependency.count", UInt),
    s("disk.<n>.dependency.<n>.name", Str),
    s("disk.<n>.serial", Str),
    s("disk.<n>.alias", Str),
    s("disk.<n>.guest_alias", Str),
    s("if.count", UInt),
    s("if.<n>.name", Str),
    s("if.<n>.hwaddr", Str),
    s("if.<n>.addr.count", UInt),
    s("if.<n>.addr.<n>.type", Str),
    s("if.<n>.addr.<n>.addr", Str),
    s("if.<n>.addr.<n>.prefix", UInt),
];
