//! Fault injection and per-host feature answers: what a [`crate::Host`] can be told to do
//! differently from a healthy hypervisor, and the log of the driver calls it served.
//!
//! Calls are named by their [`Driver`](virtkit_api::Driver) method (`"domain_migrate_perform3"`)
//! or by libvirt's callback name (`"domainMigratePerform3"`), as listed in
//! [`virtkit_api::driver::CALLBACKS`], plus `"supports_feature"` for the feature probe.

use std::collections::BTreeMap;

use virtkit_api::{DrvFeature, Error, ErrorCode, ErrorDomain, Result};

/// When an injected fault fires, counting the calls of its name from the moment it was
/// injected.
///
/// ```
/// use virtkit_sim::Trigger;
/// assert_ne!(Trigger::Once, Trigger::Nth(1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The next call, then the fault is gone.
    Once,
    /// Every call until [`crate::Host::clear_faults`].
    Always,
    /// Only the Nth call (1 is the next one), then the fault is gone.
    Nth(u32),
}

/// What an injected fault does to the call.
///
/// ```
/// use virtkit_sim::FaultAction;
/// let a = FaultAction::Fail(virtkit_api::Error::no_support("virDomainSuspend"));
/// assert!(matches!(a, FaultAction::Fail(_)));
/// ```
#[derive(Clone, Debug)]
pub enum FaultAction {
    /// The call fails with this error and changes nothing.
    Fail(Error),
    /// The call takes effect, then reports this error (a reply lost after the work was done).
    FailAfter(Error),
    /// The call succeeds without a domain: the Finish steps (`domain_migrate_finish2`,
    /// `domain_migrate_finish3`, `domain_migrate_finish3_params`) drop the incoming guest and
    /// return no domain, as a destination whose guest died at resume does.
    NoDomain,
    /// The host crashes when the call arrives ([`crate::Host::crash`]: every running guest
    /// and incoming migration is lost) and the call fails as a call to a dead daemon does:
    /// `End of file while reading data: Input/output error` (`VIR_ERR_SYSTEM_ERROR`,
    /// `VIR_FROM_RPC`).
    Crash,
}

/// The error a call to a crashed host answers (libvirt's RPC client when the daemon's
/// socket closes).
pub(crate) fn crashed() -> Error {
    Error::verbatim(
        ErrorCode::SystemError,
        ErrorDomain::Rpc,
        "End of file while reading data: Input/output error",
    )
}

/// The calls [`FaultAction::NoDomain`] applies to.
pub(crate) const NO_DOMAIN_CALLS: &[&str] =
    &["domain_migrate_finish2", "domain_migrate_finish3", "domain_migrate_finish3_params"];

#[derive(Clone, Debug)]
struct Armed {
    call: &'static str,
    trigger: Trigger,
    action: FaultAction,
    seen: u32,
}

/// The most calls [`crate::Host::calls`] remembers (the oldest are forgotten first).
pub const CALL_LOG_LIMIT: usize = 65_536;

/// Per-host control state.
#[derive(Debug)]
pub(crate) struct Control {
    features: BTreeMap<i32, bool>,
    faults: Vec<Armed>,
    pub(crate) calls: std::collections::VecDeque<&'static str>,
}

/// The features a sim host claims unless told otherwise: every migration protocol and the
/// parameters of libvirt's typed-parameter and XML conventions.
pub(crate) const DEFAULT_FEATURES: &[DrvFeature] = &[
    DrvFeature::MigrationV1,
    DrvFeature::MigrationV2,
    DrvFeature::MigrationV3,
    DrvFeature::MigrationParams,
    DrvFeature::MigrationP2p,
    DrvFeature::MigrationDirect,
    DrvFeature::MigrationOffline,
    DrvFeature::MigrateChangeProtection,
    DrvFeature::TypedParamString,
    DrvFeature::XmlMigratable,
];

impl Default for Control {
    fn default() -> Control {
        Control {
            features: DEFAULT_FEATURES.iter().map(|f| (*f as i32, true)).collect(),
            faults: Vec::new(),
            calls: std::collections::VecDeque::new(),
        }
    }
}

/// The canonical (Rust method) name of a call, or libvirt's `VIR_ERR_INVALID_ARG`.
pub(crate) fn call_name(name: &str) -> Result<&'static str> {
    if name == "supports_feature" || name == "connectSupportsFeature" {
        return Ok("supports_feature");
    }
    virtkit_api::driver::CALLBACKS
        .iter()
        .find(|(cb, _, method)| *cb == name || *method == name)
        .map(|(_, _, method)| *method)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidArg,
                ErrorDomain::Test,
                format!("no driver call named '{name}'"),
            )
        })
}

impl Control {
    pub(crate) fn feature(&self, f: DrvFeature) -> bool {
        self.features.get(&(f as i32)).copied().unwrap_or(false)
    }

    pub(crate) fn set_feature(&mut self, f: DrvFeature, on: bool) {
        self.features.insert(f as i32, on);
    }

    pub(crate) fn arm(&mut self, call: &'static str, trigger: Trigger, action: FaultAction) {
        self.faults.push(Armed { call, trigger, action, seen: 0 });
    }

    pub(crate) fn clear(&mut self) {
        self.faults.clear();
    }

    pub(crate) fn armed(&self) -> usize {
        self.faults.len()
    }

    /// Logs `call` and returns the fault that fires for it, if any (the first armed one).
    pub(crate) fn enter(&mut self, call: &'static str) -> Option<FaultAction> {
        if self.calls.len() == CALL_LOG_LIMIT {
            self.calls.pop_front();
        }
        self.calls.push_back(call);
        let mut fired = None;
        let mut spent = None;
        for (i, f) in self.faults.iter_mut().enumerate().filter(|(_, f)| f.call == call) {
            f.seen += 1;
            let fire = match f.trigger {
                Trigger::Once | Trigger::Always => true,
                Trigger::Nth(n) => f.seen == n,
            };
            if fire && fired.is_none() {
                fired = Some(f.action.clone());
                if f.trigger != Trigger::Always {
                    spent = Some(i);
                }
            }
        }
        if let Some(i) = spent {
            self.faults.remove(i);
        }
        fired
    }
}
