//! Which of libvirt's `virDomain*` functions this binding reaches, measured from its own
//! sources: a function is reached when the binding calls it through `virt::sys`, resolves it at
//! run time ([`crate::sym`]), calls the `virt` wrapper that calls it ([`VIRT_WRAPPED`]), or
//! when `virtkit_api` or `virtkit_migrate` re-creates it on the client side on top of the driver callbacks this
//! binding implements ([`CLIENT_SIDE`]: the managed migrations, handle accessors, ...).
//!
//! The test `tests/coverage.rs` compares [`reached`] with the `virDomain*` functions of the
//! installed libvirt's API description (`pkg-config --variable libvirt_api libvirt`) and prints
//! any that are missing.
//!
//! ```
//! let reached = virtkit_libvirt::coverage::reached();
//! assert!(reached.contains("virDomainGetVcpuPinInfo"));       // through virt::sys
//! assert!(reached.contains("virDomainMigrateBegin3Params"));  // looked up at run time
//! assert!(reached.contains("virDomainSuspend"));              // through virt's wrapper
//! assert!(reached.contains("virDomainMigrate3"));             // virtkit_migrate over the steps
//! ```

use std::collections::BTreeSet;

/// The sources of this crate that call libvirt.
const SOURCES: &[&str] = &[
    include_str!("callbacks.rs"),
    include_str!("driver.rs"),
    include_str!("events.rs"),
    include_str!("migration.rs"),
    include_str!("params.rs"),
    include_str!("snapshot.rs"),
    include_str!("error.rs"),
];

/// The `virt` methods this crate calls and the libvirt function each one calls.
///
/// ```
/// use virtkit_libvirt::coverage::VIRT_WRAPPED;
/// assert!(VIRT_WRAPPED.contains(&("suspend", "virDomainSuspend")));
/// ```
pub const VIRT_WRAPPED: &[(&str, &str)] = &[
    ("os_type", "virDomainGetOSType"),
    ("xml_desc", "virDomainGetXMLDesc"),
    ("autostart", "virDomainGetAutostart"),
    ("set_autostart", "virDomainSetAutostart"),
    ("is_active", "virDomainIsActive"),
    ("is_persistent", "virDomainIsPersistent"),
    ("rename", "virDomainRename"),
    ("is_updated", "virDomainIsUpdated"),
    ("destroy", "virDomainDestroy"),
    ("destroy_flags", "virDomainDestroyFlags"),
    ("suspend", "virDomainSuspend"),
    ("resume", "virDomainResume"),
    ("pm_wakeup", "virDomainPMWakeup"),
    ("shutdown", "virDomainShutdown"),
    ("shutdown_flags", "virDomainShutdownFlags"),
    ("reboot", "virDomainReboot"),
    ("undefine", "virDomainUndefine"),
    ("undefine_flags", "virDomainUndefineFlags"),
    ("create", "virDomainCreate"),
    ("create_with_flags", "virDomainCreateWithFlags"),
    ("core_dump", "virDomainCoreDump"),
    ("core_dump_with_format", "virDomainCoreDumpWithFormat"),
    ("managed_save", "virDomainManagedSave"),
    ("has_managed_save", "virDomainHasManagedSaveImage"),
    ("managed_save_remove", "virDomainManagedSaveRemove"),
    ("attach_device_flags", "virDomainAttachDeviceFlags"),
    ("detach_device", "virDomainDetachDevice"),
    ("detach_device_flags", "virDomainDetachDeviceFlags"),
    ("update_device_flags", "virDomainUpdateDeviceFlags"),
    ("block_resize", "virDomainBlockResize"),
    ("set_block_threshold", "virDomainSetBlockThreshold"),
    ("migrate_set_max_downtime", "virDomainMigrateSetMaxDowntime"),
    ("migrate_compression_cache", "virDomainMigrateGetCompressionCache"),
    ("migrate_set_compression_cache", "virDomainMigrateSetCompressionCache"),
    ("migrate_set_max_speed", "virDomainMigrateSetMaxSpeed"),
    ("migrate_max_speed", "virDomainMigrateGetMaxSpeed"),
    ("set_metadata", "virDomainSetMetadata"),
    ("metadata", "virDomainGetMetadata"),
    ("hostname", "virDomainGetHostname"),
    ("set_user_password", "virDomainSetUserPassword"),
    ("screenshot", "virDomainScreenshot"),
    ("open_graphics", "virDomainOpenGraphics"),
    ("list_all_snapshots", "virDomainListAllSnapshots"),
    ("revert", "virDomainRevertToSnapshot"),
    ("delete", "virDomainSnapshotDelete"),
    ("list_all_children", "virDomainSnapshotListAllChildren"),
    ("is_current", "virDomainSnapshotIsCurrent"),
    ("has_metadata", "virDomainSnapshotHasMetadata"),
];

/// libvirt functions that `virtkit_migrate` (the six migration entry points, as
/// `DomainMigrate` methods of `virtkit_api::Domain`) and `virtkit_api` re-create on the
/// client side, on top of the driver
/// callbacks this binding implements, with the Rust item that offers them. Freeing and
/// referencing are Rust ownership, as `virtkit_api` documents; the binding also calls the
/// C functions for libvirt's own handles (`virt`'s `Drop` and `Clone`).
///
/// ```
/// use virtkit_libvirt::coverage::CLIENT_SIDE;
/// assert!(CLIENT_SIDE.iter().any(|(c, _)| *c == "virDomainMigrate3"));
/// ```
pub const CLIENT_SIDE: &[(&str, &str)] = &[
    (
        "virDomainMigrate",
        "virtkit_migrate::DomainMigrate::migrate (v1/v2/v3 over the Prepare/Perform/Finish steps)",
    ),
    ("virDomainMigrate2", "virtkit_migrate::DomainMigrate::migrate2"),
    (
        "virDomainMigrate3",
        "virtkit_migrate::DomainMigrate::migrate3 (v3 with parameters over the *3Params steps)",
    ),
    (
        "virDomainMigrateToURI",
        "virtkit_migrate::DomainMigrate::migrate_to_uri (Perform/Perform3 on the source)",
    ),
    ("virDomainMigrateToURI2", "virtkit_migrate::DomainMigrate::migrate_to_uri2"),
    (
        "virDomainMigrateToURI3",
        "virtkit_migrate::DomainMigrate::migrate_to_uri3 (Perform3Params on the source)",
    ),
    ("virDomainCreateLinux", "Connect::create_linux (virDomainCreateXML)"),
    ("virDomainLookupByUUIDString", "Connect::lookup_by_uuid_string (virDomainLookupByUUID)"),
    ("virDomainGetUUIDString", "Domain::uuid_string"),
    ("virDomainFree", "drop(Domain); virt's Drop of libvirt's handles"),
    ("virDomainRef", "Domain::clone; virt's Clone of libvirt's handles"),
    ("virDomainSnapshotFree", "drop(Snapshot)"),
    ("virDomainSnapshotRef", "Snapshot::clone"),
];

/// The `virDomain*` functions this binding reaches (see the module documentation).
///
/// ```
/// assert!(virtkit_libvirt::coverage::reached().len() >= 200);
/// ```
pub fn reached() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for src in SOURCES {
        let mut rest = *src;
        while let Some(at) = rest.find("sys::vir") {
            let tail = &rest[at + 5..];
            let end =
                tail.find(|c: char| !c.is_ascii_alphanumeric() && c != '_').unwrap_or(tail.len());
            let name = &tail[..end];
            // Calls only (`sys::virX(`), not types or constants.
            if tail[end..].starts_with('(') && name.starts_with("virDomain") {
                out.insert(name.to_owned());
            }
            rest = &tail[end..];
        }
        for (method, c) in VIRT_WRAPPED {
            if src.contains(&format!(".{method}(")) {
                out.insert((*c).to_owned());
            }
        }
    }
    for name in crate::sym::DYNAMIC {
        if name.starts_with("virDomain") && crate::sym::has_function(name) {
            out.insert((*name).to_owned());
        }
    }
    out.extend(CLIENT_SIDE.iter().map(|(c, _)| (*c).to_owned()));
    out
}
