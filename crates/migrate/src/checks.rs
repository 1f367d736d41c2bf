//! The argument and flag checks the migration entry points share, with libvirt's errors.

use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::{Connect, DrvFeature, Error, Result};

/// `virCheckReadOnlyGoto`.
pub(crate) fn read_write(conn: &Connect, func: &str) -> Result<()> {
    if conn.is_read_only() { Err(Error::read_only(func)) } else { Ok(()) }
}

/// `virCheckNonEmptyOptStringArg(dname)`: NULL is fine, `""` is not.
pub(crate) fn dname(dname: Option<&str>, func: &str) -> Result<()> {
    match dname {
        Some("") => Err(Error::empty_arg("dname", func)),
        _ => Ok(()),
    }
}

/// `VIR_EXCLUSIVE_FLAGS(NON_SHARED_DISK, NON_SHARED_INC)`.
pub(crate) fn disk_inc(flags: F) -> Result<()> {
    if flags.contains(F::NON_SHARED_DISK | F::NON_SHARED_INC) {
        return Err(Error::exclusive_flags(
            "VIR_MIGRATE_NON_SHARED_DISK",
            "VIR_MIGRATE_NON_SHARED_INC",
        ));
    }
    Ok(())
}

/// `VIR_EXCLUSIVE_FLAGS(TUNNELLED, PARALLEL)`.
pub(crate) fn tunnelled_parallel(flags: F) -> Result<()> {
    if flags.contains(F::TUNNELLED | F::PARALLEL) {
        return Err(Error::exclusive_flags("VIR_MIGRATE_TUNNELLED", "VIR_MIGRATE_PARALLEL"));
    }
    Ok(())
}

/// `VIR_REQUIRE_FLAG(NON_SHARED_SYNCHRONOUS_WRITES, NON_SHARED_DISK | NON_SHARED_INC)`.
pub(crate) fn sync_writes(flags: F) -> Result<()> {
    if flags.contains(F::NON_SHARED_SYNCHRONOUS_WRITES)
        && !flags.intersects(F::NON_SHARED_DISK | F::NON_SHARED_INC)
    {
        return Err(Error::required_flag(
            "VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES",
            "VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC",
        ));
    }
    Ok(())
}

/// `VIR_MIGRATE_OFFLINE` needs `VIR_DRV_FEATURE_MIGRATION_OFFLINE` on the source, then (when
/// there is one) on the destination.
pub(crate) fn offline(src: &Connect, dst: Option<&Connect>, flags: F) -> Result<()> {
    if !flags.contains(F::OFFLINE) {
        return Ok(());
    }
    if !src.supports_feature(DrvFeature::MigrationOffline)? {
        return Err(Error::argument_unsupported(
            "offline migration is not supported by the source host",
        ));
    }
    if let Some(dst) = dst
        && !dst.supports_feature(DrvFeature::MigrationOffline)?
    {
        return Err(Error::argument_unsupported(
            "offline migration is not supported by the destination host",
        ));
    }
    Ok(())
}

/// `VIR_MIGRATE_CHANGE_PROTECTION` must be supported by the source; then it is masked (the
/// v3 sequence re-adds it to source calls only).
pub(crate) fn change_protection(src: &Connect, flags: F) -> Result<F> {
    if flags.contains(F::CHANGE_PROTECTION)
        && !src.supports_feature(DrvFeature::MigrateChangeProtection)?
    {
        return Err(Error::argument_unsupported("cannot enforce change protection"));
    }
    Ok(flags - F::CHANGE_PROTECTION)
}

/// Both hosts claim `feature` (a probe error is the migration's error). Both are always
/// asked, the source first, as libvirt does (`rc_src`, then `rc_dst`, then `rc_src && rc_dst`).
pub(crate) fn both_support(src: &Connect, dst: &Connect, feature: DrvFeature) -> Result<bool> {
    let on_source = src.supports_feature(feature)?;
    let on_destination = dst.supports_feature(feature)?;
    Ok(on_source && on_destination)
}

/// The parts of a connection URI `virDomainMigrateCheckNotLocal` looks at: the server and
/// whether a `socket` query parameter names a UNIX socket.
fn server_and_socket(uri: &str) -> (Option<&str>, bool) {
    let rest = uri.split_once(':').map_or(uri, |(_, r)| r);
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let socket = query.split('&').any(|kv| kv.split('=').next() == Some("socket"));
    let server = before_query.strip_prefix("//").and_then(|auth| {
        let auth = auth.split('/').next().unwrap_or("");
        let host = auth.rsplit_once('@').map_or(auth, |(_, h)| h);
        let host = if host.starts_with('[') {
            host.split_once(']').map_or(host, |(h, _)| &h[1..])
        } else {
            host.split(':').next().unwrap_or("")
        };
        (!host.is_empty()).then_some(host)
    });
    (server, socket)
}

/// `virDomainMigrateCheckNotLocal`: a peer-to-peer destination must not be this host — a URI
/// without a server (unless it names a UNIX socket) or with a server starting `localhost`.
pub(crate) fn not_local(dconnuri: &str) -> Result<()> {
    let (server, socket) = server_and_socket(dconnuri);
    if server.is_some_and(|s| s.starts_with("localhost")) || (server.is_none() && !socket) {
        return Err(Error::invalid_arg("Attempt to migrate guest to the same host"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{not_local, server_and_socket};

    #[test]
    fn local_destinations_are_refused() {
        assert_eq!(server_and_socket("qemu+ssh://root@h:22/system"), (Some("h"), false));
        assert_eq!(server_and_socket("qemu+tcp://[::1]:16509/system"), (Some("::1"), false));
        assert_eq!(server_and_socket("qemu:///system?socket=/run/s"), (None, true));
        assert!(not_local("qemu+ssh://remote/system").is_ok());
        assert!(not_local("qemu:///system?socket=/tmp/sock").is_ok());
        for local in ["qemu:///system", "qemu+tcp://localhost/system", "qemu://localhost.x/"] {
            let e = not_local(local).unwrap_err();
            assert_eq!(e.message(), "Attempt to migrate guest to the same host", "{local}");
        }
    }
}
