//! Allow-lists and `virTypedParamsValidate`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Error;
use crate::kind::{ParamType, SpecType};
use crate::list::TypedParams;

/// One allow-list entry: a name, the type it must have, and whether it may repeat
/// (`VIR_TYPED_PARAM_MULTIPLE`). Schemas are `&'static [ParamSpec]`.
///
/// ```
/// use virtkit_typedparams::{ParamSpec, ParamType};
///
/// const SPECS: &[ParamSpec] = &[
///     ParamSpec::new("migrate_uri", ParamType::String),
///     ParamSpec::new("migrate_disks", ParamType::String).multiple(),
///     ParamSpec::unsigned("poll_grow"),
/// ];
/// assert!(SPECS[1].multiple);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParamSpec {
    /// The parameter name (for indexed families, with `<n>` where a number goes).
    pub name: &'static str,
    /// The type it must have.
    pub ty: SpecType,
    /// Whether it may appear more than once.
    pub multiple: bool,
}

impl ParamSpec {
    /// An entry of exactly type `ty`, not repeatable.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamSpec, ParamType, SpecType};
    /// assert_eq!(ParamSpec::new("weight", ParamType::UInt).ty, SpecType::Exact(ParamType::UInt));
    /// ```
    pub const fn new(name: &'static str, ty: ParamType) -> ParamSpec {
        ParamSpec { name, ty: SpecType::Exact(ty), multiple: false }
    }

    /// An entry accepting `uint` or `ullong` (`VIR_TYPED_PARAM_UNSIGNED`).
    ///
    /// ```
    /// use virtkit_typedparams::{ParamSpec, SpecType};
    /// assert_eq!(ParamSpec::unsigned("poll_grow").ty, SpecType::Unsigned);
    /// ```
    pub const fn unsigned(name: &'static str) -> ParamSpec {
        ParamSpec { name, ty: SpecType::Unsigned, multiple: false }
    }

    /// The same entry, repeatable.
    ///
    /// ```
    /// use virtkit_typedparams::{ParamSpec, ParamType};
    /// assert!(ParamSpec::new("compression", ParamType::String).multiple().multiple);
    /// ```
    #[must_use]
    pub const fn multiple(self) -> ParamSpec {
        ParamSpec { multiple: true, ..self }
    }

    /// Whether `name` matches this entry; `<n>` in the entry matches one or more decimal
    /// digits (for indexed families such as `vcpu.<n>.time`).
    ///
    /// ```
    /// use virtkit_typedparams::{ParamSpec, ParamType};
    /// let spec = ParamSpec::new("vcpu.<n>.time", ParamType::ULLong);
    /// assert!(spec.matches("vcpu.12.time"));
    /// assert!(!spec.matches("vcpu.x.time"));
    /// ```
    pub fn matches(&self, name: &str) -> bool {
        pattern_matches(self.name.as_bytes(), name.as_bytes())
    }
}

fn pattern_matches(pat: &[u8], name: &[u8]) -> bool {
    const HOLE: &[u8] = b"<n>";
    match pat.iter().position(|&b| b == b'<') {
        Some(at) if pat[at..].starts_with(HOLE) => {
            if name.len() < at || pat[..at] != name[..at] {
                return false;
            }
            let digits = name[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            digits > 0 && pattern_matches(&pat[at + HOLE.len()..], &name[at + digits..])
        }
        _ => pat == name,
    }
}

/// The entry of `specs` matching `name` (exact names and `<n>` patterns).
///
/// ```
/// use virtkit_typedparams::{lookup_spec, schema::DomainStats};
/// let spec = lookup_spec(DomainStats::SPECS, "block.3.rd.bytes").unwrap();
/// assert_eq!(spec.name, "block.<n>.rd.bytes");
/// ```
pub fn lookup_spec<'a>(specs: &'a [ParamSpec], name: &str) -> Option<&'a ParamSpec> {
    exact_index(specs, name)
        .map(|i| &specs[i])
        .or_else(|| specs.iter().find(|s| s.name.as_bytes().contains(&b'<') && s.matches(name)))
}

/// Index of the first entry named exactly `name` (cheap length and first-byte filter first).
#[inline]
fn exact_index(specs: &[ParamSpec], name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let first = name.first().copied();
    specs.iter().position(|s| {
        let s = s.name.as_bytes();
        s.len() == name.len() && s.first().copied() == first && same_bytes(s, name)
    })
}

/// `a == b` for short byte strings such as parameter names, in 8-byte words without a call
/// (the last word overlaps the previous one when the length is not a multiple of 8).
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (a.last_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(la), Some(lb)) => {
            let (wa, _) = a.as_chunks::<8>();
            let (wb, _) = b.as_chunks::<8>();
            la == lb
                && wa.iter().zip(wb).all(|(x, y)| u64::from_ne_bytes(*x) == u64::from_ne_bytes(*y))
        }
        _ => a == b,
    }
}

/// A small open-addressing index from name to the first allow-list entry of that name,
/// built on the stack for one validation (allow-lists of at most 128 entries).
struct SpecIndex<'s> {
    specs: &'s [ParamSpec],
    /// Entry index + 1, 0 for an empty slot; at most half full.
    slots: [u8; 256],
}

impl<'s> SpecIndex<'s> {
    /// Slot of a name: its length, first, middle and last bytes, mixed.
    #[inline]
    fn slot(name: &[u8]) -> usize {
        let n = name.len();
        let byte = |i: usize| u32::from(name.get(i).copied().unwrap_or(0));
        let h = (n as u32) ^ (byte(0) << 8) ^ (byte(n / 2) << 16) ^ (byte(n.wrapping_sub(1)) << 24);
        (h.wrapping_mul(0x9E37_79B1) >> 24) as usize
    }

    fn new(specs: &'s [ParamSpec]) -> SpecIndex<'s> {
        debug_assert!(specs.len() <= 128);
        let mut index = SpecIndex { specs, slots: [0; 256] };
        'entries: for (k, spec) in specs.iter().enumerate() {
            let name = spec.name.as_bytes();
            let mut h = SpecIndex::slot(name);
            while let Some(e) = index.slots[h].checked_sub(1) {
                if same_bytes(specs[usize::from(e)].name.as_bytes(), name) {
                    // A repeated entry: the first one of that name is the one that counts.
                    continue 'entries;
                }
                h = (h + 1) % 256;
            }
            index.slots[h] = k as u8 + 1;
        }
        index
    }

    /// The first entry named exactly `name`, as [`exact_index`] finds it.
    #[inline]
    fn get(&self, name: &[u8]) -> Option<usize> {
        let mut h = SpecIndex::slot(name);
        loop {
            let e = usize::from(self.slots[h].checked_sub(1)?);
            if same_bytes(self.specs[e].name.as_bytes(), name) {
                return Some(e);
            }
            h = (h + 1) % 256;
        }
    }
}

/// The common case without sorting or allocating: every name is an exact entry of an
/// allow-list of at most 128 entries, with the right type, and only multiple entries repeat.
/// `false` means "look closer" (the sorted walk then finds the error libvirt would report).
///
/// A name equal to the previous parameter's (repeated entries such as `migrate_disks` come in
/// runs) reuses its entry: the lookup is a function of the name alone. Longer lists look
/// names up through a [`SpecIndex`] instead of scanning the allow-list.
fn quick_accept(items: &[crate::TypedParam], specs: &[ParamSpec]) -> bool {
    if specs.len() > 128 {
        return false;
    }
    let index = (items.len() >= 4 && specs.len() >= 8).then(|| SpecIndex::new(specs));
    let mut seen = [false; 128];
    let mut last: Option<(&str, usize)> = None;
    for p in items {
        let name = p.name();
        let i = match last {
            Some((prev, i)) if same_bytes(prev.as_bytes(), name.as_bytes()) => i,
            _ => match index
                .as_ref()
                .map_or_else(|| exact_index(specs, name), |x| x.get(name.as_bytes()))
            {
                Some(i) => i,
                None => return false,
            },
        };
        last = Some((name, i));
        let spec = &specs[i];
        if (seen[i] && !spec.multiple) || !spec.ty.accepts(p.param_type()) {
            return false;
        }
        seen[i] = true;
    }
    true
}

/// `virTypedParamsValidate`: every parameter must be in the allow-list with the right type,
/// and only `multiple` entries may repeat (allow-lists of indexed families match `<n>`). Errors are libvirt's, and like libvirt the list is
/// examined in name order, so the first error by name is the one reported.
///
/// ```
/// use virtkit_typedparams::{validate, ParamSpec, ParamType, TypedParams};
///
/// const SPECS: &[ParamSpec] = &[ParamSpec::new("foobar", ParamType::String)];
/// let mut p = TypedParams::new();
/// p.add_int("foobar", 1)?;
/// assert_eq!(
///     validate(&p, SPECS).unwrap_err().to_string(),
///     "invalid argument: invalid type 'int' for parameter 'foobar', expected 'string'"
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn validate(params: &TypedParams, specs: &[ParamSpec]) -> Result<(), Error> {
    let items = params.as_slice();
    if items.is_empty() || quick_accept(items, specs) {
        return Ok(());
    }
    // libvirt sorts a copy by name and walks it against the sorted allow-list; the first
    // parameter (in name order) that is unknown, repeated or mistyped is the one reported.
    let mut sorted: Vec<usize> = (0..items.len()).collect();
    sorted.sort_by(|&a, &b| items[a].name().cmp(items[b].name()));
    let mut last: Option<&str> = None;
    for &k in &sorted {
        let param = &items[k];
        let name = param.name();
        let Some(spec) = lookup_spec(specs, name) else {
            return Err(Error::NotSupported { name: String::from(name) });
        };
        if last == Some(name) && !spec.multiple {
            return Err(Error::Duplicate { name: String::from(name) });
        }
        if !spec.ty.accepts(param.param_type()) {
            return Err(Error::InvalidType {
                name: String::from(name),
                actual: param.param_type().code(),
                expected: spec.ty,
            });
        }
        last = Some(name);
    }
    Ok(())
}

impl TypedParams {
    /// Same as [`validate`].
    ///
    /// ```
    /// use virtkit_typedparams::{schema::MemoryParams, TypedParams};
    /// let mut p = TypedParams::new();
    /// p.add_ullong("hard_limit", 1 << 20)?;
    /// p.validate(MemoryParams::SPECS)?;
    /// # Ok::<(), virtkit_typedparams::Error>(())
    /// ```
    pub fn validate(&self, specs: &[ParamSpec]) -> Result<(), Error> {
        validate(self, specs)
    }
}
