//! Scheduler parameters (`virDomainSetSchedulerParameters*`, `VIR_DOMAIN_SCHEDULER_*`).

use super::family;

family! { @top
    /// Scheduler tunables of every driver (posix/cgroups, Xen credit, ESX allocation), with
    /// the types libvirt-domain.h documents.
    ///
    /// ```
    /// use virtkit_typedparams::schema::SchedulerParams;
    /// let s = SchedulerParams { cpu_shares: Some(2048), vcpu_quota: Some(-1), ..Default::default() };
    /// let p = s.to_params()?;
    /// assert_eq!(p.get_llong(SchedulerParams::VCPU_QUOTA)?, Some(-1));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    SchedulerParams {
        /// CPU shares (posix), ullong.
        cpu_shares: Option<u64> = CPU_SHARES "cpu_shares",
        /// Enforcement period for the whole domain, µs, ullong.
        global_period: Option<u64> = GLOBAL_PERIOD "global_period",
        /// Maximum bandwidth per period for the whole domain, µs, llong.
        global_quota: Option<i64> = GLOBAL_QUOTA "global_quota",
        /// Enforcement period for vCPUs, µs, ullong.
        vcpu_period: Option<u64> = VCPU_PERIOD "vcpu_period",
        /// Maximum bandwidth per period for vCPUs, µs, llong.
        vcpu_quota: Option<i64> = VCPU_QUOTA "vcpu_quota",
        /// Enforcement period for emulator threads, µs, ullong.
        emulator_period: Option<u64> = EMULATOR_PERIOD "emulator_period",
        /// Maximum bandwidth per period for emulator threads, µs, llong.
        emulator_quota: Option<i64> = EMULATOR_QUOTA "emulator_quota",
        /// Enforcement period for IOThreads, µs, ullong.
        iothread_period: Option<u64> = IOTHREAD_PERIOD "iothread_period",
        /// Maximum bandwidth per period for IOThreads, µs, llong.
        iothread_quota: Option<i64> = IOTHREAD_QUOTA "iothread_quota",
        /// Relative weight (Xen credit), uint.
        weight: Option<u32> = WEIGHT "weight",
        /// Maximum CPU cap (Xen credit), uint.
        cap: Option<u32> = CAP "cap",
        /// CPU reservation (ESX allocation), llong.
        reservation: Option<i64> = RESERVATION "reservation",
        /// CPU limit (ESX allocation), llong.
        limit: Option<i64> = LIMIT "limit",
        /// CPU shares (ESX allocation), int.
        shares: Option<i32> = SHARES "shares",
    }
}
