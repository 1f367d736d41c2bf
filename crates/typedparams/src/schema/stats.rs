//! Bulk domain statistics (`virConnectGetAllDomainStats`, `virDomainListGetStats`): the
//! `state.*`, `cpu.*`, `balloon.*`, `vcpu.*`, `net.*`, `block.*`, `perf.*`, `iothread.*`,
//! `memory.*` and `dirtyrate.*` keys of one `virDomainStatsRecord`.

use alloc::string::String;

use super::{Indexed, Unsigned, family};
use crate::kind::ParamType::{Boolean, Int, LLong, String as Str, UInt, ULLong};
use crate::validate::ParamSpec;

family! { @group
    /// A `*.count` entry (uint).
    ///
    /// ```
    /// use virtkit_typedparams::schema::Counts;
    /// assert_eq!(Counts::default().count, None);
    /// ```
    Counts {
        /// The number of entries.
        count: Option<u32> = COUNT "count",
    }
}

family! { @group
    /// `state.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::StateStats::STATE, "state");
    /// ```
    StateStats {
        /// `virDomainState`, int.
        state: Option<i32> = STATE "state",
        /// The state's reason, int.
        reason: Option<i32> = REASON "reason",
    }
}

family! { @group
    /// One CPU cache bank: `cpu.cache.monitor.<n>.bank.<m>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::CacheBank::BYTES, "bytes");
    /// ```
    CacheBank {
        /// Bank id, uint.
        id: Option<u32> = ID "id",
        /// Cache used, bytes, ullong.
        bytes: Option<u64> = BYTES "bytes",
    }
}

family! { @group
    /// One cache monitor: `cpu.cache.monitor.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::CacheMonitor::BANK_COUNT, "bank.count");
    /// ```
    CacheMonitor {
        /// Monitor name, string.
        name: Option<String> = NAME "name",
        /// vCPU list, string.
        vcpus: Option<String> = VCPUS "vcpus",
        /// Number of banks, uint.
        bank_count: Option<u32> = BANK_COUNT "bank.count",
        /// The banks.
        banks: Indexed<CacheBank> = BANKS "bank.",
    }
}

family! { @group
    /// `cpu.*`, ns.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::CpuTimes::TIME, "time");
    /// ```
    CpuTimes {
        /// Total CPU time, ullong.
        time: Option<u64> = TIME "time",
        /// User time, ullong.
        user: Option<u64> = USER "user",
        /// System time, ullong.
        system: Option<u64> = SYSTEM "system",
        /// Successful halt polling time, ullong.
        haltpoll_success_time: Option<u64> = HALTPOLL_SUCCESS_TIME "haltpoll.success.time",
        /// Failed halt polling time, ullong.
        haltpoll_fail_time: Option<u64> = HALTPOLL_FAIL_TIME "haltpoll.fail.time",
        /// Number of cache monitors, uint.
        cache_monitor_count: Option<u32> = CACHE_MONITOR_COUNT "cache.monitor.count",
        /// The cache monitors.
        cache_monitors: Indexed<CacheMonitor> = CACHE_MONITORS "cache.monitor.",
    }
}

family! { @group
    /// `balloon.*`, KiB (ullong); `last-update` is seconds.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::BalloonStats::LAST_UPDATE, "last-update");
    /// ```
    BalloonStats {
        /// Current balloon size.
        current: Option<u64> = CURRENT "current",
        /// Maximum balloon size.
        maximum: Option<u64> = MAXIMUM "maximum",
        /// Swapped in.
        swap_in: Option<u64> = SWAP_IN "swap_in",
        /// Swapped out.
        swap_out: Option<u64> = SWAP_OUT "swap_out",
        /// Major faults.
        major_fault: Option<u64> = MAJOR_FAULT "major_fault",
        /// Minor faults.
        minor_fault: Option<u64> = MINOR_FAULT "minor_fault",
        /// Unused memory.
        unused: Option<u64> = UNUSED "unused",
        /// Available memory.
        available: Option<u64> = AVAILABLE "available",
        /// Resident set size.
        rss: Option<u64> = RSS "rss",
        /// Usable memory.
        usable: Option<u64> = USABLE "usable",
        /// Time of the last update.
        last_update: Option<u64> = LAST_UPDATE "last-update",
        /// Disk caches.
        disk_caches: Option<u64> = DISK_CACHES "disk_caches",
        /// Huge page allocations.
        hugetlb_pgalloc: Option<u64> = HUGETLB_PGALLOC "hugetlb_pgalloc",
        /// Failed huge page allocations.
        hugetlb_pgfail: Option<u64> = HUGETLB_PGFAIL "hugetlb_pgfail",
    }
}

family! { @group
    /// `vcpu.current` and `vcpu.maximum` (uint).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::VcpuCounts::MAXIMUM, "maximum");
    /// ```
    VcpuCounts {
        /// Online vCPUs.
        current: Option<u32> = CURRENT "current",
        /// Maximum vCPUs.
        maximum: Option<u32> = MAXIMUM "maximum",
    }
}

family! { @group
    /// One vCPU: `vcpu.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::VcpuStats::HALTED, "halted");
    /// ```
    VcpuStats {
        /// `virVcpuState`, int.
        state: Option<i32> = STATE "state",
        /// CPU time, ns, ullong.
        time: Option<u64> = TIME "time",
        /// Time waiting for the host CPU, ns, ullong.
        wait: Option<u64> = WAIT "wait",
        /// Whether halted, boolean.
        halted: Option<bool> = HALTED "halted",
        /// Time waiting on the run queue, ns, ullong.
        delay: Option<u64> = DELAY "delay",
    }
}

family! { @group
    /// One interface: `net.<n>.*` (counters ullong).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::NetStats::RX_BYTES, "rx.bytes");
    /// ```
    NetStats {
        /// Device name, string.
        name: Option<String> = NAME "name",
        /// Bytes received.
        rx_bytes: Option<u64> = RX_BYTES "rx.bytes",
        /// Packets received.
        rx_pkts: Option<u64> = RX_PKTS "rx.pkts",
        /// Receive errors.
        rx_errs: Option<u64> = RX_ERRS "rx.errs",
        /// Received packets dropped.
        rx_drop: Option<u64> = RX_DROP "rx.drop",
        /// Bytes sent.
        tx_bytes: Option<u64> = TX_BYTES "tx.bytes",
        /// Packets sent.
        tx_pkts: Option<u64> = TX_PKTS "tx.pkts",
        /// Transmit errors.
        tx_errs: Option<u64> = TX_ERRS "tx.errs",
        /// Sent packets dropped.
        tx_drop: Option<u64> = TX_DROP "tx.drop",
    }
}

family! { @group
    /// One block device: `block.<n>.*` (counters ullong).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::BlockDeviceStats::BACKING_INDEX, "backingIndex");
    /// ```
    BlockDeviceStats {
        /// Target name, string.
        name: Option<String> = NAME "name",
        /// Backing chain index, uint.
        backing_index: Option<u32> = BACKING_INDEX "backingIndex",
        /// Source path, string.
        path: Option<String> = PATH "path",
        /// Read requests.
        rd_reqs: Option<u64> = RD_REQS "rd.reqs",
        /// Bytes read.
        rd_bytes: Option<u64> = RD_BYTES "rd.bytes",
        /// Read time, ns.
        rd_times: Option<u64> = RD_TIMES "rd.times",
        /// Write requests.
        wr_reqs: Option<u64> = WR_REQS "wr.reqs",
        /// Bytes written.
        wr_bytes: Option<u64> = WR_BYTES "wr.bytes",
        /// Write time, ns.
        wr_times: Option<u64> = WR_TIMES "wr.times",
        /// Flush requests.
        fl_reqs: Option<u64> = FL_REQS "fl.reqs",
        /// Flush time, ns.
        fl_times: Option<u64> = FL_TIMES "fl.times",
        /// Errors.
        errors: Option<u64> = ERRORS "errors",
        /// Highest written offset, bytes.
        allocation: Option<u64> = ALLOCATION "allocation",
        /// Logical size, bytes.
        capacity: Option<u64> = CAPACITY "capacity",
        /// Physical size, bytes.
        physical: Option<u64> = PHYSICAL "physical",
        /// Write threshold, bytes.
        threshold: Option<u64> = THRESHOLD "threshold",
    }
}

family! { @group
    /// `perf.*` counters (ullong).
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::PerfStats::CACHE_MISSES, "cache_misses");
    /// ```
    PerfStats {
        /// Cache usage, bytes.
        cmt: Option<u64> = CMT "cmt",
        /// Total memory bandwidth, bytes/s.
        mbmt: Option<u64> = MBMT "mbmt",
        /// Local memory bandwidth, bytes/s.
        mbml: Option<u64> = MBML "mbml",
        /// Cache misses.
        cache_misses: Option<u64> = CACHE_MISSES "cache_misses",
        /// Cache references.
        cache_references: Option<u64> = CACHE_REFERENCES "cache_references",
        /// Instructions.
        instructions: Option<u64> = INSTRUCTIONS "instructions",
        /// CPU cycles.
        cpu_cycles: Option<u64> = CPU_CYCLES "cpu_cycles",
        /// Branch instructions.
        branch_instructions: Option<u64> = BRANCH_INSTRUCTIONS "branch_instructions",
        /// Branch misses.
        branch_misses: Option<u64> = BRANCH_MISSES "branch_misses",
        /// Bus cycles.
        bus_cycles: Option<u64> = BUS_CYCLES "bus_cycles",
        /// Stalled front-end cycles.
        stalled_cycles_frontend: Option<u64> = STALLED_CYCLES_FRONTEND "stalled_cycles_frontend",
        /// Stalled back-end cycles.
        stalled_cycles_backend: Option<u64> = STALLED_CYCLES_BACKEND "stalled_cycles_backend",
        /// Reference CPU cycles.
        ref_cpu_cycles: Option<u64> = REF_CPU_CYCLES "ref_cpu_cycles",
        /// CPU clock, ns.
        cpu_clock: Option<u64> = CPU_CLOCK "cpu_clock",
        /// Task clock, ns.
        task_clock: Option<u64> = TASK_CLOCK "task_clock",
        /// Page faults.
        page_faults: Option<u64> = PAGE_FAULTS "page_faults",
        /// Context switches.
        context_switches: Option<u64> = CONTEXT_SWITCHES "context_switches",
        /// CPU migrations.
        cpu_migrations: Option<u64> = CPU_MIGRATIONS "cpu_migrations",
        /// Minor page faults.
        page_faults_min: Option<u64> = PAGE_FAULTS_MIN "page_faults_min",
        /// Major page faults.
        page_faults_maj: Option<u64> = PAGE_FAULTS_MAJ "page_faults_maj",
        /// Alignment faults.
        alignment_faults: Option<u64> = ALIGNMENT_FAULTS "alignment_faults",
        /// Emulation faults.
        emulation_faults: Option<u64> = EMULATION_FAULTS "emulation_faults",
    }
}

family! { @group
    /// One IOThread: `iothread.<id>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::IoThreadStats::POLL_MAX_NS, "poll-max-ns");
    /// ```
    IoThreadStats {
        /// Maximum polling time, ns, ullong.
        poll_max_ns: Option<u64> = POLL_MAX_NS "poll-max-ns",
        /// Polling growth, uint (ullong when larger).
        poll_grow: Option<Unsigned> = POLL_GROW "poll-grow",
        /// Polling shrink, uint (ullong when larger).
        poll_shrink: Option<Unsigned> = POLL_SHRINK "poll-shrink",
    }
}

family! { @group
    /// One NUMA node of a memory bandwidth monitor: `memory.bandwidth.monitor.<n>.node.<i>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::MemoryBandwidthNode::BYTES_LOCAL, "bytes.local");
    /// ```
    MemoryBandwidthNode {
        /// Node id, uint.
        id: Option<u32> = ID "id",
        /// Local bytes, ullong.
        bytes_local: Option<u64> = BYTES_LOCAL "bytes.local",
        /// Total bytes, ullong.
        bytes_total: Option<u64> = BYTES_TOTAL "bytes.total",
    }
}

family! { @group
    /// One memory bandwidth monitor: `memory.bandwidth.monitor.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::MemoryBandwidthMonitor::NODE_COUNT, "node.count");
    /// ```
    MemoryBandwidthMonitor {
        /// Monitor name, string.
        name: Option<String> = NAME "name",
        /// vCPU list, string.
        vcpus: Option<String> = VCPUS "vcpus",
        /// Number of nodes, uint.
        node_count: Option<u32> = NODE_COUNT "node.count",
        /// The nodes.
        nodes: Indexed<MemoryBandwidthNode> = NODES "node.",
    }
}

family! { @group
    /// One vCPU's dirty rate: `dirtyrate.vcpu.<n>.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::DirtyRateVcpu::MEGABYTES_PER_SECOND, "megabytes_per_second");
    /// ```
    DirtyRateVcpu {
        /// MiB/s, ullong.
        megabytes_per_second: Option<u64> = MEGABYTES_PER_SECOND "megabytes_per_second",
    }
}

family! { @group
    /// `dirtyrate.*`.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::schema::DirtyRateStats::CALC_MODE, "calc_mode");
    /// ```
    DirtyRateStats {
        /// `virDomainDirtyRateStatus`, int.
        calc_status: Option<i32> = CALC_STATUS "calc_status",
        /// Start of the calculation, s, llong.
        calc_start_time: Option<i64> = CALC_START_TIME "calc_start_time",
        /// Calculation period, s, int.
        calc_period: Option<i32> = CALC_PERIOD "calc_period",
        /// Dirty rate, MiB/s, llong.
        megabytes_per_second: Option<i64> = MEGABYTES_PER_SECOND "megabytes_per_second",
        /// `page-sampling`, `dirty-bitmap` or `dirty-ring`, string.
        calc_mode: Option<String> = CALC_MODE "calc_mode",
        /// Per-vCPU rates.
        vcpus: Indexed<DirtyRateVcpu> = VCPUS "vcpu.",
    }
}

family! { @top
    /// One domain's record of bulk statistics. Hypervisor-specific keys (`vm.*`,
    /// `vcpu.<n>.<name>.<type>`) and keys of newer libvirt land in `extra`.
    ///
    /// ```
    /// use virtkit_typedparams::{schema::DomainStats, TypedParams};
    ///
    /// let mut p = TypedParams::new();
    /// p.add_int("state.state", 1)?;
    /// p.add_uint("vcpu.current", 2)?;
    /// p.add_ullong("vcpu.1.time", 500)?;
    /// p.add_uint("block.count", 1)?;
    /// p.add_string("block.0.name", "vda")?;
    /// p.add_ullong("vm.custom.sum", 1)?;
    /// let s = DomainStats::from_params(&p)?;
    /// assert_eq!(s.vcpus.0[&1].time, Some(500));
    /// assert_eq!(s.blocks.0[&0].name.as_deref(), Some("vda"));
    /// assert_eq!(s.extra.len(), 1);
    /// p.validate(DomainStats::SPECS).unwrap_err(); // vm.* is outside the stable API
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    DomainStats specs = STATS_SPECS; {
        /// `state.*`.
        state: StateStats = STATE "state.",
        /// `cpu.*`.
        cpu: CpuTimes = CPU "cpu.",
        /// `balloon.*`.
        balloon: BalloonStats = BALLOON "balloon.",
        /// `vcpu.current`, `vcpu.maximum`.
        vcpu: VcpuCounts = VCPU "vcpu.",
        /// `vcpu.<n>.*`.
        vcpus: Indexed<VcpuStats> = VCPUS "vcpu.",
        /// `net.count`.
        net: Counts = NET "net.",
        /// `net.<n>.*`.
        nets: Indexed<NetStats> = NETS "net.",
        /// `block.count`.
        block: Counts = BLOCK "block.",
        /// `block.<n>.*`.
        blocks: Indexed<BlockDeviceStats> = BLOCKS "block.",
        /// `perf.*`.
        perf: PerfStats = PERF "perf.",
        /// `iothread.count`.
        iothread: Counts = IOTHREAD "iothread.",
        /// `iothread.<id>.*`.
        iothreads: Indexed<IoThreadStats> = IOTHREADS "iothread.",
        /// `memory.bandwidth.monitor.count`.
        memory_bandwidth: Counts = MEMORY_BANDWIDTH "memory.bandwidth.monitor.",
        /// `memory.bandwidth.monitor.<n>.*`.
        memory_bandwidth_monitors: Indexed<MemoryBandwidthMonitor> = MEMORY_BANDWIDTH_MONITORS "memory.bandwidth.monitor.",
        /// `dirtyrate.*`.
        dirtyrate: DirtyRateStats = DIRTYRATE "dirtyrate.",
    }
}

const fn s(name: &'static str, ty: crate::ParamType) -> ParamSpec {
    ParamSpec::new(name, ty)
}

/// Every bulk statistics key the seeds name, with its type.
const STATS_SPECS: &[ParamSpec] = &[
    s("state.state", Int),
    s("state.reason", Int),
    s("cpu.time", ULLong),
    s("cpu.user", ULLong),
    s("cpu.system", ULLong),
    s("cpu.haltpoll.success.time", ULLong),
    s("cpu.haltpoll.fail.time", ULLong),
    s("cpu.cache.monitor.count", UInt),
    s("cpu.cache.monitor.<n>.name", Str),
    s("cpu.cache.monitor.<n>.vcpus", Str),
    s("cpu.cache.monitor.<n>.bank.count", UInt),
    s("cpu.cache.monitor.<n>.bank.<n>.id", UInt),
    s("cpu.cache.monitor.<n>.bank.<n>.bytes", ULLong),
    s("balloon.current", ULLong),
    s("balloon.maximum", ULLong),
    s("balloon.swap_in", ULLong),
    s("balloon.swap_out", ULLong),
    s("balloon.major_fault", ULLong),
    s("balloon.minor_fault", ULLong),
    s("balloon.unused", ULLong),
    s("balloon.available", ULLong),
    s("balloon.rss", ULLong),
    s("balloon.usable", ULLong),
    s("balloon.last-update", ULLong),
    s("balloon.disk_caches", ULLong),
    s("balloon.hugetlb_pgalloc", ULLong),
    s("balloon.hugetlb_pgfail", ULLong),
    s("vcpu.current", UInt),
    s("vcpu.maximum", UInt),
    s("vcpu.<n>.state", Int),
    s("vcpu.<n>.time", ULLong),
    s("vcpu.<n>.wait", ULLong),
    s("vcpu.<n>.halted", Boolean),
    s("vcpu.<n>.delay", ULLong),
    s("net.count", UInt),
    s("net.<n>.name", Str),
    s("net.<n>.rx.bytes", ULLong),
    s("net.<n>.rx.pkts", ULLong),
    s("net.<n>.rx.errs", ULLong),
    s("net.<n>.rx.drop", ULLong),
    s("net.<n>.tx.bytes", ULLong),
    s("net.<n>.tx.pkts", ULLong),
    s("net.<n>.tx.errs", ULLong),
    s("net.<n>.tx.drop", ULLong),
    s("block.count", UInt),
    s("block.<n>.name", Str),
    s("block.<n>.backingIndex", UInt),
    s("block.<n>.path", Str),
    s("block.<n>.rd.reqs", ULLong),
    s("block.<n>.rd.bytes", ULLong),
    s("block.<n>.rd.times", ULLong),
    s("block.<n>.wr.reqs", ULLong),
    s("block.<n>.wr.bytes", ULLong),
    s("block.<n>.wr.times", ULLong),
    s("block.<n>.fl.reqs", ULLong),
    s("block.<n>.fl.times", ULLong),
    s("block.<n>.errors", ULLong),
    s("block.<n>.allocation", ULLong),
    s("block.<n>.capacity", ULLong),
    s("block.<n>.physical", ULLong),
    s("block.<n>.threshold", ULLong),
    s("perf.cmt", ULLong),
    s("perf.mbmt", ULLong),
    s("perf.mbml", ULLong),
    s("perf.cache_misses", ULLong),
    s("perf.cache_references", ULLong),
    s("perf.instructions", ULLong),
    s("perf.cpu_cycles", ULLong),
    s("perf.branch_instructions", ULLong),
    s("perf.branch_misses", ULLong),
    s("perf.bus_cycles", ULLong),
    s("perf.stalled_cycles_frontend", ULLong),
    s("perf.stalled_cycles_backend", ULLong),
    s("perf.ref_cpu_cycles", ULLong),
    s("perf.cpu_clock", ULLong),
    s("perf.task_clock", ULLong),
    s("perf.page_faults", ULLong),
    s("perf.context_switches", ULLong),
    s("perf.cpu_migrations", ULLong),
    s("perf.page_faults_min", ULLong),
    s("perf.page_faults_maj", ULLong),
    s("perf.alignment_faults", ULLong),
    s("perf.emulation_faults", ULLong),
    s("iothread.count", UInt),
    s("iothread.<n>.poll-max-ns", ULLong),
    ParamSpec::unsigned("iothread.<n>.poll-grow"),
    ParamSpec::unsigned("iothread.<n>.poll-shrink"),
    s("memory.bandwidth.monitor.count", UInt),
    s("memory.bandwidth.monitor.<n>.name", Str),
    s("memory.bandwidth.monitor.<n>.vcpus", Str),
    s("memory.bandwidth.monitor.<n>.node.count", UInt),
    s("memory.bandwidth.monitor.<n>.node.<n>.id", UInt),
    s("memory.bandwidth.monitor.<n>.node.<n>.bytes.local", ULLong),
    s("memory.bandwidth.monitor.<n>.node.<n>.bytes.total", ULLong),
    s("dirtyrate.calc_status", Int),
    s("dirtyrate.calc_start_time", LLong),
    s("dirtyrate.calc_period", Int),
    s("dirtyrate.megabytes_per_second", LLong),
    s("dirtyrate.calc_mode", Str),
    s("dirtyrate.vcpu.<n>.megabytes_per_second", ULLong),
];
