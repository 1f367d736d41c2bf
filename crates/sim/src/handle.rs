//! [`Host`]: a test's handle on a sim host — its observable state, feature answers, fault
//! injection, crashes and the log of driver calls.

use std::sync::Arc;

use virtkit_api::enums::{
    CEnum, DomainEventStoppedDetailType as Stopped, DomainEventType as Ev, DomainShutoffReason,
    DomainState,
};
use virtkit_api::types::Uuid;
use virtkit_api::{DrvFeature, Error, ErrorCode, ErrorDomain, Result};

use crate::faults::{FaultAction, NO_DOMAIN_CALLS, Trigger, call_name};
use crate::host::{HostCore, existing, host, install};
use crate::node::{NodeInfo, host_from_node_xml};

/// A sim host seen from outside the driver: what a test reads and steers. Holding a handle
/// keeps the host (and its domains) alive like an open connection does.
///
/// ```
/// use virtkit_api::{Connect, enums::DomainState};
/// virtkit_sim::register();
/// let host = virtkit_sim::Host::get("doc-handle");
/// let conn = Connect::open(&host.uri())?;
/// conn.lookup_by_name("test")?.suspend()?;
/// assert_eq!(host.domain("test").unwrap().state, DomainState::Paused);
/// # Ok::<(), virtkit_api::Error>(())
/// ```
#[derive(Clone)]
pub struct Host(pub(crate) Arc<HostCore>);

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Host").field(&self.0.name).finish()
    }
}

/// A domain as a [`Host`] sees it.
///
/// ```
/// let host = virtkit_sim::Host::get("doc-snapshot");
/// let test = host.domain("test").unwrap();
/// assert_eq!((test.id, test.persistent), (1, true));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // Independent facts about a domain.
pub struct DomainSnapshot {
    /// Name.
    pub name: String,
    /// UUID.
    pub uuid: Uuid,
    /// Live id, -1 when inactive.
    pub id: i32,
    /// State.
    pub state: DomainState,
    /// The state's reason number.
    pub reason: i32,
    /// Persistent (defined) or transient.
    pub persistent: bool,
    /// Autostart flag.
    pub autostart: bool,
    /// A managed save image exists.
    pub managed_save: bool,
    /// An outgoing migration job is under way.
    pub migrating: bool,
}

impl Host {
    /// The host named `name` in the process-wide registry, created like `test:///default`
    /// when nothing holds it (the same host `sim:///NAME` opens).
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-get").name(), "doc-get");
    /// ```
    pub fn get(name: &str) -> Host {
        Host(host(name))
    }

    /// The host named `name` if a connection or handle holds it.
    ///
    /// ```
    /// assert!(virtkit_sim::Host::existing("doc-nobody").is_none());
    /// ```
    pub fn existing(name: &str) -> Option<Host> {
        existing(name).map(Host)
    }

    /// A host named `name` described by a node document (libvirt's test driver's
    /// `test:///path/node.xml` format, as text: `<domain file=.../>` references are refused).
    /// Refused when a live host already has the name.
    ///
    /// ```
    /// let xml = "<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores>\
    ///   <threads>2</threads></cpu><memory>2097152</memory>\
    ///   <domain type='test'><name>vm</name><memory>1024</memory></domain></node>";
    /// let host = virtkit_sim::Host::from_node_xml("doc-node", xml)?;
    /// assert_eq!(host.node_info().cpus, 4);
    /// assert_eq!(host.domain("vm").unwrap().id, 1);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn from_node_xml(name: &str, xml: &str) -> Result<Host> {
        let core = host_from_node_xml(name, xml, None)?;
        install(core).map(Host).map_err(|_| {
            Error::new(
                ErrorCode::OperationInvalid,
                ErrorDomain::Test,
                format!("sim host '{name}' already exists"),
            )
        })
    }

    /// The host's name.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-name").name(), "doc-name");
    /// ```
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// `sim:///NAME`.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-uri").uri(), "sim:///doc-uri");
    /// ```
    pub fn uri(&self) -> String {
        format!("sim:///{}", self.0.name)
    }

    /// `sim://NAME/`: the same host, with the name as the server part — the form a
    /// peer-to-peer destination URI needs (libvirt refuses one without a server).
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-p2p").p2p_uri(), "sim://doc-p2p/");
    /// ```
    pub fn p2p_uri(&self) -> String {
        format!("sim://{}/", self.0.name)
    }

    /// The node's CPUs and memory.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-ni").node_info().cpus, 16);
    /// ```
    pub fn node_info(&self) -> NodeInfo {
        self.0.lock().node.clone()
    }

    /// Every domain, in definition order.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-doms").domains().len(), 1);
    /// ```
    pub fn domains(&self) -> Vec<DomainSnapshot> {
        self.0
            .lock()
            .domains
            .iter()
            .map(|d| DomainSnapshot {
                name: d.name().to_owned(),
                uuid: Uuid(d.uuid()),
                id: d.id,
                state: d.state,
                reason: d.reason,
                persistent: d.persistent,
                autostart: d.autostart,
                managed_save: d.managed_save.is_some(),
                migrating: d.migration.is_some(),
            })
            .collect()
    }

    /// The domain named `name`.
    ///
    /// ```
    /// assert!(virtkit_sim::Host::get("doc-dom").domain("nope").is_none());
    /// ```
    pub fn domain(&self, name: &str) -> Option<DomainSnapshot> {
        self.domains().into_iter().find(|d| d.name == name)
    }

    /// The names of the incoming migrations prepared here and not finished.
    ///
    /// ```
    /// assert!(virtkit_sim::Host::get("doc-inc").incoming().is_empty());
    /// ```
    pub fn incoming(&self) -> Vec<String> {
        self.0.lock().incoming.iter().map(|m| m.name.clone()).collect()
    }

    /// The number of open connections to the host.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-conns").connections(), 0);
    /// ```
    pub fn connections(&self) -> usize {
        self.0.connections()
    }

    /// Whether the host claims `feature` (`VIR_DRV_SUPPORTS_FEATURE`).
    ///
    /// ```
    /// use virtkit_api::DrvFeature;
    /// assert!(virtkit_sim::Host::get("doc-feat").feature(DrvFeature::MigrationV3));
    /// ```
    pub fn feature(&self, feature: DrvFeature) -> bool {
        self.0.control().feature(feature)
    }

    /// Makes the host claim `feature` or not. A sim host starts claiming every migration
    /// feature (v1, v2, v3, params, p2p, direct, offline, change protection) and
    /// `TYPED_PARAM_STRING`, `XML_MIGRATABLE`.
    ///
    /// ```
    /// use virtkit_api::DrvFeature;
    /// let h = virtkit_sim::Host::get("doc-setfeat");
    /// h.set_feature(DrvFeature::MigrationParams, false);
    /// assert!(!h.feature(DrvFeature::MigrationParams));
    /// ```
    pub fn set_feature(&self, feature: DrvFeature, on: bool) {
        self.0.control().set_feature(feature, on);
    }

    /// Makes the host fail the driver call named `call` (a [`virtkit_api::Driver`] method
    /// name such as `"domain_migrate_perform3"`, libvirt's callback name such as
    /// `"domainMigratePerform3"`, or `"supports_feature"`) when `trigger` says. An unknown
    /// name, or [`FaultAction::NoDomain`] for a call that cannot answer "no domain", is
    /// `VIR_ERR_INVALID_ARG`.
    ///
    /// ```
    /// use virtkit_api::{Connect, Error};
    /// use virtkit_sim::{FaultAction, Host, Trigger};
    /// virtkit_sim::register();
    /// let host = Host::get("doc-inject");
    /// let e = Error::no_support("virDomainSuspend");
    /// host.inject("domainSuspend", Trigger::Once, FaultAction::Fail(e.clone()))?;
    /// let dom = Connect::open(&host.uri())?.lookup_by_name("test")?;
    /// assert_eq!(dom.suspend().unwrap_err(), e);
    /// dom.suspend()?;
    /// assert!(host.inject("domain_frobnicate", Trigger::Always, FaultAction::NoDomain).is_err());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn inject(&self, call: &str, trigger: Trigger, action: FaultAction) -> Result<()> {
        let name = call_name(call)?;
        if matches!(action, FaultAction::NoDomain) && !NO_DOMAIN_CALLS.contains(&name) {
            return Err(Error::new(
                ErrorCode::InvalidArg,
                ErrorDomain::Test,
                format!("call '{name}' cannot answer without a domain"),
            ));
        }
        if let Trigger::Nth(0) = trigger {
            return Err(Error::new(ErrorCode::InvalidArg, ErrorDomain::Test, "Nth(0) never fires"));
        }
        self.0.control().arm(name, trigger, action);
        Ok(())
    }

    /// Shorthand for [`Host::inject`] with [`FaultAction::Fail`].
    ///
    /// ```
    /// use virtkit_sim::{Host, Trigger};
    /// let h = Host::get("doc-fail");
    /// h.fail("domain_resume", Trigger::Nth(2), virtkit_api::Error::no_support("virDomainResume"))?;
    /// assert_eq!(h.armed_faults(), 1);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn fail(&self, call: &str, trigger: Trigger, error: Error) -> Result<()> {
        self.inject(call, trigger, FaultAction::Fail(error))
    }

    /// The number of faults still armed.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::Host::get("doc-armed").armed_faults(), 0);
    /// ```
    pub fn armed_faults(&self) -> usize {
        self.0.control().armed()
    }

    /// Disarms every fault.
    ///
    /// ```
    /// let h = virtkit_sim::Host::get("doc-clear");
    /// h.clear_faults();
    /// assert_eq!(h.armed_faults(), 0);
    /// ```
    pub fn clear_faults(&self) {
        self.0.control().clear();
    }

    /// The driver calls served, oldest first (by [`virtkit_api::Driver`] method name; at most
    /// [`crate::CALL_LOG_LIMIT`]).
    ///
    /// ```
    /// virtkit_sim::register();
    /// let h = virtkit_sim::Host::get("doc-calls");
    /// virtkit_api::Connect::open(&h.uri())?.lookup_by_name("test")?;
    /// assert_eq!(h.calls(), ["domain_lookup_by_name"]);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn calls(&self) -> Vec<&'static str> {
        self.0.control().calls.iter().copied().collect()
    }

    /// Forgets the call log.
    ///
    /// ```
    /// let h = virtkit_sim::Host::get("doc-clearcalls");
    /// h.clear_calls();
    /// assert!(h.calls().is_empty());
    /// ```
    pub fn clear_calls(&self) {
        self.0.control().calls.clear();
    }

    /// The hypervisor dies: every active domain stops (reason `crashed`, event
    /// `STOPPED_FAILED`, as libvirt reports a guest whose QEMU vanished), transient ones
    /// disappear, prepared incoming migrations are forgotten. Returns how many domains
    /// stopped.
    ///
    /// ```
    /// let h = virtkit_sim::Host::get("doc-crash");
    /// assert_eq!(h.crash(), 1);
    /// assert_eq!(h.domain("test").unwrap().reason, 3);
    /// ```
    pub fn crash(&self) -> usize {
        self.0.run(|state| {
            state.incoming.clear();
            let mut n = 0;
            while let Some(i) = state.domains.iter().position(crate::host::Dom::is_active) {
                state.lifecycle(i, Ev::Stopped, Stopped::Failed);
                state.stop(i, DomainShutoffReason::Crashed);
                n += 1;
            }
            let _ = DomainShutoffReason::Crashed.raw();
            n
        })
    }
}

/// A private host read from a node document file (`sim:///path/node.xml`), whose
/// `<domain file=.../>` references are relative to the document's directory.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn host_from_file(path: &str) -> Result<HostCore> {
    let read = |p: &str| {
        std::fs::read_to_string(p).map_err(|e| {
            Error::new(ErrorCode::SystemError, ErrorDomain::Test, format!("cannot read '{p}': {e}"))
        })
    };
    let xml = read(path)?;
    let dir =
        std::path::Path::new(path).parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    let resolve = move |rel: &str| {
        let full = if rel.starts_with('/') {
            rel.to_owned()
        } else {
            dir.join(rel).to_string_lossy().into_owned()
        };
        read(&full)
    };
    host_from_node_xml(path, &xml, Some(&resolve))
}

/// Without a filesystem a node document must be given as text ([`Host::from_node_xml`]).
#[cfg(target_arch = "wasm32")]
pub(crate) fn host_from_file(path: &str) -> Result<HostCore> {
    Err(Error::argument_unsupported(format!(
        "cannot read node document '{path}' without a filesystem"
    )))
}
