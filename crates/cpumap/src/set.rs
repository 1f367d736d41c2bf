//! [`CpuSet`]: a set of CPU numbers with libvirt's bitmap semantics.

// `#[inline(always)]` on the few hot helpers of the parser is measured, not guessed: the
// bench `cpumap/long_lists` loses 30% without it (callgrind and criterion).
#![allow(clippy::inline_always)]

use alloc::vec::Vec;
use core::fmt;
use core::hash::{Hash, Hasher};

use bitvec::order::Lsb0;
use bitvec::slice::BitSlice;
use bitvec::vec::BitVec;

use crate::words::Words;
use core::ops::{
    BitAnd, BitAndAssign, BitOr, BitOrAssign, BitXor, BitXorAssign, RangeInclusive, Sub, SubAssign,
};

/// Bits per storage word.
pub(crate) const WORD: u64 = 64;

/// A set of CPU (or NUMA node, vCPU, IOThread) numbers: libvirt's `virBitmap`.
///
/// Like a `virBitmap`, a set has a **size**: the number of bits it can describe (libvirt's
/// `nbits`). Parsing with a bound gives a set of that size; sets that grow (unlimited parsing,
/// [`insert`](CpuSet::insert)) extend the size to the highest CPU touched plus one, as
/// `virBitmapSetBitExpand` does. The size matters only where libvirt's output depends on it:
/// [`complement`](CpuSet::complement) and [`to_hex_string`](CpuSet::to_hex_string).
/// Equality and hashing compare the members only, as `virBitmapEqual` does.
///
/// Memory is proportional to the highest member, never to the size: a set of size 16384 that
/// holds `{0, 2}` stores one 64-bit word.
///
/// ```
/// use virtkit_cpumap::CpuSet;
///
/// let mut set = CpuSet::new();
/// set.insert_range(0..=3);
/// set.remove(1);
/// assert_eq!(set.to_string(), "0,2-3");
/// assert_eq!(set, "0,2,3".parse()?);
/// assert_eq!(set.iter().collect::<Vec<_>>(), [0, 2, 3]);
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone)]
pub struct CpuSet {
    /// Storage words (CPU `n` is bit `n % 64` of word `n / 64`), no trailing all-zero word.
    ///
    /// Plain words rather than a `bitvec::BitVec`: bitvec has no `u64` store on 32-bit targets
    /// such as wasm32, and word-wise code with the first four words inline (no allocation for
    /// CPUs below 256) is what makes parsing fast. bitvec views are
    /// available through [`CpuSet::to_bitvec`] and [`CpuSet::from_bitslice`].
    words: Words,
    /// libvirt's `nbits`; every member is below it.
    size: u64,
}

impl CpuSet {
    /// An empty set of size 0 (libvirt's `virBitmapNewEmpty`).
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::new();
    /// assert!(set.is_empty());
    /// assert_eq!(set.size(), 0);
    /// ```
    pub const fn new() -> CpuSet {
        CpuSet { words: Words::new(), size: 0 }
    }

    /// An empty set of the given size (`virBitmapNew`).
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::with_size(16);
    /// assert!(set.is_empty());
    /// assert_eq!(set.complement().to_string(), "0-15");
    /// ```
    pub const fn with_size(size: u64) -> CpuSet {
        CpuSet { words: Words::new(), size }
    }

    /// A set holding every CPU below `size` (`virBitmapNew` + `virBitmapSetAll`).
    ///
    /// ```
    /// assert_eq!(virtkit_cpumap::CpuSet::full(8).to_string(), "0-7");
    /// ```
    pub fn full(size: u64) -> CpuSet {
        let mut set = CpuSet::with_size(size);
        if size > 0 {
            set.fill_range(0, size - 1);
        }
        set
    }

    /// The number of bits the set can describe (libvirt's bitmap size).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "3".parse()?;
    /// assert_eq!(set.size(), 16384);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub const fn size(&self) -> u64 {
        self.size
    }

    /// Changes the size. Members at or above the new size are removed (`virBitmapShrink`
    /// when smaller).
    ///
    /// ```
    /// let mut set: virtkit_cpumap::CpuSet = "1,9".parse()?;
    /// set.set_size(8);
    /// assert_eq!(set.to_string(), "1");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn set_size(&mut self, size: u64) {
        if size < self.bit_len() {
            let keep_words = size.div_ceil(WORD) as usize;
            self.words.truncate(keep_words);
            let tail = size % WORD;
            if tail != 0
                && let Some(last) = self.words.last_mut()
            {
                *last &= (1u64 << tail) - 1;
            }
            self.trim();
        }
        self.size = size;
    }

    /// Number of members (`virBitmapCountBits`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-3,^1".parse()?;
    /// assert_eq!(set.len(), 3);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.words().iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set has no member (`virBitmapIsAllClear`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0,^0".parse()?;
    /// assert!(set.is_empty());
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every CPU below the size is a member (`virBitmapIsAllSet`).
    ///
    /// ```
    /// assert!(virtkit_cpumap::CpuSet::full(70).is_full());
    /// ```
    pub fn is_full(&self) -> bool {
        self.len() as u64 == self.size
    }

    /// Whether `cpu` is a member (`virBitmapIsBitSet`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-3,^1".parse()?;
    /// assert!(set.contains(0) && !set.contains(1) && !set.contains(100_000));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn contains(&self, cpu: u32) -> bool {
        let (w, b) = split(u64::from(cpu));
        self.words().get(w).is_some_and(|word| word & (1 << b) != 0)
    }

    /// Adds `cpu`, growing the size to `cpu + 1` if needed (`virBitmapSetBitExpand`).
    /// Returns whether it was newly added.
    ///
    /// ```
    /// let mut set = virtkit_cpumap::CpuSet::new();
    /// assert!(set.insert(70));
    /// assert!(!set.insert(70));
    /// assert_eq!(set.size(), 71);
    /// ```
    pub fn insert(&mut self, cpu: u32) -> bool {
        let bit = u64::from(cpu);
        self.grow_size(bit);
        let (w, b) = split(bit);
        self.ensure_words(w + 1);
        let word = &mut self.words[w];
        let was = *word & (1 << b) != 0;
        *word |= 1 << b;
        !was
    }

    /// Removes `cpu`. Returns whether it was a member. Unlike `virBitmapClearBit`, removing a
    /// CPU beyond the size is not an error (there is nothing to remove).
    ///
    /// ```
    /// let mut set: virtkit_cpumap::CpuSet = "0-3".parse()?;
    /// assert!(set.remove(1));
    /// assert!(!set.remove(1));
    /// assert_eq!(set.to_string(), "0,2-3");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn remove(&mut self, cpu: u32) -> bool {
        let was = self.clear_bit(u64::from(cpu));
        self.trim();
        was
    }

    /// Adds every CPU of `range`, growing the size as needed.
    ///
    /// ```
    /// let mut set = virtkit_cpumap::CpuSet::new();
    /// set.insert_range(4..=6);
    /// assert_eq!(set.to_string(), "4-6");
    /// ```
    pub fn insert_range(&mut self, range: RangeInclusive<u32>) {
        let (start, end) = (u64::from(*range.start()), u64::from(*range.end()));
        if start <= end {
            self.grow_size(end);
            self.fill_range(start, end);
        }
    }

    /// Removes every member.
    ///
    /// ```
    /// let mut set: virtkit_cpumap::CpuSet = "0-3".parse()?;
    /// set.clear();
    /// assert!(set.is_empty());
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn clear(&mut self) {
        self.words.clear();
    }

    /// The lowest member (`virBitmapNextSetBit(map, -1)`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "5-9".parse()?;
    /// assert_eq!(set.first(), Some(5));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn first(&self) -> Option<u32> {
        self.next_set_from(0)
    }

    /// The highest member (`virBitmapLastSetBit`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "5-9".parse()?;
    /// assert_eq!(set.last(), Some(9));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn last(&self) -> Option<u32> {
        let words = self.words();
        let w = words.len().checked_sub(1)?;
        let top = 63 - words[w].leading_zeros() as usize;
        Some((w * 64 + top) as u32)
    }

    /// The lowest member greater than `cpu` (`virBitmapNextSetBit`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "1,5,9".parse()?;
    /// assert_eq!(set.next_after(1), Some(5));
    /// assert_eq!(set.next_after(9), None);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn next_after(&self, cpu: u32) -> Option<u32> {
        self.next_set_from(u64::from(cpu) + 1)
    }

    /// The lowest CPU below the size that is not a member and is greater than `cpu`, or the
    /// lowest one at all with `None` (`virBitmapNextClearBit`).
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-3,5".parse()?;
    /// assert_eq!(set.next_clear_after(None), Some(4));
    /// assert_eq!(set.next_clear_after(Some(4)), Some(6));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn next_clear_after(&self, cpu: Option<u32>) -> Option<u32> {
        let from = cpu.map_or(0, |c| u64::from(c) + 1);
        let pos = next_clear(self.words(), from);
        (pos < self.size).then_some(pos as u32)
    }

    /// The members in increasing order.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0-2,7".parse()?;
    /// assert_eq!(set.iter().collect::<Vec<_>>(), [0, 1, 2, 7]);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        Iter { words: self.words(), index: 0, current: self.words().first().copied().unwrap_or(0) }
    }

    /// The members as maximal runs of consecutive CPUs, in increasing order: the ranges that
    /// `virBitmapFormat` prints.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0,4-6,13".parse()?;
    /// assert_eq!(set.ranges().collect::<Vec<_>>(), [0..=0, 4..=6, 13..=13]);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn ranges(&self) -> Ranges<'_> {
        Ranges {
            words: self.words(),
            index: 0,
            current: self.words().first().copied().unwrap_or(0),
        }
    }

    /// Whether every member of `self` is in `other`.
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "1-2".parse()?;
    /// assert!(a.is_subset(&"0-3".parse()?));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn is_subset(&self, other: &CpuSet) -> bool {
        let (a, b) = (self.words(), other.words());
        a.len() <= b.len() && a.iter().zip(b).all(|(x, y)| x & !y == 0)
    }

    /// Whether every member of `other` is in `self`.
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-3".parse()?;
    /// assert!(a.is_superset(&"1-2".parse()?));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn is_superset(&self, other: &CpuSet) -> bool {
        other.is_subset(self)
    }

    /// Whether the sets share a member (`virBitmapOverlaps`).
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-3,5-8,11-15".parse()?;
    /// assert!(!a.overlaps(&"4,9,10,16-19".parse()?));
    /// assert!(a.overlaps(&"15".parse()?));
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn overlaps(&self, other: &CpuSet) -> bool {
        self.words().iter().zip(other.words()).any(|(x, y)| x & y != 0)
    }

    /// `self ∪ other`, of the larger size (`virBitmapUnion`).
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-1".parse()?;
    /// assert_eq!(a.union(&"5".parse()?).to_string(), "0-1,5");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub fn union(&self, other: &CpuSet) -> CpuSet {
        let mut out = self.clone();
        out |= other;
        out
    }

    /// `self ∩ other`, of `self`'s size (`virBitmapIntersect`).
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-5".parse()?;
    /// assert_eq!(a.intersection(&"4-7".parse()?).to_string(), "4-5");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub fn intersection(&self, other: &CpuSet) -> CpuSet {
        let mut out = self.clone();
        out &= other;
        out
    }

    /// `self ∖ other`, of `self`'s size (`virBitmapSubtract`).
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-5".parse()?;
    /// assert_eq!(a.difference(&"4-7".parse()?).to_string(), "0-3");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub fn difference(&self, other: &CpuSet) -> CpuSet {
        let mut out = self.clone();
        out -= other;
        out
    }

    /// Members of exactly one of the sets, of the larger size.
    ///
    /// ```
    /// let a: virtkit_cpumap::CpuSet = "0-5".parse()?;
    /// assert_eq!(a.symmetric_difference(&"4-7".parse()?).to_string(), "0-3,6-7");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub fn symmetric_difference(&self, other: &CpuSet) -> CpuSet {
        let mut out = self.clone();
        out ^= other;
        out
    }

    /// Every CPU below the size that is not a member.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::parse_with_bound("0-3,^1", 8)?;
    /// assert_eq!(set.complement().to_string(), "1,4-7");
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    #[must_use]
    pub fn complement(&self) -> CpuSet {
        let nwords = self.size.div_ceil(WORD) as usize;
        let mut words: Vec<u64> = Vec::with_capacity(nwords);
        let mine = self.words();
        words.extend((0..nwords).map(|i| !mine.get(i).copied().unwrap_or(0)));
        let tail = self.size % WORD;
        if tail != 0
            && let Some(last) = words.last_mut()
        {
            *last &= (1u64 << tail) - 1;
        }
        let mut out = CpuSet { words: Words::from_vec(words), size: self.size };
        out.trim();
        out
    }

    /// The storage words (64 CPUs each, CPU 0 in bit 0 of word 0), without trailing zero words.
    ///
    /// ```
    /// let set: virtkit_cpumap::CpuSet = "0,65".parse()?;
    /// assert_eq!(set.words(), [1, 2]);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Builds a set from storage words (see [`words`](CpuSet::words)) and a size; members at
    /// or above `size` are dropped, as when a C bitmap of that size is filled from words.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::from_words(&[0b1101], 8);
    /// assert_eq!(set.to_string(), "0,2-3");
    /// ```
    pub fn from_words(words: &[u64], size: u64) -> CpuSet {
        let mut set = CpuSet::from_word_vec(words.to_vec(), u64::MAX);
        set.set_size(size);
        set
    }

    /// The members as a `bitvec` bit vector of [`size`](CpuSet::size) bits.
    ///
    /// ```
    /// let set = virtkit_cpumap::CpuSet::parse_with_bound("0,2", 4)?;
    /// let bits = set.to_bitvec();
    /// assert_eq!(bits.len(), 4);
    /// assert_eq!(bits.iter_ones().collect::<Vec<_>>(), [0, 2]);
    /// # Ok::<(), virtkit_cpumap::ParseError>(())
    /// ```
    pub fn to_bitvec(&self) -> BitVec<usize, Lsb0> {
        let mut bits: BitVec<usize, Lsb0> = BitVec::repeat(false, self.size as usize);
        for range in self.ranges() {
            bits[*range.start() as usize..=*range.end() as usize].fill(true);
        }
        bits
    }

    /// A set from a `bitvec` bit slice: its set bits are the members, its length the size.
    ///
    /// ```
    /// use bitvec::prelude::*;
    /// let set = virtkit_cpumap::CpuSet::from_bitslice(bits![usize, Lsb0; 1, 0, 1, 1]);
    /// assert_eq!((set.to_string(), set.size()), ("0,2-3".to_string(), 4));
    /// ```
    pub fn from_bitslice(bits: &BitSlice<usize, Lsb0>) -> CpuSet {
        let mut set = CpuSet::with_size(bits.len() as u64);
        for cpu in bits.iter_ones() {
            set.set_bit(cpu as u64);
        }
        set
    }

    // ----- internal helpers used by the parsers and the operators -----

    /// A set from owned words whose bits all lie below `size`.
    pub(crate) fn from_word_vec(words: Vec<u64>, size: u64) -> CpuSet {
        let mut set = CpuSet { words: Words::from_vec(words), size };
        set.trim();
        set
    }

    /// Length of the storage in bits (a multiple of 64).
    fn bit_len(&self) -> u64 {
        self.words.len() as u64 * WORD
    }

    #[inline]
    pub(crate) fn grow_size(&mut self, bit: u64) {
        if bit >= self.size {
            self.size = bit + 1;
        }
    }

    #[inline]
    fn ensure_words(&mut self, nwords: usize) {
        if self.words.len() < nwords {
            self.words.resize(nwords);
        }
    }

    /// Number of maximal runs (the ranges `Display` prints), counted word-wise.
    pub(crate) fn run_count(&self) -> usize {
        let mut carry = 0u64;
        let mut runs = 0;
        for &w in self.words() {
            // A run starts at every set bit whose lower neighbour is clear.
            runs += (w & !((w << 1) | carry)).count_ones() as usize;
            carry = w >> 63;
        }
        runs
    }

    /// Sets `start..=end` without touching the size (callers grow it or check the bound).
    #[inline(always)]
    pub(crate) fn fill_range(&mut self, start: u64, end: u64) {
        let (ws, bs) = split(start);
        let (we, be) = split(end);
        self.ensure_words(we + 1);
        let words: &mut [u64] = &mut self.words;
        if ws == we {
            words[ws] |= mask_from(bs) & mask_to(be);
        } else {
            words[ws] |= mask_from(bs);
            for w in &mut words[ws + 1..we] {
                *w = u64::MAX;
            }
            words[we] |= mask_to(be);
        }
    }

    /// Sets one bit without touching the size.
    #[inline(always)]
    pub(crate) fn set_bit(&mut self, bit: u64) {
        let (w, b) = split(bit);
        self.ensure_words(w + 1);
        self.words[w] |= 1 << b;
    }

    /// Clears one bit; the caller re-trims. Returns whether it was set.
    #[inline(always)]
    pub(crate) fn clear_bit(&mut self, bit: u64) -> bool {
        let (w, b) = split(bit);
        match self.words.get_mut(w) {
            Some(word) => {
                let was = *word & (1 << b) != 0;
                *word &= !(1 << b);
                was
            }
            None => false,
        }
    }

    /// Sets the size directly (callers keep every member below it).
    pub(crate) fn set_size_raw(&mut self, size: u64) {
        self.size = size;
    }

    /// Restores the "no trailing zero word" invariant.
    #[inline]
    pub(crate) fn trim(&mut self) {
        if self.words.last().is_none_or(|&w| w != 0) {
            return;
        }
        let keep = self.words.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        self.words.truncate(keep);
    }

    fn next_set_from(&self, from: u64) -> Option<u32> {
        let words = self.words();
        let (mut w, b) = split(from);
        let mut word = words.get(w)? & mask_from(b);
        loop {
            if word != 0 {
                return Some((w * 64 + word.trailing_zeros() as usize) as u32);
            }
            w += 1;
            word = *words.get(w)?;
        }
    }

    fn combine(&mut self, other: &CpuSet, op: impl Fn(u64, u64) -> u64, grow: bool) {
        if grow {
            self.size = self.size.max(other.size);
            self.ensure_words(other.words().len());
        }
        let theirs = other.words();
        let mine: &mut [u64] = &mut self.words;
        let common = mine.len().min(theirs.len());
        // Word against word over the common part (a plain zip, which the compiler vectorises),
        // then the rest of `self` against zero.
        for (w, &t) in mine[..common].iter_mut().zip(&theirs[..common]) {
            *w = op(*w, t);
        }
        for w in &mut mine[common..] {
            *w = op(*w, 0);
        }
        self.trim();
    }
}

/// Word index and bit index of a bit.
#[inline]
pub(crate) const fn split(bit: u64) -> (usize, u32) {
    ((bit / WORD) as usize, (bit % WORD) as u32)
}

/// Bits `b..64` of a word.
#[inline]
const fn mask_from(b: u32) -> u64 {
    u64::MAX << b
}

/// Bits `0..=b` of a word.
#[inline]
const fn mask_to(b: u32) -> u64 {
    u64::MAX >> (63 - b)
}

/// Position of the first zero bit at or after `from` (words beyond the slice are zero).
fn next_clear(words: &[u64], from: u64) -> u64 {
    let (mut w, b) = split(from);
    let mut word = !words.get(w).copied().unwrap_or(0) & mask_from(b);
    while word == 0 {
        w += 1;
        word = !words.get(w).copied().unwrap_or(0);
    }
    w as u64 * WORD + u64::from(word.trailing_zeros())
}

impl Default for CpuSet {
    fn default() -> CpuSet {
        CpuSet::new()
    }
}

impl PartialEq for CpuSet {
    fn eq(&self, other: &CpuSet) -> bool {
        self.words() == other.words()
    }
}

impl Eq for CpuSet {}

impl Hash for CpuSet {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.words().hash(state);
    }
}

impl fmt::Debug for CpuSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CpuSet(\"{self}\", size {})", self.size)
    }
}

impl BitOrAssign<&CpuSet> for CpuSet {
    fn bitor_assign(&mut self, rhs: &CpuSet) {
        self.combine(rhs, |a, b| a | b, true);
    }
}

impl BitAndAssign<&CpuSet> for CpuSet {
    fn bitand_assign(&mut self, rhs: &CpuSet) {
        self.combine(rhs, |a, b| a & b, false);
    }
}

impl SubAssign<&CpuSet> for CpuSet {
    fn sub_assign(&mut self, rhs: &CpuSet) {
        self.combine(rhs, |a, b| a & !b, false);
    }
}

impl BitXorAssign<&CpuSet> for CpuSet {
    fn bitxor_assign(&mut self, rhs: &CpuSet) {
        self.combine(rhs, |a, b| a ^ b, true);
    }
}

macro_rules! binary_op {
    ($trait:ident, $method:ident, $assign:ident) => {
        impl $trait<&CpuSet> for &CpuSet {
            type Output = CpuSet;
            fn $method(self, rhs: &CpuSet) -> CpuSet {
                let mut out = self.clone();
                out.$assign(rhs);
                out
            }
        }
    };
}
binary_op!(BitOr, bitor, bitor_assign);
binary_op!(BitAnd, bitand, bitand_assign);
binary_op!(Sub, sub, sub_assign);
binary_op!(BitXor, bitxor, bitxor_assign);

impl FromIterator<u32> for CpuSet {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> CpuSet {
        let mut set = CpuSet::new();
        set.extend(iter);
        set
    }
}

impl Extend<u32> for CpuSet {
    fn extend<I: IntoIterator<Item = u32>>(&mut self, iter: I) {
        for cpu in iter {
            self.insert(cpu);
        }
    }
}

impl<'a> IntoIterator for &'a CpuSet {
    type Item = u32;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Iterator over the members of a [`CpuSet`] in increasing order.
///
/// ```
/// let set: virtkit_cpumap::CpuSet = "3,1".parse()?;
/// let mut it = set.iter();
/// assert_eq!((it.next(), it.next(), it.next()), (Some(1), Some(3), None));
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    words: &'a [u64],
    index: usize,
    current: u64,
}

impl Iterator for Iter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while self.current == 0 {
            self.index += 1;
            self.current = *self.words.get(self.index)?;
        }
        let bit = self.current.trailing_zeros();
        self.current &= self.current - 1;
        Some((self.index * 64) as u32 + bit)
    }
}

/// Iterator over the maximal runs of a [`CpuSet`], see [`CpuSet::ranges`].
///
/// ```
/// let set: virtkit_cpumap::CpuSet = "1-2,4".parse()?;
/// assert_eq!(set.ranges().count(), 2);
/// # Ok::<(), virtkit_cpumap::ParseError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Ranges<'a> {
    words: &'a [u64],
    /// Index of the word being scanned.
    index: usize,
    /// That word, with the bits already reported cleared.
    current: u64,
}

impl Iterator for Ranges<'_> {
    type Item = RangeInclusive<u32>;

    #[inline]
    fn next(&mut self) -> Option<RangeInclusive<u32>> {
        while self.current == 0 {
            self.index += 1;
            self.current = *self.words.get(self.index)?;
        }
        let low = self.current.trailing_zeros();
        let start = self.index as u64 * WORD + u64::from(low);
        // Length of the run of ones starting at `low` inside this word.
        let run = (!(self.current >> low)).trailing_zeros();
        let end = if low + run < 64 {
            self.current &= !(((1u64 << run) - 1) << low);
            start + u64::from(run) - 1
        } else {
            // The run reaches the top of the word: follow it through the next words.
            loop {
                self.index += 1;
                match self.words.get(self.index) {
                    Some(&u64::MAX) => {}
                    Some(&word) => {
                        let ones = (!word).trailing_zeros();
                        self.current = word & !((1u64 << ones) - 1);
                        break self.index as u64 * WORD + u64::from(ones) - 1;
                    }
                    None => {
                        self.current = 0;
                        break self.index as u64 * WORD - 1;
                    }
                }
            }
        };
        Some(start as u32..=end as u32)
    }
}
