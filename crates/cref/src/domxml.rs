//! libvirt's domain XML parser and formatter (`virDomainDefParseString`, `virDomainDefFormat`)
//! with a generic `virDomainXMLOption` (no driver callbacks), through the private exports of
//! `libvirt.so.0`.

use std::ffi::{c_char, c_uint, c_void};
use std::sync::OnceLock;

use crate::{Libvirt, c_string};

/// `VIR_DOMAIN_DEF_PARSE_INACTIVE`.
const PARSE_INACTIVE: c_uint = 1 << 0;
/// `VIR_DOMAIN_DEF_FORMAT_SECURE`.
const FORMAT_SECURE: c_uint = 1 << 0;

type XmlOptionNew = unsafe extern "C" fn(
    *mut c_void,
    *mut c_void,
    *mut c_void,
    *mut c_void,
    *mut c_void,
    *mut c_void,
) -> *mut c_void;
type ParseString =
    unsafe extern "C" fn(*const c_char, *mut c_void, *mut c_void, c_uint) -> *mut c_void;
type Format = unsafe extern "C" fn(*mut c_void, *mut c_void, c_uint) -> *mut c_char;
type DefFree = unsafe extern "C" fn(*mut c_void);

/// The resolved functions and one generic `virDomainXMLOption`, shared by every call.
struct DomFns {
    parse: ParseString,
    format: Format,
    free: DefFree,
    /// A `virDomainXMLOption *`, never freed (lives for the process).
    xmlopt: usize,
}

static DOM: OnceLock<Option<DomFns>> = OnceLock::new();

fn dom(lv: &Libvirt) -> Option<&'static DomFns> {
    DOM.get_or_init(|| {
        // SAFETY: the signatures follow src/conf/domain_conf.h of libvirt 9.0 (six pointer
        // arguments for virDomainXMLOptionNew, all of which may be NULL).
        unsafe {
            let new: XmlOptionNew = lv.sym(b"virDomainXMLOptionNew\0")?;
            let xmlopt = new(
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            );
            if xmlopt.is_null() {
                return None;
            }
            Some(DomFns {
                parse: lv.sym(b"virDomainDefParseString\0")?,
                format: lv.sym(b"virDomainDefFormat\0")?,
                free: lv.sym(b"virDomainDefFree\0")?,
                xmlopt: xmlopt as usize,
            })
        }
    })
    .as_ref()
}

/// A parsed `virDomainDef`, freed on drop.
///
/// ```
/// if let Some(lv) = virtkit_cref::libvirt() {
///     let def = lv.domain_parse("<domain type='test'><name>a</name><memory>1024</memory>\
///         <os><type>hvm</type></os></domain>").unwrap();
///     assert!(lv.domain_format(&def).unwrap().contains("<name>a</name>"));
/// }
/// ```
pub struct CDomainDef {
    ptr: *mut c_void,
    free: DefFree,
}

impl Drop for CDomainDef {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from virDomainDefParseString and is freed once.
        unsafe { (self.free)(self.ptr) }
    }
}

impl Libvirt {
    /// Whether libvirt's domain XML functions could be resolved.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let _ = lv.has_domain_xml();
    /// }
    /// ```
    pub fn has_domain_xml(&self) -> bool {
        dom(self).is_some()
    }

    /// `virDomainDefParseString(xml, generic xmlopt, NULL, VIR_DOMAIN_DEF_PARSE_INACTIVE)`;
    /// libvirt's error message on failure.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     assert!(lv.domain_parse("<domain/>").is_err());
    /// }
    /// ```
    ///
    /// A document that names a NUMA distance sibling beyond the defined cells is refused
    /// without calling libvirt: libvirt 9.0's parser writes past its distance array on it
    /// (heap corruption, seen under valgrind on the corpus document
    /// `cpu-numa-distance-nonexistent-sibling.xml`; newer libvirt refuses the document).
    pub fn domain_parse(&self, xml: &str) -> Result<CDomainDef, String> {
        if numa_sibling_out_of_range(xml) {
            return Err("not given to libvirt: a NUMA distance names a cell that does not \
                        exist, on which libvirt 9.0's parser writes out of bounds"
                .into());
        }
        let fns = dom(self).ok_or("libvirt's domain XML functions are not available")?;
        let xml = c_string(xml).ok_or("the document holds a NUL byte")?;
        // SAFETY: valid C string and xmlopt; flags as in domain_conf.h.
        let ptr = unsafe {
            (fns.parse)(
                xml.as_ptr(),
                fns.xmlopt as *mut c_void,
                std::ptr::null_mut(),
                PARSE_INACTIVE,
            )
        };
        if ptr.is_null() {
            let msg = self.last_error_message().unwrap_or_else(|| "parse failed".into());
            self.reset_last_error();
            return Err(msg);
        }
        Ok(CDomainDef { ptr, free: fns.free })
    }

    /// `virDomainDefFormat(def, generic xmlopt, VIR_DOMAIN_DEF_FORMAT_SECURE)`.
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let def = lv.domain_parse("<domain type='test'><name>a</name><memory>1</memory>\
    ///         <os><type>hvm</type></os></domain>").unwrap();
    ///     assert!(lv.domain_format(&def).unwrap().starts_with("<domain type='test'>"));
    /// }
    /// ```
    pub fn domain_format(&self, def: &CDomainDef) -> Result<String, String> {
        self.domain_format_flags(def, true)
    }

    /// `virDomainDefFormat(def, generic xmlopt, flags)`: with `VIR_DOMAIN_DEF_FORMAT_SECURE`
    /// when `secure`, with no flag otherwise (secrets withheld, as `virDomainGetXMLDesc`
    /// without `VIR_DOMAIN_XML_SECURE`).
    ///
    /// ```
    /// if let Some(lv) = virtkit_cref::libvirt() {
    ///     let def = lv.domain_parse("<domain type='test'><name>a</name><memory>1</memory>\
    ///         <os><type>hvm</type></os><devices><graphics type='vnc' passwd='s'/>\
    ///         <video><model type='vga'/></video></devices></domain>").unwrap();
    ///     assert!(lv.domain_format_flags(&def, true).unwrap().contains("passwd='s'"));
    ///     assert!(!lv.domain_format_flags(&def, false).unwrap().contains("passwd"));
    /// }
    /// ```
    pub fn domain_format_flags(&self, def: &CDomainDef, secure: bool) -> Result<String, String> {
        let fns = dom(self).ok_or("libvirt's domain XML functions are not available")?;
        let flags = if secure { FORMAT_SECURE } else { 0 };
        // SAFETY: `def.ptr` is a live virDomainDef; the result is a malloc'd string or NULL.
        let out = unsafe { (fns.format)(def.ptr, fns.xmlopt as *mut c_void, flags) };
        // SAFETY: NULL or a string allocated by libvirt.
        if let Some(s) = unsafe { Libvirt::take_string(out) } {
            return Ok(s);
        }
        let msg = self.last_error_message().unwrap_or_else(|| "format failed".into());
        self.reset_last_error();
        Err(msg)
    }
}

/// Whether a `<sibling id='N'>` names a NUMA cell index at or beyond the number of `<cell>`
/// elements (a plain text scan: enough to keep such documents away from libvirt 9.0).
fn numa_sibling_out_of_range(xml: &str) -> bool {
    let cells = xml.matches("<cell ").count();
    xml.match_indices("<sibling ").any(|(at, _)| {
        let tag = &xml[at..xml[at..].find('>').map_or(xml.len(), |end| at + end)];
        let Some(pos) = tag.find("id=") else { return false };
        let value = tag[pos + 3..].trim_start_matches(['\'', '"']);
        let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<usize>().is_ok_and(|id| id >= cells)
    })
}

#[cfg(test)]
mod tests {
    use super::numa_sibling_out_of_range;

    #[test]
    fn numa_siblings_beyond_the_cells_are_found() {
        let cells = "<cell id='0' cpus='0'/><cell id='1' cpus='1'>";
        assert!(!numa_sibling_out_of_range(&format!("{cells}<sibling id='1' value='10'/>")));
        assert!(numa_sibling_out_of_range(&format!("{cells}<sibling id='2' value='10'/>")));
        assert!(numa_sibling_out_of_range("<sibling id=\"0\" value='10'/>"));
        assert!(!numa_sibling_out_of_range("<domain/>"));
    }
}
