//! Domain events: what a driver delivers to the callbacks registered with
//! [`Connect::domain_event_register_any`] (and the old-style
//! [`Connect::domain_event_register`], which receives lifecycle events only), and
//! [`EventRegistry`], the bookkeeping a driver can use to implement the four event callbacks.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use virtkit_api::{events::{DomainEvent, DomainEventCallback}, enums::DomainEventID};
//! use virtkit_api::{Connect, Domain, Driver, EventRegistry, Result};
//!
//! #[derive(Default)]
//! struct Host { events: EventRegistry }
//! impl Driver for Host {
//!     fn connect_domain_event_register_any(
//!         &self, _c: &Connect, dom: Option<&Domain>, id: DomainEventID, cb: DomainEventCallback,
//!     ) -> Result<i32> {
//!         self.events.register_any(dom, id, &cb)
//!     }
//! }
//! let host = Arc::new(Host::default());
//! let conn = Connect::with_driver(host.clone(), "host:///", true);
//! let seen = Arc::new(Mutex::new(Vec::new()));
//! let sink = seen.clone();
//! let id = conn.domain_event_register_any(None, 0, Arc::new(move |_c, d, e| {
//!     sink.lock().unwrap().push((d.name().to_owned(), e.id()));
//! }))?;
//! assert_eq!(id, 1);
//! let dom = Domain::new(&conn, "vm", Default::default(), 1);
//! host.events.emit(&conn, &dom, &DomainEvent::Lifecycle { event: 2, detail: 0 });
//! assert_eq!(*seen.lock().unwrap(), vec![("vm".to_owned(), DomainEventID::Lifecycle)]);
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::sync::{Arc, Mutex, PoisonError};

use virtkit_typedparams::TypedParams;

use crate::connect::Connect;
use crate::domain::Domain;
use crate::enums::{CEnum, DomainEventID};
use crate::error::{Error, ErrorCode, Result};

/// A domain event callback: the connection, the domain and the event.
///
/// ```
/// use std::sync::Arc;
/// let cb: virtkit_api::events::DomainEventCallback = Arc::new(|_conn, _dom, _event| {});
/// # drop(cb);
/// ```
pub type DomainEventCallback = Arc<dyn Fn(&Connect, &Domain, &DomainEvent) + Send + Sync>;

/// A domain event with its payload (`virConnectDomainEvent*Callback` arguments). Numbers that
/// libvirt may extend (event types, details, reasons) are kept as numbers.
///
/// ```
/// use virtkit_api::{enums::DomainEventID, events::DomainEvent};
/// assert_eq!(DomainEvent::Reboot.id(), DomainEventID::Reboot);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DomainEvent {
    /// `VIR_DOMAIN_EVENT_ID_LIFECYCLE`: a `virDomainEventType` and its detail.
    Lifecycle {
        /// The `virDomainEventType` number.
        event: i32,
        /// The detail (`virDomainEventStartedDetailType`, ...).
        detail: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_REBOOT`.
    Reboot,
    /// `VIR_DOMAIN_EVENT_ID_RTC_CHANGE`: the new offset from UTC in seconds.
    RtcChange {
        /// Offset in seconds.
        utcoffset: i64,
    },
    /// `VIR_DOMAIN_EVENT_ID_WATCHDOG`: a `virDomainEventWatchdogAction` number.
    Watchdog {
        /// The action.
        action: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON` (and `IO_ERROR`, which lacks the reason).
    IoError {
        /// Source path.
        src_path: String,
        /// Device alias.
        dev_alias: String,
        /// A `virDomainEventIOErrorAction` number.
        action: i32,
        /// The reason (empty for `IO_ERROR`).
        reason: String,
    },
    /// `VIR_DOMAIN_EVENT_ID_CONTROL_ERROR`.
    ControlError,
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2` (and `BLOCK_JOB`, which names the path).
    BlockJob {
        /// Disk target or path.
        disk: String,
        /// A `virDomainBlockJobType` number.
        type_: i32,
        /// A `virConnectDomainEventBlockJobStatus` number.
        status: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_DISK_CHANGE`.
    DiskChange {
        /// Old source, if any.
        old_src_path: Option<String>,
        /// New source, if any.
        new_src_path: Option<String>,
        /// Device alias.
        dev_alias: String,
        /// A `virConnectDomainEventDiskChangeReason` number.
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_TRAY_CHANGE`.
    TrayChange {
        /// Device alias.
        dev_alias: String,
        /// A `virDomainEventTrayChangeReason` number.
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_PMWAKEUP`.
    PmWakeup {
        /// Reason (unused by libvirt, 0).
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND`.
    PmSuspend {
        /// Reason (unused by libvirt, 0).
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE`: the new balloon size in KiB.
    BalloonChange {
        /// Actual memory in KiB.
        actual: u64,
    },
    /// `VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK`.
    PmSuspendDisk {
        /// Reason (unused by libvirt, 0).
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED`.
    DeviceRemoved {
        /// Device alias.
        dev_alias: String,
    },
    /// `VIR_DOMAIN_EVENT_ID_TUNABLE`: the changed tunables.
    Tunable {
        /// The new values.
        params: TypedParams,
    },
    /// `VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE`.
    AgentLifecycle {
        /// A `virConnectDomainEventAgentLifecycleState` number.
        state: i32,
        /// A `virConnectDomainEventAgentLifecycleReason` number.
        reason: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_ADDED`.
    DeviceAdded {
        /// Device alias.
        dev_alias: String,
    },
    /// `VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION`.
    MigrationIteration {
        /// Iteration number.
        iteration: i32,
    },
    /// `VIR_DOMAIN_EVENT_ID_JOB_COMPLETED`: the completed job's statistics.
    JobCompleted {
        /// `VIR_DOMAIN_JOB_*` parameters.
        params: TypedParams,
    },
    /// `VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED`.
    DeviceRemovalFailed {
        /// Device alias.
        dev_alias: String,
    },
    /// `VIR_DOMAIN_EVENT_ID_METADATA_CHANGE`.
    MetadataChange {
        /// A `virDomainMetadataType` number.
        type_: i32,
        /// Namespace URI for element metadata.
        nsuri: Option<String>,
    },
    /// `VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD`.
    BlockThreshold {
        /// Device.
        dev: String,
        /// Path.
        path: Option<String>,
        /// The threshold.
        threshold: u64,
        /// By how much it was exceeded.
        excess: u64,
    },
}

impl DomainEvent {
    /// The event id this event is delivered under.
    ///
    /// ```
    /// use virtkit_api::{enums::DomainEventID, events::DomainEvent};
    /// let e = DomainEvent::Lifecycle { event: 0, detail: 0 };
    /// assert_eq!(e.id(), DomainEventID::Lifecycle);
    /// ```
    pub fn id(&self) -> DomainEventID {
        match self {
            DomainEvent::Lifecycle { .. } => DomainEventID::Lifecycle,
            DomainEvent::Reboot => DomainEventID::Reboot,
            DomainEvent::RtcChange { .. } => DomainEventID::RtcChange,
            DomainEvent::Watchdog { .. } => DomainEventID::Watchdog,
            DomainEvent::IoError { .. } => DomainEventID::IoErrorReason,
            DomainEvent::ControlError => DomainEventID::ControlError,
            DomainEvent::BlockJob { .. } => DomainEventID::BlockJob2,
            DomainEvent::DiskChange { .. } => DomainEventID::DiskChange,
            DomainEvent::TrayChange { .. } => DomainEventID::TrayChange,
            DomainEvent::PmWakeup { .. } => DomainEventID::Pmwakeup,
            DomainEvent::PmSuspend { .. } => DomainEventID::Pmsuspend,
            DomainEvent::BalloonChange { .. } => DomainEventID::BalloonChange,
            DomainEvent::PmSuspendDisk { .. } => DomainEventID::PmsuspendDisk,
            DomainEvent::DeviceRemoved { .. } => DomainEventID::DeviceRemoved,
            DomainEvent::Tunable { .. } => DomainEventID::Tunable,
            DomainEvent::AgentLifecycle { .. } => DomainEventID::AgentLifecycle,
            DomainEvent::DeviceAdded { .. } => DomainEventID::DeviceAdded,
            DomainEvent::MigrationIteration { .. } => DomainEventID::MigrationIteration,
            DomainEvent::JobCompleted { .. } => DomainEventID::JobCompleted,
            DomainEvent::DeviceRemovalFailed { .. } => DomainEventID::DeviceRemovalFailed,
            DomainEvent::MetadataChange { .. } => DomainEventID::MetadataChange,
            DomainEvent::BlockThreshold { .. } => DomainEventID::BlockThreshold,
        }
    }

    /// Whether a callback registered for `id` receives this event: its own id, plus the
    /// older ids libvirt also delivers (`IO_ERROR` for `IO_ERROR_REASON`, `BLOCK_JOB` for
    /// `BLOCK_JOB_2`).
    ///
    /// ```
    /// use virtkit_api::{enums::DomainEventID, events::DomainEvent};
    /// let e = DomainEvent::BlockJob { disk: "vda".into(), type_: 1, status: 0 };
    /// assert!(e.delivered_to(DomainEventID::BlockJob) && e.delivered_to(DomainEventID::BlockJob2));
    /// ```
    pub fn delivered_to(&self, id: DomainEventID) -> bool {
        let own = self.id();
        own == id
            || (own == DomainEventID::IoErrorReason && id == DomainEventID::IoError)
            || (own == DomainEventID::BlockJob2 && id == DomainEventID::BlockJob)
    }
}

struct Registration {
    id: i32,
    event: Option<DomainEventID>,
    dom: Option<Domain>,
    cb: DomainEventCallback,
}

/// Event callbacks of a driver: registration as libvirt's `virObjectEventState` does it
/// (ids from 1 upwards, per-domain filters, old-style callbacks for lifecycle events) and
/// delivery with [`EventRegistry::emit`]. See the [module documentation](self) for an example.
#[derive(Default)]
pub struct EventRegistry {
    inner: Mutex<(i32, Vec<Registration>)>,
}

impl EventRegistry {
    /// A registry with no callbacks.
    ///
    /// ```
    /// let r = virtkit_api::EventRegistry::new();
    /// assert_eq!(r.len(), 0);
    /// ```
    pub fn new() -> EventRegistry {
        EventRegistry::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (i32, Vec<Registration>)> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Registers `cb` for `event` (optionally for one domain); returns the callback id.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use virtkit_api::{enums::DomainEventID, EventRegistry};
    /// let r = EventRegistry::new();
    /// let cb: virtkit_api::events::DomainEventCallback = Arc::new(|_, _, _| {});
    /// assert_eq!(r.register_any(None, DomainEventID::Reboot, &cb)?, 1);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn register_any(
        &self,
        dom: Option<&Domain>,
        event: DomainEventID,
        cb: &DomainEventCallback,
    ) -> Result<i32> {
        let mut guard = self.lock();
        guard.0 += 1;
        let id = guard.0;
        guard.1.push(Registration { id, event: Some(event), dom: dom.cloned(), cb: cb.clone() });
        Ok(id)
    }

    /// Removes the callback with id `callback_id`; an unknown id is libvirt's
    /// `VIR_ERR_INVALID_ARG`, `could not find event callback {id} for deletion`.
    ///
    /// ```
    /// let r = virtkit_api::EventRegistry::new();
    /// assert_eq!(
    ///     r.deregister_any(7).unwrap_err().message(),
    ///     "invalid argument: could not find event callback 7 for deletion"
    /// );
    /// ```
    pub fn deregister_any(&self, callback_id: i32) -> Result<()> {
        let mut guard = self.lock();
        let before = guard.1.len();
        guard.1.retain(|r| r.id != callback_id || r.event.is_none());
        if guard.1.len() == before {
            return Err(Error::report(
                ErrorCode::InvalidArg,
                format!("could not find event callback {callback_id} for deletion"),
            ));
        }
        Ok(())
    }

    /// Registers an old-style lifecycle callback; registering the same callback twice is
    /// libvirt's `VIR_ERR_INVALID_ARG`, `event callback already tracked`.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let r = virtkit_api::EventRegistry::new();
    /// let cb: virtkit_api::events::DomainEventCallback = Arc::new(|_, _, _| {});
    /// r.register(&cb)?;
    /// assert!(r.register(&cb).is_err());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn register(&self, cb: &DomainEventCallback) -> Result<()> {
        let mut guard = self.lock();
        if guard.1.iter().any(|r| r.event.is_none() && Arc::ptr_eq(&r.cb, cb)) {
            return Err(Error::report(ErrorCode::InvalidArg, "event callback already tracked"));
        }
        guard.0 += 1;
        let id = guard.0;
        guard.1.push(Registration { id, event: None, dom: None, cb: cb.clone() });
        Ok(())
    }

    /// Removes an old-style callback; an unknown one is libvirt's `VIR_ERR_INVALID_ARG`,
    /// `event callback function {pointer} not registered`.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let r = virtkit_api::EventRegistry::new();
    /// let cb: virtkit_api::events::DomainEventCallback = Arc::new(|_, _, _| {});
    /// assert!(r.deregister(&cb).unwrap_err().message().ends_with("not registered"));
    /// ```
    pub fn deregister(&self, cb: &DomainEventCallback) -> Result<()> {
        let mut guard = self.lock();
        let before = guard.1.len();
        guard.1.retain(|r| !(r.event.is_none() && Arc::ptr_eq(&r.cb, cb)));
        if guard.1.len() == before {
            return Err(Error::report(
                ErrorCode::InvalidArg,
                format!("event callback function {:p} not registered", Arc::as_ptr(cb)),
            ));
        }
        Ok(())
    }

    /// The number of registered callbacks.
    ///
    /// ```
    /// assert!(virtkit_api::EventRegistry::new().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.lock().1.len()
    }

    /// Whether no callback is registered.
    ///
    /// ```
    /// assert!(virtkit_api::EventRegistry::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Delivers `event` about `dom` to every matching callback (outside the registry's
    /// lock, so callbacks may register or deregister); returns how many were called.
    ///
    /// ```
    /// use virtkit_api::{events::DomainEvent, Connect, Domain, EventRegistry};
    /// # struct D; impl virtkit_api::Driver for D {}
    /// let conn = Connect::with_driver(std::sync::Arc::new(D), "d:///", false);
    /// let dom = Domain::new(&conn, "vm", Default::default(), -1);
    /// assert_eq!(EventRegistry::new().emit(&conn, &dom, &DomainEvent::Reboot), 0);
    /// ```
    pub fn emit(&self, conn: &Connect, dom: &Domain, event: &DomainEvent) -> usize {
        let targets: Vec<DomainEventCallback> = self
            .lock()
            .1
            .iter()
            .filter(|r| match r.event {
                Some(id) => event.delivered_to(id),
                None => event.id() == DomainEventID::Lifecycle,
            })
            .filter(|r| r.dom.as_ref().is_none_or(|d| d.uuid() == dom.uuid()))
            .map(|r| r.cb.clone())
            .collect();
        for cb in &targets {
            cb(conn, dom, event);
        }
        targets.len()
    }
}

pub(crate) fn event_id_in_range(event_id: i32) -> Result<DomainEventID> {
    if event_id < 0 {
        return Err(Error::negative("eventID", "virConnectDomainEventRegisterAny"));
    }
    DomainEventID::from_raw(event_id).ok_or_else(|| {
        Error::invalid_arg(format!("eventID must be less than {}", DomainEventID::LAST))
    })
}
