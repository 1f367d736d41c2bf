//! A small driver for the documentation examples (not part of the API).

use std::sync::Arc;

use crate::enums::DomainEventID;
use crate::events::DomainEventCallback;
use crate::flags::ConnectListAllDomainsFlags;
use crate::types::{DomainInfo, StateReason, Uuid};
use crate::{Connect, Domain, Driver, EventRegistry, Result};

/// Knows one running domain, `test`, like `test:///default`.
#[derive(Default)]
pub struct DocDriver {
    events: EventRegistry,
}

const UUID: Uuid = Uuid([
    0x66, 0x95, 0xeb, 0x01, 0xf6, 0xa4, 0x83, 0x04, 0x79, 0xaa, 0x97, 0xf2, 0x50, 0x2e, 0x19, 0x3f,
]);

impl Driver for DocDriver {
    fn domain_lookup_by_name(&self, conn: &Connect, name: &str) -> Result<Domain> {
        Ok(Domain::new(conn, name, UUID, 1))
    }
    fn domain_lookup_by_uuid(&self, conn: &Connect, _uuid: &Uuid) -> Result<Domain> {
        Ok(Domain::new(conn, "test", UUID, 1))
    }
    fn connect_list_all_domains(
        &self,
        conn: &Connect,
        _flags: ConnectListAllDomainsFlags,
    ) -> Result<Vec<Domain>> {
        Ok(vec![Domain::new(conn, "test", UUID, 1)])
    }
    fn domain_get_info(&self, _dom: &Domain) -> Result<DomainInfo> {
        Ok(DomainInfo { state: 1, max_mem: 8 << 20, memory: 2 << 20, nr_virt_cpu: 2, cpu_time: 0 })
    }
    fn domain_get_state(&self, _dom: &Domain, _flags: u32) -> Result<StateReason> {
        Ok(StateReason { state: 1, reason: 1 })
    }
    fn domain_get_max_memory(&self, _dom: &Domain) -> Result<u64> {
        Ok(8 << 20)
    }
    fn connect_domain_event_register(
        &self,
        _conn: &Connect,
        cb: DomainEventCallback,
    ) -> Result<()> {
        self.events.register(&cb)
    }
    fn connect_domain_event_deregister(
        &self,
        _conn: &Connect,
        cb: &DomainEventCallback,
    ) -> Result<()> {
        self.events.deregister(cb)
    }
    fn connect_domain_event_register_any(
        &self,
        _conn: &Connect,
        dom: Option<&Domain>,
        event_id: DomainEventID,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        self.events.register_any(dom, event_id, &cb)
    }
}

/// A read-write connection and its domain `test`.
pub fn rw() -> (Connect, Domain) {
    let conn = Connect::with_driver(Arc::new(DocDriver::default()), "doc:///default", false);
    let dom = Domain::new(&conn, "test", UUID, 1);
    (conn, dom)
}

/// The domain `test` on a read-write and on a read-only connection.
pub fn ro() -> (Domain, Domain) {
    let (_, rw) = rw();
    let conn = Connect::with_driver(Arc::new(DocDriver::default()), "doc:///default", true);
    (rw, Domain::new(&conn, "test", UUID, 1))
}
