//! [`Stream`]: a data stream of a connection (`virStreamPtr`), as far as the domain API needs
//! one: created on a connection (`virStreamNew`), handed to the entry points that attach data
//! to it (screenshots, consoles, channels, tunnelled migration). Moving the data is the
//! driver's business; a stream carries a process-unique id drivers can key their state on.
//!
//! ```
//! # let (conn, dom) = virtkit_api::doctest::rw();
//! use virtkit_api::Stream;
//! let st = Stream::new(&conn, 0);
//! assert!(dom.open_console(None, &st, 0).unwrap_err().is_no_support());
//! let (other, _) = virtkit_api::doctest::rw();
//! let e = dom.open_console(None, &Stream::new(&other, 0), 0).unwrap_err();
//! assert_eq!(e.message(), "stream must match connection of domain 'test'");
//! ```

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::connect::Connect;

struct StreamInner {
    conn: Connect,
    flags: u32,
    id: u64,
}

/// A stream (`virStreamPtr`). Clones share the stream.
///
/// See the [module documentation](self) for an example.
#[derive(Clone)]
pub struct Stream(Arc<StreamInner>);

impl fmt::Debug for Stream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stream").field("id", &self.0.id).field("flags", &self.0.flags).finish()
    }
}

impl PartialEq for Stream {
    fn eq(&self, other: &Stream) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Stream {}

impl Stream {
    /// `virStreamNew`: a stream on `conn`; `flags` is a `virStreamFlags` mask
    /// (`VIR_STREAM_NONBLOCK` = 1).
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// let st = virtkit_api::Stream::new(&conn, 1);
    /// assert_eq!(st.flags(), 1);
    /// ```
    pub fn new(conn: &Connect, flags: u32) -> Stream {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        Stream(Arc::new(StreamInner { conn: conn.clone(), flags, id }))
    }

    /// The stream's connection.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(virtkit_api::Stream::new(&conn, 0).connect(), &conn);
    /// ```
    pub fn connect(&self) -> &Connect {
        &self.0.conn
    }

    /// The flags it was created with.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// assert_eq!(virtkit_api::Stream::new(&conn, 0).flags(), 0);
    /// ```
    pub fn flags(&self) -> u32 {
        self.0.flags
    }

    /// A process-unique id.
    ///
    /// ```
    /// # let (conn, _) = virtkit_api::doctest::rw();
    /// use virtkit_api::Stream;
    /// assert_ne!(Stream::new(&conn, 0).id(), Stream::new(&conn, 0).id());
    /// ```
    pub fn id(&self) -> u64 {
        self.0.id
    }
}
