//! libvirt cpu lists.
#![no_std]
extern crate alloc;
