//! Memory, blkio, NUMA and per-disk block I/O tuning parameters.

use alloc::string::String;

use super::family;

family! { @top
    /// Memory tunables (`virDomainSetMemoryParameters`), all ullong KiB; the value
    /// [`MemoryParams::UNLIMITED`] means no limit.
    ///
    /// ```
    /// use virtkit_typedparams::schema::MemoryParams;
    /// let m = MemoryParams { soft_limit: Some(MemoryParams::UNLIMITED), ..Default::default() };
    /// assert_eq!(m.to_params()?.len(), 1);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    MemoryParams {
        /// Maximum memory the guest can use.
        hard_limit: Option<u64> = HARD_LIMIT "hard_limit",
        /// Upper limit enforced during memory contention.
        soft_limit: Option<u64> = SOFT_LIMIT "soft_limit",
        /// Memory guaranteed to be reserved for the guest.
        min_guarantee: Option<u64> = MIN_GUARANTEE "min_guarantee",
        /// Maximum memory plus swap the guest can use.
        swap_hard_limit: Option<u64> = SWAP_HARD_LIMIT "swap_hard_limit",
    }
}

impl MemoryParams {
    /// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED` (`INT64_MAX >> 10`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::MemoryParams;
    /// assert_eq!(MemoryParams::UNLIMITED, 9_007_199_254_740_991);
    /// ```
    pub const UNLIMITED: u64 = 9_007_199_254_740_991;
}

family! { @top
    /// Whole-domain block I/O tunables (`virDomainSetBlkioParameters`); the per-device values
    /// are strings of `/path/to/device,value` pairs separated by commas.
    ///
    /// ```
    /// use virtkit_typedparams::schema::BlkioParams;
    /// let b = BlkioParams { weight: Some(500), device_weight: Some("/dev/sda,100".into()), ..Default::default() };
    /// assert_eq!(b.to_params()?.get_string(BlkioParams::DEVICE_WEIGHT)?, Some("/dev/sda,100"));
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    BlkioParams {
        /// Relative weight, uint.
        weight: Option<u32> = WEIGHT "weight",
        /// Per-device weights, string.
        device_weight: Option<String> = DEVICE_WEIGHT "device_weight",
        /// Per-device read operations per second, string.
        device_read_iops_sec: Option<String> = DEVICE_READ_IOPS "device_read_iops_sec",
        /// Per-device write operations per second, string.
        device_write_iops_sec: Option<String> = DEVICE_WRITE_IOPS "device_write_iops_sec",
        /// Per-device read bytes per second, string.
        device_read_bytes_sec: Option<String> = DEVICE_READ_BPS "device_read_bytes_sec",
        /// Per-device write bytes per second, string.
        device_write_bytes_sec: Option<String> = DEVICE_WRITE_BPS "device_write_bytes_sec",
    }
}

family! { @top
    /// NUMA memory tunables (`virDomainSetNumaParameters`).
    ///
    /// ```
    /// use virtkit_typedparams::schema::NumaParams;
    /// let n = NumaParams { numa_nodeset: Some("0-1".into()), numa_mode: Some(0), ..Default::default() };
    /// assert_eq!(n.to_params()?.len(), 2);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    NumaParams {
        /// Nodes memory is allocated from, as a cpu-list string.
        numa_nodeset: Option<String> = NODESET "numa_nodeset",
        /// `virDomainNumatuneMemMode` (strict 0, preferred 1, interleave 2, restrictive 3), int.
        numa_mode: Option<i32> = MODE "numa_mode",
    }
}

family! { @top
    /// Per-disk I/O throttling (`virDomainSetBlockIoTune`), all ullong except `group_name`.
    ///
    /// ```
    /// use virtkit_typedparams::schema::BlockIoTune;
    /// let t = BlockIoTune {
    ///     total_bytes_sec: Some(10 << 20),
    ///     total_bytes_sec_max: Some(20 << 20),
    ///     total_bytes_sec_max_length: Some(5),
    ///     group_name: Some("fast".into()),
    ///     ..Default::default()
    /// };
    /// let p = t.to_params()?;
    /// p.validate(BlockIoTune::SPECS)?;
    /// assert_eq!(BlockIoTune::from_params(&p)?, t);
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    BlockIoTune {
        /// Total throughput limit, bytes/s.
        total_bytes_sec: Option<u64> = TOTAL_BYTES_SEC "total_bytes_sec",
        /// Read throughput limit, bytes/s.
        read_bytes_sec: Option<u64> = READ_BYTES_SEC "read_bytes_sec",
        /// Write throughput limit, bytes/s.
        write_bytes_sec: Option<u64> = WRITE_BYTES_SEC "write_bytes_sec",
        /// Total operations limit, per second.
        total_iops_sec: Option<u64> = TOTAL_IOPS_SEC "total_iops_sec",
        /// Read operations limit, per second.
        read_iops_sec: Option<u64> = READ_IOPS_SEC "read_iops_sec",
        /// Write operations limit, per second.
        write_iops_sec: Option<u64> = WRITE_IOPS_SEC "write_iops_sec",
        /// Burst total throughput, bytes/s.
        total_bytes_sec_max: Option<u64> = TOTAL_BYTES_SEC_MAX "total_bytes_sec_max",
        /// Burst read throughput, bytes/s.
        read_bytes_sec_max: Option<u64> = READ_BYTES_SEC_MAX "read_bytes_sec_max",
        /// Burst write throughput, bytes/s.
        write_bytes_sec_max: Option<u64> = WRITE_BYTES_SEC_MAX "write_bytes_sec_max",
        /// Burst total operations, per second.
        total_iops_sec_max: Option<u64> = TOTAL_IOPS_SEC_MAX "total_iops_sec_max",
        /// Burst read operations, per second.
        read_iops_sec_max: Option<u64> = READ_IOPS_SEC_MAX "read_iops_sec_max",
        /// Burst write operations, per second.
        write_iops_sec_max: Option<u64> = WRITE_IOPS_SEC_MAX "write_iops_sec_max",
        /// Size of an I/O operation for the iops limits, bytes.
        size_iops_sec: Option<u64> = SIZE_IOPS_SEC "size_iops_sec",
        /// Throttle group shared between disks, string.
        group_name: Option<String> = GROUP_NAME "group_name",
        /// Duration of a `total_bytes_sec_max` burst, seconds.
        total_bytes_sec_max_length: Option<u64> = TOTAL_BYTES_SEC_MAX_LENGTH "total_bytes_sec_max_length",
        /// Duration of a `read_bytes_sec_max` burst, seconds.
        read_bytes_sec_max_length: Option<u64> = READ_BYTES_SEC_MAX_LENGTH "read_bytes_sec_max_length",
        /// Duration of a `write_bytes_sec_max` burst, seconds.
        write_bytes_sec_max_length: Option<u64> = WRITE_BYTES_SEC_MAX_LENGTH "write_bytes_sec_max_length",
        /// Duration of a `total_iops_sec_max` burst, seconds.
        total_iops_sec_max_length: Option<u64> = TOTAL_IOPS_SEC_MAX_LENGTH "total_iops_sec_max_length",
        /// Duration of a `read_iops_sec_max` burst, seconds.
        read_iops_sec_max_length: Option<u64> = READ_IOPS_SEC_MAX_LENGTH "read_iops_sec_max_length",
        /// Duration of a `write_iops_sec_max` burst, seconds.
        write_iops_sec_max_length: Option<u64> = WRITE_IOPS_SEC_MAX_LENGTH "write_iops_sec_max_length",
    }
}
