//! Hosts described by a node document, as libvirt's test driver reads `test:///path/node.xml`
//! (`testOpenParse`): `<node>` with `<cpu>` (`nodes`, `sockets`, `cores`, `threads`,
//! `active`, `mhz`, `model`), `<memory>` (KiB) and `<domain>` children, which may carry the
//! test namespace's `<test:runstate>`, `<test:transient/>` and `<test:hasmanagedsave/>`
//! (`xmlns:test='http://libvirt.org/schemas/domain/test/1.0'`). Networks, interfaces, pools,
//! node devices and users are not domain API and are ignored.

use virtkit_api::enums::{CEnum, DomainRunningReason, DomainState};
use virtkit_api::{Error, ErrorCode, ErrorDomain, Result};
use virtkit_domxml::Element;

use crate::host::{Dom, HostCore, Image};

/// A node's CPUs and memory (`virNodeInfo`): libvirt's test node unless the document says
/// otherwise.
///
/// ```
/// let n = virtkit_sim::NodeInfo::default();
/// assert_eq!((n.cpus, n.memory, n.mhz, n.model.as_str()), (16, 3 * 1024 * 1024, 1400, "i686"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeInfo {
    /// CPU model.
    pub model: String,
    /// Memory in KiB.
    pub memory: u64,
    /// Active CPUs.
    pub cpus: u32,
    /// CPU frequency in MHz.
    pub mhz: u32,
    /// NUMA nodes.
    pub nodes: u32,
    /// Sockets per node.
    pub sockets: u32,
    /// Cores per socket.
    pub cores: u32,
    /// Threads per core.
    pub threads: u32,
}

impl Default for NodeInfo {
    fn default() -> NodeInfo {
        NodeInfo {
            model: "i686".to_owned(),
            memory: 3 * 1024 * 1024,
            cpus: crate::NODE_CPUS,
            mhz: 1400,
            nodes: 2,
            sockets: 2,
            cores: 2,
            threads: 2,
        }
    }
}

impl NodeInfo {
    /// `VIR_NODEINFO_MAXCPUS`: the CPUs a cpumap can name.
    ///
    /// ```
    /// assert_eq!(virtkit_sim::NodeInfo::default().max_cpus(), 16);
    /// ```
    pub fn max_cpus(&self) -> u32 {
        self.nodes * self.sockets * self.cores * self.threads
    }
}

fn xml_err(detail: impl Into<String>) -> Error {
    Error::new(ErrorCode::XmlError, ErrorDomain::Test, detail.into())
}

fn long_child(cpu: Option<&Element<'_>>, name: &str, what: &str) -> Result<Option<i64>> {
    let Some(e) = cpu.and_then(|c| c.child(name)) else { return Ok(None) };
    let text = e.text();
    let t = text.trim();
    t.parse::<i64>().map(Some).map_err(|_| xml_err(format!("invalid node {what} value")))
}

fn parse_node_info(root: &Element<'_>) -> Result<NodeInfo> {
    let mut n = NodeInfo::default();
    let cpu = root.child("cpu");
    let to_u32 = |v: i64| u32::try_from(v).unwrap_or(0);
    if let Some(v) = long_child(cpu, "nodes", "cpu nodes")? {
        n.nodes = to_u32(v);
    }
    if let Some(v) = long_child(cpu, "sockets", "cpu sockets")? {
        n.sockets = to_u32(v);
    }
    if let Some(v) = long_child(cpu, "cores", "cpu cores")? {
        n.cores = to_u32(v);
    }
    if let Some(v) = long_child(cpu, "threads", "cpu threads")? {
        n.threads = to_u32(v);
    }
    n.cpus = n.max_cpus();
    if let Some(v) = long_child(cpu, "active", "cpu active")?
        && v < i64::from(n.cpus)
    {
        n.cpus = to_u32(v);
    }
    if let Some(v) = long_child(cpu, "mhz", "cpu mhz")? {
        n.mhz = to_u32(v);
    }
    if let Some(m) = cpu.and_then(|c| c.child("model")) {
        n.model = m.text().into_owned();
    }
    if let Some(v) = long_child(Some(root), "memory", "memory")? {
        n.memory = u64::try_from(v).unwrap_or(0);
    }
    Ok(n)
}

/// The test namespace's settings of one domain (`testDomainDefNamespaceParse`).
struct TestNs {
    runstate: DomainState,
    transient: bool,
    has_managed_save: bool,
}

fn test_ns(dom: &Element<'_>) -> Result<TestNs> {
    let is_test = |e: &&Element<'_>| e.prefix().is_some();
    let find = |local: &str| dom.elements().filter(is_test).find(|e| e.local_name() == local);
    let transient = find("transient").is_some();
    let has_managed_save = find("hasmanagedsave").is_some();
    let runstate = match find("runstate") {
        None => DomainState::Running,
        Some(e) => {
            let text = e.text();
            let n: u32 = text.trim().parse().map_err(|_| xml_err("invalid runstate"))?;
            i32::try_from(n).ok().and_then(DomainState::from_raw).ok_or_else(|| {
                // libvirt's message has the stray quote.
                xml_err(format!("runstate '{n}' out of range'"))
            })?
        }
    };
    if transient && runstate == DomainState::Shutoff {
        return Err(xml_err("transient domain cannot have runstate 'shutoff'"));
    }
    if has_managed_save && runstate != DomainState::Shutoff {
        return Err(xml_err("domain with managedsave data can only have runstate 'shutoff'"));
    }
    Ok(TestNs { runstate, transient, has_managed_save })
}

/// The text of the element that starts at `start` in `xml` (its end found by its name).
fn element_text<'a>(xml: &'a str, start: usize, name: &str) -> &'a str {
    let rest = &xml[start..];
    let open_end = rest.find('>').map_or(rest.len(), |i| i + 1);
    if rest[..open_end].ends_with("/>") {
        return &rest[..open_end];
    }
    let close = format!("</{name}");
    match rest.find(&close) {
        Some(i) => {
            let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
            &rest[..end]
        }
        None => rest,
    }
}

/// Reads a `file='...'` reference of a node document element.
pub(crate) type FileReader<'r> = &'r dyn Fn(&str) -> Result<String>;

/// Builds a host named `name` from a node document. `read` resolves `<domain file='...'/>`
/// references (none in the pure API: such a document is refused).
pub(crate) fn host_from_node_xml(
    name: &str,
    xml: &str,
    read: Option<FileReader<'_>>,
) -> Result<HostCore> {
    let root = Element::parse(xml).map_err(|e| xml_err(e.to_string()))?;
    if root.local_name() != "node" {
        return Err(xml_err("Root element is not 'node'"));
    }
    let node = parse_node_info(&root)?;
    let core = HostCore::with_state(name, Vec::new(), 1, node);
    {
        let mut state = core.lock();
        for dom in root.elements().filter(|e| e.local_name() == "domain" && e.prefix().is_none()) {
            let (text, parsed_el);
            let el: &Element<'_> = if let Some(file) = dom.attribute("file") {
                let Some(read) = read else {
                    return Err(Error::argument_unsupported(format!(
                        "domain file '{file}' cannot be read by a node document given as text"
                    )));
                };
                text = read(file)?;
                parsed_el = Element::parse(&text).map_err(|e| xml_err(e.to_string()))?;
                &parsed_el
            } else {
                let start = dom.source_offset().unwrap_or(0);
                text = element_text(xml, start, &dom.name).to_owned();
                dom
            };
            let ns = test_ns(el)?;
            let def = crate::lifecycle::parse_def(&mut state, &text)?;
            if crate::lifecycle::find_slot(&state, &def, false)?.is_some() {
                let dup = def.name.clone().unwrap_or_default();
                return Err(Error::new(
                    ErrorCode::OperationFailed,
                    ErrorDomain::Domain,
                    format!("domain '{dup}' is defined twice in the node document"),
                ));
            }
            let mut d = Dom::new(def, !ns.transient);
            if ns.has_managed_save {
                d.managed_save = Some(Image { def: d.def.clone(), running: true });
            }
            state.domains.push(d);
            let i = state.domains.len() - 1;
            if ns.runstate != DomainState::Shutoff {
                state.start(i, DomainState::Running, DomainRunningReason::Booted.raw());
            }
            // As libvirt: the state from the document, reason 0.
            state.domains[i].set_state(ns.runstate, 0);
        }
    }
    Ok(core)
}

#[cfg(test)]
mod tests {
    use super::element_text;

    #[test]
    fn element_text_finds_the_end() {
        let xml = "<node><domain a='1'><name>x</name></domain><domain file='f'/></node>";
        assert_eq!(element_text(xml, 6, "domain"), "<domain a='1'><name>x</name></domain>");
        assert_eq!(element_text(xml, 43, "domain"), "<domain file='f'/>");
    }
}
