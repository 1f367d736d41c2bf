//! The migration driver steps, modelled on where libvirt's QEMU driver leaves the guest at
//! each step (see the crate documentation for the table):
//!
//! * **Begin3** (source): the domain must run (or `OFFLINE`); a migration job starts; returns
//!   the XML to send and a cookie naming the source.
//! * **Prepare** / **Prepare2** / **Prepare3** (destination): the incoming domain is created
//!   *paused* (reason `migration`, event `STARTED_MIGRATED`); v1's Prepare, which has no XML,
//!   only reserves the migration. Offline: nothing starts. Returns a cookie naming the
//!   destination and the migration (a token) and, without `uri_in`, a `sim+migrate://` URI.
//! * **Perform3** (source): the guest's state moves into the prepared domain; the source is
//!   left paused (reason `migration`, event `SUSPENDED_MIGRATED`). v1/v2 **Perform** also stops
//!   the source (reason `migrated`, event `STOPPED_MIGRATED`; `UNDEFINE_SOURCE` honoured),
//!   since those protocols have no Confirm. With `PEER2PEER` the source opens the destination
//!   (`Connect::open(dconnuri)`) and drives the whole managed sequence through
//!   [`virtkit_migrate::DomainMigrate::migrate2`] /
//!   [`migrate3`](virtkit_migrate::DomainMigrate::migrate3) itself.
//!   Without a Prepare cookie (`virDomainMigrateToURI` without `PEER2PEER`, "direct") the
//!   source runs Prepare, the transfer and Finish on the host the URI names.
//! * **Finish** (destination): the domain runs (reason `migrated`, event `RESUMED_MIGRATED`),
//!   or stays paused with `PAUSED` (reason `user`, `SUSPENDED_PAUSED`); `PERSIST_DEST` makes it
//!   persistent (`DEFINED`). Cancelled, or nothing transferred: the incoming domain is killed
//!   (reason `failed`, `STOPPED_FAILED`) and no domain is returned (an error when nothing was
//!   transferred and the step was not cancelled).
//! * **Confirm3** (source): success stops the source (reason `migrated`, `STOPPED_MIGRATED`;
//!   `UNDEFINE_SOURCE` undefines it, a transient one disappears); cancelled resumes a guest
//!   that was running (reason `migration-canceled`, `RESUMED_MIGRATED`).
//!
//! Cookies are text: a `sim-migration/1` line then `key=value` lines (`step`, `host`, `name`,
//! `uuid`, `dest`, `token`). A step checks the cookie it needs and reports a malformed one.

use std::sync::Arc;

use virtkit_api::enums::{
    CEnum, DomainEventDefinedDetailType as Defined, DomainEventResumedDetailType as Resumed,
    DomainEventStartedDetailType as Started, DomainEventStoppedDetailType as Stopped,
    DomainEventSuspendedDetailType as Suspended, DomainEventType as Ev,
    DomainEventUndefinedDetailType as Undefined, DomainPausedReason, DomainRunningReason,
    DomainShutoffReason, DomainState,
};
use virtkit_api::flags::DomainMigrateFlags as F;
use virtkit_api::migrate::{PARAM_BANDWIDTH, PARAM_DEST_NAME, PARAM_DEST_XML, PARAM_URI};
use virtkit_api::{
    Connect, Domain, DrvFeature, Error, ErrorCode, ErrorDomain, MigrateBegun, MigrateFinished,
    MigratePrepared, Result,
};
use virtkit_migrate::DomainMigrate;
use virtkit_typedparams::TypedParams;

use crate::driver::{SimDriver, Target, not_running, op_invalid, target};
use crate::host::{HostCore, HostState, Incoming, MigrationOut, existing};
use crate::lifecycle::{add_live, find_slot, parse_def};

/// The first line of every sim migration cookie.
pub const COOKIE_MAGIC: &str = "sim-migration/1";

fn op_failed(detail: impl Into<String>) -> Error {
    Error::new(ErrorCode::OperationFailed, ErrorDomain::Test, detail.into())
}

/// A migration cookie's fields.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Cookie {
    pub(crate) fields: Vec<(String, String)>,
}

impl Cookie {
    fn new(step: &str, host: &str) -> Cookie {
        let mut c = Cookie::default();
        c.set("step", step);
        c.set("host", host);
        c
    }

    fn set(&mut self, key: &str, value: &str) {
        self.fields.retain(|(k, _)| k != key);
        self.fields.push((key.to_owned(), value.to_owned()));
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn encode(&self) -> Vec<u8> {
        let mut s = String::from(COOKIE_MAGIC);
        for (k, v) in &self.fields {
            s.push('\n');
            s.push_str(k);
            s.push('=');
            s.push_str(v);
        }
        s.into_bytes()
    }

    /// Reads a cookie; an empty one has no fields.
    fn decode(bytes: &[u8]) -> Result<Cookie> {
        if bytes.is_empty() {
            return Ok(Cookie::default());
        }
        let bad =
            || Error::new(ErrorCode::InternalError, ErrorDomain::Test, "invalid migration cookie");
        let text = core::str::from_utf8(bytes).map_err(|_| bad())?;
        let mut lines = text.split('\n');
        if lines.next() != Some(COOKIE_MAGIC) {
            return Err(bad());
        }
        let mut c = Cookie::default();
        for line in lines {
            let (k, v) = line.split_once('=').ok_or_else(bad)?;
            c.fields.push((k.to_owned(), v.to_owned()));
        }
        Ok(c)
    }

    fn token(&self) -> Option<u64> {
        self.get("token").and_then(|t| t.parse().ok())
    }
}

/// The migration parameters the steps read (`VIR_MIGRATE_PARAM_*`).
pub(crate) struct Params<'a> {
    pub(crate) uri: Option<&'a str>,
    pub(crate) dname: Option<&'a str>,
    pub(crate) dxml: Option<&'a str>,
    pub(crate) bandwidth: u64,
}

impl<'a> Params<'a> {
    pub(crate) fn read(p: &'a TypedParams) -> Result<Params<'a>> {
        Ok(Params {
            uri: p.get_string(PARAM_URI)?,
            dname: p.get_string(PARAM_DEST_NAME)?,
            dxml: p.get_string(PARAM_DEST_XML)?,
            bandwidth: p.get_ullong(PARAM_BANDWIDTH)?.unwrap_or(0),
        })
    }
}

/// Perform's arguments, positional or from parameters.
pub(crate) struct PerformArgs<'a> {
    pub(crate) xmlin: Option<&'a str>,
    pub(crate) dconnuri: Option<&'a str>,
    pub(crate) uri: Option<&'a str>,
    pub(crate) dname: Option<&'a str>,
    pub(crate) bandwidth: u64,
    pub(crate) params: Option<&'a TypedParams>,
}

/// libvirt's QEMU checks of an offline migration's flags.
fn offline_checks(flags: F) -> Result<()> {
    if !flags.contains(F::OFFLINE) {
        return Ok(());
    }
    if flags.intersects(F::NON_SHARED_DISK | F::NON_SHARED_INC) {
        return Err(op_invalid("offline migration cannot handle non-shared storage"));
    }
    if !flags.contains(F::PERSIST_DEST) {
        return Err(op_invalid("offline migration must be specified with the persistent flag set"));
    }
    if flags.contains(F::TUNNELLED) {
        return Err(op_invalid("tunnelled offline migration does not make sense"));
    }
    Ok(())
}

/// The next migration token (unique per process).
fn next_token() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Destination side of Prepare on `host`: returns the token and the migration URI.
pub(crate) fn prepare_on(
    host: &HostCore,
    uri_in: Option<&str>,
    flags: F,
    dname: Option<&str>,
    xml: Option<&str>,
) -> Result<(u64, String)> {
    offline_checks(flags)?;
    let token = next_token();
    host.run(|state| {
        let mut incoming = Incoming {
            token,
            name: dname.unwrap_or_default().to_owned(),
            uuid: None,
            offline: flags.contains(F::OFFLINE),
            def: None,
            transferred: false,
            persistent_def: None,
            was_defined: false,
        };
        if let Some(xml) = xml {
            let mut def = parse_def(state, xml)?;
            if let Some(n) = dname {
                def.name = Some(n.to_owned());
            }
            incoming.name = def.name.clone().unwrap_or_default();
            incoming.uuid = def.uuid.map(|u| u.0);
            if state.incoming.iter().any(|m| m.name == incoming.name) {
                return Err(op_invalid(format!(
                    "domain '{}' is already being migrated to this host",
                    incoming.name
                )));
            }
            let slot = find_slot(state, &def, true)?;
            incoming.was_defined = slot.is_some();
            if incoming.offline {
                incoming.def = Some(def);
            } else {
                let i = add_live(state, def)?;
                start_incoming(state, i);
            }
        }
        state.incoming.push(incoming);
        Ok(())
    })?;
    let uri = uri_in.map_or_else(|| format!("sim+migrate://{}/", host.name), str::to_owned);
    Ok((token, uri))
}

fn start_incoming(state: &mut HostState, i: usize) {
    state.start(i, DomainState::Paused, DomainPausedReason::Migration.raw());
    state.lifecycle(i, Ev::Started, Started::Migrated);
}

/// What moves with the guest.
struct Payload {
    def: crate::def::Def,
    persistent_def: Option<crate::def::Def>,
    counters: crate::host::Counters,
}

/// Destination side of the transfer: the guest's state arrives for migration `token`.
fn receive(host: &HostCore, token: u64, dname: Option<&str>, payload: Payload) -> Result<()> {
    host.run(|state| {
        let k = state.incoming.iter().position(|m| m.token == token).ok_or_else(|| {
            op_failed(format!("no migration was prepared on host '{}'", host.name))
        })?;
        if state.incoming[k].uuid.is_none() {
            // v1: the domain is known only now.
            let mut def = payload.def.clone();
            let name = dname
                .map(str::to_owned)
                .or_else(|| {
                    (!state.incoming[k].name.is_empty()).then(|| state.incoming[k].name.clone())
                })
                .or_else(|| def.name.clone())
                .unwrap_or_default();
            def.name = Some(name.clone());
            let was_defined = find_slot(state, &def, true)?.is_some();
            let i = add_live(state, def.clone())?;
            start_incoming(state, i);
            let m = &mut state.incoming[k];
            m.name = name;
            m.uuid = def.uuid.map(|u| u.0);
            m.was_defined = was_defined;
        }
        let m = &state.incoming[k];
        let uuid = m.uuid.unwrap_or_default();
        let i = state
            .find_uuid(uuid)
            .ok_or_else(|| op_failed(format!("incoming domain '{}' is gone", m.name)))?;
        state.domains[i].counters = payload.counters;
        let m = &mut state.incoming[k];
        m.transferred = true;
        m.persistent_def = payload.persistent_def;
        Ok(())
    })
}

/// Destination side of Finish on `host`; returns the domain's index (none when cancelled).
#[allow(clippy::single_match_else)] // Two shapes of one decision read better as a match.
pub(crate) fn finish_on(
    host: &HostCore,
    token: Option<u64>,
    dname: Option<&str>,
    flags: F,
    cancelled: bool,
) -> Result<Option<(String, [u8; 16], i32)>> {
    host.run(|state| {
        let k = token
            .and_then(|t| state.incoming.iter().position(|m| m.token == t))
            .or_else(|| dname.and_then(|n| state.incoming.iter().position(|m| m.name == n)))
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::NoDomain,
                    ErrorDomain::Test,
                    format!("no domain with matching name '{}'", dname.unwrap_or_default()),
                )
            })?;
        let m = state.incoming.remove(k);
        let index = m.uuid.and_then(|u| state.find_uuid(u));
        if m.offline {
            if cancelled {
                return Ok(None);
            }
            let def = m.def.ok_or_else(|| op_failed("offline migration lost its definition"))?;
            let (i, detail) = match find_slot(state, &def, false)? {
                Some(i) => {
                    state.domains[i].def = def;
                    state.domains[i].persistent = true;
                    (i, Defined::Updated)
                }
                None => {
                    state.domains.push(crate::host::Dom::new(def, true));
                    (state.domains.len() - 1, Defined::Added)
                }
            };
            state.lifecycle(i, Ev::Defined, detail);
            let d = &state.domains[i];
            return Ok(Some((d.name().to_owned(), d.uuid(), d.id)));
        }
        let Some(i) = index else {
            return if cancelled {
                Ok(None)
            } else {
                Err(op_failed(format!("migration of domain '{}' did not complete", m.name)))
            };
        };
        if cancelled || !m.transferred {
            state.lifecycle(i, Ev::Stopped, Stopped::Failed);
            state.stop(i, DomainShutoffReason::Failed);
            if cancelled {
                return Ok(None);
            }
            return Err(op_failed(format!(
                "migration of domain '{}' did not complete: no guest state arrived",
                m.name
            )));
        }
        if flags.contains(F::PERSIST_DEST) {
            let d = &mut state.domains[i];
            let pdef = m.persistent_def.unwrap_or_else(|| d.def.clone());
            let detail = if d.persistent { Defined::Updated } else { Defined::Added };
            d.persistent = true;
            d.new_def = Some(pdef);
            state.lifecycle(i, Ev::Defined, detail);
        }
        if flags.contains(F::PAUSED) {
            state.domains[i].set_state(DomainState::Paused, DomainPausedReason::User.raw());
            state.lifecycle(i, Ev::Suspended, Suspended::Paused);
        } else {
            state.domains[i].set_state(DomainState::Running, DomainRunningReason::Migrated.raw());
            state.lifecycle(i, Ev::Resumed, Resumed::Migrated);
        }
        let d = &state.domains[i];
        Ok(Some((d.name().to_owned(), d.uuid(), d.id)))
    })
}

/// Stops the source domain at `i` after a successful migration (Confirm3, or v1/v2
/// Perform), undefining it with `UNDEFINE_SOURCE`.
fn stop_source(state: &mut HostState, i: usize, flags: F) {
    let undefine = flags.contains(F::UNDEFINE_SOURCE) && state.domains[i].persistent;
    if state.domains[i].is_active() {
        state.lifecycle(i, Ev::Stopped, Stopped::Migrated);
        if !state.stop(i, DomainShutoffReason::Migrated) {
            return;
        }
    }
    state.domains[i].migration = None;
    if undefine {
        state.lifecycle(i, Ev::Undefined, Undefined::Removed);
        state.domains.remove(i);
    }
}

impl SimDriver {
    fn cookie(&self, step: &str) -> Cookie {
        Cookie::new(step, &self.host.name)
    }

    #[allow(clippy::single_match_else)] // As in `finish_on`.
    pub(crate) fn begin(
        &self,
        dom: &Domain,
        xmlin: Option<&str>,
        flags: F,
        _dname: Option<&str>,
    ) -> Result<MigrateBegun> {
        offline_checks(flags)?;
        self.with(dom, |state, i| {
            let clock = state.clock_ms;
            let d = &mut state.domains[i];
            if !d.is_active() && !flags.contains(F::OFFLINE) {
                return Err(not_running());
            }
            if d.migration.is_some() {
                return Err(op_invalid(format!("domain '{}' is already being migrated", d.name())));
            }
            let xml = match xmlin {
                Some(x) => x.to_owned(),
                None => {
                    let def = if d.is_active() { &d.def } else { d.persistent_def() };
                    def.to_xml_flags(
                        virtkit_domxml::FormatFlags::from_bits(
                            virtkit_domxml::FormatFlags::SECURE.bits()
                                | virtkit_domxml::FormatFlags::MIGRATABLE.bits(),
                        )
                        .unwrap_or(virtkit_domxml::FormatFlags::NONE),
                    )
                }
            };
            d.migration = Some(MigrationOut {
                resume_to: d.is_active().then_some((d.state, d.reason)),
                abort_requested: false,
                performed: false,
                started_ms: clock,
                postcopy: flags.contains(F::POSTCOPY),
                postcopy_started: false,
            });
            let mut c = Cookie::new("begin", &self.host.name);
            c.set("name", d.name());
            c.set("uuid", &virtkit_domxml::Uuid(d.uuid()).to_string());
            Ok(MigrateBegun { xml, cookie: c.encode() })
        })
    }

    pub(crate) fn prepare(
        &self,
        _dconn: &Connect,
        cookiein: &[u8],
        uri_in: Option<&str>,
        flags: F,
        dname: Option<&str>,
        xml: Option<&str>,
    ) -> Result<MigratePrepared> {
        let src = Cookie::decode(cookiein)?;
        let (token, uri) = prepare_on(&self.host, uri_in, flags, dname, xml)?;
        let mut c = self.cookie("prepare");
        c.set("dest", &self.host.name);
        c.set("token", &token.to_string());
        if let Some(h) = src.get("host") {
            c.set("source", h);
        }
        Ok(MigratePrepared { cookie: c.encode(), uri: Some(uri) })
    }

    /// The source's half of the transfer: sends the guest to the prepared destination named
    /// by `cookie`. `stop` (v1/v2) stops the source, else it is left paused.
    fn transfer(
        &self,
        dom: &Domain,
        cookie: &Cookie,
        dname: Option<&str>,
        flags: F,
        stop: bool,
    ) -> Result<()> {
        let dest_name =
            cookie.get("dest").ok_or_else(|| op_failed("migration cookie names no destination"))?;
        let token = cookie.token().ok_or_else(|| op_failed("migration cookie has no token"))?;
        let dest = existing(dest_name).ok_or_else(|| {
            op_failed(format!("migration destination host '{dest_name}' is gone"))
        })?;
        self.send(dom, &dest, token, dname, flags, stop)
    }

    fn send(
        &self,
        dom: &Domain,
        dest: &Arc<HostCore>,
        token: u64,
        dname: Option<&str>,
        flags: F,
        stop: bool,
    ) -> Result<()> {
        let payload = self.with(dom, |state, i| {
            let clock = state.clock_ms;
            let d = &mut state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            let resume_to = Some((d.state, d.reason));
            let m = d.migration.get_or_insert(MigrationOut {
                resume_to,
                abort_requested: false,
                performed: false,
                started_ms: clock,
                postcopy: flags.contains(F::POSTCOPY),
                postcopy_started: false,
            });
            if m.abort_requested {
                m.abort_requested = false;
                return Err(Error::new(
                    ErrorCode::OperationAborted,
                    ErrorDomain::Test,
                    "migration out job: canceled by client",
                ));
            }
            Ok(Payload {
                def: d.def.clone(),
                persistent_def: (flags.contains(F::PERSIST_DEST) && d.persistent)
                    .then(|| d.persistent_def().clone()),
                counters: d.counters,
            })
        })?;
        receive(dest, token, dname, payload)?;
        self.with(dom, |state, i| {
            if stop {
                stop_source(state, i, flags);
                return Ok(());
            }
            let d = &mut state.domains[i];
            let was_running = d.state == DomainState::Running;
            d.set_state(DomainState::Paused, DomainPausedReason::Migration.raw());
            if let Some(m) = d.migration.as_mut() {
                m.performed = true;
            }
            if was_running {
                state.lifecycle(i, Ev::Suspended, Suspended::Migrated);
            }
            Ok(())
        })
    }

    /// Direct migration: the source drives Prepare, the transfer and Finish on the host the
    /// migration URI names, then stops.
    fn direct(&self, dom: &Domain, uri: Option<&str>, dname: Option<&str>, flags: F) -> Result<()> {
        if !self.host.control().feature(DrvFeature::MigrationDirect) {
            return Err(Error::argument_unsupported(
                "direct migration is not supported by this host",
            ));
        }
        let uri = uri.ok_or_else(|| op_failed("direct migration needs a migration URI"))?;
        let Target::Named(name) = target(&uri.replacen("sim+migrate:", "sim:", 1))? else {
            return Err(op_failed(format!("cannot migrate directly to '{uri}'")));
        };
        let dest = existing(&name).ok_or_else(|| {
            op_failed(format!("migration destination host '{name}' does not exist"))
        })?;
        if Arc::ptr_eq(&dest, &self.host) {
            return Err(Error::invalid_arg("Attempt to migrate guest to the same host"));
        }
        let xml = self.with(dom, |state, i| {
            let d = &state.domains[i];
            if !d.is_active() {
                return Err(not_running());
            }
            Ok(crate::lifecycle::secure_xml(&d.def))
        })?;
        let (token, _) = prepare_on(&dest, None, flags, dname, Some(&xml))?;
        if let Err(e) = self.send(dom, &dest, token, None, flags, true) {
            let _ = finish_on(&dest, Some(token), dname, flags, true);
            return Err(e);
        }
        finish_on(&dest, Some(token), dname, flags, false).map(|_| ())
    }

    /// Peer-to-peer: the source's driver opens the destination and runs the managed
    /// migration through the public API.
    fn p2p(&self, dom: &Domain, args: &PerformArgs<'_>, flags: F) -> Result<()> {
        if !self.host.control().feature(DrvFeature::MigrationP2p) {
            return Err(Error::argument_unsupported("p2p migration is not supported by this host"));
        }
        let dconnuri = args.dconnuri.ok_or_else(|| {
            Error::invalid_arg("missing destination URI for peer-to-peer migration")
        })?;
        let dconn = Connect::open(dconnuri)?;
        let own = format!("sim:///{}", self.host.name);
        let sconn =
            Connect::with_driver(Arc::new(SimDriver::for_host(self.host.clone())), &own, false);
        let sdom = sconn.lookup_by_uuid(&dom.uuid())?;
        let flags = flags - F::PEER2PEER - F::TUNNELLED;
        match args.params {
            Some(p) => sdom.migrate3(&dconn, p, flags).map(|_| ()),
            None => sdom
                .migrate2(&dconn, args.xmlin, flags, args.dname, args.uri, args.bandwidth)
                .map(|_| ()),
        }
    }

    pub(crate) fn perform3(
        &self,
        dom: &Domain,
        cookiein: &[u8],
        args: &PerformArgs<'_>,
        flags: F,
    ) -> Result<Vec<u8>> {
        if flags.contains(F::PEER2PEER) {
            self.p2p(dom, args, flags)?;
            return Ok(Vec::new());
        }
        let cookie = Cookie::decode(cookiein)?;
        if cookie.get("dest").is_none() {
            self.direct(dom, args.uri, args.dname, flags)?;
            return Ok(Vec::new());
        }
        self.transfer(dom, &cookie, args.dname, flags, false)?;
        let mut out = self.cookie("perform");
        for key in ["dest", "token"] {
            if let Some(v) = cookie.get(key) {
                out.set(key, v);
            }
        }
        Ok(out.encode())
    }

    /// A failed Perform3 ends the source's migration job by itself (the client calls no
    /// Confirm after it), resuming a guest that had been paused for the transfer, as the
    /// QEMU driver does.
    pub(crate) fn abandon_outgoing(&self, dom: &Domain) {
        let _ = self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            if let Some(m) = d.migration.take()
                && m.performed
                && d.is_active()
                && let Some((st, reason)) = m.resume_to
            {
                if st == DomainState::Running {
                    d.set_state(DomainState::Running, DomainRunningReason::MigrationCanceled.raw());
                    state.lifecycle(i, Ev::Resumed, Resumed::Migrated);
                } else {
                    d.set_state(st, reason);
                }
            }
            Ok(())
        });
    }

    pub(crate) fn perform_v2(
        &self,
        dom: &Domain,
        cookie: &[u8],
        uri: &str,
        flags: F,
        dname: Option<&str>,
        bandwidth: u64,
    ) -> Result<()> {
        if flags.contains(F::PEER2PEER) {
            let args = PerformArgs {
                xmlin: None,
                dconnuri: Some(uri),
                uri: None,
                dname,
                bandwidth,
                params: None,
            };
            return self.p2p(dom, &args, flags);
        }
        let cookie = Cookie::decode(cookie)?;
        if cookie.get("dest").is_none() {
            return self.direct(dom, Some(uri), dname, flags);
        }
        self.transfer(dom, &cookie, dname, flags, true)
    }

    pub(crate) fn finish(
        &self,
        dconn: &Connect,
        dname: Option<&str>,
        cookiein: &[u8],
        flags: F,
        cancelled: bool,
        no_domain: bool,
    ) -> Result<MigrateFinished> {
        let cookie = Cookie::decode(cookiein)?;
        let token = cookie.get("dest").filter(|d| *d == self.host.name).and(cookie.token());
        let found = finish_on(&self.host, token, dname, flags, cancelled || no_domain)?;
        let mut out = self.cookie("finish");
        out.set("dest", &self.host.name);
        Ok(MigrateFinished {
            dom: found.map(|(name, uuid, id)| {
                Domain::new(dconn, &name, virtkit_api::types::Uuid(uuid), id)
            }),
            cookie: out.encode(),
        })
    }

    pub(crate) fn confirm(
        &self,
        dom: &Domain,
        cookiein: &[u8],
        flags: F,
        cancelled: bool,
    ) -> Result<()> {
        Cookie::decode(cookiein)?;
        self.with(dom, |state, i| {
            let d = &mut state.domains[i];
            let Some(m) = d.migration.take() else {
                return Err(op_invalid(format!("domain '{}' is not being migrated", d.name())));
            };
            if cancelled {
                if let Some((st, reason)) = m.resume_to
                    && d.is_active()
                    && m.performed
                {
                    if st == DomainState::Running {
                        d.set_state(
                            DomainState::Running,
                            DomainRunningReason::MigrationCanceled.raw(),
                        );
                        state.lifecycle(i, Ev::Resumed, Resumed::Migrated);
                    } else {
                        d.set_state(st, reason);
                    }
                }
                return Ok(());
            }
            stop_source(state, i, flags);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Cookie;

    #[test]
    fn cookies_round_trip_and_bad_ones_are_refused() {
        let mut c = Cookie::new("prepare", "b");
        c.set("token", "7");
        let back = Cookie::decode(&c.encode()).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.token(), Some(7));
        assert!(Cookie::decode(b"nonsense").is_err());
        assert!(Cookie::decode(b"").unwrap().fields.is_empty());
    }
}
