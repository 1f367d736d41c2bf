//! The smaller families: interface bandwidth, IOThreads, block copy, block and CPU
//! statistics, save/restore and launch security.

use alloc::string::String;

use super::{Unsigned, family};

family! { @top
    /// Interface bandwidth (`virDomainSetInterfaceParameters`), all uint (KiB/s, KiB).
    ///
    /// ```
    /// use virtkit_typedparams::schema::InterfaceParams;
    /// let i = InterfaceParams { inbound_average: Some(1000), ..Default::default() };
    /// assert_eq!(i.to_params()?.get_uint(InterfaceParams::IN_AVERAGE)?, Some(1000));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    InterfaceParams {
        /// Inbound average rate.
        inbound_average: Option<u32> = IN_AVERAGE "inbound.average",
        /// Inbound peak rate.
        inbound_peak: Option<u32> = IN_PEAK "inbound.peak",
        /// Inbound burst size.
        inbound_burst: Option<u32> = IN_BURST "inbound.burst",
        /// Inbound guaranteed floor.
        inbound_floor: Option<u32> = IN_FLOOR "inbound.floor",
        /// Outbound average rate.
        outbound_average: Option<u32> = OUT_AVERAGE "outbound.average",
        /// Outbound peak rate.
        outbound_peak: Option<u32> = OUT_PEAK "outbound.peak",
        /// Outbound burst size.
        outbound_burst: Option<u32> = OUT_BURST "outbound.burst",
    }
}

family! { @top
    /// IOThread tunables (`virDomainSetIOThreadParams`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::{IoThreadParams, Unsigned};
    /// let t = IoThreadParams { poll_max_ns: Some(32768), poll_grow: Some(Unsigned(2)), ..Default::default() };
    /// let p = t.to_params()?;
    /// p.validate(IoThreadParams::SPECS)?;
    /// assert_eq!(p.get_uint(IoThreadParams::POLL_GROW)?, Some(2));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    IoThreadParams {
        /// Maximum polling time, ns, ullong.
        poll_max_ns: Option<u64> = POLL_MAX_NS "poll_max_ns",
        /// Polling growth factor, uint or ullong.
        poll_grow: Option<Unsigned> = POLL_GROW "poll_grow",
        /// Polling shrink factor, uint or ullong.
        poll_shrink: Option<Unsigned> = POLL_SHRINK "poll_shrink",
        /// Lower bound of the thread pool, -1 for the default, int.
        thread_pool_min: Option<i32> = THREAD_POOL_MIN "thread_pool_min",
        /// Upper bound of the thread pool, -1 for the default, int.
        thread_pool_max: Option<i32> = THREAD_POOL_MAX "thread_pool_max",
    }
}

family! { @top
    /// Block copy tunables (`virDomainBlockCopy`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::BlockCopyParams;
    /// let b = BlockCopyParams { granularity: Some(65536), ..Default::default() };
    /// assert_eq!(b.to_params()?.get_uint(BlockCopyParams::GRANULARITY)?, Some(65536));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    BlockCopyParams {
        /// Bytes/s, ullong, 0 for unlimited.
        bandwidth: Option<u64> = BANDWIDTH "bandwidth",
        /// Dirty-block granularity, bytes, uint.
        granularity: Option<u32> = GRANULARITY "granularity",
        /// Data in flight, bytes, ullong.
        buf_size: Option<u64> = BUF_SIZE "buf-size",
    }
}

family! { @top
    /// Block device statistics (`virDomainBlockStatsFlags`), all llong.
    ///
    /// ```
    /// use virtkit_typedparams::{schema::BlockStats, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_llong(BlockStats::READ_BYTES, 4096)?;
    /// assert_eq!(BlockStats::from_params(&p)?.rd_bytes, Some(4096));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    BlockStats {
        /// Bytes read.
        rd_bytes: Option<i64> = READ_BYTES "rd_bytes",
        /// Read requests.
        rd_operations: Option<i64> = READ_REQ "rd_operations",
        /// Total time spent reading, ns.
        rd_total_times: Option<i64> = READ_TOTAL_TIMES "rd_total_times",
        /// Bytes written.
        wr_bytes: Option<i64> = WRITE_BYTES "wr_bytes",
        /// Write requests.
        wr_operations: Option<i64> = WRITE_REQ "wr_operations",
        /// Total time spent writing, ns.
        wr_total_times: Option<i64> = WRITE_TOTAL_TIMES "wr_total_times",
        /// Flush requests.
        flush_operations: Option<i64> = FLUSH_REQ "flush_operations",
        /// Total time spent flushing, ns.
        flush_total_times: Option<i64> = FLUSH_TOTAL_TIMES "flush_total_times",
        /// Errors.
        errs: Option<i64> = ERRS "errs",
    }
}

family! { @top
    /// CPU statistics of one CPU or the total (`virDomainGetCPUStats`), ns, ullong.
    ///
    /// ```
    /// use virtkit_typedparams::{schema::CpuStats, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_ullong(CpuStats::CPUTIME, 10)?;
    /// assert_eq!(CpuStats::from_params(&p)?.cpu_time, Some(10));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    CpuStats {
        /// CPU time.
        cpu_time: Option<u64> = CPUTIME "cpu_time",
        /// Time in user mode.
        user_time: Option<u64> = USERTIME "user_time",
        /// Time in kernel mode.
        system_time: Option<u64> = SYSTEMTIME "system_time",
        /// vCPU time (total only).
        vcpu_time: Option<u64> = VCPUTIME "vcpu_time",
    }
}

family! { @top
    /// Save/restore parameters (`virDomainSaveParams`, `virDomainRestoreParams`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::SaveParams;
    /// let s = SaveParams { file: Some("/var/lib/save.img".into()), ..Default::default() };
    /// assert_eq!(s.to_params()?.get_string(SaveParams::FILE)?, Some("/var/lib/save.img"));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    SaveParams {
        /// The save file; without it `virDomainSaveParams` does a managed save.
        file: Option<String> = FILE "file",
        /// Replacement domain XML on restore.
        dxml: Option<String> = DXML "dxml",
    }
}

family! { @top
    /// Launch security information (`virDomainGetLaunchSecurityInfo`, AMD SEV).
    ///
    /// ```
    /// use virtkit_typedparams::schema::LaunchSecurityInfo;
    /// let l = LaunchSecurityInfo { sev_policy: Some(7), ..Default::default() };
    /// assert_eq!(l.to_params()?.get_uint(LaunchSecurityInfo::SEV_POLICY)?, Some(7));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    LaunchSecurityInfo {
        /// Launch measurement, string.
        sev_measurement: Option<String> = SEV_MEASUREMENT "sev-measurement",
        /// SEV API major version, uint.
        sev_api_major: Option<u32> = SEV_API_MAJOR "sev-api-major",
        /// SEV API minor version, uint.
        sev_api_minor: Option<u32> = SEV_API_MINOR "sev-api-minor",
        /// SEV firmware build id, uint.
        sev_build_id: Option<u32> = SEV_BUILD_ID "sev-build-id",
        /// Guest policy, uint.
        sev_policy: Option<u32> = SEV_POLICY "sev-policy",
    }
}

family! { @top
    /// Launch secret injection (`virDomainSetLaunchSecurityState`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::LaunchSecurityState;
    /// let l = LaunchSecurityState { sev_secret: Some("c2VjcmV0".into()), ..Default::default() };
    /// assert_eq!(l.to_params()?.len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    LaunchSecurityState {
        /// Base64 secret header, string.
        sev_secret_header: Option<String> = SEV_SECRET_HEADER "sev-secret-header",
        /// Base64 encrypted secret, string.
        sev_secret: Option<String> = SEV_SECRET "sev-secret",
        /// Guest physical address for the secret, ullong.
        sev_secret_set_address: Option<u64> = SEV_SECRET_SET_ADDRESS "sev-secret-set-address",
    }
}
