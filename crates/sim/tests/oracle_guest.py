import libvirt
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.open("test:///default")
disks = "".join("<disk type='file' device='disk'><source file='/g/%d'/><target dev='vd%s' bus='virtio'/></disk>" % (i, chr(97 + i)) for i in range(3))
nics = "".join("<interface type='network'><mac address='aa:bb:cc:dd:ee:0%d'/><source network='default'/><target dev='n%d'/></interface>" % (i, i) for i in range(2))
x = "<domain type='test'><name>dd</name><memory>1024</memory><os><type>hvm</type></os><devices>%s%s</devices></domain>" % (disks, nics)
out = []
def fmt(v):
    if isinstance(v, dict):
        return " ".join("%s=%s" % (k, fmt(v[k])) for k in sorted(v))
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(fmt(i) for i in v) + "]"
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v)
def t(f):
    try:
        out.append(fmt(f()))
    except libvirt.libvirtError as e:
        out.append("%d %d %s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message()))
d = c.defineXML(x)
t(lambda: d.hostname(0))
t(lambda: d.blockInfo("vdb", 0))
t(lambda: d.blockInfo("/g/2", 0))
t(lambda: d.blockInfo("nope", 0))
t(lambda: d.securityLabel())
t(lambda: d.rename("bad/name", 0))
t(lambda: d.rename("test", 0))
t(lambda: d.rename("ee", 0))
t(lambda: d.name())
t(lambda: d.create())
t(lambda: d.rename("ff", 0))
t(lambda: d.hostname(0))
t(lambda: d.getTime(0))
t(lambda: d.controlInfo(0))
t(lambda: d.setTime({"seconds": 12345, "nseconds": 6}, 0))
t(lambda: d.getTime(0))
t(lambda: d.controlInfo(0))
t(lambda: d.setTime({"seconds": 30006}, 0))
t(lambda: d.controlInfo(0))
t(lambda: d.diskErrors(0))
t(lambda: d.fsInfo(0))
t(lambda: sorted((k, v["hwaddr"], v["addrs"][0]["addr"]) for k, v in d.interfaceAddresses(0, 0).items()))
t(lambda: d.securityLabel())
t(lambda: d.injectNMI(0))
t(lambda: d.sendKey(0, 0, [1], 1, 0))
t(lambda: d.interfaceParameters("n1", 0))
t(lambda: d.setInterfaceParameters("n1", {"inbound.average": 100, "outbound.burst": 7}, 0))
t(lambda: d.interfaceParameters("aa:bb:cc:dd:ee:01", 0))
t(lambda: d.interfaceParameters("nope", 0))
t(lambda: d.suspend())
t(lambda: d.getTime(0))
t(lambda: d.destroy())
t(lambda: d.diskErrors(0))
t(lambda: d.hostname(0))
t(lambda: d.interfaceParameters("n1", 0))
t(lambda: d.undefine())
print("\n".join(out))
