//! virtkit's automation.
fn main() {}
