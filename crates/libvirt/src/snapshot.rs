//! Snapshots (`virDomainSnapshot*`) and checkpoints (`virDomainCheckpoint*`) of libvirt
//! domains. virtkit's `Driver` seam covers `libvirt-domain.c`; snapshots and checkpoints live
//! in libvirt's `libvirt-domain-snapshot.c` and `libvirt-domain-checkpoint.c`, so this crate
//! offers them directly, on a [`LibvirtDriver`] and a virtkit [`Domain`].
//!
//! ```
//! let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
//! let dom = conn.lookup_by_name("test")?;
//! let snap = drv.snapshot_create_xml(&dom, "<domainsnapshot><name>s1</name></domainsnapshot>", 0)?;
//! assert_eq!(snap.name()?, "s1");
//! assert!(drv.has_current_snapshot(&dom, 0)?);
//! assert_eq!(drv.snapshot_list_names(&dom, 10, 0)?, ["s1"]);
//! snap.delete(0)?;
//! assert_eq!(drv.snapshot_num(&dom, 0)?, 0);
//! # Ok::<(), virtkit_api::Error>(())
//! ```
#![allow(clippy::undocumented_unsafe_blocks)] // the invariant of `callbacks` holds here too

use std::ffi::{CStr, c_char, c_int};

use virt::sys;
use virtkit_api::{Connect, Domain, Error, ErrorCode, ErrorDomain, Result};

use crate::LibvirtDriver;
use crate::driver::{cstr, take_string};
use crate::error::{VirtResult, check, check_ptr};

/// A domain snapshot (`virDomainSnapshotPtr`); clones share it (`virDomainSnapshotRef`),
/// dropping the last one is `virDomainSnapshotFree`.
///
/// ```
/// let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
/// let dom = conn.lookup_by_name("test")?;
/// let s: virtkit_libvirt::Snapshot = drv.snapshot_create_xml(&dom, "<domainsnapshot/>", 0)?;
/// let t = s.clone();
/// assert_eq!(s.name()?, t.name()?);
/// # Ok::<(), virtkit_api::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Snapshot {
    dom: Domain,
    handle: virt::domain_snapshot::DomainSnapshot,
}

/// A domain checkpoint (`virDomainCheckpointPtr`); clones share it
/// (`virDomainCheckpointRef`), dropping the last one is `virDomainCheckpointFree`.
///
/// ```
/// let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
/// let dom = conn.lookup_by_name("test")?;
/// let c: virtkit_libvirt::Checkpoint = drv.checkpoint_create_xml(&dom, "<domaincheckpoint/>", 0)?;
/// let d = c.clone();
/// assert_eq!(c.name()?, d.name()?);
/// # Ok::<(), virtkit_api::Error>(())
/// ```
#[derive(Debug)]
pub struct Checkpoint {
    dom: Domain,
    ptr: sys::virDomainCheckpointPtr,
}

// SAFETY: libvirt's objects are reference counted and thread-safe.
unsafe impl Send for Checkpoint {}
// SAFETY: as above.
unsafe impl Sync for Checkpoint {}

impl Clone for Checkpoint {
    fn clone(&self) -> Checkpoint {
        unsafe { sys::virDomainCheckpointRef(self.ptr) };
        Checkpoint { dom: self.dom.clone(), ptr: self.ptr }
    }
}

impl Drop for Checkpoint {
    fn drop(&mut self) {
        unsafe { sys::virDomainCheckpointFree(self.ptr) };
    }
}

/// Copies `n` names of a `char **` list libvirt filled into a caller array and frees them.
fn names(list: &[*mut c_char], n: c_int) -> Vec<String> {
    list.iter()
        .take(usize::try_from(n).unwrap_or(0))
        .map(|&p| unsafe { crate::driver::take_opt_string(p) }.unwrap_or_default())
        .collect()
}

fn same_connection(
    conn: sys::virConnectPtr,
    drv_conn: sys::virConnectPtr,
    dom: &Domain,
) -> Result<Connect> {
    if conn == drv_conn {
        Ok(dom.connect().clone())
    } else {
        Err(Error::verbatim(
            ErrorCode::InternalError,
            ErrorDomain::None,
            "object belongs to another connection",
        ))
    }
}

impl LibvirtDriver {
    fn snap(dom: &Domain, ptr: sys::virDomainSnapshotPtr) -> Result<Snapshot> {
        let ptr = check_ptr(ptr)?;
        Ok(Snapshot {
            dom: dom.clone(),
            handle: unsafe { virt::domain_snapshot::DomainSnapshot::from_ptr(ptr) },
        })
    }

    fn checkpoint(dom: &Domain, ptr: sys::virDomainCheckpointPtr) -> Result<Checkpoint> {
        Ok(Checkpoint { dom: dom.clone(), ptr: check_ptr(ptr)? })
    }

    /// `virDomainSnapshotCreateXML`. See the [module documentation](self) for an example.
    pub fn snapshot_create_xml(&self, dom: &Domain, xml: &str, flags: u32) -> Result<Snapshot> {
        let h = self.virt_domain(dom)?;
        let xml = cstr(xml)?;
        LibvirtDriver::snap(dom, unsafe {
            sys::virDomainSnapshotCreateXML(h.as_ptr(), xml.as_ptr(), flags)
        })
    }

    /// `virDomainSnapshotLookupByName`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let e = drv.snapshot_lookup_by_name(&dom, "none", 0).unwrap_err();
    /// assert_eq!(e.raw_code(), 72); // VIR_ERR_NO_DOMAIN_SNAPSHOT
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn snapshot_lookup_by_name(
        &self,
        dom: &Domain,
        name: &str,
        flags: u32,
    ) -> Result<Snapshot> {
        let h = self.virt_domain(dom)?;
        let name = cstr(name)?;
        LibvirtDriver::snap(dom, unsafe {
            sys::virDomainSnapshotLookupByName(h.as_ptr(), name.as_ptr(), flags)
        })
    }

    /// `virDomainSnapshotCurrent`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// drv.snapshot_create_xml(&dom, "<domainsnapshot><name>a</name></domainsnapshot>", 0)?;
    /// assert_eq!(drv.snapshot_current(&dom, 0)?.name()?, "a");
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn snapshot_current(&self, dom: &Domain, flags: u32) -> Result<Snapshot> {
        let h = self.virt_domain(dom)?;
        LibvirtDriver::snap(dom, unsafe { sys::virDomainSnapshotCurrent(h.as_ptr(), flags) })
    }

    /// `virDomainHasCurrentSnapshot`. See the [module documentation](self) for an example.
    pub fn has_current_snapshot(&self, dom: &Domain, flags: u32) -> Result<bool> {
        let h = self.virt_domain(dom)?;
        Ok(check(unsafe { sys::virDomainHasCurrentSnapshot(h.as_ptr(), flags) })? > 0)
    }

    /// `virDomainSnapshotNum`. See the [module documentation](self) for an example.
    pub fn snapshot_num(&self, dom: &Domain, flags: u32) -> Result<i32> {
        let h = self.virt_domain(dom)?;
        check(unsafe { sys::virDomainSnapshotNum(h.as_ptr(), flags) })
    }

    /// `virDomainSnapshotListNames`: at most `maxnames` names. See the
    /// [module documentation](self) for an example.
    pub fn snapshot_list_names(
        &self,
        dom: &Domain,
        maxnames: i32,
        flags: u32,
    ) -> Result<Vec<String>> {
        let h = self.virt_domain(dom)?;
        let mut list = vec![std::ptr::null_mut(); usize::try_from(maxnames).unwrap_or(0)];
        let n = check(unsafe {
            sys::virDomainSnapshotListNames(h.as_ptr(), list.as_mut_ptr(), maxnames, flags)
        })?;
        Ok(names(&list, n))
    }

    /// `virDomainListAllSnapshots`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// assert!(drv.list_all_snapshots(&dom, 0)?.is_empty());
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn list_all_snapshots(&self, dom: &Domain, flags: u32) -> Result<Vec<Snapshot>> {
        let h = self.virt_domain(dom)?;
        let list = h.list_all_snapshots(flags).lv()?;
        Ok(list.into_iter().map(|handle| Snapshot { dom: dom.clone(), handle }).collect())
    }

    /// `virDomainCheckpointCreateXML`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let cp = drv.checkpoint_create_xml(&dom, "<domaincheckpoint><name>c1</name></domaincheckpoint>", 0)?;
    /// assert_eq!(cp.name()?, "c1");
    /// assert_eq!(drv.list_all_checkpoints(&dom, 0)?.len(), 1);
    /// assert_eq!(drv.checkpoint_lookup_by_name(&dom, "c1", 0)?.name()?, "c1");
    /// cp.delete(0)?;
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn checkpoint_create_xml(&self, dom: &Domain, xml: &str, flags: u32) -> Result<Checkpoint> {
        let h = self.virt_domain(dom)?;
        let xml = cstr(xml)?;
        LibvirtDriver::checkpoint(dom, unsafe {
            sys::virDomainCheckpointCreateXML(h.as_ptr(), xml.as_ptr(), flags)
        })
    }

    /// `virDomainCheckpointLookupByName`. See [`checkpoint_create_xml`](Self::checkpoint_create_xml).
    pub fn checkpoint_lookup_by_name(
        &self,
        dom: &Domain,
        name: &str,
        flags: u32,
    ) -> Result<Checkpoint> {
        let h = self.virt_domain(dom)?;
        let name = cstr(name)?;
        LibvirtDriver::checkpoint(dom, unsafe {
            sys::virDomainCheckpointLookupByName(h.as_ptr(), name.as_ptr(), flags)
        })
    }

    /// `virDomainListAllCheckpoints`. See [`checkpoint_create_xml`](Self::checkpoint_create_xml).
    pub fn list_all_checkpoints(&self, dom: &Domain, flags: u32) -> Result<Vec<Checkpoint>> {
        let h = self.virt_domain(dom)?;
        let mut list = std::ptr::null_mut();
        let n =
            check(unsafe { sys::virDomainListAllCheckpoints(h.as_ptr(), &raw mut list, flags) })?;
        Ok(checkpoint_list(dom, list, n))
    }
}

fn checkpoint_list(
    dom: &Domain,
    list: *mut sys::virDomainCheckpointPtr,
    n: c_int,
) -> Vec<Checkpoint> {
    if list.is_null() {
        return Vec::new();
    }
    let out = (0..usize::try_from(n).unwrap_or(0))
        .map(|i| Checkpoint { dom: dom.clone(), ptr: unsafe { *list.add(i) } })
        .collect();
    unsafe { libc::free(list.cast()) };
    out
}

impl Snapshot {
    fn ptr(&self) -> sys::virDomainSnapshotPtr {
        unsafe { self.handle.as_ptr() }
    }

    fn wrap(&self, ptr: sys::virDomainSnapshotPtr) -> Result<Snapshot> {
        let ptr = check_ptr(ptr)?;
        Ok(Snapshot {
            dom: self.dom.clone(),
            handle: unsafe { virt::domain_snapshot::DomainSnapshot::from_ptr(ptr) },
        })
    }

    /// `virDomainSnapshotGetName`. See the [module documentation](self) for an example.
    pub fn name(&self) -> Result<String> {
        let p = check_ptr(unsafe { sys::virDomainSnapshotGetName(self.ptr()) }.cast_mut())?;
        Ok(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }

    /// `virDomainSnapshotGetDomain`: the virtkit domain the snapshot belongs to.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let s = drv.snapshot_create_xml(&dom, "<domainsnapshot/>", 0)?;
    /// assert_eq!(s.domain()?.name(), "test");
    /// assert!(s.connect()? == conn);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn domain(&self) -> Result<Domain> {
        let d = check_ptr(unsafe { sys::virDomainSnapshotGetDomain(self.ptr()) })?;
        let mut uuid = [0u8; 16];
        check(unsafe { sys::virDomainGetUUID(d, uuid.as_mut_ptr()) })?;
        if &uuid == self.dom.uuid().as_bytes() {
            Ok(self.dom.clone())
        } else {
            Err(Error::verbatim(
                ErrorCode::InternalError,
                ErrorDomain::None,
                "snapshot of another domain",
            ))
        }
    }

    /// `virDomainSnapshotGetConnect`. See [`domain`](Self::domain).
    pub fn connect(&self) -> Result<Connect> {
        let c = check_ptr(unsafe { sys::virDomainSnapshotGetConnect(self.ptr()) })?;
        let d = check_ptr(unsafe { sys::virDomainSnapshotGetDomain(self.ptr()) })?;
        same_connection(c, unsafe { sys::virDomainGetConnect(d) }, &self.dom)
    }

    /// `virDomainSnapshotGetXMLDesc`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let s = drv.snapshot_create_xml(&dom, "<domainsnapshot><name>x</name></domainsnapshot>", 0)?;
    /// assert!(s.xml_desc(0)?.contains("<name>x</name>"));
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn xml_desc(&self, flags: u32) -> Result<String> {
        unsafe { take_string(sys::virDomainSnapshotGetXMLDesc(self.ptr(), flags)) }
    }

    /// `virDomainSnapshotGetParent`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let a = drv.snapshot_create_xml(&dom, "<domainsnapshot><name>a</name></domainsnapshot>", 0)?;
    /// let b = drv.snapshot_create_xml(&dom, "<domainsnapshot><name>b</name></domainsnapshot>", 0)?;
    /// assert_eq!(b.parent(0)?.name()?, "a");
    /// assert_eq!(a.num_children(0)?, 1);
    /// assert_eq!(a.list_children_names(4, 0)?, ["b"]);
    /// assert_eq!(a.list_all_children(0)?[0].name()?, "b");
    /// assert!(b.is_current(0)? && b.has_metadata(0)?);
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn parent(&self, flags: u32) -> Result<Snapshot> {
        self.wrap(unsafe { sys::virDomainSnapshotGetParent(self.ptr(), flags) })
    }

    /// `virDomainRevertToSnapshot`.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let s = drv.snapshot_create_xml(&dom, "<domainsnapshot/>", 0)?;
    /// dom.suspend()?;
    /// s.revert(0)?;
    /// assert_eq!(dom.state(0)?.state, 1); // running again, as when the snapshot was taken
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn revert(&self, flags: u32) -> Result<()> {
        self.handle.revert(flags).lv()
    }

    /// `virDomainSnapshotDelete`. See the [module documentation](self) for an example.
    pub fn delete(&self, flags: u32) -> Result<()> {
        self.handle.delete(flags).lv()
    }

    /// `virDomainSnapshotNumChildren`. See [`parent`](Self::parent).
    pub fn num_children(&self, flags: u32) -> Result<i32> {
        check(unsafe { sys::virDomainSnapshotNumChildren(self.ptr(), flags) })
    }

    /// `virDomainSnapshotListChildrenNames`. See [`parent`](Self::parent).
    pub fn list_children_names(&self, maxnames: i32, flags: u32) -> Result<Vec<String>> {
        let mut list = vec![std::ptr::null_mut(); usize::try_from(maxnames).unwrap_or(0)];
        let n = check(unsafe {
            sys::virDomainSnapshotListChildrenNames(self.ptr(), list.as_mut_ptr(), maxnames, flags)
        })?;
        Ok(names(&list, n))
    }

    /// `virDomainSnapshotListAllChildren`. See [`parent`](Self::parent).
    pub fn list_all_children(&self, flags: u32) -> Result<Vec<Snapshot>> {
        let list = self.handle.list_all_children(flags).lv()?;
        Ok(list.into_iter().map(|handle| Snapshot { dom: self.dom.clone(), handle }).collect())
    }

    /// `virDomainSnapshotIsCurrent`. See [`parent`](Self::parent).
    pub fn is_current(&self, flags: u32) -> Result<bool> {
        self.handle.is_current(flags).lv()
    }

    /// `virDomainSnapshotHasMetadata`. See [`parent`](Self::parent).
    pub fn has_metadata(&self, flags: u32) -> Result<bool> {
        self.handle.has_metadata(flags).lv()
    }
}

impl Checkpoint {
    /// `virDomainCheckpointGetName`. See
    /// [`LibvirtDriver::checkpoint_create_xml`] for an example.
    pub fn name(&self) -> Result<String> {
        let p = check_ptr(unsafe { sys::virDomainCheckpointGetName(self.ptr) }.cast_mut())?;
        Ok(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }

    /// `virDomainCheckpointGetDomain`: the virtkit domain the checkpoint belongs to.
    ///
    /// ```
    /// # let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
    /// # let dom = conn.lookup_by_name("test")?;
    /// let a = drv.checkpoint_create_xml(&dom, "<domaincheckpoint><name>a</name></domaincheckpoint>", 0)?;
    /// let b = drv.checkpoint_create_xml(&dom, "<domaincheckpoint><name>b</name></domaincheckpoint>", 0)?;
    /// assert_eq!(b.domain()?.name(), "test");
    /// assert!(b.connect()? == conn);
    /// assert_eq!(b.parent(0)?.name()?, "a");
    /// assert_eq!(a.list_all_children(0)?[0].name()?, "b");
    /// assert!(b.xml_desc(0)?.contains("<name>b</name>"));
    /// # Ok::<(), virtkit_api::Error>(())
    /// ```
    pub fn domain(&self) -> Result<Domain> {
        let d = check_ptr(unsafe { sys::virDomainCheckpointGetDomain(self.ptr) })?;
        let mut uuid = [0u8; 16];
        check(unsafe { sys::virDomainGetUUID(d, uuid.as_mut_ptr()) })?;
        if &uuid == self.dom.uuid().as_bytes() {
            Ok(self.dom.clone())
        } else {
            Err(Error::verbatim(
                ErrorCode::InternalError,
                ErrorDomain::None,
                "checkpoint of another domain",
            ))
        }
    }

    /// `virDomainCheckpointGetConnect`. See [`domain`](Self::domain).
    pub fn connect(&self) -> Result<Connect> {
        let c = check_ptr(unsafe { sys::virDomainCheckpointGetConnect(self.ptr) })?;
        let d = check_ptr(unsafe { sys::virDomainCheckpointGetDomain(self.ptr) })?;
        same_connection(c, unsafe { sys::virDomainGetConnect(d) }, &self.dom)
    }

    /// `virDomainCheckpointGetXMLDesc`. See [`domain`](Self::domain).
    pub fn xml_desc(&self, flags: u32) -> Result<String> {
        unsafe { take_string(sys::virDomainCheckpointGetXMLDesc(self.ptr, flags)) }
    }

    /// `virDomainCheckpointGetParent`. See [`domain`](Self::domain).
    pub fn parent(&self, flags: u32) -> Result<Checkpoint> {
        LibvirtDriver::checkpoint(&self.dom, unsafe {
            sys::virDomainCheckpointGetParent(self.ptr, flags)
        })
    }

    /// `virDomainCheckpointListAllChildren`. See [`domain`](Self::domain).
    pub fn list_all_children(&self, flags: u32) -> Result<Vec<Checkpoint>> {
        let mut list = std::ptr::null_mut();
        let n = check(unsafe {
            sys::virDomainCheckpointListAllChildren(self.ptr, &raw mut list, flags)
        })?;
        Ok(checkpoint_list(&self.dom, list, n))
    }

    /// `virDomainCheckpointDelete`. See [`LibvirtDriver::checkpoint_create_xml`].
    pub fn delete(&self, flags: u32) -> Result<()> {
        check(unsafe { sys::virDomainCheckpointDelete(self.ptr, flags) }).map(drop)
    }
}
