//! libvirt's `virError`: code ([`ErrorCode`], `VIR_ERR_*`), domain ([`ErrorDomain`],
//! `VIR_FROM_*`), level and message, with libvirt's message forms.
//!
//! Two kinds of reports exist in libvirt and both are reproduced:
//!
//! * the argument macros (`virCheckNonNullArgGoto`, `VIR_EXCLUSIVE_FLAGS_GOTO`,
//!   `virReportInvalidArg`, ...) store their text as is: `cpumap in virDomainPinVcpu must not be
//!   NULL`;
//! * `virReportError(code, fmt)` prefixes the text with the code's own phrase
//!   ([`ErrorCode::prefix`]): `invalid argument: invalid lifecycle type '99'`, `operation
//!   forbidden: read only access prevents virDomainSuspend`, `this function is not supported by
//!   the connection driver: virDomainXxx`.
//!
//! ```
//! use virtkit_api::{Error, ErrorCode, ErrorDomain};
//! let e = Error::read_only("virDomainSuspend");
//! assert_eq!(e.code(), ErrorCode::OperationDenied);
//! assert_eq!(e.domain(), ErrorDomain::Domain);
//! assert_eq!(e.to_string(), "operation forbidden: read only access prevents virDomainSuspend");
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::enums::{CEnum, c_enum};

/// The result type of the API.
///
/// ```
/// let r: virtkit_api::Result<u32> = Ok(1);
/// assert!(r.is_ok());
/// ```
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// `virErrorDomain` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::{enums::CEnum, ErrorDomain};
/// assert_eq!(ErrorDomain::from_raw(0), Some(ErrorDomain::None));
/// assert_eq!(ErrorDomain::None.c_name(), "VIR_FROM_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ErrorDomain {
    /// `VIR_FROM_NONE` (0).
    None = 0,
    /// `VIR_FROM_XEN` (1): Error at Xen hypervisor layer
    Xen = 1,
    /// `VIR_FROM_XEND` (2): Error at connection with xend daemon
    Xend = 2,
    /// `VIR_FROM_XENSTORE` (3): Error at connection with xen store
    Xenstore = 3,
    /// `VIR_FROM_SEXPR` (4): Error in the S-Expression code
    Sexpr = 4,
    /// `VIR_FROM_XML` (5): Error in the XML code
    Xml = 5,
    /// `VIR_FROM_DOM` (6): Error when operating on a domain
    Dom = 6,
    /// `VIR_FROM_RPC` (7): Error in the XML-RPC code
    Rpc = 7,
    /// `VIR_FROM_PROXY` (8): Error in the proxy code; unused since 0.8.6
    Proxy = 8,
    /// `VIR_FROM_CONF` (9): Error in the configuration file handling
    Conf = 9,
    /// `VIR_FROM_QEMU` (10): Error at the QEMU daemon
    Qemu = 10,
    /// `VIR_FROM_NET` (11): Error when operating on a network
    Net = 11,
    /// `VIR_FROM_TEST` (12): Error from test driver
    Test = 12,
    /// `VIR_FROM_REMOTE` (13): Error from remote driver
    Remote = 13,
    /// `VIR_FROM_OPENVZ` (14): Error from OpenVZ driver
    Openvz = 14,
    /// `VIR_FROM_XENXM` (15): Error at Xen XM layer
    Xenxm = 15,
    /// `VIR_FROM_STATS_LINUX` (16): Error in the Linux Stats code
    StatsLinux = 16,
    /// `VIR_FROM_LXC` (17): Error from Linux Container driver
    Lxc = 17,
    /// `VIR_FROM_STORAGE` (18): Error from storage driver
    Storage = 18,
    /// `VIR_FROM_NETWORK` (19): Error from network config
    Network = 19,
    /// `VIR_FROM_DOMAIN` (20): Error from domain config
    Domain = 20,
    /// `VIR_FROM_UML` (21): Error at the UML driver; unused since 5.0.0
    Uml = 21,
    /// `VIR_FROM_NODEDEV` (22): Error from node device monitor
    Nodedev = 22,
    /// `VIR_FROM_XEN_INOTIFY` (23): Error from xen inotify layer
    XenInotify = 23,
    /// `VIR_FROM_SECURITY` (24): Error from security framework
    Security = 24,
    /// `VIR_FROM_VBOX` (25): Error from VirtualBox driver
    Vbox = 25,
    /// `VIR_FROM_INTERFACE` (26): Error when operating on an interface
    Interface = 26,
    /// `VIR_FROM_ONE` (27): The OpenNebula driver no longer exists. Retained for ABI/API compat only
    One = 27,
    /// `VIR_FROM_ESX` (28): Error from ESX driver
    Esx = 28,
    /// `VIR_FROM_PHYP` (29): Error from the phyp driver, unused since 6.0.0
    Phyp = 29,
    /// `VIR_FROM_SECRET` (30): Error from secret storage
    Secret = 30,
    /// `VIR_FROM_CPU` (31): Error from CPU driver
    Cpu = 31,
    /// `VIR_FROM_XENAPI` (32): Error from XenAPI
    Xenapi = 32,
    /// `VIR_FROM_NWFILTER` (33): Error from network filter driver
    Nwfilter = 33,
    /// `VIR_FROM_HOOK` (34): Error from Synchronous hooks
    Hook = 34,
    /// `VIR_FROM_DOMAIN_SNAPSHOT` (35): Error from domain snapshot
    DomainSnapshot = 35,
    /// `VIR_FROM_AUDIT` (36): Error from auditing subsystem
    Audit = 36,
    /// `VIR_FROM_SYSINFO` (37): Error from sysinfo/SMBIOS
    Sysinfo = 37,
    /// `VIR_FROM_STREAMS` (38): Error from I/O streams
    Streams = 38,
    /// `VIR_FROM_VMWARE` (39): Error from VMware driver
    Vmware = 39,
    /// `VIR_FROM_EVENT` (40): Error from event loop impl
    Event = 40,
    /// `VIR_FROM_LIBXL` (41): Error from libxenlight driver
    Libxl = 41,
    /// `VIR_FROM_LOCKING` (42): Error from lock manager
    Locking = 42,
    /// `VIR_FROM_HYPERV` (43): Error from Hyper-V driver
    Hyperv = 43,
    /// `VIR_FROM_CAPABILITIES` (44): Error from capabilities
    Capabilities = 44,
    /// `VIR_FROM_URI` (45): Error from URI handling
    Uri = 45,
    /// `VIR_FROM_AUTH` (46): Error from auth handling
    Auth = 46,
    /// `VIR_FROM_DBUS` (47): Error from DBus
    Dbus = 47,
    /// `VIR_FROM_PARALLELS` (48): Error from Parallels
    Parallels = 48,
    /// `VIR_FROM_DEVICE` (49): Error from Device
    Device = 49,
    /// `VIR_FROM_SSH` (50): Error from libssh2 connection transport
    Ssh = 50,
    /// `VIR_FROM_LOCKSPACE` (51): Error from lockspace
    Lockspace = 51,
    /// `VIR_FROM_INITCTL` (52): Error from initctl device communication
    Initctl = 52,
    /// `VIR_FROM_IDENTITY` (53): Error from identity code
    Identity = 53,
    /// `VIR_FROM_CGROUP` (54): Error from cgroups
    Cgroup = 54,
    /// `VIR_FROM_ACCESS` (55): Error from access control manager
    Access = 55,
    /// `VIR_FROM_SYSTEMD` (56): Error from systemd code
    Systemd = 56,
    /// `VIR_FROM_BHYVE` (57): Error from bhyve driver
    Bhyve = 57,
    /// `VIR_FROM_CRYPTO` (58): Error from crypto code
    Crypto = 58,
    /// `VIR_FROM_FIREWALL` (59): Error from firewall
    Firewall = 59,
    /// `VIR_FROM_POLKIT` (60): Error from polkit code
    Polkit = 60,
    /// `VIR_FROM_THREAD` (61): Error from thread utils
    Thread = 61,
    /// `VIR_FROM_ADMIN` (62): Error from admin backend
    Admin = 62,
    /// `VIR_FROM_LOGGING` (63): Error from log manager
    Logging = 63,
    /// `VIR_FROM_XENXL` (64): Error from Xen xl config code
    Xenxl = 64,
    /// `VIR_FROM_PERF` (65): Error from perf
    Perf = 65,
    /// `VIR_FROM_LIBSSH` (66): Error from libssh connection transport
    Libssh = 66,
    /// `VIR_FROM_RESCTRL` (67): Error from resource control
    Resctrl = 67,
    /// `VIR_FROM_FIREWALLD` (68): Error from firewalld
    Firewalld = 68,
    /// `VIR_FROM_DOMAIN_CHECKPOINT` (69): Error from domain checkpoint
    DomainCheckpoint = 69,
    /// `VIR_FROM_TPM` (70): Error from TPM
    Tpm = 70,
    /// `VIR_FROM_BPF` (71): Error from BPF code
    Bpf = 71,
    /// `VIR_FROM_CH` (72): Error from Cloud-Hypervisor driver
    Ch = 72,
}
c_enum!(ErrorDomain, 73;
    ErrorDomain::None => 0, "VIR_FROM_NONE";
    ErrorDomain::Xen => 1, "VIR_FROM_XEN";
    ErrorDomain::Xend => 2, "VIR_FROM_XEND";
    ErrorDomain::Xenstore => 3, "VIR_FROM_XENSTORE";
    ErrorDomain::Sexpr => 4, "VIR_FROM_SEXPR";
    ErrorDomain::Xml => 5, "VIR_FROM_XML";
    ErrorDomain::Dom => 6, "VIR_FROM_DOM";
    ErrorDomain::Rpc => 7, "VIR_FROM_RPC";
    ErrorDomain::Proxy => 8, "VIR_FROM_PROXY";
    ErrorDomain::Conf => 9, "VIR_FROM_CONF";
    ErrorDomain::Qemu => 10, "VIR_FROM_QEMU";
    ErrorDomain::Net => 11, "VIR_FROM_NET";
    ErrorDomain::Test => 12, "VIR_FROM_TEST";
    ErrorDomain::Remote => 13, "VIR_FROM_REMOTE";
    ErrorDomain::Openvz => 14, "VIR_FROM_OPENVZ";
    ErrorDomain::Xenxm => 15, "VIR_FROM_XENXM";
    ErrorDomain::StatsLinux => 16, "VIR_FROM_STATS_LINUX";
    ErrorDomain::Lxc => 17, "VIR_FROM_LXC";
    ErrorDomain::Storage => 18, "VIR_FROM_STORAGE";
    ErrorDomain::Network => 19, "VIR_FROM_NETWORK";
    ErrorDomain::Domain => 20, "VIR_FROM_DOMAIN";
    ErrorDomain::Uml => 21, "VIR_FROM_UML";
    ErrorDomain::Nodedev => 22, "VIR_FROM_NODEDEV";
    ErrorDomain::XenInotify => 23, "VIR_FROM_XEN_INOTIFY";
    ErrorDomain::Security => 24, "VIR_FROM_SECURITY";
    ErrorDomain::Vbox => 25, "VIR_FROM_VBOX";
    ErrorDomain::Interface => 26, "VIR_FROM_INTERFACE";
    ErrorDomain::One => 27, "VIR_FROM_ONE";
    ErrorDomain::Esx => 28, "VIR_FROM_ESX";
    ErrorDomain::Phyp => 29, "VIR_FROM_PHYP";
    ErrorDomain::Secret => 30, "VIR_FROM_SECRET";
    ErrorDomain::Cpu => 31, "VIR_FROM_CPU";
    ErrorDomain::Xenapi => 32, "VIR_FROM_XENAPI";
    ErrorDomain::Nwfilter => 33, "VIR_FROM_NWFILTER";
    ErrorDomain::Hook => 34, "VIR_FROM_HOOK";
    ErrorDomain::DomainSnapshot => 35, "VIR_FROM_DOMAIN_SNAPSHOT";
    ErrorDomain::Audit => 36, "VIR_FROM_AUDIT";
    ErrorDomain::Sysinfo => 37, "VIR_FROM_SYSINFO";
    ErrorDomain::Streams => 38, "VIR_FROM_STREAMS";
    ErrorDomain::Vmware => 39, "VIR_FROM_VMWARE";
    ErrorDomain::Event => 40, "VIR_FROM_EVENT";
    ErrorDomain::Libxl => 41, "VIR_FROM_LIBXL";
    ErrorDomain::Locking => 42, "VIR_FROM_LOCKING";
    ErrorDomain::Hyperv => 43, "VIR_FROM_HYPERV";
    ErrorDomain::Capabilities => 44, "VIR_FROM_CAPABILITIES";
    ErrorDomain::Uri => 45, "VIR_FROM_URI";
    ErrorDomain::Auth => 46, "VIR_FROM_AUTH";
    ErrorDomain::Dbus => 47, "VIR_FROM_DBUS";
    ErrorDomain::Parallels => 48, "VIR_FROM_PARALLELS";
    ErrorDomain::Device => 49, "VIR_FROM_DEVICE";
    ErrorDomain::Ssh => 50, "VIR_FROM_SSH";
    ErrorDomain::Lockspace => 51, "VIR_FROM_LOCKSPACE";
    ErrorDomain::Initctl => 52, "VIR_FROM_INITCTL";
    ErrorDomain::Identity => 53, "VIR_FROM_IDENTITY";
    ErrorDomain::Cgroup => 54, "VIR_FROM_CGROUP";
    ErrorDomain::Access => 55, "VIR_FROM_ACCESS";
    ErrorDomain::Systemd => 56, "VIR_FROM_SYSTEMD";
    ErrorDomain::Bhyve => 57, "VIR_FROM_BHYVE";
    ErrorDomain::Crypto => 58, "VIR_FROM_CRYPTO";
    ErrorDomain::Firewall => 59, "VIR_FROM_FIREWALL";
    ErrorDomain::Polkit => 60, "VIR_FROM_POLKIT";
    ErrorDomain::Thread => 61, "VIR_FROM_THREAD";
    ErrorDomain::Admin => 62, "VIR_FROM_ADMIN";
    ErrorDomain::Logging => 63, "VIR_FROM_LOGGING";
    ErrorDomain::Xenxl => 64, "VIR_FROM_XENXL";
    ErrorDomain::Perf => 65, "VIR_FROM_PERF";
    ErrorDomain::Libssh => 66, "VIR_FROM_LIBSSH";
    ErrorDomain::Resctrl => 67, "VIR_FROM_RESCTRL";
    ErrorDomain::Firewalld => 68, "VIR_FROM_FIREWALLD";
    ErrorDomain::DomainCheckpoint => 69, "VIR_FROM_DOMAIN_CHECKPOINT";
    ErrorDomain::Tpm => 70, "VIR_FROM_TPM";
    ErrorDomain::Bpf => 71, "VIR_FROM_BPF";
    ErrorDomain::Ch => 72, "VIR_FROM_CH";);

/// `virErrorLevel` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::{enums::CEnum, ErrorLevel};
/// assert_eq!(ErrorLevel::from_raw(0), Some(ErrorLevel::None));
/// assert_eq!(ErrorLevel::None.c_name(), "VIR_ERR_NONE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ErrorLevel {
    /// `VIR_ERR_NONE` (0).
    None = 0,
    /// `VIR_ERR_WARNING` (1): A simple warning
    Warning = 1,
    /// `VIR_ERR_ERROR` (2): An error
    Error = 2,
}
c_enum!(ErrorLevel, 3;
    ErrorLevel::None => 0, "VIR_ERR_NONE";
    ErrorLevel::Warning => 1, "VIR_ERR_WARNING";
    ErrorLevel::Error => 2, "VIR_ERR_ERROR";);

/// `virErrorNumber` with libvirt's numeric values.
///
/// ```
/// use virtkit_api::{enums::CEnum, ErrorCode};
/// assert_eq!(ErrorCode::from_raw(0), Some(ErrorCode::Ok));
/// assert_eq!(ErrorCode::Ok.c_name(), "VIR_ERR_OK");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[repr(i32)]
pub enum ErrorCode {
    /// `VIR_ERR_OK` (0).
    Ok = 0,
    /// `VIR_ERR_INTERNAL_ERROR` (1): internal error
    InternalError = 1,
    /// `VIR_ERR_NO_MEMORY` (2): memory allocation failure
    NoMemory = 2,
    /// `VIR_ERR_NO_SUPPORT` (3): no support for this function
    NoSupport = 3,
    /// `VIR_ERR_UNKNOWN_HOST` (4): could not resolve hostname
    UnknownHost = 4,
    /// `VIR_ERR_NO_CONNECT` (5): can't connect to hypervisor
    NoConnect = 5,
    /// `VIR_ERR_INVALID_CONN` (6): invalid connection object
    InvalidConn = 6,
    /// `VIR_ERR_INVALID_DOMAIN` (7): invalid domain object
    InvalidDomain = 7,
    /// `VIR_ERR_INVALID_ARG` (8): invalid function argument
    InvalidArg = 8,
    /// `VIR_ERR_OPERATION_FAILED` (9): a command to hypervisor failed
    OperationFailed = 9,
    /// `VIR_ERR_GET_FAILED` (10): a HTTP GET command to failed
    GetFailed = 10,
    /// `VIR_ERR_POST_FAILED` (11): a HTTP POST command to failed
    PostFailed = 11,
    /// `VIR_ERR_HTTP_ERROR` (12): unexpected HTTP error code
    HttpError = 12,
    /// `VIR_ERR_SEXPR_SERIAL` (13): failure to serialize an S-Expr
    SexprSerial = 13,
    /// `VIR_ERR_NO_XEN` (14): could not open Xen hypervisor control
    NoXen = 14,
    /// `VIR_ERR_XEN_CALL` (15): failure doing an hypervisor call
    XenCall = 15,
    /// `VIR_ERR_OS_TYPE` (16): unknown OS type
    OsType = 16,
    /// `VIR_ERR_NO_KERNEL` (17): missing kernel information
    NoKernel = 17,
    /// `VIR_ERR_NO_ROOT` (18): missing root device information
    NoRoot = 18,
    /// `VIR_ERR_NO_SOURCE` (19): missing source device information
    NoSource = 19,
    /// `VIR_ERR_NO_TARGET` (20): missing target device information
    NoTarget = 20,
    /// `VIR_ERR_NO_NAME` (21): missing domain name information
    NoName = 21,
    /// `VIR_ERR_NO_OS` (22): missing domain OS information
    NoOs = 22,
    /// `VIR_ERR_NO_DEVICE` (23): missing domain devices information
    NoDevice = 23,
    /// `VIR_ERR_NO_XENSTORE` (24): could not open Xen Store control
    NoXenstore = 24,
    /// `VIR_ERR_DRIVER_FULL` (25): too many drivers registered
    DriverFull = 25,
    /// `VIR_ERR_CALL_FAILED` (26): not supported by the drivers (DEPRECATED)
    CallFailed = 26,
    /// `VIR_ERR_XML_ERROR` (27): an XML description is not well formed or broken
    XmlError = 27,
    /// `VIR_ERR_DOM_EXIST` (28): the domain already exist
    DomExist = 28,
    /// `VIR_ERR_OPERATION_DENIED` (29): operation forbidden on read-only connections
    OperationDenied = 29,
    /// `VIR_ERR_OPEN_FAILED` (30): failed to open a conf file
    OpenFailed = 30,
    /// `VIR_ERR_READ_FAILED` (31): failed to read a conf file
    ReadFailed = 31,
    /// `VIR_ERR_PARSE_FAILED` (32): failed to parse a conf file
    ParseFailed = 32,
    /// `VIR_ERR_CONF_SYNTAX` (33): failed to parse the syntax of a conf file
    ConfSyntax = 33,
    /// `VIR_ERR_WRITE_FAILED` (34): failed to write a conf file
    WriteFailed = 34,
    /// `VIR_ERR_XML_DETAIL` (35): detail of an XML error
    XmlDetail = 35,
    /// `VIR_ERR_INVALID_NETWORK` (36): invalid network object
    InvalidNetwork = 36,
    /// `VIR_ERR_NETWORK_EXIST` (37): the network already exist
    NetworkExist = 37,
    /// `VIR_ERR_SYSTEM_ERROR` (38): general system call failure
    SystemError = 38,
    /// `VIR_ERR_RPC` (39): some sort of RPC error
    Rpc = 39,
    /// `VIR_ERR_GNUTLS_ERROR` (40): error from a GNUTLS call
    GnutlsError = 40,
    /// `VIR_WAR_NO_NETWORK` (41): failed to start network
    WarNoNetwork = 41,
    /// `VIR_ERR_NO_DOMAIN` (42): domain not found or unexpectedly disappeared
    NoDomain = 42,
    /// `VIR_ERR_NO_NETWORK` (43): network not found
    NoNetwork = 43,
    /// `VIR_ERR_INVALID_MAC` (44): invalid MAC address
    InvalidMac = 44,
    /// `VIR_ERR_AUTH_FAILED` (45): authentication failed
    AuthFailed = 45,
    /// `VIR_ERR_INVALID_STORAGE_POOL` (46): invalid storage pool object
    InvalidStoragePool = 46,
    /// `VIR_ERR_INVALID_STORAGE_VOL` (47): invalid storage vol object
    InvalidStorageVol = 47,
    /// `VIR_WAR_NO_STORAGE` (48): failed to start storage
    WarNoStorage = 48,
    /// `VIR_ERR_NO_STORAGE_POOL` (49): storage pool not found
    NoStoragePool = 49,
    /// `VIR_ERR_NO_STORAGE_VOL` (50): storage volume not found
    NoStorageVol = 50,
    /// `VIR_WAR_NO_NODE` (51): failed to start node driver
    WarNoNode = 51,
    /// `VIR_ERR_INVALID_NODE_DEVICE` (52): invalid node device object
    InvalidNodeDevice = 52,
    /// `VIR_ERR_NO_NODE_DEVICE` (53): node device not found
    NoNodeDevice = 53,
    /// `VIR_ERR_NO_SECURITY_MODEL` (54): security model not found
    NoSecurityModel = 54,
    /// `VIR_ERR_OPERATION_INVALID` (55): operation is not applicable at this time
    OperationInvalid = 55,
    /// `VIR_WAR_NO_INTERFACE` (56): failed to start interface driver
    WarNoInterface = 56,
    /// `VIR_ERR_NO_INTERFACE` (57): interface driver not running
    NoInterface = 57,
    /// `VIR_ERR_INVALID_INTERFACE` (58): invalid interface object
    InvalidInterface = 58,
    /// `VIR_ERR_MULTIPLE_INTERFACES` (59): more than one matching interface found
    MultipleInterfaces = 59,
    /// `VIR_WAR_NO_NWFILTER` (60): failed to start nwfilter driver
    WarNoNwfilter = 60,
    /// `VIR_ERR_INVALID_NWFILTER` (61): invalid nwfilter object
    InvalidNwfilter = 61,
    /// `VIR_ERR_NO_NWFILTER` (62): nw filter pool not found
    NoNwfilter = 62,
    /// `VIR_ERR_BUILD_FIREWALL` (63): nw filter pool not found
    BuildFirewall = 63,
    /// `VIR_WAR_NO_SECRET` (64): failed to start secret storage
    WarNoSecret = 64,
    /// `VIR_ERR_INVALID_SECRET` (65): invalid secret
    InvalidSecret = 65,
    /// `VIR_ERR_NO_SECRET` (66): secret not found
    NoSecret = 66,
    /// `VIR_ERR_CONFIG_UNSUPPORTED` (67): unsupported configuration construct
    ConfigUnsupported = 67,
    /// `VIR_ERR_OPERATION_TIMEOUT` (68): timeout occurred during operation
    OperationTimeout = 68,
    /// `VIR_ERR_MIGRATE_PERSIST_FAILED` (69): a migration worked, but making the VM persist on the dest host failed
    MigratePersistFailed = 69,
    /// `VIR_ERR_HOOK_SCRIPT_FAILED` (70): a synchronous hook script failed
    HookScriptFailed = 70,
    /// `VIR_ERR_INVALID_DOMAIN_SNAPSHOT` (71): invalid domain snapshot
    InvalidDomainSnapshot = 71,
    /// `VIR_ERR_NO_DOMAIN_SNAPSHOT` (72): domain snapshot not found
    NoDomainSnapshot = 72,
    /// `VIR_ERR_INVALID_STREAM` (73): stream pointer not valid
    InvalidStream = 73,
    /// `VIR_ERR_ARGUMENT_UNSUPPORTED` (74): valid API use but unsupported by the given driver
    ArgumentUnsupported = 74,
    /// `VIR_ERR_STORAGE_PROBE_FAILED` (75): storage pool probe failed
    StorageProbeFailed = 75,
    /// `VIR_ERR_STORAGE_POOL_BUILT` (76): storage pool already built
    StoragePoolBuilt = 76,
    /// `VIR_ERR_SNAPSHOT_REVERT_RISKY` (77): force was not requested for a risky domain snapshot revert
    SnapshotRevertRisky = 77,
    /// `VIR_ERR_OPERATION_ABORTED` (78): operation on a domain was canceled/aborted by user
    OperationAborted = 78,
    /// `VIR_ERR_AUTH_CANCELLED` (79): authentication cancelled
    AuthCancelled = 79,
    /// `VIR_ERR_NO_DOMAIN_METADATA` (80): The metadata is not present
    NoDomainMetadata = 80,
    /// `VIR_ERR_MIGRATE_UNSAFE` (81): Migration is not safe
    MigrateUnsafe = 81,
    /// `VIR_ERR_OVERFLOW` (82): integer overflow
    Overflow = 82,
    /// `VIR_ERR_BLOCK_COPY_ACTIVE` (83): action prevented by block copy job
    BlockCopyActive = 83,
    /// `VIR_ERR_OPERATION_UNSUPPORTED` (84): The requested operation is not supported
    OperationUnsupported = 84,
    /// `VIR_ERR_SSH` (85): error in ssh transport driver
    Ssh = 85,
    /// `VIR_ERR_AGENT_UNRESPONSIVE` (86): guest agent is unresponsive, not running or not usable
    AgentUnresponsive = 86,
    /// `VIR_ERR_RESOURCE_BUSY` (87): resource is already in use
    ResourceBusy = 87,
    /// `VIR_ERR_ACCESS_DENIED` (88): operation on the object/resource was denied
    AccessDenied = 88,
    /// `VIR_ERR_DBUS_SERVICE` (89): error from a dbus service
    DbusService = 89,
    /// `VIR_ERR_STORAGE_VOL_EXIST` (90): the storage vol already exists
    StorageVolExist = 90,
    /// `VIR_ERR_CPU_INCOMPATIBLE` (91): given CPU is incompatible with host CPU
    CpuIncompatible = 91,
    /// `VIR_ERR_XML_INVALID_SCHEMA` (92): XML document doesn't validate against schema
    XmlInvalidSchema = 92,
    /// `VIR_ERR_MIGRATE_FINISH_OK` (93): Finish API succeeded but it is expected to return NULL
    MigrateFinishOk = 93,
    /// `VIR_ERR_AUTH_UNAVAILABLE` (94): authentication unavailable
    AuthUnavailable = 94,
    /// `VIR_ERR_NO_SERVER` (95): Server was not found
    NoServer = 95,
    /// `VIR_ERR_NO_CLIENT` (96): Client was not found
    NoClient = 96,
    /// `VIR_ERR_AGENT_UNSYNCED` (97): guest agent replies with wrong id to guest-sync command (DEPRECATED)
    AgentUnsynced = 97,
    /// `VIR_ERR_LIBSSH` (98): error in libssh transport driver
    Libssh = 98,
    /// `VIR_ERR_DEVICE_MISSING` (99): fail to find the desired device
    DeviceMissing = 99,
    /// `VIR_ERR_INVALID_NWFILTER_BINDING` (100): invalid nwfilter binding
    InvalidNwfilterBinding = 100,
    /// `VIR_ERR_NO_NWFILTER_BINDING` (101): no nwfilter binding
    NoNwfilterBinding = 101,
    /// `VIR_ERR_INVALID_DOMAIN_CHECKPOINT` (102): invalid domain checkpoint
    InvalidDomainCheckpoint = 102,
    /// `VIR_ERR_NO_DOMAIN_CHECKPOINT` (103): domain checkpoint not found
    NoDomainCheckpoint = 103,
    /// `VIR_ERR_NO_DOMAIN_BACKUP` (104): domain backup job id not found
    NoDomainBackup = 104,
    /// `VIR_ERR_INVALID_NETWORK_PORT` (105): invalid network port object
    InvalidNetworkPort = 105,
    /// `VIR_ERR_NETWORK_PORT_EXIST` (106): the network port already exist
    NetworkPortExist = 106,
    /// `VIR_ERR_NO_NETWORK_PORT` (107): network port not found
    NoNetworkPort = 107,
    /// `VIR_ERR_NO_HOSTNAME` (108): no domain's hostname found
    NoHostname = 108,
    /// `VIR_ERR_CHECKPOINT_INCONSISTENT` (109): checkpoint can't be used
    CheckpointInconsistent = 109,
    /// `VIR_ERR_MULTIPLE_DOMAINS` (110): more than one matching domain found
    MultipleDomains = 110,
}
c_enum!(ErrorCode, 111;
    ErrorCode::Ok => 0, "VIR_ERR_OK";
    ErrorCode::InternalError => 1, "VIR_ERR_INTERNAL_ERROR";
    ErrorCode::NoMemory => 2, "VIR_ERR_NO_MEMORY";
    ErrorCode::NoSupport => 3, "VIR_ERR_NO_SUPPORT";
    ErrorCode::UnknownHost => 4, "VIR_ERR_UNKNOWN_HOST";
    ErrorCode::NoConnect => 5, "VIR_ERR_NO_CONNECT";
    ErrorCode::InvalidConn => 6, "VIR_ERR_INVALID_CONN";
    ErrorCode::InvalidDomain => 7, "VIR_ERR_INVALID_DOMAIN";
    ErrorCode::InvalidArg => 8, "VIR_ERR_INVALID_ARG";
    ErrorCode::OperationFailed => 9, "VIR_ERR_OPERATION_FAILED";
    ErrorCode::GetFailed => 10, "VIR_ERR_GET_FAILED";
    ErrorCode::PostFailed => 11, "VIR_ERR_POST_FAILED";
    ErrorCode::HttpError => 12, "VIR_ERR_HTTP_ERROR";
    ErrorCode::SexprSerial => 13, "VIR_ERR_SEXPR_SERIAL";
    ErrorCode::NoXen => 14, "VIR_ERR_NO_XEN";
    ErrorCode::XenCall => 15, "VIR_ERR_XEN_CALL";
    ErrorCode::OsType => 16, "VIR_ERR_OS_TYPE";
    ErrorCode::NoKernel => 17, "VIR_ERR_NO_KERNEL";
    ErrorCode::NoRoot => 18, "VIR_ERR_NO_ROOT";
    ErrorCode::NoSource => 19, "VIR_ERR_NO_SOURCE";
    ErrorCode::NoTarget => 20, "VIR_ERR_NO_TARGET";
    ErrorCode::NoName => 21, "VIR_ERR_NO_NAME";
    ErrorCode::NoOs => 22, "VIR_ERR_NO_OS";
    ErrorCode::NoDevice => 23, "VIR_ERR_NO_DEVICE";
    ErrorCode::NoXenstore => 24, "VIR_ERR_NO_XENSTORE";
    ErrorCode::DriverFull => 25, "VIR_ERR_DRIVER_FULL";
    ErrorCode::CallFailed => 26, "VIR_ERR_CALL_FAILED";
    ErrorCode::XmlError => 27, "VIR_ERR_XML_ERROR";
    ErrorCode::DomExist => 28, "VIR_ERR_DOM_EXIST";
    ErrorCode::OperationDenied => 29, "VIR_ERR_OPERATION_DENIED";
    ErrorCode::OpenFailed => 30, "VIR_ERR_OPEN_FAILED";
    ErrorCode::ReadFailed => 31, "VIR_ERR_READ_FAILED";
    ErrorCode::ParseFailed => 32, "VIR_ERR_PARSE_FAILED";
    ErrorCode::ConfSyntax => 33, "VIR_ERR_CONF_SYNTAX";
    ErrorCode::WriteFailed => 34, "VIR_ERR_WRITE_FAILED";
    ErrorCode::XmlDetail => 35, "VIR_ERR_XML_DETAIL";
    ErrorCode::InvalidNetwork => 36, "VIR_ERR_INVALID_NETWORK";
    ErrorCode::NetworkExist => 37, "VIR_ERR_NETWORK_EXIST";
    ErrorCode::SystemError => 38, "VIR_ERR_SYSTEM_ERROR";
    ErrorCode::Rpc => 39, "VIR_ERR_RPC";
    ErrorCode::GnutlsError => 40, "VIR_ERR_GNUTLS_ERROR";
    ErrorCode::WarNoNetwork => 41, "VIR_WAR_NO_NETWORK";
    ErrorCode::NoDomain => 42, "VIR_ERR_NO_DOMAIN";
    ErrorCode::NoNetwork => 43, "VIR_ERR_NO_NETWORK";
    ErrorCode::InvalidMac => 44, "VIR_ERR_INVALID_MAC";
    ErrorCode::AuthFailed => 45, "VIR_ERR_AUTH_FAILED";
    ErrorCode::InvalidStoragePool => 46, "VIR_ERR_INVALID_STORAGE_POOL";
    ErrorCode::InvalidStorageVol => 47, "VIR_ERR_INVALID_STORAGE_VOL";
    ErrorCode::WarNoStorage => 48, "VIR_WAR_NO_STORAGE";
    ErrorCode::NoStoragePool => 49, "VIR_ERR_NO_STORAGE_POOL";
    ErrorCode::NoStorageVol => 50, "VIR_ERR_NO_STORAGE_VOL";
    ErrorCode::WarNoNode => 51, "VIR_WAR_NO_NODE";
    ErrorCode::InvalidNodeDevice => 52, "VIR_ERR_INVALID_NODE_DEVICE";
    ErrorCode::NoNodeDevice => 53, "VIR_ERR_NO_NODE_DEVICE";
    ErrorCode::NoSecurityModel => 54, "VIR_ERR_NO_SECURITY_MODEL";
    ErrorCode::OperationInvalid => 55, "VIR_ERR_OPERATION_INVALID";
    ErrorCode::WarNoInterface => 56, "VIR_WAR_NO_INTERFACE";
    ErrorCode::NoInterface => 57, "VIR_ERR_NO_INTERFACE";
    ErrorCode::InvalidInterface => 58, "VIR_ERR_INVALID_INTERFACE";
    ErrorCode::MultipleInterfaces => 59, "VIR_ERR_MULTIPLE_INTERFACES";
    ErrorCode::WarNoNwfilter => 60, "VIR_WAR_NO_NWFILTER";
    ErrorCode::InvalidNwfilter => 61, "VIR_ERR_INVALID_NWFILTER";
    ErrorCode::NoNwfilter => 62, "VIR_ERR_NO_NWFILTER";
    ErrorCode::BuildFirewall => 63, "VIR_ERR_BUILD_FIREWALL";
    ErrorCode::WarNoSecret => 64, "VIR_WAR_NO_SECRET";
    ErrorCode::InvalidSecret => 65, "VIR_ERR_INVALID_SECRET";
    ErrorCode::NoSecret => 66, "VIR_ERR_NO_SECRET";
    ErrorCode::ConfigUnsupported => 67, "VIR_ERR_CONFIG_UNSUPPORTED";
    ErrorCode::OperationTimeout => 68, "VIR_ERR_OPERATION_TIMEOUT";
    ErrorCode::MigratePersistFailed => 69, "VIR_ERR_MIGRATE_PERSIST_FAILED";
    ErrorCode::HookScriptFailed => 70, "VIR_ERR_HOOK_SCRIPT_FAILED";
    ErrorCode::InvalidDomainSnapshot => 71, "VIR_ERR_INVALID_DOMAIN_SNAPSHOT";
    ErrorCode::NoDomainSnapshot => 72, "VIR_ERR_NO_DOMAIN_SNAPSHOT";
    ErrorCode::InvalidStream => 73, "VIR_ERR_INVALID_STREAM";
    ErrorCode::ArgumentUnsupported => 74, "VIR_ERR_ARGUMENT_UNSUPPORTED";
    ErrorCode::StorageProbeFailed => 75, "VIR_ERR_STORAGE_PROBE_FAILED";
    ErrorCode::StoragePoolBuilt => 76, "VIR_ERR_STORAGE_POOL_BUILT";
    ErrorCode::SnapshotRevertRisky => 77, "VIR_ERR_SNAPSHOT_REVERT_RISKY";
    ErrorCode::OperationAborted => 78, "VIR_ERR_OPERATION_ABORTED";
    ErrorCode::AuthCancelled => 79, "VIR_ERR_AUTH_CANCELLED";
    ErrorCode::NoDomainMetadata => 80, "VIR_ERR_NO_DOMAIN_METADATA";
    ErrorCode::MigrateUnsafe => 81, "VIR_ERR_MIGRATE_UNSAFE";
    ErrorCode::Overflow => 82, "VIR_ERR_OVERFLOW";
    ErrorCode::BlockCopyActive => 83, "VIR_ERR_BLOCK_COPY_ACTIVE";
    ErrorCode::OperationUnsupported => 84, "VIR_ERR_OPERATION_UNSUPPORTED";
    ErrorCode::Ssh => 85, "VIR_ERR_SSH";
    ErrorCode::AgentUnresponsive => 86, "VIR_ERR_AGENT_UNRESPONSIVE";
    ErrorCode::ResourceBusy => 87, "VIR_ERR_RESOURCE_BUSY";
    ErrorCode::AccessDenied => 88, "VIR_ERR_ACCESS_DENIED";
    ErrorCode::DbusService => 89, "VIR_ERR_DBUS_SERVICE";
    ErrorCode::StorageVolExist => 90, "VIR_ERR_STORAGE_VOL_EXIST";
    ErrorCode::CpuIncompatible => 91, "VIR_ERR_CPU_INCOMPATIBLE";
    ErrorCode::XmlInvalidSchema => 92, "VIR_ERR_XML_INVALID_SCHEMA";
    ErrorCode::MigrateFinishOk => 93, "VIR_ERR_MIGRATE_FINISH_OK";
    ErrorCode::AuthUnavailable => 94, "VIR_ERR_AUTH_UNAVAILABLE";
    ErrorCode::NoServer => 95, "VIR_ERR_NO_SERVER";
    ErrorCode::NoClient => 96, "VIR_ERR_NO_CLIENT";
    ErrorCode::AgentUnsynced => 97, "VIR_ERR_AGENT_UNSYNCED";
    ErrorCode::Libssh => 98, "VIR_ERR_LIBSSH";
    ErrorCode::DeviceMissing => 99, "VIR_ERR_DEVICE_MISSING";
    ErrorCode::InvalidNwfilterBinding => 100, "VIR_ERR_INVALID_NWFILTER_BINDING";
    ErrorCode::NoNwfilterBinding => 101, "VIR_ERR_NO_NWFILTER_BINDING";
    ErrorCode::InvalidDomainCheckpoint => 102, "VIR_ERR_INVALID_DOMAIN_CHECKPOINT";
    ErrorCode::NoDomainCheckpoint => 103, "VIR_ERR_NO_DOMAIN_CHECKPOINT";
    ErrorCode::NoDomainBackup => 104, "VIR_ERR_NO_DOMAIN_BACKUP";
    ErrorCode::InvalidNetworkPort => 105, "VIR_ERR_INVALID_NETWORK_PORT";
    ErrorCode::NetworkPortExist => 106, "VIR_ERR_NETWORK_PORT_EXIST";
    ErrorCode::NoNetworkPort => 107, "VIR_ERR_NO_NETWORK_PORT";
    ErrorCode::NoHostname => 108, "VIR_ERR_NO_HOSTNAME";
    ErrorCode::CheckpointInconsistent => 109, "VIR_ERR_CHECKPOINT_INCONSISTENT";
    ErrorCode::MultipleDomains => 110, "VIR_ERR_MULTIPLE_DOMAINS";);

impl ErrorCode {
    /// libvirt's phrase for the code when an error is raised with `virReportError`
    /// (`virErrorMsg`), with `%s` standing for the detail; `None` for codes whose phrase
    /// virtkit does not carry (their message is the detail alone).
    ///
    /// ```
    /// use virtkit_api::ErrorCode;
    /// assert_eq!(ErrorCode::InvalidArg.prefix(), Some("invalid argument: %s"));
    /// ```
    pub const fn prefix(self) -> Option<&'static str> {
        Some(match self {
            ErrorCode::InternalError => "internal error: %s",
            ErrorCode::NoSupport => "this function is not supported by the connection driver: %s",
            ErrorCode::NoConnect => "no connection driver available for %s",
            ErrorCode::InvalidConn => "invalid connection pointer in %s",
            ErrorCode::InvalidDomain => "invalid domain pointer in %s",
            ErrorCode::InvalidArg => "invalid argument: %s",
            ErrorCode::XmlError => "XML error: %s",
            ErrorCode::NoDomain => "Domain not found: %s",
            ErrorCode::OperationDenied => "operation forbidden: %s",
            ErrorCode::OperationInvalid => "Requested operation is not valid: %s",
            ErrorCode::ConfigUnsupported => "unsupported configuration: %s",
            ErrorCode::InvalidStream => "invalid stream pointer in %s",
            ErrorCode::ArgumentUnsupported => "argument unsupported: %s",
            ErrorCode::Overflow => "numerical overflow: %s",
            ErrorCode::NoDomainMetadata => "metadata not found: %s",
            ErrorCode::OperationUnsupported => "Operation not supported: %s",
            ErrorCode::ResourceBusy => "resource busy: %s",
            ErrorCode::OperationTimeout => "Timed out during operation: %s",
            _ => return None,
        })
    }
}

/// libvirt's `virError`: what failed (code), where (domain), how badly (level) and the message.
///
/// Codes and domains are kept as libvirt's numbers too, so an error from a newer peer with a
/// code this crate does not know is carried unchanged ([`Error::raw_code`]).
///
/// ```
/// use virtkit_api::{Error, ErrorCode, ErrorDomain, ErrorLevel};
/// let e = Error::new(ErrorCode::NoDomain, ErrorDomain::Domain, "no domain with matching name 'x'");
/// assert_eq!(e.message(), "Domain not found: no domain with matching name 'x'");
/// assert_eq!(e.level(), ErrorLevel::Error);
/// assert_eq!((e.raw_code(), e.raw_domain()), (42, 20));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Error {
    code: i32,
    domain: i32,
    level: ErrorLevel,
    message: Cow<'static, str>,
}

impl Error {
    /// `virReportError(code, "%s", detail)`: the message is the code's phrase around `detail`
    /// ([`ErrorCode::prefix`]).
    ///
    /// ```
    /// use virtkit_api::{Error, ErrorCode, ErrorDomain};
    /// let e = Error::new(ErrorCode::Overflow, ErrorDomain::Domain, "input too large: 5");
    /// assert_eq!(e.message(), "numerical overflow: input too large: 5");
    /// ```
    pub fn new(
        code: ErrorCode,
        domain: ErrorDomain,
        detail: impl Into<Cow<'static, str>>,
    ) -> Error {
        let detail = detail.into();
        let message = match code.prefix() {
            Some(p) => Cow::Owned(p.replacen("%s", &detail, 1)),
            None => detail,
        };
        Error { code: code.raw(), domain: domain.raw(), level: ErrorLevel::Error, message }
    }

    /// An error whose message is stored as given (the argument macros, `virReportInvalidArg`,
    /// or an error received from a peer).
    ///
    /// ```
    /// use virtkit_api::{Error, ErrorCode, ErrorDomain};
    /// let e = Error::verbatim(ErrorCode::InvalidArg, ErrorDomain::Domain, "Invalid UUID");
    /// assert_eq!(e.to_string(), "Invalid UUID");
    /// ```
    pub fn verbatim(
        code: ErrorCode,
        domain: ErrorDomain,
        message: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error::from_raw(code.raw(), domain.raw(), ErrorLevel::Error, message)
    }

    /// An error from raw numbers (for drivers relaying a peer's error, known or not).
    ///
    /// ```
    /// use virtkit_api::{Error, ErrorLevel};
    /// let e = Error::from_raw(4242, 20, ErrorLevel::Warning, "from the future");
    /// assert_eq!(e.code(), virtkit_api::ErrorCode::Ok);
    /// assert_eq!(e.raw_code(), 4242);
    /// ```
    pub fn from_raw(
        code: i32,
        domain: i32,
        level: ErrorLevel,
        message: impl Into<Cow<'static, str>>,
    ) -> Error {
        Error { code, domain, level, message: message.into() }
    }

    /// `virReportInvalidArg`: `VIR_ERR_INVALID_ARG` in `VIR_FROM_DOMAIN`, message as given.
    ///
    /// ```
    /// let e = virtkit_api::Error::invalid_arg("Invalid UUID");
    /// assert_eq!(e.raw_code(), 8);
    /// ```
    pub fn invalid_arg(message: impl Into<Cow<'static, str>>) -> Error {
        Error::verbatim(ErrorCode::InvalidArg, ErrorDomain::Domain, message)
    }

    /// `virReportError(code, ...)` in `VIR_FROM_DOMAIN`, with the code's prefix.
    ///
    /// ```
    /// use virtkit_api::{Error, ErrorCode};
    /// let e = Error::report(ErrorCode::OperationInvalid, "domain is not running");
    /// assert_eq!(e.message(), "Requested operation is not valid: domain is not running");
    /// ```
    pub fn report(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Error {
        Error::new(code, ErrorDomain::Domain, detail)
    }

    /// `virCheckNonNullArg`: `"{arg} in {func} must not be NULL"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::null_arg("cpumap", "virDomainPinVcpu");
    /// assert_eq!(e.message(), "cpumap in virDomainPinVcpu must not be NULL");
    /// ```
    pub fn null_arg(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("{arg} in {func} must not be NULL"))
    }

    /// `virCheckNullArg`: `"{arg} in {func} must be NULL"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::must_be_null("uri", "virDomainSetMetadata");
    /// assert_eq!(e.message(), "uri in virDomainSetMetadata must be NULL");
    /// ```
    pub fn must_be_null(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("{arg} in {func} must be NULL"))
    }

    /// `virCheckNonEmptyStringArg` on `""`: `"string {arg} in {func} must not be empty"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::empty_arg("new_name", "virDomainRename");
    /// assert_eq!(e.message(), "string new_name in virDomainRename must not be empty");
    /// ```
    pub fn empty_arg(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("string {arg} in {func} must not be empty"))
    }

    /// `virCheckPositiveArg`: `"{arg} in {func} must be greater than zero"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::not_positive("nkeycodes", "virDomainSendKey");
    /// assert_eq!(e.message(), "nkeycodes in virDomainSendKey must be greater than zero");
    /// ```
    pub fn not_positive(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("{arg} in {func} must be greater than zero"))
    }

    /// `virCheckNonNegativeArg`: `"{arg} in {func} must be zero or greater"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::negative("id", "virDomainLookupByID");
    /// assert_eq!(e.message(), "id in virDomainLookupByID must be zero or greater");
    /// ```
    pub fn negative(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("{arg} in {func} must be zero or greater"))
    }

    /// `virCheckNonZeroArg` (and `virCheckZeroArg`, which reuses it):
    /// `"{arg} in {func} must not be zero"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::zero_arg("memory", "virDomainSetMemory");
    /// assert_eq!(e.message(), "memory in virDomainSetMemory must not be zero");
    /// ```
    pub fn zero_arg(arg: &str, func: &str) -> Error {
        Error::invalid_arg(format!("{arg} in {func} must not be zero"))
    }

    /// `VIR_EXCLUSIVE_FLAGS_*`: `"Flags '{a}' and '{b}' are mutually exclusive"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::exclusive_flags("VIR_DOMAIN_SAVE_RUNNING", "VIR_DOMAIN_SAVE_PAUSED");
    /// assert_eq!(
    ///     e.message(),
    ///     "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive"
    /// );
    /// ```
    pub fn exclusive_flags(a: &str, b: &str) -> Error {
        Error::invalid_arg(format!("Flags '{a}' and '{b}' are mutually exclusive"))
    }

    /// `VIR_REQUIRE_FLAG_*(flag, required)`: `"Flag '{required}' is required by flag '{flag}'"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::required_flag("VIR_DOMAIN_VCPU_MAXIMUM", "VIR_DOMAIN_AFFECT_CONFIG");
    /// assert_eq!(
    ///     e.message(),
    ///     "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'"
    /// );
    /// ```
    pub fn required_flag(flag: &str, required: &str) -> Error {
        Error::invalid_arg(format!("Flag '{required}' is required by flag '{flag}'"))
    }

    /// `virReportRestrictedError` from `virCheckReadOnlyGoto`: `VIR_ERR_OPERATION_DENIED`,
    /// `"operation forbidden: read only access prevents {func}"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::read_only("virDomainCreate");
    /// assert_eq!(e.message(), "operation forbidden: read only access prevents virDomainCreate");
    /// ```
    pub fn read_only(func: &str) -> Error {
        Error::report(ErrorCode::OperationDenied, format!("read only access prevents {func}"))
    }

    /// `virReportUnsupportedError`: `VIR_ERR_NO_SUPPORT`, `"this function is not supported by
    /// the connection driver: {func}"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::no_support("virDomainSuspend");
    /// assert!(e.is_no_support());
    /// assert_eq!(
    ///     e.message(),
    ///     "this function is not supported by the connection driver: virDomainSuspend"
    /// );
    /// ```
    pub fn no_support(func: &'static str) -> Error {
        Error::report(ErrorCode::NoSupport, func)
    }

    /// The feature-probe refusal of libvirt: `VIR_ERR_ARGUMENT_UNSUPPORTED`,
    /// `"argument unsupported: {detail}"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::argument_unsupported("fd passing is not supported by this connection");
    /// assert_eq!(e.message(), "argument unsupported: fd passing is not supported by this connection");
    /// ```
    pub fn argument_unsupported(detail: impl Into<Cow<'static, str>>) -> Error {
        Error::report(ErrorCode::ArgumentUnsupported, detail)
    }

    /// `VIR_ERR_OVERFLOW`: `"numerical overflow: {detail}"`.
    ///
    /// ```
    /// let e = virtkit_api::Error::overflow("input too large: 1");
    /// assert_eq!(e.message(), "numerical overflow: input too large: 1");
    /// ```
    pub fn overflow(detail: impl Into<Cow<'static, str>>) -> Error {
        Error::report(ErrorCode::Overflow, detail)
    }

    /// The code; [`ErrorCode::Ok`] stands for a number this crate does not know
    /// ([`Error::raw_code`] keeps it).
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::invalid_arg("x").code(), virtkit_api::ErrorCode::InvalidArg);
    /// ```
    pub fn code(&self) -> ErrorCode {
        ErrorCode::from_raw(self.code).unwrap_or(ErrorCode::Ok)
    }

    /// libvirt's number of the code.
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::read_only("f").raw_code(), 29);
    /// ```
    pub fn raw_code(&self) -> i32 {
        self.code
    }

    /// The domain; [`ErrorDomain::None`] stands for a number this crate does not know.
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::invalid_arg("x").domain(), virtkit_api::ErrorDomain::Domain);
    /// ```
    pub fn domain(&self) -> ErrorDomain {
        ErrorDomain::from_raw(self.domain).unwrap_or(ErrorDomain::None)
    }

    /// libvirt's number of the domain.
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::invalid_arg("x").raw_domain(), 20);
    /// ```
    pub fn raw_domain(&self) -> i32 {
        self.domain
    }

    /// The level (always `VIR_ERR_ERROR` for the errors this crate raises).
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::invalid_arg("x").level(), virtkit_api::ErrorLevel::Error);
    /// ```
    pub fn level(&self) -> ErrorLevel {
        self.level
    }

    /// The message, exactly as libvirt's `virError.message`.
    ///
    /// ```
    /// assert_eq!(virtkit_api::Error::invalid_arg("Invalid UUID").message(), "Invalid UUID");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether this is `VIR_ERR_NO_SUPPORT` (a driver without the callback).
    ///
    /// ```
    /// assert!(!virtkit_api::Error::invalid_arg("x").is_no_support());
    /// ```
    pub fn is_no_support(&self) -> bool {
        self.code == ErrorCode::NoSupport.raw()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for Error {}

impl From<virtkit_cpumap::checks::CheckError> for Error {
    /// The cpumap checks report `VIR_FROM_DOMAIN` errors with libvirt's final text.
    fn from(e: virtkit_cpumap::checks::CheckError) -> Error {
        Error::from_raw(e.code(), e.domain(), ErrorLevel::Error, String::from(e.message()))
    }
}

impl From<virtkit_typedparams::Error> for Error {
    /// Entry-point checks (`Null`, `NotPositive`, ...) come from `libvirt-domain.c`
    /// (`VIR_FROM_DOMAIN`); the rest from `virtypedparam.c` and `libvirt.c`
    /// (`VIR_FROM_NONE`). The typedparams crate already writes libvirt's full message.
    fn from(e: virtkit_typedparams::Error) -> Error {
        use virtkit_typedparams::Error as T;
        let domain = match e {
            T::NotPositive { .. }
            | T::Negative { .. }
            | T::Null { .. }
            | T::ExclusiveFlags { .. } => ErrorDomain::Domain,
            _ => ErrorDomain::None,
        };
        let code = e.code() as i32;
        Error::from_raw(code, domain.raw(), ErrorLevel::Error, e.to_string())
    }
}
