//! [`Words`]: the storage of a [`CpuSet`](crate::CpuSet), a vector of 64-bit words that keeps
//! up to four words (CPUs 0–255, nearly every real cpu list) inline, without allocating.

use alloc::vec::Vec;
use core::ops::{Deref, DerefMut};

/// Words kept inline before spilling to the heap.
const INLINE: usize = 4;

#[derive(Clone)]
enum Repr {
    /// `buf[len..]` is all zero.
    Inline {
        len: u8,
        buf: [u64; INLINE],
    },
    Heap(Vec<u64>),
}

/// A growable slice of words with small-size optimisation.
#[derive(Clone)]
pub(crate) struct Words(Repr);

impl Words {
    pub(crate) const fn new() -> Words {
        Words(Repr::Inline { len: 0, buf: [0; INLINE] })
    }

    pub(crate) fn from_vec(words: Vec<u64>) -> Words {
        if words.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..words.len()].copy_from_slice(&words);
            Words(Repr::Inline { len: words.len() as u8, buf })
        } else {
            Words(Repr::Heap(words))
        }
    }

    /// Grows to `n` words, the new ones zero, or shrinks to `n`.
    #[inline]
    pub(crate) fn resize(&mut self, n: usize) {
        match &mut self.0 {
            // Inline words at or beyond `len` are always zero (shrinking clears them), so
            // growing only moves `len`.
            Repr::Inline { len, buf } if n <= INLINE => {
                if n < *len as usize {
                    buf[n..].fill(0);
                }
                *len = n as u8;
            }
            _ => self.resize_heap(n),
        }
    }

    #[cold]
    fn resize_heap(&mut self, n: usize) {
        match &mut self.0 {
            Repr::Inline { len, buf } => {
                let mut v = Vec::with_capacity(n.max(2 * INLINE));
                v.extend_from_slice(&buf[..*len as usize]);
                v.resize(n, 0);
                self.0 = Repr::Heap(v);
            }
            Repr::Heap(v) => v.resize(n, 0),
        }
    }

    pub(crate) fn truncate(&mut self, n: usize) {
        if n < self.len() {
            self.resize(n);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.truncate(0);
    }
}

impl Deref for Words {
    type Target = [u64];

    #[inline]
    fn deref(&self) -> &[u64] {
        match &self.0 {
            Repr::Inline { len, buf } => &buf[..*len as usize],
            Repr::Heap(v) => v,
        }
    }
}

impl DerefMut for Words {
    #[inline]
    fn deref_mut(&mut self) -> &mut [u64] {
        match &mut self.0 {
            Repr::Inline { len, buf } => &mut buf[..*len as usize],
            Repr::Heap(v) => v,
        }
    }
}
