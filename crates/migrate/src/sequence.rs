//! The managed sequences: `virDomainMigrateVersion1`, `Version2` and `Version3Full`
//! (positional or with typed parameters), each driver call made as a reported step.

use virtkit_api::enums::{CEnum, DomainState};
use virtkit_api::flags::{DomainMigrateFlags as F, DomainXMLFlags};
use virtkit_api::migrate::{PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_URI};
use virtkit_api::{
    Connect, Domain, DrvFeature, Error, ErrorCode, ErrorDomain, ErrorLevel, MigratePrepared, Result,
};
use virtkit_typedparams::TypedParams;

use crate::checks;
use crate::{Host, Migration, Step};

/// What `virDispatchError` reports when no error was set.
fn unknown_failure() -> Error {
    Error::from_raw(
        ErrorCode::InternalError.raw(),
        ErrorDomain::None.raw(),
        ErrorLevel::Error,
        "An error occurred, but the cause is unknown",
    )
}

/// Source-only flags are never sent to the destination.
fn dest_flags(flags: F) -> F {
    flags & !(F::ABORT_ON_ERROR | F::AUTO_CONVERGE)
}

impl Migration<'_> {
    /// `flags` plus `PAUSED` when the source domain is paused (`virDomainGetState` when
    /// `by_state`, else `virDomainGetInfo`; a failed query adds nothing, as in libvirt).
    fn paused_flag(&mut self, flags: F, by_state: bool) -> F {
        let dom = self.domain;
        let state = if by_state {
            self.step(Host::Source, Step::GetState, || dom.state(0)).map(|s| s.state)
        } else {
            self.step(Host::Source, Step::GetInfo, || dom.info()).map(|i| i.state)
        };
        if state.is_ok_and(|s| s == DomainState::Paused.raw()) { flags | F::PAUSED } else { flags }
    }

    /// `virDomainMigrateVersion1`: Prepare (destination), Perform (source), Finish
    /// (destination, optional: without it the domain is looked up by name).
    pub(crate) fn version1(
        &mut self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        checks::dname(dname, "virDomainMigrateVersion1")?;
        let dom = self.domain;
        let flags = self.paused_flag(flags, false);
        let destflags = dest_flags(flags);
        let dst = dconn.driver();
        let prepared = self.step(Host::Destination, Step::Prepare, || {
            dst.domain_migrate_prepare(dconn, uri, destflags, dname, bandwidth)
        })?;
        let Some(uri) = prepared.uri.as_deref().or(uri) else {
            return Err(Error::report(
                ErrorCode::InternalError,
                "domainMigratePrepare did not set uri",
            ));
        };
        let cookie = &prepared.cookie;
        self.step(Host::Source, Step::Perform, || {
            dom.connect().driver().domain_migrate_perform(dom, cookie, uri, flags, dname, bandwidth)
        })?;
        let dname = dname.unwrap_or(dom.name());
        let finished = self.step(Host::Destination, Step::Finish, || {
            dst.domain_migrate_finish(dconn, Some(dname), cookie, uri, destflags)
        });
        match finished {
            // v1's Finish is optional: without it the domain is looked up by name.
            Err(e) if e == Error::no_support("virDomainMigrateFinish") => {
                self.step(Host::Destination, Step::LookupByName, || dconn.lookup_by_name(dname))
            }
            other => other,
        }
    }

    /// `virDomainMigrateVersion2`: the source's XML, Prepare2 (destination), Perform
    /// (source), Finish2 (destination, told whether Perform failed).
    pub(crate) fn version2(
        &mut self,
        dconn: &Connect,
        flags: F,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
    ) -> Result<Domain> {
        checks::dname(dname, "virDomainMigrateVersion2")?;
        let dom = self.domain;
        let src = dom.connect();
        let xml_flags = if src.supports_feature(DrvFeature::XmlMigratable)? {
            DomainXMLFlags::MIGRATABLE
        } else {
            DomainXMLFlags::SECURE | DomainXMLFlags::UPDATE_CPU
        };
        let dom_xml = self
            .step(Host::Source, Step::GetXmlDesc, || {
                src.driver().domain_get_xml_desc(dom, xml_flags)
            })
            .map_err(|e| {
                if e.is_no_support() { Error::no_support("virDomainMigrateVersion2") } else { e }
            })?;
        let flags = self.paused_flag(flags, false);
        let destflags = dest_flags(flags);
        let dst = dconn.driver();
        let prepared = self.step(Host::Destination, Step::Prepare2, || {
            dst.domain_migrate_prepare2(dconn, uri, destflags, dname, bandwidth, &dom_xml)
        })?;
        let uri = prepared.uri.as_deref().or(uri);
        let cookie = &prepared.cookie;
        let orig_err = match uri {
            None => Some(Error::report(
                ErrorCode::InternalError,
                "domainMigratePrepare2 did not set uri",
            )),
            Some(uri) => self
                .step(Host::Source, Step::Perform, || {
                    src.driver().domain_migrate_perform(dom, cookie, uri, flags, dname, bandwidth)
                })
                .err(),
        };
        let cancelled = orig_err.is_some();
        let dname = dname.unwrap_or(dom.name());
        let finished = self.step(Host::Destination, Step::Finish2, || {
            dst.domain_migrate_finish2(
                dconn,
                Some(dname),
                cookie,
                uri.unwrap_or(""),
                destflags,
                i32::from(cancelled),
            )
        });
        match finished {
            // A domain despite a cancellation: libvirt logs it and reports success.
            Ok(Some(ddomain)) => Ok(ddomain),
            Ok(None) => Err(orig_err.unwrap_or_else(unknown_failure)),
            Err(e) => Err(orig_err.unwrap_or(e)),
        }
    }

    /// `virDomainMigrateVersion3Full`: Begin3 (source), Prepare3 (destination), Perform3
    /// (source), Finish3 (destination), Confirm3 (source), positional or with parameters.
    #[allow(clippy::too_many_arguments, clippy::too_many_lines)]
    pub(crate) fn version3_full(
        &mut self,
        dconn: &Connect,
        xmlin: Option<&str>,
        dname: Option<&str>,
        uri: Option<&str>,
        bandwidth: u64,
        params: Option<&TypedParams>,
        flags: F,
    ) -> Result<Domain> {
        checks::dname(dname, "virDomainMigrateVersion3Full")?;
        let dom = self.domain;
        let src = dom.connect();
        let sdrv = src.driver();
        let ddrv = dconn.driver();
        let mut params: Option<TypedParams> = params.cloned();
        // Change protection goes to the source's calls only, when the source has it.
        let protection = if src.supports_feature(DrvFeature::MigrateChangeProtection)? {
            F::CHANGE_PROTECTION
        } else {
            F::empty()
        };
        let begun = match &params {
            Some(p) => self.step(Host::Source, Step::Begin3Params, || {
                sdrv.domain_migrate_begin3_params(dom, p, flags | protection)
            })?,
            None => self.step(Host::Source, Step::Begin3, || {
                sdrv.domain_migrate_begin3(dom, xmlin, flags | protection, dname, bandwidth)
            })?,
        };
        let mut flags = flags;
        if !flags.contains(F::POSTCOPY_RESUME) {
            flags = self.paused_flag(flags, params.is_some());
        }
        let destflags = dest_flags(flags);
        if let Some(p) = params.as_mut() {
            p.replace_string(PARAM_DEST_XML, &begun.xml)?;
        }
        let prepared: Result<MigratePrepared> = match &params {
            Some(p) => self.step(Host::Destination, Step::Prepare3Params, || {
                ddrv.domain_migrate_prepare3_params(dconn, p, &begun.cookie, destflags)
            }),
            None => self.step(Host::Destination, Step::Prepare3, || {
                ddrv.domain_migrate_prepare3(
                    dconn,
                    &begun.cookie,
                    uri,
                    destflags,
                    dname,
                    bandwidth,
                    &begun.xml,
                )
            }),
        };
        let mut orig_err: Option<Error> = None;
        let mut notify_source = true;
        let mut cancelled = true;
        let mut cookie;
        let mut ddomain: Option<Domain> = None;
        let mut uri: Option<String> = uri.map(str::to_owned);
        'confirm: {
            let prepared = match prepared {
                Ok(p) => p,
                // With change protection the source holds a job that Confirm releases.
                Err(e) if !protection.is_empty() => {
                    orig_err = Some(e);
                    cookie = Vec::new();
                    break 'confirm;
                }
                Err(e) => return Err(e),
            };
            cookie = prepared.cookie;
            'finish: {
                if let Some(out) = prepared.uri {
                    if let Some(p) = params.as_mut()
                        && let Err(e) = p.replace_string(PARAM_URI, &out)
                    {
                        orig_err = Some(e.into());
                        break 'finish;
                    }
                    uri = Some(out);
                } else if uri.is_none()
                    && params
                        .as_ref()
                        .is_none_or(|p| !matches!(p.get_string(PARAM_URI), Ok(Some(_))))
                {
                    orig_err = Some(Error::report(
                        ErrorCode::InternalError,
                        "domainMigratePrepare3 did not set uri",
                    ));
                    break 'finish;
                }
                if flags.contains(F::OFFLINE) {
                    // Offline: nothing to transfer, Perform is skipped.
                    cookie = Vec::new();
                    cancelled = false;
                    break 'finish;
                }
                let performed = match &params {
                    Some(p) => self.step(Host::Source, Step::Perform3Params, || {
                        sdrv.domain_migrate_perform3_params(
                            dom,
                            None,
                            p,
                            &cookie,
                            flags | protection,
                        )
                    }),
                    None => self.step(Host::Source, Step::Perform3, || {
                        sdrv.domain_migrate_perform3(
                            dom,
                            None,
                            &cookie,
                            None,
                            uri.as_deref(),
                            flags | protection,
                            dname,
                            bandwidth,
                        )
                    }),
                };
                match performed {
                    Ok(out) => {
                        cookie = out;
                        cancelled = false;
                    }
                    Err(e) => {
                        // The source cleaned up after its own failure: no Confirm.
                        orig_err = Some(e);
                        notify_source = false;
                        cookie = Vec::new();
                    }
                }
            }
            let finished = match params.as_mut() {
                Some(p) => {
                    let named = match p.get_string(PARAM_DEST_NAME) {
                        Ok(Some(_)) => Ok(()),
                        _ => p.replace_string(PARAM_DEST_NAME, dom.name()),
                    };
                    match named {
                        Ok(()) => {
                            let p = &*p;
                            self.step(Host::Destination, Step::Finish3Params, || {
                                ddrv.domain_migrate_finish3_params(
                                    dconn, p, &cookie, destflags, cancelled,
                                )
                            })
                        }
                        Err(e) => Err(e.into()),
                    }
                }
                None => self.step(Host::Destination, Step::Finish3, || {
                    ddrv.domain_migrate_finish3(
                        dconn,
                        Some(dname.unwrap_or(dom.name())),
                        &cookie,
                        None,
                        uri.as_deref(),
                        destflags,
                        cancelled,
                    )
                }),
            };
            let mut finish_err = None;
            match finished {
                Ok(f) => {
                    ddomain = f.dom;
                    cookie = f.cookie;
                }
                Err(e) => {
                    finish_err = Some(e);
                    cookie = Vec::new();
                }
            }
            if cancelled && ddomain.is_none() {
                // Prefer Finish's error over a generic failure of QEMU's Perform.
                let generic = orig_err.as_ref().is_some_and(|e| {
                    e.domain() == ErrorDomain::Qemu && e.code() == ErrorCode::OperationFailed
                });
                let specific = finish_err.as_ref().is_some_and(|e| {
                    e.domain() == ErrorDomain::Qemu && e.code() != ErrorCode::MigrateFinishOk
                });
                if generic && specific {
                    orig_err = None;
                }
            }
            // A domain on the destination means success, whatever happened before.
            cancelled = ddomain.is_none();
            if orig_err.is_none() {
                orig_err = finish_err;
            }
        }
        if notify_source {
            // A failed Confirm leaves the guest paused on the source; libvirt only warns.
            let _ = match &params {
                Some(p) => self.step(Host::Source, Step::Confirm3Params, || {
                    sdrv.domain_migrate_confirm3_params(
                        dom,
                        p,
                        &cookie,
                        flags | protection,
                        cancelled,
                    )
                }),
                None => self.step(Host::Source, Step::Confirm3, || {
                    sdrv.domain_migrate_confirm3(dom, &cookie, flags | protection, cancelled)
                }),
            };
        }
        match ddomain {
            Some(d) => Ok(d),
            None => Err(orig_err.unwrap_or_else(unknown_failure)),
        }
    }
}
