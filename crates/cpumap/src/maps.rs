//! Byte cpumaps of libvirt's C API: one bit per physical CPU, "bytes are stored in
//! little-endian order: CPU0-7, 8-15... In each byte, lowest CPU number is least significant
//! bit" (`virDomainPinVcpu`).
//!
//! The functions here are the C macros of `libvirt-domain.h`, made safe: an index outside the
//! map is reported instead of writing past it.
//!
//! | C macro | here |
//! |---|---|
//! | `VIR_CPU_MAPLEN(cpus)` | [`cpu_maplen`] |
//! | `VIR_USE_CPU(map, cpu)` | [`use_cpu`] |
//! | `VIR_UNUSE_CPU(map, cpu)` | [`unuse_cpu`] |
//! | `VIR_CPU_USED(map, cpu)` | [`cpu_used`] |
//! | `VIR_GET_CPUMAP(maps, maplen, vcpu)` | [`CpuMaps::get`] |
//! | `VIR_CPU_USABLE(maps, maplen, vcpu, cpu)` | [`CpuMaps::cpu_usable`] |
//! | `VIR_COPY_CPUMAP(maps, maplen, vcpu, map)` | [`CpuMaps::copy_cpumap`] |
//!
//! Conversions between a [`CpuSet`] and a byte map: [`CpuSet::to_cpumap`] (`virBitmapToData`),
//! [`CpuSet::to_cpumap_len`], [`CpuSet::write_cpumap`] and [`CpuSet::from_cpumap`]
//! (`virBitmapNewData`).

use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use crate::CpuSet;

/// `VIR_CPU_MAPLEN`: bytes needed for a map of `cpus` CPUs.
///
/// ```
/// use virtkit_cpumap::maps::cpu_maplen;
/// assert_eq!((cpu_maplen(0), cpu_maplen(1), cpu_maplen(8), cpu_maplen(9)), (0, 1, 1, 2));
/// ```
pub const fn cpu_maplen(cpus: usize) -> usize {
    cpus.div_ceil(8)
}

/// `VIR_USE_CPU`: marks `cpu` usable. Returns `false`, changing nothing, when `cpu` is beyond the
/// map (where the C macro would write out of bounds).
///
/// ```
/// use virtkit_cpumap::maps::use_cpu;
/// let mut map = [0u8; 2];
/// assert!(use_cpu(&mut map, 9));
/// assert_eq!(map, [0, 2]);
/// assert!(!use_cpu(&mut map, 16));
/// ```
#[must_use = "false means the CPU is outside the map and nothing was set"]
pub fn use_cpu(map: &mut [u8], cpu: usize) -> bool {
    map.get_mut(cpu / 8).map(|b| *b |= 1 << (cpu % 8)).is_some()
}

/// `VIR_UNUSE_CPU`: marks `cpu` not usable. Returns `false` when `cpu` is beyond the map.
///
/// ```
/// use virtkit_cpumap::maps::unuse_cpu;
/// let mut map = [0xff];
/// assert!(unuse_cpu(&mut map, 1));
/// assert_eq!(map, [0xfd]);
/// ```
#[must_use = "false means the CPU is outside the map and nothing was cleared"]
pub fn unuse_cpu(map: &mut [u8], cpu: usize) -> bool {
    map.get_mut(cpu / 8).map(|b| *b &= !(1 << (cpu % 8))).is_some()
}

/// `VIR_CPU_USED`: whether `cpu` is usable in `map` (`false` beyond the map).
///
/// ```
/// use virtkit_cpumap::maps::cpu_used;
/// assert!(cpu_used(&[0b1101], 2) && !cpu_used(&[0b1101], 1) && !cpu_used(&[0xff], 8));
/// ```
pub fn cpu_used(map: &[u8], cpu: usize) -> bool {
    map.get(cpu / 8).is_some_and(|b| b & (1 << (cpu % 8)) != 0)
}

/// A byte-map conversion that would lose CPUs or that was given an inconsistent table.
///
/// ```
/// use virtkit_cpumap::{CpuSet, CpumapError};
/// let set: CpuSet = "9".parse()?;
/// assert_eq!(set.to_cpumap_len(1), Err(CpumapError::CpuBeyondMap { cpu: 9, maplen: 1 }));
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CpumapError {
    /// A member of the set does not fit in a map of `maplen` bytes.
    CpuBeyondMap {
        /// The highest member.
        cpu: u32,
        /// The map length in bytes.
        maplen: usize,
    },
    /// A table's byte length is not a multiple of its map length, or the map length is zero.
    BadTableLength {
        /// Bytes given.
        len: usize,
        /// Map length in bytes.
        maplen: usize,
    },
    /// A vCPU index beyond the table.
    NoSuchMap {
        /// The index asked for.
        index: usize,
        /// Number of maps in the table.
        nmaps: usize,
    },
}

impl fmt::Display for CpumapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CpumapError::CpuBeyondMap { cpu, maplen } => {
                write!(f, "CPU {cpu} does not fit in a cpumap of {maplen} bytes")
            }
            CpumapError::BadTableLength { len, maplen } => {
                write!(f, "{len} bytes do not form whole cpumaps of {maplen} bytes")
            }
            CpumapError::NoSuchMap { index, nmaps } => {
                write!(f, "cpumap {index} requested from a table of {nmaps}")
            }
        }
    }
}

impl core::error::Error for CpumapError {}

impl CpuSet {
    /// The byte cpumap, as `virBitmapToData`: `(last + 8) / 8` bytes, or one zero byte for an
    /// empty set.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0,9,34".parse()?;
    /// assert_eq!(set.to_cpumap(), [0x01, 0x02, 0, 0, 0x04]);
    /// assert_eq!(virtkit_cpumap::CpuSet::new().to_cpumap(), [0]);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn to_cpumap(&self) -> Vec<u8> {
        let len = self.last().map_or(1, |last| last as usize / 8 + 1);
        let mut out = Vec::with_capacity(self.words().len() * 8);
        for word in self.words() {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.resize(len, 0);
        out
    }

    /// The byte cpumap padded with zero bytes to `maplen` bytes, or an error when a member does
    /// not fit (libvirt's `virBitmapToDataBuf` would drop it silently).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-3,^1".parse()?;
    /// assert_eq!(set.to_cpumap_len(2)?, [0b1101, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_cpumap_len(&self, maplen: usize) -> Result<Vec<u8>, CpumapError> {
        let mut out = vec![0u8; maplen];
        self.write_cpumap(&mut out)?;
        Ok(out)
    }

    /// Writes the byte cpumap into `map` (all of it: bytes past the last member become zero).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "1".parse()?;
    /// let mut map = [0xffu8; 2];
    /// set.write_cpumap(&mut map)?;
    /// assert_eq!(map, [0b10, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_cpumap(&self, map: &mut [u8]) -> Result<(), CpumapError> {
        if let Some(last) = self.last()
            && last as usize / 8 >= map.len()
        {
            return Err(CpumapError::CpuBeyondMap { cpu: last, maplen: map.len() });
        }
        self.fill_bytes(map);
        Ok(())
    }

    /// A set from a byte cpumap, of size `8 * map.len()` (`virBitmapNewData`).
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::from_cpumap(&[0x01, 0x02, 0, 0, 0x04]);
    /// assert_eq!(set.to_string(), "0,9,34");
    /// assert_eq!(set.size(), 40);
    /// ```
    pub fn from_cpumap(map: &[u8]) -> CpuSet {
        let (whole, tail) = map.as_chunks::<8>();
        let mut words: Vec<u64> = Vec::with_capacity(whole.len() + 1);
        words.extend(whole.iter().map(|chunk| u64::from_le_bytes(*chunk)));
        if !tail.is_empty() {
            let mut buf = [0u8; 8];
            buf[..tail.len()].copy_from_slice(tail);
            words.push(u64::from_le_bytes(buf));
        }
        // Every bit read lies below 8 * len, the set's size.
        CpuSet::from_word_vec(words, map.len() as u64 * 8)
    }

    /// Copies the members into `out` (fully overwritten), which is known to be long enough.
    fn fill_bytes(&self, out: &mut [u8]) {
        out.fill(0);
        for (chunk, word) in out.chunks_mut(8).zip(self.words()) {
            let bytes = word.to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }
}

/// A table of `n` byte cpumaps of `maplen` bytes each, map `i` at byte `i * maplen`: the
/// `cpumaps` argument of `virDomainGetVcpuPinInfo` and `virDomainGetVcpus`.
///
/// ```
/// use virtkit_cpumap::{CpuMaps, CpuSet};
/// let mut maps = CpuMaps::new(2, 1)?;
/// maps.set(1, &"0-3,^1".parse()?)?;
/// assert_eq!(maps.as_bytes(), [0, 0b1101]);
/// assert!(maps.cpu_usable(1, 2) && !maps.cpu_usable(0, 2));
/// assert_eq!(maps.cpuset(1)?.to_string(), "0,2-3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CpuMaps {
    data: Vec<u8>,
    maplen: usize,
}

impl CpuMaps {
    /// `nmaps` all-clear maps of `maplen` bytes (`calloc(nmaps, maplen)`); `maplen` must not be 0.
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::new(4, 2)?;
    /// assert_eq!((maps.len(), maps.maplen(), maps.as_bytes().len()), (4, 2, 8));
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn new(nmaps: usize, maplen: usize) -> Result<CpuMaps, CpumapError> {
        let len = nmaps
            .checked_mul(maplen)
            .filter(|_| maplen > 0)
            .ok_or(CpumapError::BadTableLength { len: usize::MAX, maplen })?;
        Ok(CpuMaps { data: vec![0; len], maplen })
    }

    /// Wraps bytes laid out as the C API does; their length must be a multiple of `maplen`.
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![0xff, 0x01, 0x0f, 0x00], 2)?;
    /// assert_eq!(maps.cpuset(0)?.to_string(), "0-8");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_bytes(data: Vec<u8>, maplen: usize) -> Result<CpuMaps, CpumapError> {
        if maplen == 0 || !data.len().is_multiple_of(maplen) {
            return Err(CpumapError::BadTableLength { len: data.len(), maplen });
        }
        Ok(CpuMaps { data, maplen })
    }

    /// Number of maps.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuMaps::new(3, 1)?.len(), 3);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.data.len() / self.maplen
    }

    /// Whether the table holds no map.
    ///
    /// ```
    /// assert!(virtkit_cpumap::CpuMaps::new(0, 1)?.is_empty());
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Bytes per map.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuMaps::new(3, 5)?.maplen(), 5);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn maplen(&self) -> usize {
        self.maplen
    }

    /// `VIR_GET_CPUMAP`: map `vcpu`, or `None` beyond the table.
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![1, 2], 1)?;
    /// assert_eq!(maps.get(1), Some(&[2u8][..]));
    /// assert_eq!(maps.get(2), None);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn get(&self, vcpu: usize) -> Option<&[u8]> {
        let start = vcpu.checked_mul(self.maplen)?;
        self.data.get(start..start + self.maplen)
    }

    /// Map `vcpu`, mutably (for [`use_cpu`] and [`unuse_cpu`]).
    ///
    /// ```
    /// use virtkit_cpumap::{CpuMaps, maps::use_cpu};
    /// let mut maps = CpuMaps::new(2, 1)?;
    /// assert!(use_cpu(maps.get_mut(1).unwrap(), 3));
    /// assert_eq!(maps.as_bytes(), [0, 8]);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn get_mut(&mut self, vcpu: usize) -> Option<&mut [u8]> {
        let start = vcpu.checked_mul(self.maplen)?;
        self.data.get_mut(start..start + self.maplen)
    }

    /// `VIR_CPU_USABLE`: whether physical `cpu` is usable by `vcpu` (`false` outside the table).
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![0b01, 0b10], 1)?;
    /// assert!(maps.cpu_usable(0, 0) && maps.cpu_usable(1, 1) && !maps.cpu_usable(1, 0));
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn cpu_usable(&self, vcpu: usize, cpu: usize) -> bool {
        self.get(vcpu).is_some_and(|map| cpu_used(map, cpu))
    }

    /// `VIR_COPY_CPUMAP`: a copy of map `vcpu`, ready for `virDomainPinVcpu`.
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![1, 2, 3, 4], 2)?;
    /// assert_eq!(maps.copy_cpumap(1), Some(vec![3, 4]));
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn copy_cpumap(&self, vcpu: usize) -> Option<Vec<u8>> {
        self.get(vcpu).map(<[u8]>::to_vec)
    }

    /// Map `vcpu` as a set (of size `8 * maplen`).
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![0b1101], 1)?;
    /// assert_eq!(maps.cpuset(0)?.to_string(), "0,2-3");
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn cpuset(&self, vcpu: usize) -> Result<CpuSet, CpumapError> {
        self.get(vcpu)
            .map(CpuSet::from_cpumap)
            .ok_or(CpumapError::NoSuchMap { index: vcpu, nmaps: self.len() })
    }

    /// Stores `set` as map `vcpu`.
    ///
    /// ```
    /// let mut maps = virtkit_cpumap::CpuMaps::new(1, 1)?;
    /// assert!(maps.set(0, &"8".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set(&mut self, vcpu: usize, set: &CpuSet) -> Result<(), CpumapError> {
        let nmaps = self.len();
        let map = self.get_mut(vcpu).ok_or(CpumapError::NoSuchMap { index: vcpu, nmaps })?;
        set.write_cpumap(map)
    }

    /// Every map as a set, in order.
    ///
    /// ```
    /// let maps = virtkit_cpumap::CpuMaps::from_bytes(vec![1, 2], 1)?;
    /// let sets: Vec<String> = maps.iter().map(|s| s.to_string()).collect();
    /// assert_eq!(sets, ["0", "1"]);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = CpuSet> + '_ {
        self.data.chunks_exact(self.maplen).map(CpuSet::from_cpumap)
    }

    /// The raw bytes, as the C API lays them out.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuMaps::new(2, 1)?.as_bytes(), [0, 0]);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// The raw bytes, mutably (to hand to a C function that fills them).
    ///
    /// ```
    /// let mut maps = virtkit_cpumap::CpuMaps::new(1, 1)?;
    /// maps.as_bytes_mut()[0] = 0xff;
    /// assert_eq!(maps.cpuset(0)?.to_string(), "0-7");
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        &mut self.data
    }

    /// The raw bytes, by value.
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuMaps::new(1, 3)?.into_bytes(), vec![0, 0, 0]);
    /// # Ok::<(), virtkit_cpumap::CpumapError>(())
    /// ```
    pub fn into_bytes(self) -> Vec<u8> {
        self.data
    }
}
