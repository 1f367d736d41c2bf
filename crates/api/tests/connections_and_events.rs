//! Connections by URI, read-only connections, close callbacks and domain events delivered
//! through a driver that keeps its callbacks in an `EventRegistry`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use virtkit_api::enums::{CEnum, DomainEventID};
use virtkit_api::events::{DomainEvent, DomainEventCallback};
use virtkit_api::types::Uuid;
use virtkit_api::{CloseReason, Connect, Domain, Driver, ErrorCode, EventRegistry, Result};

#[derive(Default)]
struct Host {
    events: EventRegistry,
    closed: AtomicUsize,
}

impl Driver for Host {
    fn close(&self) -> Result<()> {
        self.closed.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
    fn connect_domain_event_register(&self, _c: &Connect, cb: DomainEventCallback) -> Result<()> {
        self.events.register(&cb)
    }
    fn connect_domain_event_deregister(
        &self,
        _c: &Connect,
        cb: &DomainEventCallback,
    ) -> Result<()> {
        self.events.deregister(cb)
    }
    fn connect_domain_event_register_any(
        &self,
        _c: &Connect,
        dom: Option<&Domain>,
        id: DomainEventID,
        cb: DomainEventCallback,
    ) -> Result<i32> {
        self.events.register_any(dom, id, &cb)
    }
    fn connect_domain_event_deregister_any(&self, _c: &Connect, id: i32) -> Result<()> {
        self.events.deregister_any(id)
    }
}

type Seen = Arc<Mutex<Vec<String>>>;

fn recorder(seen: &Seen, tag: &'static str) -> DomainEventCallback {
    let seen = seen.clone();
    Arc::new(move |_c, d, e| seen.lock().unwrap().push(format!("{tag} {} {:?}", d.name(), e.id())))
}

#[test]
fn events_reach_the_matching_callbacks() {
    let host = Arc::new(Host::default());
    let conn = Connect::with_driver(host.clone(), "host:///", true);
    let a = Domain::new(&conn, "a", Uuid([1; 16]), 1);
    let b = Domain::new(&conn, "b", Uuid([2; 16]), 2);
    let seen = Seen::default();
    let lifecycle = DomainEventID::Lifecycle.raw();
    let all = conn.domain_event_register_any(None, lifecycle, recorder(&seen, "all")).unwrap();
    let only_a =
        conn.domain_event_register_any(Some(&a), lifecycle, recorder(&seen, "a-only")).unwrap();
    let jobs = DomainEventID::BlockJob.raw();
    conn.domain_event_register_any(None, jobs, recorder(&seen, "job")).unwrap();
    let legacy = recorder(&seen, "legacy");
    conn.domain_event_register(legacy.clone()).unwrap();
    assert_eq!((all, only_a), (1, 2));

    let started = DomainEvent::Lifecycle { event: 2, detail: 0 };
    assert_eq!(host.events.emit(&conn, &a, &started), 3);
    assert_eq!(host.events.emit(&conn, &b, &started), 2);
    let job = DomainEvent::BlockJob { disk: "vda".into(), type_: 1, status: 0 };
    assert_eq!(host.events.emit(&conn, &b, &job), 1);
    assert_eq!(host.events.emit(&conn, &b, &DomainEvent::Reboot), 0);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "all a Lifecycle",
            "a-only a Lifecycle",
            "legacy a Lifecycle",
            "all b Lifecycle",
            "legacy b Lifecycle",
            "job b BlockJob2",
        ]
    );

    conn.domain_event_deregister_any(only_a).unwrap();
    conn.domain_event_deregister(&legacy).unwrap();
    assert_eq!(host.events.emit(&conn, &a, &started), 1);
    let e = conn.domain_event_deregister_any(only_a).unwrap_err();
    assert_eq!(e.message(), "invalid argument: could not find event callback 2 for deletion");
    let e = conn.domain_event_deregister(&legacy).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidArg);
}

#[test]
fn registry_close_callbacks_and_driver_close() {
    virtkit_api::register_driver("evhost", |uri, read_only| {
        assert!(uri.to_ascii_lowercase().starts_with("evhost"));
        let _ = read_only;
        Ok(Arc::new(Host::default()))
    });
    let conn = Connect::open("EVHOST+ssh://h/x").unwrap();
    assert!(!conn.is_read_only());
    let ro = Connect::open_read_only("evhost:///").unwrap();
    assert!(ro.is_read_only());
    let e = Connect::open("missing:///").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NoConnect);

    let reasons = Arc::new(Mutex::new(Vec::new()));
    let r = reasons.clone();
    let cb: virtkit_api::CloseCallback = Arc::new(move |_, reason| r.lock().unwrap().push(reason));
    ro.register_close_callback(cb.clone()).unwrap();
    let other: virtkit_api::CloseCallback = Arc::new(|_, _| {});
    let e = ro.unregister_close_callback(&other).unwrap_err();
    assert_eq!(e.message(), "Requested operation is not valid: A different callback was requested");
    ro.notify_closed(CloseReason::Keepalive);
    ro.notify_closed(CloseReason::Eof);
    assert_eq!(*reasons.lock().unwrap(), [CloseReason::Keepalive]);

    let host = Arc::new(Host::default());
    let c = Connect::with_driver(host.clone(), "host:///", false);
    let dom = Domain::new(&c, "vm", Uuid::default(), 1);
    drop(c);
    assert_eq!(host.closed.load(Ordering::SeqCst), 0, "the domain still holds the connection");
    drop(dom);
    assert_eq!(host.closed.load(Ordering::SeqCst), 1);
}
