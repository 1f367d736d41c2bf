//! The parameter names the migration entry points read (`VIR_MIGRATE_PARAM_*` of the
//! compatibility set). The entry points themselves (`virDomainMigrate*`) and the protocol
//! sequences are in the `virtkit-migrate` crate; the 18 internal steps are `Connect` and
//! `Domain` methods of this crate.
//!
//! ```
//! assert_eq!(virtkit_api::migrate::PARAM_URI, "migrate_uri");
//! ```

/// `VIR_MIGRATE_PARAM_URI`.
pub const PARAM_URI: &str = "migrate_uri";
/// `VIR_MIGRATE_PARAM_DEST_NAME`.
pub const PARAM_DEST_NAME: &str = "destination_name";
/// `VIR_MIGRATE_PARAM_DEST_XML`.
pub const PARAM_DEST_XML: &str = "destination_xml";
/// `VIR_MIGRATE_PARAM_BANDWIDTH`.
pub const PARAM_BANDWIDTH: &str = "bandwidth";
