//! cpumap benches (filled in with the crate).
fn main() {}
