import libvirt
libvirt.registerErrorHandler(lambda *a: None, None)
c = libvirt.open("test:///default")
d = c.lookupByName("test")
out = []
def fmt(v):
    if isinstance(v, dict):
        return " ".join("%s=%s" % (k, fmt(v[k])) for k in sorted(v))
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v)
def t(f):
    try:
        out.append(fmt(f()))
    except libvirt.libvirtError as e:
        out.append("%d %d %s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message()))
t(lambda: d.setMemoryStatsPeriod(5, 0))
t(lambda: "<stats period='5'/>" in d.XMLDesc(0))
t(lambda: d.blkioParameters(0))
t(lambda: d.setBlkioParameters({"weight": 500}, 0))
t(lambda: d.setBlkioParameters({"device_weight": "/dev/sda,100"}, 0))
t(lambda: d.blkioParameters(0))
t(lambda: d.setLifecycleAction(0, 1, 0))
t(lambda: "<on_poweroff>restart</on_poweroff>" in d.XMLDesc(0))
t(lambda: d.setLifecycleAction(0, 4, 0))
t(lambda: d.memoryParameters(0))
t(lambda: d.setMemoryParameters({"hard_limit": 1000}, 0))
t(lambda: d.memoryParameters(0))
t(lambda: d.schedulerType()[0])
t(lambda: d.schedulerParameters())
t(lambda: d.numaParameters(0))
t(lambda: d.setNumaParameters({"numa_mode": 1, "numa_nodeset": "0-1"}, 0))
t(lambda: d.numaParameters(0))
t(lambda: d.perfEvents(0)["cmt"])
t(lambda: d.setPerfEvents({"cmt": True}, 0))
t(lambda: d.perfEvents(0)["cmt"])
t(lambda: d.blockStats("nope"))
t(lambda: sorted(d.getCPUStats(True)[0]))
print("\n".join(out))
