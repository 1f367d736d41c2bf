//! Progress of a running migration: the source's job statistics (`virDomainGetJobStats`),
//! read while `Perform` runs (from another thread, or from an [`Observer`](crate::Observer)
//! callback of a driver that reports while it works).

use virtkit_api::flags::DomainGetJobStatsFlags;
use virtkit_api::{Domain, Error, Result};
use virtkit_typedparams::schema::JobStats;

/// A snapshot of the source's migration job.
///
/// ```
/// use virtkit_migrate::progress::Progress;
/// use virtkit_typedparams::schema::JobStats;
/// let p = Progress { job_type: 2, stats: JobStats { data_total: Some(400), data_processed: Some(100), ..Default::default() } };
/// assert_eq!(p.fraction(), Some(0.25));
/// assert!(p.is_running());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// `virDomainJobType` (0 none, 1 bounded, 2 unbounded, 3 completed, 4 failed,
    /// 5 cancelled).
    pub job_type: i32,
    /// The job's statistics, typed (unknown keys are kept in `stats.extra`).
    pub stats: JobStats,
}

impl Progress {
    /// Processed over total data, when both are known and the total is not zero.
    ///
    /// ```
    /// assert_eq!(virtkit_migrate::progress::Progress::default().fraction(), None);
    /// ```
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // a progress bar does not need 53 bits
    pub fn fraction(&self) -> Option<f64> {
        let total = self.stats.data_total.filter(|&t| t > 0)?;
        let done = self.stats.data_processed?;
        Some((done as f64 / total as f64).min(1.0))
    }

    /// Whether a job is running (`VIR_DOMAIN_JOB_BOUNDED` or `UNBOUNDED`).
    ///
    /// ```
    /// assert!(!virtkit_migrate::progress::Progress::default().is_running());
    /// ```
    #[must_use]
    pub fn is_running(&self) -> bool {
        matches!(self.job_type, 1 | 2)
    }
}

/// The source's current job statistics as a [`Progress`].
///
/// ```
/// # let (_, dom) = virtkit_api::doctest::rw();
/// let e = virtkit_migrate::progress::progress(&dom).unwrap_err();
/// assert_eq!(e.message(), "this function is not supported by the connection driver: virDomainGetJobStats");
/// ```
///
/// # Errors
/// The driver's error for `virDomainGetJobStats`; a statistic of an unexpected type is an
/// error naming it.
pub fn progress(source: &Domain) -> Result<Progress> {
    let stats = source.job_stats(DomainGetJobStatsFlags::empty())?;
    let typed = JobStats::from_params(&stats.params).map_err(Error::from)?;
    Ok(Progress { job_type: stats.type_, stats: typed })
}
