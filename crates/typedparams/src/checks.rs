//! The argument checks libvirt's entry points apply to typed parameters
//! (`src/libvirt-domain.c`), as reusable functions.
//!
//! Setters take a caller array: `params` must not be NULL, `nparams` must be positive (or
//! non-negative for blkio and scheduler setters), then `virTypedParameterValidateSet` rejects
//! string parameters the driver cannot take. Getters use the two-call protocol and add
//! [`STRING_OKAY`] to the flags on the caller's behalf when the driver supports strings.
//!
//! ```
//! use virtkit_typedparams::{checks::{check_setter, Setter}, TypedParams};
//!
//! let empty = TypedParams::new();
//! assert_eq!(
//!     check_setter(Setter::SetMemoryParameters, Some(&empty), 0, true).unwrap_err().to_string(),
//!     "nparams in virDomainSetMemoryParameters must be greater than zero"
//! );
//! assert!(Setter::SetBlkioParameters.accepts_zero());
//! ```

use alloc::string::String;

use crate::error::Error;
use crate::kind::ParamType;
use crate::list::TypedParams;
use crate::xdr::limits;

/// `VIR_TYPED_PARAM_STRING_OKAY`: the caller can receive string parameters.
pub const STRING_OKAY: u32 = 1 << 2;
/// `VIR_DOMAIN_AFFECT_LIVE`.
pub const AFFECT_LIVE: u32 = 1 << 0;
/// `VIR_DOMAIN_AFFECT_CONFIG`.
pub const AFFECT_CONFIG: u32 = 1 << 1;

/// How an entry point checks `nparams`.
///
/// ```
/// use virtkit_typedparams::checks::{NparamsRule, Setter};
/// assert_eq!(Setter::SetBlockIoTune.nparams_rule(), NparamsRule::Positive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NparamsRule {
    /// `virCheckPositiveArg`: `nparams > 0`.
    Positive,
    /// `virCheckNonNegativeArg`: `nparams >= 0`.
    NonNegative,
    /// Not checked.
    Unchecked,
}

/// The domain entry points that take a caller's list of typed parameters.
///
/// ```
/// use virtkit_typedparams::checks::Setter;
/// assert_eq!(Setter::SetSchedulerParametersFlags.api(), "virDomainSetSchedulerParametersFlags");
/// assert_eq!(Setter::Migrate3.rpc_limit(), 64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setter {
    /// `virDomainSetMemoryParameters`.
    SetMemoryParameters,
    /// `virDomainSetNumaParameters`.
    SetNumaParameters,
    /// `virDomainSetBlkioParameters`.
    SetBlkioParameters,
    /// `virDomainSetSchedulerParameters`.
    SetSchedulerParameters,
    /// `virDomainSetSchedulerParametersFlags`.
    SetSchedulerParametersFlags,
    /// `virDomainSetInterfaceParameters`.
    SetInterfaceParameters,
    /// `virDomainSetIOThreadParams`.
    SetIOThreadParams,
    /// `virDomainSetPerfEvents`.
    SetPerfEvents,
    /// `virDomainSetBlockIoTune`.
    SetBlockIoTune,
    /// `virDomainSetLaunchSecurityState`.
    SetLaunchSecurityState,
    /// `virDomainSaveParams`.
    SaveParams,
    /// `virDomainRestoreParams`.
    RestoreParams,
    /// `virDomainBlockCopy`.
    BlockCopy,
    /// `virDomainMigrate3`.
    Migrate3,
    /// `virDomainMigrateToURI3`.
    MigrateToURI3,
}

impl Setter {
    /// Every setter.
    ///
    /// ```
    /// assert_eq!(virtkit_typedparams::checks::Setter::ALL.len(), 15);
    /// ```
    pub const ALL: [Setter; 15] = [
        Setter::SetMemoryParameters,
        Setter::SetNumaParameters,
        Setter::SetBlkioParameters,
        Setter::SetSchedulerParameters,
        Setter::SetSchedulerParametersFlags,
        Setter::SetInterfaceParameters,
        Setter::SetIOThreadParams,
        Setter::SetPerfEvents,
        Setter::SetBlockIoTune,
        Setter::SetLaunchSecurityState,
        Setter::SaveParams,
        Setter::RestoreParams,
        Setter::BlockCopy,
        Setter::Migrate3,
        Setter::MigrateToURI3,
    ];

    /// The C function name, as it appears in error messages.
    ///
    /// ```
    /// use virtkit_typedparams::checks::Setter;
    /// assert_eq!(Setter::SetIOThreadParams.api(), "virDomainSetIOThreadParams");
    /// ```
    pub const fn api(self) -> &'static str {
        match self {
            Setter::SetMemoryParameters => "virDomainSetMemoryParameters",
            Setter::SetNumaParameters => "virDomainSetNumaParameters",
            Setter::SetBlkioParameters => "virDomainSetBlkioParameters",
            Setter::SetSchedulerParameters => "virDomainSetSchedulerParameters",
            Setter::SetSchedulerParametersFlags => "virDomainSetSchedulerParametersFlags",
            Setter::SetInterfaceParameters => "virDomainSetInterfaceParameters",
            Setter::SetIOThreadParams => "virDomainSetIOThreadParams",
            Setter::SetPerfEvents => "virDomainSetPerfEvents",
            Setter::SetBlockIoTune => "virDomainSetBlockIoTune",
            Setter::SetLaunchSecurityState => "virDomainSetLaunchSecurityState",
            Setter::SaveParams => "virDomainSaveParams",
            Setter::RestoreParams => "virDomainRestoreParams",
            Setter::BlockCopy => "virDomainBlockCopy",
            Setter::Migrate3 => "virDomainMigrate3",
            Setter::MigrateToURI3 => "virDomainMigrateToURI3",
        }
    }

    /// How `nparams` is checked.
    ///
    /// ```
    /// use virtkit_typedparams::checks::{NparamsRule, Setter};
    /// assert_eq!(Setter::SaveParams.nparams_rule(), NparamsRule::Unchecked);
    /// ```
    pub const fn nparams_rule(self) -> NparamsRule {
        match self {
            Setter::SetBlkioParameters
            | Setter::SetSchedulerParameters
            | Setter::SetSchedulerParametersFlags
            | Setter::BlockCopy => NparamsRule::NonNegative,
            Setter::SaveParams
            | Setter::RestoreParams
            | Setter::Migrate3
            | Setter::MigrateToURI3 => NparamsRule::Unchecked,
            _ => NparamsRule::Positive,
        }
    }

    /// Whether the entry point accepts an empty list.
    ///
    /// ```
    /// use virtkit_typedparams::checks::Setter;
    /// assert!(!Setter::SetPerfEvents.accepts_zero());
    /// assert!(Setter::Migrate3.accepts_zero());
    /// ```
    pub const fn accepts_zero(self) -> bool {
        !matches!(self.nparams_rule(), NparamsRule::Positive)
    }

    /// Whether it runs `virTypedParameterValidateSet` (string support of the driver).
    ///
    /// ```
    /// use virtkit_typedparams::checks::Setter;
    /// assert!(Setter::SetBlockIoTune.validates_set());
    /// assert!(!Setter::BlockCopy.validates_set());
    /// ```
    pub const fn validates_set(self) -> bool {
        !matches!(
            self,
            Setter::SaveParams
                | Setter::RestoreParams
                | Setter::BlockCopy
                | Setter::Migrate3
                | Setter::MigrateToURI3
        )
    }

    /// The RPC limit on the number of parameters (`REMOTE_*_MAX`).
    ///
    /// ```
    /// use virtkit_typedparams::checks::Setter;
    /// assert_eq!(Setter::SetBlockIoTune.rpc_limit(), 32);
    /// ```
    pub const fn rpc_limit(self) -> u32 {
        match self {
            Setter::SetMemoryParameters => limits::DOMAIN_MEMORY_PARAMETERS_MAX,
            Setter::SetNumaParameters => limits::DOMAIN_NUMA_PARAMETERS_MAX,
            Setter::SetBlkioParameters => limits::DOMAIN_BLKIO_PARAMETERS_MAX,
            Setter::SetSchedulerParameters | Setter::SetSchedulerParametersFlags => {
                limits::DOMAIN_SCHEDULER_PARAMETERS_MAX
            }
            Setter::SetInterfaceParameters => limits::DOMAIN_INTERFACE_PARAMETERS_MAX,
            Setter::SetIOThreadParams => limits::DOMAIN_IOTHREAD_PARAMS_MAX,
            Setter::SetPerfEvents => limits::DOMAIN_PERF_EVENTS_MAX,
            Setter::SetBlockIoTune => limits::DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX,
            Setter::SetLaunchSecurityState => limits::DOMAIN_LAUNCH_SECURITY_STATE_PARAMS_MAX,
            Setter::SaveParams | Setter::RestoreParams => limits::DOMAIN_SAVE_PARAMS_MAX,
            Setter::BlockCopy => limits::DOMAIN_BLOCK_COPY_PARAMETERS_MAX,
            Setter::Migrate3 | Setter::MigrateToURI3 => limits::DOMAIN_MIGRATE_PARAM_LIST_MAX,
        }
    }
}

fn check_nparams(
    rule: NparamsRule,
    arg: &'static str,
    api: &'static str,
    n: i32,
) -> Result<(), Error> {
    match rule {
        NparamsRule::Positive if n <= 0 => Err(Error::NotPositive { arg, api }),
        NparamsRule::NonNegative if n < 0 => Err(Error::Negative { arg, api }),
        _ => Ok(()),
    }
}

/// The checks a setter applies, in libvirt's order: `params` non-NULL (`None` stands for a
/// NULL pointer), `nparams` by [`Setter::nparams_rule`] (`virDomainSetBlockIoTune` checks
/// `nparams` first; `virDomainBlockCopy` only needs `params` when `nparams != 0`), then
/// [`validate_set`] for the setters that call it.
///
/// ```
/// use virtkit_typedparams::{checks::{check_setter, Setter}, TypedParams};
///
/// let mut p = TypedParams::new();
/// p.add_string("group_name", "g")?;
/// assert!(check_setter(Setter::SetBlockIoTune, Some(&p), 1, true).is_ok());
/// assert_eq!(
///     check_setter(Setter::SetBlockIoTune, Some(&p), 1, false).unwrap_err().to_string(),
///     "string parameter 'group_name' unsupported"
/// );
/// assert_eq!(
///     check_setter(Setter::SetMemoryParameters, None, 1, true).unwrap_err().to_string(),
///     "params in virDomainSetMemoryParameters must not be NULL"
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn check_setter(
    setter: Setter,
    params: Option<&TypedParams>,
    nparams: i32,
    driver_supports_strings: bool,
) -> Result<(), Error> {
    let api = setter.api();
    let null = Error::Null { arg: "params", api };
    match setter {
        Setter::SetBlockIoTune => {
            check_nparams(NparamsRule::Positive, "nparams", api, nparams)?;
            params.ok_or(null)?;
        }
        Setter::BlockCopy => {
            check_nparams(NparamsRule::NonNegative, "nparams", api, nparams)?;
            if nparams != 0 {
                params.ok_or(null)?;
            }
        }
        Setter::SaveParams | Setter::RestoreParams | Setter::Migrate3 | Setter::MigrateToURI3 => {}
        _ => {
            params.ok_or(null)?;
            check_nparams(setter.nparams_rule(), "nparams", api, nparams)?;
        }
    }
    if setter.validates_set()
        && let Some(params) = params
    {
        validate_set(params, driver_supports_strings)?;
    }
    Ok(())
}

/// `virTypedParameterValidateSet`: when the driver cannot take strings, a string parameter is
/// `string parameter '%s' unsupported`. (libvirt's other two checks — an unterminated
/// 80-byte name and a NULL string — cannot happen with [`TypedParams`].)
///
/// ```
/// use virtkit_typedparams::{checks::validate_set, TypedParams};
/// let mut p = TypedParams::new();
/// p.add_string("numa_nodeset", "0-1")?;
/// assert!(validate_set(&p, true).is_ok());
/// assert!(validate_set(&p, false).is_err());
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn validate_set(params: &TypedParams, driver_supports_strings: bool) -> Result<(), Error> {
    if driver_supports_strings {
        return Ok(());
    }
    match params.iter().find(|p| p.param_type() == ParamType::String) {
        Some(p) => Err(Error::StringUnsupported { name: String::from(p.name()) }),
        None => Ok(()),
    }
}

/// The getters of the two-call protocol (caller-allocated arrays).
///
/// ```
/// use virtkit_typedparams::checks::Getter;
/// assert_eq!(Getter::GetBlkioParameters.api(), "virDomainGetBlkioParameters");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Getter {
    /// `virDomainGetMemoryParameters`.
    GetMemoryParameters,
    /// `virDomainGetNumaParameters`.
    GetNumaParameters,
    /// `virDomainGetBlkioParameters`.
    GetBlkioParameters,
    /// `virDomainGetSchedulerParameters` (no flags).
    GetSchedulerParameters,
    /// `virDomainGetSchedulerParametersFlags`.
    GetSchedulerParametersFlags,
    /// `virDomainBlockStatsFlags`.
    BlockStatsFlags,
    /// `virDomainGetInterfaceParameters`.
    GetInterfaceParameters,
    /// `virDomainGetBlockIoTune`.
    GetBlockIoTune,
}

impl Getter {
    /// The C function name.
    ///
    /// ```
    /// use virtkit_typedparams::checks::Getter;
    /// assert_eq!(Getter::BlockStatsFlags.api(), "virDomainBlockStatsFlags");
    /// ```
    pub const fn api(self) -> &'static str {
        match self {
            Getter::GetMemoryParameters => "virDomainGetMemoryParameters",
            Getter::GetNumaParameters => "virDomainGetNumaParameters",
            Getter::GetBlkioParameters => "virDomainGetBlkioParameters",
            Getter::GetSchedulerParameters => "virDomainGetSchedulerParameters",
            Getter::GetSchedulerParametersFlags => "virDomainGetSchedulerParametersFlags",
            Getter::BlockStatsFlags => "virDomainBlockStatsFlags",
            Getter::GetInterfaceParameters => "virDomainGetInterfaceParameters",
            Getter::GetBlockIoTune => "virDomainGetBlockIoTune",
        }
    }

    /// Whether it rejects `VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`.
    ///
    /// ```
    /// use virtkit_typedparams::checks::Getter;
    /// assert!(Getter::GetMemoryParameters.live_config_exclusive());
    /// assert!(!Getter::GetNumaParameters.live_config_exclusive());
    /// ```
    pub const fn live_config_exclusive(self) -> bool {
        matches!(
            self,
            Getter::GetMemoryParameters
                | Getter::GetBlkioParameters
                | Getter::GetSchedulerParametersFlags
                | Getter::GetBlockIoTune
        )
    }
}

/// The checks a two-call getter applies, in libvirt's order; returns the flags passed on to
/// the driver (with [`STRING_OKAY`] added when the driver supports strings).
///
/// `params_null` says whether the caller's array pointer is NULL; `nparams` is `*nparams`, or
/// `None` for a NULL `nparams` pointer. The scheduler getters need both pointers and
/// `*nparams > 0`; the others accept `*nparams == 0` with a NULL array (the size query).
///
/// ```
/// use virtkit_typedparams::checks::{check_getter, Getter, AFFECT_CONFIG, AFFECT_LIVE, STRING_OKAY};
///
/// assert_eq!(check_getter(Getter::GetMemoryParameters, true, Some(0), 0, true)?, STRING_OKAY);
/// assert_eq!(
///     check_getter(Getter::GetMemoryParameters, false, Some(-1), 0, true).unwrap_err().to_string(),
///     "*nparams in virDomainGetMemoryParameters must be zero or greater"
/// );
/// assert_eq!(
///     check_getter(Getter::GetMemoryParameters, false, Some(2), AFFECT_LIVE | AFFECT_CONFIG, true)
///         .unwrap_err()
///         .to_string(),
///     "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive"
/// );
/// # Ok::<(), virtkit_typedparams::Error>(())
/// ```
pub fn check_getter(
    getter: Getter,
    params_null: bool,
    nparams: Option<i32>,
    flags: u32,
    driver_supports_strings: bool,
) -> Result<u32, Error> {
    let api = getter.api();
    let mut flags = flags;
    if matches!(getter, Getter::GetSchedulerParameters | Getter::GetSchedulerParametersFlags) {
        if params_null {
            return Err(Error::Null { arg: "params", api });
        }
        let n = nparams.ok_or(Error::Null { arg: "nparams", api })?;
        check_nparams(NparamsRule::Positive, "*nparams", api, n)?;
        if getter == Getter::GetSchedulerParameters {
            return Ok(flags);
        }
    } else {
        let n = nparams.ok_or(Error::Null { arg: "nparams", api })?;
        check_nparams(NparamsRule::NonNegative, "*nparams", api, n)?;
        if n != 0 && params_null {
            return Err(Error::Null { arg: "params", api });
        }
    }
    if driver_supports_strings {
        flags |= STRING_OKAY;
    }
    if getter.live_config_exclusive() && flags & AFFECT_LIVE != 0 && flags & AFFECT_CONFIG != 0 {
        return Err(Error::ExclusiveFlags {
            first: "VIR_DOMAIN_AFFECT_LIVE",
            second: "VIR_DOMAIN_AFFECT_CONFIG",
        });
    }
    Ok(flags)
}
