//! The migration protocol steps (v1, v2, v3 and v3 with parameters) through libvirt's private
//! entry points (`virDomainMigrateBegin3Params`, ...), resolved at run time ([`crate::sym`]),
//! so that virtkit's client-side sequencing (`virtkit_migrate`: `DomainMigrate::migrate3` and
//! friends)
//! drives a real migration between two libvirt connections exactly as libvirt's client
//! library does. With a remote connection each step is the RPC of the same name.
//!
//! ```
//! use virtkit_api::DrvFeature;
//! let conn = virtkit_libvirt::open("test:///default")?;
//! // The test driver has no migration: the protocol probes answer no.
//! assert!(!conn.supports_feature(DrvFeature::MigrationV3)?);
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use std::ffi::{c_char, c_int, c_ulong};
use std::sync::atomic::Ordering;

use virtkit_api::flags::DomainMigrateFlags;
use virtkit_api::{
    Connect, Domain, DrvFeature, Error, MigrateBegun, MigrateFinished, MigratePrepared, Result,
};
use virtkit_typedparams::TypedParams;

use crate::driver::{cstr, ocstr, optr, take_bytes, take_opt_string, take_string};
use crate::error::check;
use crate::params::CParams;
use crate::{LibvirtDriver, sym};

/// The function, or libvirt's "not supported" error naming it.
fn need<T>(f: Option<T>, name: &'static str) -> Result<T> {
    f.ok_or_else(|| Error::no_support(name))
}

/// A cookie argument: pointer and length (NULL and 0 when empty).
fn cookie(c: &[u8]) -> (*const c_char, c_int) {
    if c.is_empty() { (std::ptr::null(), 0) } else { (c.as_ptr().cast(), c.len() as c_int) }
}

fn fl(flags: DomainMigrateFlags) -> c_ulong {
    c_ulong::from(flags.bits())
}

fn bw(bandwidth: u64) -> c_ulong {
    bandwidth as c_ulong
}

impl LibvirtDriver {
    /// `virConnectSupportsFeature` (private), as `VIR_DRV_SUPPORTS_FEATURE` reads it.
    /// Answers are kept per connection (see `LibvirtDriver::features`); errors are not.
    pub(crate) fn feature(&self, feature: DrvFeature) -> Result<bool> {
        let slot = self.features.get(feature as usize);
        match slot.map(|s| s.load(Ordering::Relaxed)) {
            Some(1) => return Ok(false),
            Some(2) => return Ok(true),
            _ => {}
        }
        let f = need(sym::virConnectSupportsFeature(), "virConnectSupportsFeature")?;
        // SAFETY: valid connection; the feature is a plain int.
        let yes = check(unsafe { f(self.conn_ptr(), feature as c_int) })? > 0;
        if let Some(s) = slot {
            s.store(if yes { 2 } else { 1 }, Ordering::Relaxed);
        }
        Ok(yes)
    }

    pub(crate) fn prepare(
        &self,
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: Option<&str>,
    ) -> Result<MigratePrepared> {
        let uri_in = ocstr(uri_in)?;
        let dname = ocstr(dname)?;
        let xml = ocstr(dom_xml)?;
        let (mut ck, mut cklen, mut uri_out) = (std::ptr::null_mut(), 0, std::ptr::null_mut());
        // SAFETY: every pointer is valid for the call; outputs are taken over below.
        let ret = unsafe {
            if xml.is_some() {
                let f = need(sym::virDomainMigratePrepare2(), "virDomainMigratePrepare2")?;
                f(
                    self.conn_ptr(),
                    &raw mut ck,
                    &raw mut cklen,
                    optr(&uri_in),
                    &raw mut uri_out,
                    fl(flags),
                    optr(&dname),
                    bw(bandwidth),
                    optr(&xml),
                )
            } else {
                let f = need(sym::virDomainMigratePrepare(), "virDomainMigratePrepare")?;
                f(
                    self.conn_ptr(),
                    &raw mut ck,
                    &raw mut cklen,
                    optr(&uri_in),
                    &raw mut uri_out,
                    fl(flags),
                    optr(&dname),
                    bw(bandwidth),
                )
            }
        };
        // SAFETY: the outputs are NULL or libvirt allocations.
        let (cookie, uri) = unsafe { (take_bytes(ck, cklen), take_opt_string(uri_out)) };
        check(ret)?;
        Ok(MigratePrepared { cookie, uri })
    }

    pub(crate) fn perform(
        &self,
        dom: &Domain,
        cookie_in: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        let f = need(sym::virDomainMigratePerform(), "virDomainMigratePerform")?;
        let d = self.virt_domain(dom)?;
        let uri = cstr(uri)?;
        let dname = ocstr(dname)?;
        let (ck, cklen) = cookie(cookie_in);
        // SAFETY: valid handle and arguments.
        check(unsafe {
            f(d.as_ptr(), ck, cklen, uri.as_ptr(), fl(flags), optr(&dname), bw(bandwidth))
        })?;
        Ok(())
    }

    /// v1 `Finish` (`retcode` none) or v2 `Finish2`: the domain, or `None` when libvirt
    /// returned none without recording an error (`Finish2` after a failed Perform).
    pub(crate) fn finish(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie_in: &[u8],
        uri: &str,
        flags: DomainMigrateFlags,
        retcode: Option<i32>,
    ) -> Result<Option<Domain>> {
        let dname = ocstr(dname)?;
        let uri = cstr(uri)?;
        let (ck, cklen) = cookie(cookie_in);
        // SAFETY: valid arguments; the result is a new reference or NULL.
        let ptr = unsafe {
            match retcode {
                Some(rc) => need(sym::virDomainMigrateFinish2(), "virDomainMigrateFinish2")?(
                    self.conn_ptr(),
                    optr(&dname),
                    ck,
                    cklen,
                    uri.as_ptr(),
                    fl(flags),
                    rc,
                ),
                None => need(sym::virDomainMigrateFinish(), "virDomainMigrateFinish")?(
                    self.conn_ptr(),
                    optr(&dname),
                    ck,
                    cklen,
                    uri.as_ptr(),
                    fl(flags),
                ),
            }
        };
        if ptr.is_null() {
            return match crate::error::take_error() {
                Some(e) => Err(e),
                None if retcode.is_some() => Ok(None),
                None => Err(crate::error::last_error()),
            };
        }
        self.adopt(dconn, ptr).map(Some)
    }

    pub(crate) fn prepare_tunnel(
        &self,
        st: &virtkit_api::Stream,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<()> {
        let f = need(sym::virDomainMigratePrepareTunnel(), "virDomainMigratePrepareTunnel")?;
        let s = self.virt_stream(st)?;
        let dname = ocstr(dname)?;
        let xml = cstr(dom_xml)?;
        // SAFETY: valid stream and arguments.
        check(unsafe {
            f(self.conn_ptr(), s.as_ptr(), fl(flags), optr(&dname), bw(bandwidth), xml.as_ptr())
        })?;
        Ok(())
    }

    pub(crate) fn begin3(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<MigrateBegun> {
        let f = need(sym::virDomainMigrateBegin3(), "virDomainMigrateBegin3")?;
        let d = self.virt_domain(dom)?;
        let xmlin = ocstr(xmlin)?;
        let dname = ocstr(dname)?;
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid handle and arguments; outputs taken over below.
        let xml = unsafe {
            f(
                d.as_ptr(),
                optr(&xmlin),
                &raw mut ck,
                &raw mut cklen,
                fl(flags),
                optr(&dname),
                bw(bandwidth),
            )
        };
        // SAFETY: outputs are NULL or libvirt allocations.
        let cookie = unsafe { take_bytes(ck, cklen) };
        // SAFETY: as above.
        let xml = unsafe { take_string(xml) }?;
        Ok(MigrateBegun { xml, cookie })
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare3(
        &self,
        cookie_in: &[u8],
        uri_in: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<MigratePrepared> {
        let f = need(sym::virDomainMigratePrepare3(), "virDomainMigratePrepare3")?;
        let uri_in = ocstr(uri_in)?;
        let dname = ocstr(dname)?;
        let xml = cstr(dom_xml)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen, mut uri_out) = (std::ptr::null_mut(), 0, std::ptr::null_mut());
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                self.conn_ptr(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                optr(&uri_in),
                &raw mut uri_out,
                fl(flags),
                optr(&dname),
                bw(bandwidth),
                xml.as_ptr(),
            )
        };
        // SAFETY: outputs are NULL or libvirt allocations.
        let (cookie, uri) = unsafe { (take_bytes(ck, cklen), take_opt_string(uri_out)) };
        check(ret)?;
        Ok(MigratePrepared { cookie, uri })
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare_tunnel3(
        &self,
        st: &virtkit_api::Stream,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
        dom_xml: &str,
    ) -> Result<Vec<u8>> {
        let f = need(sym::virDomainMigratePrepareTunnel3(), "virDomainMigratePrepareTunnel3")?;
        let s = self.virt_stream(st)?;
        let dname = ocstr(dname)?;
        let xml = cstr(dom_xml)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                self.conn_ptr(),
                s.as_ptr(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                fl(flags),
                optr(&dname),
                bw(bandwidth),
                xml.as_ptr(),
            )
        };
        // SAFETY: NULL or a libvirt allocation.
        let out = unsafe { take_bytes(ck, cklen) };
        check(ret)?;
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn perform3(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        cookie_in: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<Vec<u8>> {
        let f = need(sym::virDomainMigratePerform3(), "virDomainMigratePerform3")?;
        let d = self.virt_domain(dom)?;
        let (xmlin, dconnuri, uri, dname) =
            (ocstr(xmlin)?, ocstr(dconnuri)?, ocstr(uri)?, ocstr(dname)?);
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                d.as_ptr(),
                optr(&xmlin),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                optr(&dconnuri),
                optr(&uri),
                fl(flags),
                optr(&dname),
                bw(bandwidth),
            )
        };
        // SAFETY: NULL or a libvirt allocation.
        let out = unsafe { take_bytes(ck, cklen) };
        check(ret)?;
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn finish3(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookie_in: &[u8],
        dconnuri: Option<&str>,
        uri: Option<&str>,
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        let f = need(sym::virDomainMigrateFinish3(), "virDomainMigrateFinish3")?;
        let (dname, dconnuri, uri) = (ocstr(dname)?, ocstr(dconnuri)?, ocstr(uri)?);
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ptr = unsafe {
            f(
                self.conn_ptr(),
                optr(&dname),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                optr(&dconnuri),
                optr(&uri),
                fl(flags),
                c_int::from(cancelled),
            )
        };
        self.finished(dconn, ptr, ck, cklen)
    }

    /// Finish3's result: no domain is not an error by itself (the caller then confirms with
    /// `cancelled`), but libvirt's recorded error, if any, is kept for the caller.
    fn finished(
        &self,
        dconn: &Connect,
        ptr: virt::sys::virDomainPtr,
        ck: *mut c_char,
        cklen: c_int,
    ) -> Result<MigrateFinished> {
        // SAFETY: NULL or a libvirt allocation.
        let cookie = unsafe { take_bytes(ck, cklen) };
        if ptr.is_null() {
            return Err(crate::error::last_error());
        }
        Ok(MigrateFinished { dom: Some(self.adopt(dconn, ptr)?), cookie })
    }

    pub(crate) fn confirm3(
        &self,
        dom: &Domain,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        let f = need(sym::virDomainMigrateConfirm3(), "virDomainMigrateConfirm3")?;
        let d = self.virt_domain(dom)?;
        let (ci, cilen) = cookie(cookie_in);
        // SAFETY: valid handle and arguments.
        check(unsafe { f(d.as_ptr(), ci, cilen, fl(flags), c_int::from(cancelled)) })?;
        Ok(())
    }

    pub(crate) fn begin3_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        flags: DomainMigrateFlags,
    ) -> Result<MigrateBegun> {
        let f = need(sym::virDomainMigrateBegin3Params(), "virDomainMigrateBegin3Params")?;
        let d = self.virt_domain(dom)?;
        let mut p = CParams::new(params)?;
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid handle and parameters; outputs taken over below.
        let xml = unsafe {
            f(d.as_ptr(), p.as_ptr(), p.len(), &raw mut ck, &raw mut cklen, flags.bits())
        };
        // SAFETY: NULL or libvirt allocations.
        let cookie = unsafe { take_bytes(ck, cklen) };
        // SAFETY: as above.
        let xml = unsafe { take_string(xml) }?;
        Ok(MigrateBegun { xml, cookie })
    }

    pub(crate) fn prepare3_params(
        &self,
        params: &TypedParams,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<MigratePrepared> {
        let f = need(sym::virDomainMigratePrepare3Params(), "virDomainMigratePrepare3Params")?;
        let mut p = CParams::new(params)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen, mut uri_out) = (std::ptr::null_mut(), 0, std::ptr::null_mut());
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                self.conn_ptr(),
                p.as_ptr(),
                p.len(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                &raw mut uri_out,
                flags.bits(),
            )
        };
        // SAFETY: NULL or libvirt allocations.
        let (cookie, uri) = unsafe { (take_bytes(ck, cklen), take_opt_string(uri_out)) };
        check(ret)?;
        Ok(MigratePrepared { cookie, uri })
    }

    pub(crate) fn prepare_tunnel3_params(
        &self,
        st: &virtkit_api::Stream,
        params: &TypedParams,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        let f = need(
            sym::virDomainMigratePrepareTunnel3Params(),
            "virDomainMigratePrepareTunnel3Params",
        )?;
        let s = self.virt_stream(st)?;
        let mut p = CParams::new(params)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                self.conn_ptr(),
                s.as_ptr(),
                p.as_ptr(),
                p.len(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                flags.bits(),
            )
        };
        // SAFETY: NULL or a libvirt allocation.
        let out = unsafe { take_bytes(ck, cklen) };
        check(ret)?;
        Ok(out)
    }

    pub(crate) fn perform3_params(
        &self,
        dom: &Domain,
        dconnuri: Option<&str>,
        params: &TypedParams,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
    ) -> Result<Vec<u8>> {
        let f = need(sym::virDomainMigratePerform3Params(), "virDomainMigratePerform3Params")?;
        let d = self.virt_domain(dom)?;
        let dconnuri = ocstr(dconnuri)?;
        let mut p = CParams::new(params)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ret = unsafe {
            f(
                d.as_ptr(),
                optr(&dconnuri),
                p.as_ptr(),
                p.len(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                flags.bits(),
            )
        };
        // SAFETY: NULL or a libvirt allocation.
        let out = unsafe { take_bytes(ck, cklen) };
        check(ret)?;
        Ok(out)
    }

    pub(crate) fn finish3_params(
        &self,
        dconn: &Connect,
        params: &TypedParams,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<MigrateFinished> {
        let f = need(sym::virDomainMigrateFinish3Params(), "virDomainMigrateFinish3Params")?;
        let mut p = CParams::new(params)?;
        let (ci, cilen) = cookie(cookie_in);
        let (mut ck, mut cklen) = (std::ptr::null_mut(), 0);
        // SAFETY: valid arguments; outputs taken over below.
        let ptr = unsafe {
            f(
                self.conn_ptr(),
                p.as_ptr(),
                p.len(),
                ci,
                cilen,
                &raw mut ck,
                &raw mut cklen,
                flags.bits(),
                c_int::from(cancelled),
            )
        };
        self.finished(dconn, ptr, ck, cklen)
    }

    pub(crate) fn confirm3_params(
        &self,
        dom: &Domain,
        params: &TypedParams,
        cookie_in: &[u8],
        flags: DomainMigrateFlags,
        cancelled: bool,
    ) -> Result<()> {
        let f = need(sym::virDomainMigrateConfirm3Params(), "virDomainMigrateConfirm3Params")?;
        let d = self.virt_domain(dom)?;
        let mut p = CParams::new(params)?;
        let (ci, cilen) = cookie(cookie_in);
        // SAFETY: valid handle and arguments.
        check(unsafe {
            f(d.as_ptr(), p.as_ptr(), p.len(), ci, cilen, flags.bits(), c_int::from(cancelled))
        })?;
        Ok(())
    }
}
