//! Domain definitions as `virtkit_domxml`'s typed model, on request: the XML libvirt returns
//! (`virDomainGetXMLDesc`), parsed; and a model defined (`virDomainDefineXML` of its libvirt
//! formatting).
//!
//! ```
//! use virtkit_api::flags::DomainXMLFlags;
//! let (conn, drv) = virtkit_libvirt::LibvirtDriver::open("test:///default", false)?;
//! let dom = conn.lookup_by_name("test")?;
//! let mut def = drv.definition(&dom, DomainXMLFlags::INACTIVE)?;
//! assert_eq!(def.name.as_deref(), Some("test"));
//! def.name = Some("copy".into());
//! def.uuid = None;
//! let copy = drv.define(&conn, &def)?;
//! assert_eq!(copy.name(), "copy");
//! # Ok::<(), virtkit_api::Error>(())
//! ```

use virtkit_api::flags::DomainXMLFlags;
use virtkit_api::{Connect, Domain, Error, ErrorCode, ErrorDomain, Result};

use crate::LibvirtDriver;

/// A `virtkit_domxml` error as libvirt reports XML it cannot use (`VIR_ERR_XML_ERROR`).
fn xml_error(e: &virtkit_domxml::Error) -> Error {
    Error::new(ErrorCode::XmlError, ErrorDomain::Domain, e.to_string())
}

impl LibvirtDriver {
    /// The definition of `dom` as libvirt gives it with `flags`, parsed into the typed model.
    /// See the [module documentation](self) for an example.
    pub fn definition(
        &self,
        dom: &Domain,
        flags: DomainXMLFlags,
    ) -> Result<virtkit_domxml::Domain<'static>> {
        let xml = dom.xml_desc(flags)?;
        virtkit_domxml::Domain::from_xml_owned(&xml).map_err(|e| xml_error(&e))
    }

    /// Defines `def` on `conn` (libvirt's formatting of the model, `virDomainDefineXML`).
    /// See the [module documentation](self) for an example.
    pub fn define(&self, conn: &Connect, def: &virtkit_domxml::Domain<'_>) -> Result<Domain> {
        conn.define_xml(&def.to_xml())
    }
}
