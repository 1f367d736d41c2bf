//! Job statistics (`virDomainGetJobStats`) and perf events (`virDomainSetPerfEvents`).

use alloc::string::String;

use super::family;

family! { @top
    /// Statistics of the current or last job (`VIR_DOMAIN_JOB_*`).
    ///
    /// ```
    /// use virtkit_typedparams::{schema::JobStats, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_ullong(JobStats::TIME_ELAPSED, 1500)?;
    /// p.add_boolean(JobStats::SUCCESS, true)?;
    /// let s = JobStats::from_params(&p)?;
    /// assert_eq!((s.time_elapsed, s.success), (Some(1500), Some(true)));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    JobStats {
        /// `virDomainJobOperation`, int.
        operation: Option<i32> = OPERATION "operation",
        /// Milliseconds since the job started.
        time_elapsed: Option<u64> = TIME_ELAPSED "time_elapsed",
        /// Like `time_elapsed`, without the time spent transferring the network.
        time_elapsed_net: Option<u64> = TIME_ELAPSED_NET "time_elapsed_net",
        /// Milliseconds estimated to remain.
        time_remaining: Option<u64> = TIME_REMAINING "time_remaining",
        /// Milliseconds the domain was (or is expected to be) paused.
        downtime: Option<u64> = DOWNTIME "downtime",
        /// Downtime without the network transfer time.
        downtime_net: Option<u64> = DOWNTIME_NET "downtime_net",
        /// Milliseconds of setup before the transfer started.
        setup_time: Option<u64> = SETUP_TIME "setup_time",
        /// Bytes to transfer in total.
        data_total: Option<u64> = DATA_TOTAL "data_total",
        /// Bytes transferred.
        data_processed: Option<u64> = DATA_PROCESSED "data_processed",
        /// Bytes left.
        data_remaining: Option<u64> = DATA_REMAINING "data_remaining",
        /// Memory bytes in total.
        memory_total: Option<u64> = MEMORY_TOTAL "memory_total",
        /// Memory bytes transferred.
        memory_processed: Option<u64> = MEMORY_PROCESSED "memory_processed",
        /// Memory bytes left.
        memory_remaining: Option<u64> = MEMORY_REMAINING "memory_remaining",
        /// Pages filled with a constant byte.
        memory_constant: Option<u64> = MEMORY_CONSTANT "memory_constant",
        /// Pages transferred without optimisation.
        memory_normal: Option<u64> = MEMORY_NORMAL "memory_normal",
        /// Bytes transferred as normal pages.
        memory_normal_bytes: Option<u64> = MEMORY_NORMAL_BYTES "memory_normal_bytes",
        /// Memory transfer rate, bytes/s.
        memory_bps: Option<u64> = MEMORY_BPS "memory_bps",
        /// Pages dirtied per second.
        memory_dirty_rate: Option<u64> = MEMORY_DIRTY_RATE "memory_dirty_rate",
        /// Page size, bytes.
        memory_page_size: Option<u64> = MEMORY_PAGE_SIZE "memory_page_size",
        /// Memory transfer iterations.
        memory_iteration: Option<u64> = MEMORY_ITERATION "memory_iteration",
        /// Page requests during post-copy.
        memory_postcopy_requests: Option<u64> = MEMORY_POSTCOPY_REQS "memory_postcopy_requests",
        /// Disk bytes in total.
        disk_total: Option<u64> = DISK_TOTAL "disk_total",
        /// Disk bytes transferred.
        disk_processed: Option<u64> = DISK_PROCESSED "disk_processed",
        /// Disk bytes left.
        disk_remaining: Option<u64> = DISK_REMAINING "disk_remaining",
        /// Disk transfer rate, bytes/s.
        disk_bps: Option<u64> = DISK_BPS "disk_bps",
        /// Compression cache size, bytes.
        compression_cache: Option<u64> = COMPRESSION_CACHE "compression_cache",
        /// Compressed bytes transferred.
        compression_bytes: Option<u64> = COMPRESSION_BYTES "compression_bytes",
        /// Compressed pages transferred.
        compression_pages: Option<u64> = COMPRESSION_PAGES "compression_pages",
        /// Compression cache misses.
        compression_cache_misses: Option<u64> = COMPRESSION_CACHE_MISSES "compression_cache_misses",
        /// Compression overflows.
        compression_overflow: Option<u64> = COMPRESSION_OVERFLOW "compression_overflow",
        /// Percent of CPU throttling by auto-converge, int.
        auto_converge_throttle: Option<i32> = AUTO_CONVERGE_THROTTLE "auto_converge_throttle",
        /// Whether a completed job succeeded, boolean.
        success: Option<bool> = SUCCESS "success",
        /// Error message of a failed job, string.
        errmsg: Option<String> = ERRMSG "errmsg",
        /// Temporary disk space in use, bytes.
        disk_temp_used: Option<u64> = DISK_TEMP_USED "disk_temp_used",
        /// Temporary disk space possibly needed, bytes.
        disk_temp_total: Option<u64> = DISK_TEMP_TOTAL "disk_temp_total",
    }
}

family! { @top
    /// Perf events to enable or disable (`virDomainSetPerfEvents`, `VIR_PERF_PARAM_*`), each a
    /// boolean; their counters appear as `perf.<name>` in [`DomainStats`](super::DomainStats).
    ///
    /// ```
    /// use virtkit_typedparams::schema::PerfEvents;
    /// let e = PerfEvents { cmt: Some(true), cpu_cycles: Some(false), ..Default::default() };
    /// assert_eq!(e.to_params()?.get_boolean(PerfEvents::CMT)?, Some(true));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    PerfEvents {
        /// Cache monitoring technology.
        cmt: Option<bool> = CMT "cmt",
        /// Total memory bandwidth.
        mbmt: Option<bool> = MBMT "mbmt",
        /// Local memory bandwidth.
        mbml: Option<bool> = MBML "mbml",
        /// Cache misses.
        cache_misses: Option<bool> = CACHE_MISSES "cache_misses",
        /// Cache references.
        cache_references: Option<bool> = CACHE_REFERENCES "cache_references",
        /// Instructions.
        instructions: Option<bool> = INSTRUCTIONS "instructions",
        /// CPU cycles.
        cpu_cycles: Option<bool> = CPU_CYCLES "cpu_cycles",
        /// Branch instructions.
        branch_instructions: Option<bool> = BRANCH_INSTRUCTIONS "branch_instructions",
        /// Branch misses.
        branch_misses: Option<bool> = BRANCH_MISSES "branch_misses",
        /// Bus cycles.
        bus_cycles: Option<bool> = BUS_CYCLES "bus_cycles",
        /// Stalled front-end cycles.
        stalled_cycles_frontend: Option<bool> = STALLED_CYCLES_FRONTEND "stalled_cycles_frontend",
        /// Stalled back-end cycles.
        stalled_cycles_backend: Option<bool> = STALLED_CYCLES_BACKEND "stalled_cycles_backend",
        /// Reference CPU cycles.
        ref_cpu_cycles: Option<bool> = REF_CPU_CYCLES "ref_cpu_cycles",
        /// CPU clock.
        cpu_clock: Option<bool> = CPU_CLOCK "cpu_clock",
        /// Task clock.
        task_clock: Option<bool> = TASK_CLOCK "task_clock",
        /// Page faults.
        page_faults: Option<bool> = PAGE_FAULTS "page_faults",
        /// Context switches.
        context_switches: Option<bool> = CONTEXT_SWITCHES "context_switches",
        /// CPU migrations.
        cpu_migrations: Option<bool> = CPU_MIGRATIONS "cpu_migrations",
        /// Minor page faults.
        page_faults_min: Option<bool> = PAGE_FAULTS_MIN "page_faults_min",
        /// Major page faults.
        page_faults_maj: Option<bool> = PAGE_FAULTS_MAJ "page_faults_maj",
        /// Alignment faults.
        alignment_faults: Option<bool> = ALIGNMENT_FAULTS "alignment_faults",
        /// Emulation faults.
        emulation_faults: Option<bool> = EMULATION_FAULTS "emulation_faults",
    }
}
