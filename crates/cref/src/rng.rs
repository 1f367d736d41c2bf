//! [`Rng`]: the small deterministic generator the differential tests share, so that every
//! failure reproduces from its seed.

/// xorshift64* — fast, deterministic, good enough to generate test inputs (not for anything
/// that needs real randomness).
///
/// ```
/// let mut rng = virtkit_cref::Rng::new(42);
/// let a = rng.below(10);
/// assert!(a < 10);
/// assert_eq!(virtkit_cref::Rng::new(42).below(10), a);
/// ```
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (a zero seed is replaced, since xorshift would stay at zero).
    ///
    /// ```
    /// let mut rng = virtkit_cref::Rng::new(0);
    /// assert_ne!(rng.next_u64(), 0);
    /// ```
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9e37_79b9_7f4a_7c15 } else { seed })
    }

    /// The next 64 random bits.
    ///
    /// ```
    /// let mut rng = virtkit_cref::Rng::new(7);
    /// assert_ne!(rng.next_u64(), rng.next_u64());
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (which must not be zero).
    ///
    /// ```
    /// let mut rng = virtkit_cref::Rng::new(7);
    /// assert!((0..100).all(|_| rng.below(3) < 3));
    /// ```
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// One of `items` (which must not be empty).
    ///
    /// ```
    /// let mut rng = virtkit_cref::Rng::new(7);
    /// assert!(["a", "b"].contains(rng.pick(&["a", "b"])));
    /// ```
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
