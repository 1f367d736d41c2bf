//! What a migration reports while it runs: each driver call it makes (the step, the host, the
//! outcome and how long it took), through an [`Observer`], timed by a [`Clock`].

use core::fmt;
use core::time::Duration;

use virtkit_api::Error;

/// The host a step runs on.
///
/// ```
/// use virtkit_migrate::Host;
/// assert_eq!(Host::Source.to_string(), "source");
/// assert_eq!(Host::Destination.to_string(), "destination");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Host {
    /// The host the domain migrates from.
    Source,
    /// The host the domain migrates to.
    Destination,
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Host::Source => "source",
            Host::Destination => "destination",
        })
    }
}

/// A driver call the client makes during a migration, named after libvirt's driver callback.
///
/// ```
/// use virtkit_migrate::Step;
/// assert_eq!(Step::Begin3Params.callback(), "domainMigrateBegin3Params");
/// assert_eq!(Step::Perform3.phase(), "perform");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // each variant is the callback its `callback()` names
pub enum Step {
    GetInfo,
    GetState,
    GetXmlDesc,
    LookupByName,
    Prepare,
    Perform,
    Finish,
    Prepare2,
    Finish2,
    Begin3,
    Prepare3,
    Perform3,
    Finish3,
    Confirm3,
    Begin3Params,
    Prepare3Params,
    Perform3Params,
    Finish3Params,
    Confirm3Params,
}

impl Step {
    /// libvirt's name of the driver callback (`virHypervisorDriver` member).
    ///
    /// ```
    /// assert_eq!(virtkit_migrate::Step::GetXmlDesc.callback(), "domainGetXMLDesc");
    /// ```
    #[must_use]
    pub fn callback(self) -> &'static str {
        match self {
            Step::GetInfo => "domainGetInfo",
            Step::GetState => "domainGetState",
            Step::GetXmlDesc => "domainGetXMLDesc",
            Step::LookupByName => "domainLookupByName",
            Step::Prepare => "domainMigratePrepare",
            Step::Perform => "domainMigratePerform",
            Step::Finish => "domainMigrateFinish",
            Step::Prepare2 => "domainMigratePrepare2",
            Step::Finish2 => "domainMigrateFinish2",
            Step::Begin3 => "domainMigrateBegin3",
            Step::Prepare3 => "domainMigratePrepare3",
            Step::Perform3 => "domainMigratePerform3",
            Step::Finish3 => "domainMigrateFinish3",
            Step::Confirm3 => "domainMigrateConfirm3",
            Step::Begin3Params => "domainMigrateBegin3Params",
            Step::Prepare3Params => "domainMigratePrepare3Params",
            Step::Perform3Params => "domainMigratePerform3Params",
            Step::Finish3Params => "domainMigrateFinish3Params",
            Step::Confirm3Params => "domainMigrateConfirm3Params",
        }
    }

    /// The protocol phase: `query` (info, state, XML, lookup), `begin`, `prepare`,
    /// `perform`, `finish` or `confirm`.
    ///
    /// ```
    /// assert_eq!(virtkit_migrate::Step::Finish2.phase(), "finish");
    /// ```
    #[must_use]
    pub fn phase(self) -> &'static str {
        match self {
            Step::GetInfo | Step::GetState | Step::GetXmlDesc | Step::LookupByName => "query",
            Step::Begin3 | Step::Begin3Params => "begin",
            Step::Prepare | Step::Prepare2 | Step::Prepare3 | Step::Prepare3Params => "prepare",
            Step::Perform | Step::Perform3 | Step::Perform3Params => "perform",
            Step::Finish | Step::Finish2 | Step::Finish3 | Step::Finish3Params => "finish",
            Step::Confirm3 | Step::Confirm3Params => "confirm",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.callback())
    }
}

/// One finished step: which call on which host, what it answered, how long it took.
///
/// ```
/// use virtkit_migrate::{Host, Step, StepReport};
/// let r = StepReport { step: Step::Prepare3, host: Host::Destination, outcome: Ok(()), duration: Default::default() };
/// assert_eq!(r.to_string(), "destination: domainMigratePrepare3: ok (0 µs)");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StepReport {
    /// The call.
    pub step: Step,
    /// Where it ran.
    pub host: Host,
    /// `Ok` or the error the driver returned.
    pub outcome: Result<(), Error>,
    /// Time between the call and its answer, by the migration's [`Clock`].
    pub duration: Duration,
}

impl fmt::Display for StepReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: ", self.host, self.step)?;
        match &self.outcome {
            Ok(()) => f.write_str("ok")?,
            Err(e) => write!(f, "error: {}", e.message())?,
        }
        write!(f, " ({} µs)", self.duration.as_micros())
    }
}

/// Receives a migration's progress. Both methods default to doing nothing.
///
/// ```
/// use virtkit_migrate::{Observer, StepReport};
/// #[derive(Default)]
/// struct Log(Vec<String>);
/// impl Observer for Log {
///     fn step_finished(&mut self, report: &StepReport) {
///         self.0.push(report.to_string());
///     }
/// }
/// let mut log = Log::default();
/// # let _ = &mut log as &mut dyn Observer;
/// ```
pub trait Observer {
    /// A driver call is about to be made (a progress display can start polling
    /// [`progress`](crate::progress) of the source while `Perform` runs).
    fn step_started(&mut self, step: Step, host: Host) {
        let _ = (step, host);
    }

    /// A driver call answered.
    fn step_finished(&mut self, report: &StepReport) {
        let _ = report;
    }
}

/// An observer that keeps every report, in order.
///
/// ```
/// let log = virtkit_migrate::StepLog::default();
/// assert!(log.reports.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepLog {
    /// The reports, in the order the steps finished.
    pub reports: Vec<StepReport>,
}

impl Observer for StepLog {
    fn step_finished(&mut self, report: &StepReport) {
        self.reports.push(report.clone());
    }
}

/// A monotonic clock for step durations.
///
/// ```
/// use core::time::Duration;
/// struct Frozen;
/// impl virtkit_migrate::Clock for Frozen {
///     fn now(&self) -> Duration { Duration::ZERO }
/// }
/// assert_eq!(virtkit_migrate::Clock::now(&Frozen), Duration::ZERO);
/// ```
pub trait Clock {
    /// Time since an arbitrary fixed origin.
    fn now(&self) -> Duration;
}

/// The default clock: `std::time::Instant`, except on `wasm32-unknown-unknown`, which has no
/// clock without JavaScript, where every duration is zero (inject a [`Clock`] there).
///
/// ```
/// use virtkit_migrate::{Clock, SystemClock};
/// let a = SystemClock.now();
/// assert!(SystemClock.now() >= a);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    fn now(&self) -> Duration {
        use std::sync::OnceLock;
        use std::time::Instant;
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }

    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    fn now(&self) -> Duration {
        Duration::ZERO
    }
}
