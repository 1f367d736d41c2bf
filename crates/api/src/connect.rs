//! [`Connect`]: a connection to a driver (`virConnectPtr`), opened by URI through the driver
//! registry or directly on a driver, with the connection-level entry points of
//! `libvirt-domain.c`.
//!
//! ```
//! use std::sync::Arc;
//! use virtkit_api::{Connect, Driver, ErrorCode};
//! struct Empty;
//! impl Driver for Empty {}
//! virtkit_api::register_driver("empty", |_uri, _ro| Ok(Arc::new(Empty)));
//! let conn = Connect::open_read_only("empty:///")?;
//! assert!(conn.is_read_only());
//! let e = conn.define_xml("<domain/>").unwrap_err();
//! assert_eq!(e.code(), ErrorCode::OperationDenied);
//! assert_eq!(Connect::open("nothing:///").unwrap_err().code(), ErrorCode::NoConnect);
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use virtkit_typedparams::TypedParams;
use virtkit_typedparams::checks::{Setter, check_setter};

use crate::domain::{Domain, absolute_path, dname_check};
use crate::driver::{Driver, DrvFeature, MigrateFinished, MigratePrepared};
use crate::error::{Error, ErrorCode, Result};
use crate::events::{DomainEventCallback, event_id_in_range};
use crate::flags::{
    ConnectGetAllDomainStatsFlags, ConnectListAllDomainsFlags, DomainCreateFlags,
    DomainDefineFlags, DomainMigrateFlags, DomainSaveImageXMLFlags, DomainSaveRestoreFlags,
    DomainStatsTypes,
};
use crate::stream::Stream;
use crate::types::{StatsRecord, Uuid};

/// Why a connection closed (`virConnectCloseReason`).
///
/// ```
/// assert_eq!(virtkit_api::CloseReason::Eof as i32, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum CloseReason {
    /// `VIR_CONNECT_CLOSE_REASON_ERROR`: misc I/O error.
    Error = 0,
    /// `VIR_CONNECT_CLOSE_REASON_EOF`: end of file from the server.
    Eof = 1,
    /// `VIR_CONNECT_CLOSE_REASON_KEEPALIVE`: keepalive timer triggered.
    Keepalive = 2,
    /// `VIR_CONNECT_CLOSE_REASON_CLIENT`: closed by the client.
    Client = 3,
}

/// A connection close callback (`virConnectCloseFunc`).
///
/// ```
/// let cb: virtkit_api::CloseCallback = std::sync::Arc::new(|_conn, _reason| {});
/// # drop(cb);
/// ```
pub type CloseCallback = Arc<dyn Fn(&Connect, CloseReason) + Send + Sync>;

/// A driver factory: given the URI and whether the connection is read-only, the driver
/// serving it.
///
/// ```
/// fn never(_: &str, _: bool) -> virtkit_api::Result<std::sync::Arc<dyn virtkit_api::Driver>> {
///     Err(virtkit_api::Error::invalid_arg("no"))
/// }
/// let f: virtkit_api::DriverFactory = never;
/// # drop(f);
/// ```
pub type DriverFactory = fn(uri: &str, read_only: bool) -> Result<Arc<dyn Driver>>;

fn registry() -> &'static Mutex<BTreeMap<String, DriverFactory>> {
    static REGISTRY: OnceLock<Mutex<BTreeMap<String, DriverFactory>>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

/// The scheme under which a driver serves every URI that no other registered driver claims
/// (the empty URI, libvirt's default, included): `virtkit-libvirt` registers libvirt there.
///
/// ```
/// assert_eq!(virtkit_api::connect::ANY_SCHEME, "*");
/// ```
pub const ANY_SCHEME: &str = "*";

/// Registers the driver serving URIs of `scheme` (`"sim"` for `sim:///default`), replacing an
/// earlier one (`virRegisterConnectDriver`); [`ANY_SCHEME`] registers the fallback for
/// every other URI.
///
/// ```
/// use std::sync::Arc;
/// struct D;
/// impl virtkit_api::Driver for D {}
/// virtkit_api::register_driver("doc-d", |_, _| Ok(Arc::new(D)));
/// assert!(virtkit_api::registered_schemes().contains(&"doc-d".to_owned()));
/// ```
pub fn register_driver(scheme: &str, factory: DriverFactory) {
    registry()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(scheme.to_ascii_lowercase(), factory);
}

/// The URI schemes with a registered driver, sorted.
///
/// ```
/// let schemes = virtkit_api::registered_schemes();
/// assert!(schemes.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn registered_schemes() -> Vec<String> {
    registry().lock().unwrap_or_else(PoisonError::into_inner).keys().cloned().collect()
}

struct ConnectInner {
    driver: Arc<dyn Driver>,
    uri: String,
    read_only: bool,
    close_callback: Mutex<Option<CloseCallback>>,
}

impl Drop for ConnectInner {
    fn drop(&mut self) {
        // The driver sees a close when the last handle goes, as `virConnectClose` does when
        // the reference count reaches zero; there is nobody left to report an error to.
        let _ = self.driver.close();
    }
}

/// A connection (`virConnectPtr`): a cheap, clonable handle (`virConnectRef` is `clone`,
/// `virConnectClose` is dropping the last handle).
///
/// See the [module documentation](self) for an example.
#[derive(Clone)]
pub struct Connect(Arc<ConnectInner>);

impl fmt::Debug for Connect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connect")
            .field("uri", &self.0.uri)
            .field("read_only", &self.0.read_only)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Connect {
    fn eq(&self, other: &Connect) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Connect {}

fn scheme_of(uri: &str) -> Option<&str> {
    let (scheme, _) = uri.split_once(':')?;
    // `driver+transport://` names the driver before the `+`.
    Some(scheme.split('+').next().unwrap_or(scheme))
}

/// A weak handle to a connection ([`Connect::downgrade`]): it does not keep the connection
/// open, so a driver can remember the connections it serves (to deliver events to them)
/// without a reference cycle.
///
/// ```
/// # struct D; impl virtkit_api::Driver for D {}
/// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
/// let weak = c.downgrade();
/// assert_eq!(weak.upgrade().as_ref(), Some(&c));
/// drop(c);
/// assert!(weak.upgrade().is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct WeakConnect(Weak<ConnectInner>);

impl WeakConnect {
    /// The connection, if a handle to it is still open.
    ///
    /// ```
    /// assert!(virtkit_api::WeakConnect::default().upgrade().is_none());
    /// ```
    pub fn upgrade(&self) -> Option<Connect> {
        self.0.upgrade().map(Connect)
    }
}

impl Connect {
    /// A connection served by `driver` (what a registry factory's result becomes; also handy
    /// for tests and embedders that hold their driver directly).
    ///
    /// ```
    /// use std::sync::Arc;
    /// struct D;
    /// impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(Arc::new(D), "d:///", false);
    /// assert_eq!(c.uri(), "d:///");
    /// ```
    pub fn with_driver(driver: Arc<dyn Driver>, uri: &str, read_only: bool) -> Connect {
        Connect(Arc::new(ConnectInner {
            driver,
            uri: uri.to_owned(),
            read_only,
            close_callback: Mutex::new(None),
        }))
    }

    fn open_with(uri: &str, read_only: bool) -> Result<Connect> {
        let factory = {
            let registry = registry().lock().unwrap_or_else(PoisonError::into_inner);
            scheme_of(uri)
                .and_then(|s| registry.get(&s.to_ascii_lowercase()))
                .or_else(|| registry.get(ANY_SCHEME))
                .copied()
        };
        let Some(factory) = factory else {
            return Err(Error::new(ErrorCode::NoConnect, crate::ErrorDomain::None, uri.to_owned()));
        };
        Ok(Connect::with_driver(factory(uri, read_only)?, uri, read_only))
    }

    /// `virConnectOpen`: a read-write connection to the driver registered for the URI's
    /// scheme; none is `VIR_ERR_NO_CONNECT`, `no connection driver available for {uri}`.
    ///
    /// ```
    /// let e = virtkit_api::Connect::open("nowhere:///").unwrap_err();
    /// assert_eq!(e.message(), "no connection driver available for nowhere:///");
    /// ```
    pub fn open(uri: &str) -> Result<Connect> {
        Connect::open_with(uri, false)
    }

    /// `virConnectOpenReadOnly`: every mutating entry point then fails with
    /// `operation forbidden: read only access prevents virXxx`.
    ///
    /// ```
    /// assert!(virtkit_api::Connect::open_read_only("nowhere:///").is_err());
    /// ```
    pub fn open_read_only(uri: &str) -> Result<Connect> {
        Connect::open_with(uri, true)
    }

    /// A weak handle to this connection (see [`WeakConnect`]).
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
    /// assert!(c.downgrade().upgrade().is_some());
    /// ```
    pub fn downgrade(&self) -> WeakConnect {
        WeakConnect(Arc::downgrade(&self.0))
    }

    /// The URI the connection was opened with (`virConnectGetURI`).
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///x", true);
    /// assert_eq!(c.uri(), "d:///x");
    /// ```
    pub fn uri(&self) -> &str {
        &self.0.uri
    }

    /// Whether the connection is read-only (`VIR_CONNECT_RO`).
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", true);
    /// assert!(c.is_read_only());
    /// ```
    pub fn is_read_only(&self) -> bool {
        self.0.read_only
    }

    /// The driver serving the connection.
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", true);
    /// assert!(c.driver().domain_get_max_vcpus(&virtkit_api::Domain::new(&c, "x", Default::default(), 1)).is_err());
    /// ```
    pub fn driver(&self) -> &dyn Driver {
        &*self.0.driver
    }

    /// `VIR_DRV_SUPPORTS_FEATURE`: asks the driver; an error is passed on.
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", true);
    /// assert!(!c.supports_feature(virtkit_api::DrvFeature::FdPassing)?);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn supports_feature(&self, feature: DrvFeature) -> Result<bool> {
        self.0.driver.supports_feature(self, feature)
    }

    /// `virCheckReadOnlyGoto`.
    pub(crate) fn check_rw(&self, func: &str) -> Result<()> {
        if self.0.read_only { Err(Error::read_only(func)) } else { Ok(()) }
    }

    pub(crate) fn fd_passing(&self) -> Result<()> {
        if self.supports_feature(DrvFeature::FdPassing)? {
            Ok(())
        } else {
            Err(Error::argument_unsupported("fd passing is not supported by this connection"))
        }
    }

    /// `virConnectRegisterCloseCallback`: only one callback per connection; a second is
    /// `Requested operation is not valid: A close callback is already registered`.
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
    /// c.register_close_callback(std::sync::Arc::new(|_, _| {}))?;
    /// assert!(c.register_close_callback(std::sync::Arc::new(|_, _| {})).is_err());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn register_close_callback(&self, cb: CloseCallback) -> Result<()> {
        let mut slot = self.0.close_callback.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.is_some() {
            return Err(Error::new(
                ErrorCode::OperationInvalid,
                crate::ErrorDomain::None,
                "A close callback is already registered",
            ));
        }
        *slot = Some(cb);
        Ok(())
    }

    /// `virConnectUnregisterCloseCallback`: `cb` must be the registered callback, else
    /// `Requested operation is not valid: A different callback was requested`.
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
    /// let cb: virtkit_api::CloseCallback = std::sync::Arc::new(|_, _| {});
    /// c.register_close_callback(cb.clone())?;
    /// c.unregister_close_callback(&cb)?;
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn unregister_close_callback(&self, cb: &CloseCallback) -> Result<()> {
        let mut slot = self.0.close_callback.lock().unwrap_or_else(PoisonError::into_inner);
        match &*slot {
            Some(current) if Arc::ptr_eq(current, cb) => {
                *slot = None;
                Ok(())
            }
            _ => Err(Error::new(
                ErrorCode::OperationInvalid,
                crate::ErrorDomain::None,
                "A different callback was requested",
            )),
        }
    }

    /// For drivers: the connection was lost; the close callback (if any) runs once with
    /// `reason` and is removed.
    ///
    /// ```
    /// use std::sync::{Arc, atomic::{AtomicBool, Ordering}};
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(Arc::new(D), "d:///", false);
    /// let hit = Arc::new(AtomicBool::new(false));
    /// let h = hit.clone();
    /// c.register_close_callback(Arc::new(move |_, _| h.store(true, Ordering::SeqCst)))?;
    /// c.notify_closed(virtkit_api::CloseReason::Eof);
    /// assert!(hit.load(Ordering::SeqCst));
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn notify_closed(&self, reason: CloseReason) {
        let cb = self.0.close_callback.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(cb) = cb {
            cb(self, reason);
        }
    }

    /// `virConnectClose` with the client as the reason: runs the close callback with
    /// [`CloseReason::Client`] and drops this handle.
    ///
    /// ```
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let c = virtkit_api::Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
    /// c.close();
    /// ```
    pub fn close(self) {
        self.notify_closed(CloseReason::Client);
    }

    // ---- G01: listing, lookup, XML ----

    /// `virConnectListDomains`: the ids of at most `maxids` running domains. (`ids` cannot be
    /// NULL in Rust; `maxids` is checked non-negative.)
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(conn.list_domains(-1).unwrap_err().message(), "maxids in virConnectListDomains must be zero or greater");
    /// ```
    pub fn list_domains(&self, maxids: i32) -> Result<Vec<i32>> {
        if maxids < 0 {
            return Err(Error::negative("maxids", "virConnectListDomains"));
        }
        self.driver().connect_list_domains(self, maxids)
    }

    /// `virConnectNumOfDomains`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.num_of_domains().unwrap_err().is_no_support());
    /// ```
    pub fn num_of_domains(&self) -> Result<i32> {
        self.driver().connect_num_of_domains(self)
    }

    /// `virDomainLookupByID`: `id` must be non-negative.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(conn.lookup_by_id(-1).unwrap_err().message(), "id in virDomainLookupByID must be zero or greater");
    /// ```
    pub fn lookup_by_id(&self, id: i32) -> Result<Domain> {
        if id < 0 {
            return Err(Error::negative("id", "virDomainLookupByID"));
        }
        self.driver().domain_lookup_by_id(self, id)
    }

    /// `virDomainLookupByUUID`.
    ///
    /// ```
    /// # let (conn, dom) = virtkit_api::doctest::rw();
    /// assert_eq!(conn.lookup_by_uuid(&dom.uuid())?.name(), "test");
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn lookup_by_uuid(&self, uuid: &Uuid) -> Result<Domain> {
        self.driver().domain_lookup_by_uuid(self, uuid)
    }

    /// `virDomainLookupByUUIDString`: the string is parsed as `virUUIDParse` does (`Invalid
    /// UUID` otherwise), then looked up with `virDomainLookupByUUID`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(conn.lookup_by_uuid_string("zz").unwrap_err().message(), "Invalid UUID");
    /// ```
    pub fn lookup_by_uuid_string(&self, uuidstr: &str) -> Result<Domain> {
        let uuid: Uuid = uuidstr.parse()?;
        self.lookup_by_uuid(&uuid)
    }

    /// `virDomainLookupByName`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(conn.lookup_by_name("test")?.id(), 1);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn lookup_by_name(&self, name: &str) -> Result<Domain> {
        self.driver().domain_lookup_by_name(self, name)
    }

    /// `virConnectDomainXMLFromNative` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.connect().domain_xml_from_native("qemu-argv", "", 0).is_err());
    /// ```
    pub fn domain_xml_from_native(
        &self,
        native_format: &str,
        native_config: &str,
        flags: u32,
    ) -> Result<String> {
        self.check_rw("virConnectDomainXMLFromNative")?;
        self.driver().connect_domain_xml_from_native(self, native_format, native_config, flags)
    }

    /// `virConnectDomainXMLToNative` (read-write connections only).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.domain_xml_to_native("qemu-argv", "<domain/>", 0).unwrap_err().is_no_support());
    /// ```
    pub fn domain_xml_to_native(
        &self,
        native_format: &str,
        domain_xml: &str,
        flags: u32,
    ) -> Result<String> {
        self.check_rw("virConnectDomainXMLToNative")?;
        self.driver().connect_domain_xml_to_native(self, native_format, domain_xml, flags)
    }

    /// `virConnectNumOfDefinedDomains`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.num_of_defined_domains().is_err());
    /// ```
    pub fn num_of_defined_domains(&self) -> Result<i32> {
        self.driver().connect_num_of_defined_domains(self)
    }

    /// `virConnectListDefinedDomains`: `maxnames` must be non-negative.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.list_defined_domains(-1).is_err());
    /// ```
    pub fn list_defined_domains(&self, maxnames: i32) -> Result<Vec<String>> {
        if maxnames < 0 {
            return Err(Error::negative("maxnames", "virConnectListDefinedDomains"));
        }
        self.driver().connect_list_defined_domains(self, maxnames)
    }

    /// `virConnectListAllDomains`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::ConnectListAllDomainsFlags as F;
    /// assert_eq!(conn.list_all_domains(F::ACTIVE)?.len(), 1);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn list_all_domains(&self, flags: ConnectListAllDomainsFlags) -> Result<Vec<Domain>> {
        self.driver().connect_list_all_domains(self, flags)
    }

    /// `virConnectGetDomainCapabilities` (read-write connections only).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// assert!(ro.connect().domain_capabilities(None, None, None, None, 0).is_err());
    /// ```
    pub fn domain_capabilities(
        &self,
        emulatorbin: Option<&str>,
        arch: Option<&str>,
        machine: Option<&str>,
        virttype: Option<&str>,
        flags: u32,
    ) -> Result<String> {
        self.check_rw("virConnectGetDomainCapabilities")?;
        self.driver().connect_get_domain_capabilities(
            self,
            emulatorbin,
            arch,
            machine,
            virttype,
            flags,
        )
    }

    // ---- G02: creation and definition ----

    /// `virDomainCreateXML`: a transient domain started from XML.
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainCreateFlags;
    /// let e = ro.connect().create_xml("<domain/>", DomainCreateFlags::empty()).unwrap_err();
    /// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainCreateXML");
    /// ```
    pub fn create_xml(&self, xml: &str, flags: DomainCreateFlags) -> Result<Domain> {
        self.check_rw("virDomainCreateXML")?;
        self.driver().domain_create_xml(self, xml, flags)
    }

    /// `virDomainCreateXMLWithFiles`: with files, the driver must support fd passing
    /// (`argument unsupported: fd passing is not supported by this connection`).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainCreateFlags;
    /// let e = conn.create_xml_with_files("<domain/>", &[3], DomainCreateFlags::empty()).unwrap_err();
    /// assert_eq!(e.message(), "argument unsupported: fd passing is not supported by this connection");
    /// ```
    pub fn create_xml_with_files(
        &self,
        xml: &str,
        files: &[i32],
        flags: DomainCreateFlags,
    ) -> Result<Domain> {
        self.check_rw("virDomainCreateXMLWithFiles")?;
        if !files.is_empty() {
            self.fd_passing()?;
        }
        self.driver().domain_create_xml_with_files(self, xml, files, flags)
    }

    /// `virDomainCreateLinux`: the old name of [`Connect::create_xml`] (errors name
    /// `virDomainCreateXML`, as in libvirt).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainCreateFlags;
    /// let e = conn.create_linux("<domain/>", DomainCreateFlags::empty()).unwrap_err();
    /// assert!(e.message().ends_with("virDomainCreateXML"));
    /// ```
    pub fn create_linux(&self, xml: &str, flags: DomainCreateFlags) -> Result<Domain> {
        self.create_xml(xml, flags)
    }

    /// `virDomainDefineXML`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.define_xml("<domain/>").unwrap_err().is_no_support());
    /// ```
    pub fn define_xml(&self, xml: &str) -> Result<Domain> {
        self.check_rw("virDomainDefineXML")?;
        self.driver().domain_define_xml(self, xml)
    }

    /// `virDomainDefineXMLFlags`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainDefineFlags;
    /// assert!(conn.define_xml_flags("<domain/>", DomainDefineFlags::VALIDATE).is_err());
    /// ```
    pub fn define_xml_flags(&self, xml: &str, flags: DomainDefineFlags) -> Result<Domain> {
        self.check_rw("virDomainDefineXMLFlags")?;
        self.driver().domain_define_xml_flags(self, xml, flags)
    }

    // ---- G03: restore and save images ----

    /// `virDomainRestore`: `from` is made absolute first, as libvirt does.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert!(conn.restore("/var/tmp/vm.save").unwrap_err().is_no_support());
    /// ```
    pub fn restore(&self, from: &str) -> Result<()> {
        self.check_rw("virDomainRestore")?;
        let from = absolute_path(from, "input")?;
        self.driver().domain_restore(self, &from)
    }

    /// `virDomainRestoreFlags`: `VIR_DOMAIN_SAVE_RUNNING` and `_PAUSED` are exclusive.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainSaveRestoreFlags as F;
    /// let e = conn.restore_flags("/x", None, F::RUNNING | F::PAUSED).unwrap_err();
    /// assert!(e.message().starts_with("Flags 'VIR_DOMAIN_SAVE_RUNNING'"));
    /// ```
    pub fn restore_flags(
        &self,
        from: &str,
        dxml: Option<&str>,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.check_rw("virDomainRestoreFlags")?;
        save_running_paused(flags)?;
        let from = absolute_path(from, "input")?;
        self.driver().domain_restore_flags(self, &from, dxml, flags)
    }

    /// `virDomainRestoreParams` (no checks of the parameters at this layer, as in libvirt).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainSaveRestoreFlags as F;
    /// assert!(conn.restore_params(&Default::default(), F::empty()).unwrap_err().is_no_support());
    /// ```
    pub fn restore_params(
        &self,
        params: &TypedParams,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.check_rw("virDomainRestoreParams")?;
        save_running_paused(flags)?;
        check_setter(Setter::RestoreParams, Some(params), len_i32(params), true)?;
        self.driver().domain_restore_params(self, params, flags)
    }

    /// `virDomainSaveImageGetXMLDesc` (read-write connections only; `file` made absolute).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainSaveImageXMLFlags as F;
    /// assert!(ro.connect().save_image_xml_desc("/x", F::empty()).is_err());
    /// ```
    pub fn save_image_xml_desc(
        &self,
        file: &str,
        flags: DomainSaveImageXMLFlags,
    ) -> Result<String> {
        self.check_rw("virDomainSaveImageGetXMLDesc")?;
        let file = absolute_path(file, "input")?;
        self.driver().domain_save_image_get_xml_desc(self, &file, flags)
    }

    /// `virDomainSaveImageDefineXML`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainSaveRestoreFlags as F;
    /// assert!(conn.save_image_define_xml("/x", "<domain/>", F::empty()).unwrap_err().is_no_support());
    /// ```
    pub fn save_image_define_xml(
        &self,
        file: &str,
        dxml: &str,
        flags: DomainSaveRestoreFlags,
    ) -> Result<()> {
        self.check_rw("virDomainSaveImageDefineXML")?;
        save_running_paused(flags)?;
        let file = absolute_path(file, "input")?;
        self.driver().domain_save_image_define_xml(self, &file, dxml, flags)
    }

    // ---- G07: bulk statistics ----

    /// `virConnectGetAllDomainStats`.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::{ConnectGetAllDomainStatsFlags as F, DomainStatsTypes as S};
    /// assert!(conn.all_domain_stats(S::STATE, F::empty()).unwrap_err().is_no_support());
    /// ```
    pub fn all_domain_stats(
        &self,
        stats: DomainStatsTypes,
        flags: ConnectGetAllDomainStatsFlags,
    ) -> Result<Vec<StatsRecord>> {
        self.driver().connect_get_all_domain_stats(self, &[], stats, flags)
    }

    // ---- G14: events ----

    /// `virConnectDomainEventRegister`: the old-style registration of a lifecycle callback.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// conn.domain_event_register(std::sync::Arc::new(|_, _, _| {}))?;
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn domain_event_register(&self, cb: DomainEventCallback) -> Result<()> {
        self.driver().connect_domain_event_register(self, cb)
    }

    /// `virConnectDomainEventDeregister`: `cb` must be the registered callback (the same
    /// `Arc`).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// let cb: virtkit_api::events::DomainEventCallback = std::sync::Arc::new(|_, _, _| {});
    /// conn.domain_event_register(cb.clone())?;
    /// conn.domain_event_deregister(&cb)?;
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn domain_event_deregister(&self, cb: &DomainEventCallback) -> Result<()> {
        self.driver().connect_domain_event_deregister(self, cb)
    }

    /// `virConnectDomainEventRegisterAny`: `dom` (if any) must belong to this connection,
    /// `event_id` must be a known `virDomainEventID`; returns the callback id.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// let e = conn.domain_event_register_any(None, 99, std::sync::Arc::new(|_, _, _| {})).unwrap_err();
    /// assert!(e.message().starts_with("eventID must be less than"));
    /// ```
    pub fn domain_event_register_any(
        &self,
        dom: Option<&Domain>,
        event_id: i32,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        if let Some(dom) = dom
            && dom.connect() != self
        {
            return Err(Error::invalid_arg(format!(
                "domain '{}' must match connection",
                dom.name()
            )));
        }
        let id = event_id_in_range(event_id)?;
        self.driver().connect_domain_event_register_any(self, dom, id, cb)
    }

    /// `virConnectDomainEventDeregisterAny`: `callback_id` must be non-negative.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(
    ///     conn.domain_event_deregister_any(-1).unwrap_err().message(),
    ///     "callbackID in virConnectDomainEventDeregisterAny must be zero or greater"
    /// );
    /// ```
    pub fn domain_event_deregister_any(&self, callback_id: i32) -> Result<()> {
        if callback_id < 0 {
            return Err(Error::negative("callbackID", "virConnectDomainEventDeregisterAny"));
        }
        self.driver().connect_domain_event_deregister_any(self, callback_id)
    }

    // ---- I01: migration steps on the destination ----

    /// `virDomainMigratePrepare` (v1, destination).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let e = conn.migrate_prepare(None, F::LIVE, Some(""), 0).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigratePrepare must not be empty");
    /// ```
    pub fn migrate_prepare(
        &self,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<MigratePrepared> {
        const F: &str = "virDomainMigratePrepare";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_prepare(self, uri_in, flags, dname, bandwidth)
    }

    /// `virDomainMigrateFinish` (v1, destination).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(conn.migrate_finish(Some("vm"), &[], "tcp://h", F::LIVE).unwrap_err().is_no_support());
    /// ```
    pub fn migrate_finish(
        &self,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
    ) -> Result<Domain> {
        const F: &str = "virDomainMigrateFinish";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_finish(self, dname, cookie, uri, flags)
    }

    /// `virDomainMigratePrepare2` (v2, destination).
    ///
    /// ```
    /// # let (_, ro) = virtkit_api::doctest::ro();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(ro.connect().migrate_prepare2(None, F::LIVE, None, 0, "<domain/>").is_err());
    /// ```
    pub fn migrate_prepare2(
        &self,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        const F: &str = "virDomainMigratePrepare2";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_prepare2(self, uri_in, flags, dname, bandwidth, dom_xml)
    }

    /// `virDomainMigrateFinish2` (v2, destination): `retcode` is the Perform step's result;
    /// no domain is not an error when the migration failed.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(conn.migrate_finish2(None, &[], "tcp://h", F::LIVE, 0).is_err());
    /// ```
    pub fn migrate_finish2(
        &self,
        dname: Option<&str>,
        cookie: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        retcode: i32,
    ) -> Result<Option<Domain>> {
        const F: &str = "virDomainMigrateFinish2";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_finish2(self, dname, cookie, uri, flags, retcode)
    }

    fn same_conn(&self, st: &Stream) -> Result<()> {
        if st.connect() == self {
            Ok(())
        } else {
            Err(Error::invalid_arg("conn must match stream connection"))
        }
    }

    /// `virDomainMigratePrepareTunnel` (v2 tunnelled, destination): the migration data
    /// arrives on `st`, which must belong to this connection.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// # let (other, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::{flags::DomainMigrateFlags as F, Stream};
    /// let e = conn.migrate_prepare_tunnel(&Stream::new(&other, 0), F::TUNNELLED, None, 0, "<domain/>").unwrap_err();
    /// assert_eq!(e.message(), "conn must match stream connection");
    /// ```
    pub fn migrate_prepare_tunnel(
        &self,
        st: &Stream,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<()> {
        const F: &str = "virDomainMigratePrepareTunnel";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.same_conn(st)?;
        self.driver().domain_migrate_prepare_tunnel(self, st, flags, dname, bandwidth, dom_xml)
    }

    /// `virDomainMigratePrepareTunnel3` (v3 tunnelled, destination): returns the cookie.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::{flags::DomainMigrateFlags as F, Stream};
    /// let st = Stream::new(&conn, 0);
    /// assert!(conn.migrate_prepare_tunnel3(&st, &[], F::TUNNELLED, None, 0, "<domain/>").unwrap_err().is_no_support());
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn migrate_prepare_tunnel3(
        &self,
        st: &Stream,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<Vec<u8>> {
        const F: &str = "virDomainMigratePrepareTunnel3";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.same_conn(st)?;
        self.driver()
            .domain_migrate_prepare_tunnel3(self, st, cookiein, flags, dname, bandwidth, dom_xml)
    }

    /// `virDomainMigratePrepareTunnel3Params` (v3 tunnelled with parameters, destination):
    /// the stream check comes before the `destination_name` check, as in libvirt.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::{flags::DomainMigrateFlags as F, Stream};
    /// let st = Stream::new(&conn, 0);
    /// assert!(conn.migrate_prepare_tunnel3_params(&st, &Default::default(), &[], F::TUNNELLED).is_err());
    /// ```
    pub fn migrate_prepare_tunnel3_params(
        &self,
        st: &Stream,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        const F: &str = "virDomainMigratePrepareTunnel3Params";
        self.check_rw(F)?;
        self.same_conn(st)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_prepare_tunnel3_params(self, st, params, cookiein, flags)
    }

    /// `virDomainMigratePrepare3` (v3, destination).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(conn.migrate_prepare3(&[], None, F::LIVE, None, 0, "<domain/>").unwrap_err().is_no_support());
    /// ```
    pub fn migrate_prepare3(
        &self,
        cookiein: &[u8],
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        const F: &str = "virDomainMigratePrepare3";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver()
            .domain_migrate_prepare3(self, cookiein, uri_in, flags, dname, bandwidth, dom_xml)
    }

    /// `virDomainMigrateFinish3` (v3, destination).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(conn.migrate_finish3(Some(""), &[], None, None, F::LIVE, false).is_err());
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn migrate_finish3(
        &self,
        dname: Option<&str>,
        cookiein: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        const F: &str = "virDomainMigrateFinish3";
        self.check_rw(F)?;
        dname_check(dname, F)?;
        self.driver().domain_migrate_finish3(self, dname, cookiein, dconnuri, uri, flags, cancelled)
    }

    /// `virDomainMigratePrepare3Params` (v3 with parameters, destination): the
    /// `destination_name` parameter, if present, must not be empty.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// let mut p = virtkit_typedparams::TypedParams::new();
    /// p.add_string("destination_name", "")?;
    /// let e = conn.migrate_prepare3_params(&p, &[], F::LIVE).unwrap_err();
    /// assert_eq!(e.message(), "string dname in virDomainMigratePrepare3Params must not be empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn migrate_prepare3_params(
        &self,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<MigratePrepared> {
        const F: &str = "virDomainMigratePrepare3Params";
        self.check_rw(F)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_prepare3_params(self, params, cookiein, flags)
    }

    /// `virDomainMigrateFinish3Params` (v3 with parameters, destination).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::flags::DomainMigrateFlags as F;
    /// assert!(conn.migrate_finish3_params(&Default::default(), &[], F::LIVE, true).is_err());
    /// ```
    pub fn migrate_finish3_params(
        &self,
        params: &TypedParams,
        cookiein: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        const F: &str = "virDomainMigrateFinish3Params";
        self.check_rw(F)?;
        dname_check(param_dname(params)?, F)?;
        self.driver().domain_migrate_finish3_params(self, params, cookiein, flags, cancelled)
    }
}

/// `VIR_MIGRATE_PARAM_DEST_NAME` of a parameter list (`virTypedParamsGetString`).
pub(crate) fn param_dname(params: &TypedParams) -> Result<Option<&str>> {
    Ok(params.get_string("destination_name")?)
}

pub(crate) fn save_running_paused(flags: DomainSaveRestoreFlags) -> Result<()> {
    if crate::domain::both(
        flags.bits(),
        DomainSaveRestoreFlags::RUNNING.bits(),
        DomainSaveRestoreFlags::PAUSED.bits(),
    ) {
        return Err(Error::exclusive_flags("VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED"));
    }
    Ok(())
}

/// A parameter count as C's `int nparams`.
pub(crate) fn len_i32(params: &TypedParams) -> i32 {
    i32::try_from(params.len()).unwrap_or(i32::MAX)
}
