//! Migration parameters (`virDomainMigrate3`, `VIR_MIGRATE_PARAM_*`).

use alloc::string::String;
use alloc::vec::Vec;

use super::family;

family! { @top
    /// Migration parameters, with the types libvirt-domain.h documents; `migrate_disks` and
    /// `compression` repeat.
    ///
    /// ```
    /// use virtkit_typedparams::schema::MigrateParams;
    ///
    /// let m = MigrateParams {
    ///     uri: Some("tcp://dst:49152".into()),
    ///     bandwidth: Some(100),
    ///     migrate_disks: vec!["vda".into(), "vdb".into()],
    ///     ..Default::default()
    /// };
    /// let p = m.to_params()?;
    /// p.validate(MigrateParams::SPECS)?;
    /// assert_eq!(p.get_string_list(MigrateParams::MIGRATE_DISKS), ["vda", "vdb"]);
    /// assert_eq!(MigrateParams::from_params(&p)?, m);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    MigrateParams {
        /// `VIR_MIGRATE_PARAM_URI`: where the hypervisor sends the data.
        uri: Option<String> = URI "migrate_uri",
        /// `VIR_MIGRATE_PARAM_DEST_NAME`: the domain's name on the destination.
        dest_name: Option<String> = DEST_NAME "destination_name",
        /// `VIR_MIGRATE_PARAM_DEST_XML`: the domain's XML on the destination (ABI-compatible).
        dest_xml: Option<String> = DEST_XML "destination_xml",
        /// `VIR_MIGRATE_PARAM_PERSIST_XML`: the persistent XML on the destination.
        persist_xml: Option<String> = PERSIST_XML "persistent_xml",
        /// `VIR_MIGRATE_PARAM_BANDWIDTH`: MiB/s, 0 for the default.
        bandwidth: Option<u64> = BANDWIDTH "bandwidth",
        /// `VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY`: MiB/s during post-copy.
        bandwidth_postcopy: Option<u64> = BANDWIDTH_POSTCOPY "bandwidth.postcopy",
        /// `VIR_MIGRATE_PARAM_GRAPHICS_URI`: `protocol://host[:port]/[?params]`.
        graphics_uri: Option<String> = GRAPHICS_URI "graphics_uri",
        /// `VIR_MIGRATE_PARAM_LISTEN_ADDRESS`: where the destination listens.
        listen_address: Option<String> = LISTEN_ADDRESS "listen_address",
        /// `VIR_MIGRATE_PARAM_MIGRATE_DISKS`: disk targets to copy (repeatable).
        migrate_disks: Vec<String> = MIGRATE_DISKS "migrate_disks",
        /// `VIR_MIGRATE_PARAM_DISKS_PORT`: port for disk migration, 0 for the default.
        disks_port: Option<i32> = DISKS_PORT "disks_port",
        /// `VIR_MIGRATE_PARAM_DISKS_URI`: URI for disk migration.
        disks_uri: Option<String> = DISKS_URI "disks_uri",
        /// `VIR_MIGRATE_PARAM_COMPRESSION`: methods, `xbzrle` or `mt` (repeatable).
        compression: Vec<String> = COMPRESSION "compression",
        /// `VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL`: 0-9.
        compression_mt_level: Option<i32> = COMPRESSION_MT_LEVEL "compression.mt.level",
        /// `VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS`.
        compression_mt_threads: Option<i32> = COMPRESSION_MT_THREADS "compression.mt.threads",
        /// `VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS`.
        compression_mt_dthreads: Option<i32> = COMPRESSION_MT_DTHREADS "compression.mt.dthreads",
        /// `VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE`: bytes.
        compression_xbzrle_cache: Option<u64> = COMPRESSION_XBZRLE_CACHE "compression.xbzrle.cache",
        /// `VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL`: percent.
        auto_converge_initial: Option<i32> = AUTO_CONVERGE_INITIAL "auto_converge.initial",
        /// `VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT`: percent.
        auto_converge_increment: Option<i32> = AUTO_CONVERGE_INCREMENT "auto_converge.increment",
        /// `VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS`.
        parallel_connections: Option<i32> = PARALLEL_CONNECTIONS "parallel.connections",
        /// `VIR_MIGRATE_PARAM_TLS_DESTINATION`: host name for TLS verification.
        tls_destination: Option<String> = TLS_DESTINATION "tls.destination",
    }
}

impl MigrateParams {
    /// The names `virDomainMigrate3` can turn into the positional arguments of the v3
    /// protocol (`URI`, `DEST_NAME`, `DEST_XML`, `BANDWIDTH`); any other name makes it fail
    /// with `VIR_ERR_ARGUMENT_UNSUPPORTED` when the peers lack params support.
    ///
    /// ```
    /// use virtkit_typedparams::schema::MigrateParams;
    /// assert!(MigrateParams::V3_POSITIONAL.contains(&"destination_xml"));
    /// ```
    pub const V3_POSITIONAL: &'static [&'static str] = &[
        MigrateParams::URI,
        MigrateParams::DEST_NAME,
        MigrateParams::DEST_XML,
        MigrateParams::BANDWIDTH,
    ];

    /// The names the v2 protocol can carry (`DEST_NAME`, `BANDWIDTH`, `URI`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::MigrateParams;
    /// assert!(!MigrateParams::V2_POSITIONAL.contains(&"destination_xml"));
    /// ```
    pub const V2_POSITIONAL: &'static [&'static str] =
        &[MigrateParams::DEST_NAME, MigrateParams::BANDWIDTH, MigrateParams::URI];
}
