//! libvirt's default event loop, registered once per process before the first connection is
//! opened and run on a background thread.
//!
//! libvirt needs an event implementation for domain events (the test driver refuses to
//! register a callback without one: `could not initialize domain event timer`) and for the
//! remote driver to receive events and keepalives. The driver registers libvirt's own
//! (`virEventRegisterDefaultImpl`) and runs `virEventRunDefaultImpl` in a loop on a thread
//! named `virtkit-libvirt-events`, where event callbacks are then called.
//!
//! ```
//! virtkit_libvirt::event_loop::ensure();
//! assert!(virtkit_libvirt::event_loop::running());
//! ```

use std::sync::OnceLock;

use virt::sys;

static STARTED: OnceLock<bool> = OnceLock::new();

/// Registers libvirt's default event implementation and starts its thread, once; later calls
/// do nothing. Opening a connection through this crate calls it first.
///
/// See the [module documentation](self) for an example.
pub fn ensure() {
    STARTED.get_or_init(|| {
        crate::error::init();
        // SAFETY: registration has no preconditions; done once, before any connection of
        // this crate is opened.
        if unsafe { sys::virEventRegisterDefaultImpl() } < 0 {
            crate::error::last_error();
            return false;
        }
        std::thread::Builder::new()
            .name("virtkit-libvirt-events".to_owned())
            .spawn(|| {
                loop {
                    // SAFETY: the default implementation was registered above.
                    if unsafe { sys::virEventRunDefaultImpl() } < 0 {
                        crate::error::last_error();
                        // Do not spin on a loop that keeps failing.
                        std::thread::sleep(std::time::Duration::from_millis(10));
                    }
                }
            })
            .is_ok()
    });
}

/// Whether the event loop thread runs.
///
/// See the [module documentation](self) for an example.
pub fn running() -> bool {
    STARTED.get().copied().unwrap_or(false)
}
