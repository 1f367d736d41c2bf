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
def disk(flags):
    x = d.XMLDesc(flags)
    return x[x.index("<disk"):x.index("</disk>")].replace("\n", "|")
t(lambda: d.blockIoTune("vda", 0))
t(lambda: d.blockIoTune("/guest/diskimage1", 0))
t(lambda: d.blockIoTune("nope", 0))
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 1000}, 0))
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 1000, "read_bytes_sec": 5}, 0))
t(lambda: d.setBlockIoTune("vda", {"write_bytes_sec_max": 10**15 + 1}, 0))
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 100, "total_bytes_sec_max": 200}, 0))
t(lambda: d.setBlockIoTune("vda", {"total_iops_sec": 1, "write_iops_sec": 1}, 0))
t(lambda: d.setBlockIoTune("vda", {"read_bytes_sec_max": 1}, 0))
t(lambda: d.setBlockIoTune("vda", {"total_iops_sec_max": 1, "read_iops_sec_max": 1}, 0))
t(lambda: d.setBlockIoTune("/guest/diskimage1", {"total_iops_sec": 10, "total_iops_sec_max": 20, "size_iops_sec": 30, "group_name": "a<b", "read_bytes_sec_max_length": 4, "total_bytes_sec_max_length": 3, "write_iops_sec_max_length": 6}, 0))
t(lambda: d.blockIoTune("vda", 0))
t(lambda: disk(0))
t(lambda: d.setBlockIoTune("vda", {"group_name": ""}, 0))
t(lambda: d.blockIoTune("vda", 0)["group_name"] == "")
t(lambda: disk(0))
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 7, "total_bytes_sec_max": 8}, 2))
t(lambda: d.blockIoTune("vda", 2)["total_bytes_sec"])
t(lambda: d.blockIoTune("vda", 1)["total_bytes_sec"])
t(lambda: disk(2))
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 7}, 3))
t(lambda: d.setBlockIoTune("/nope", {"total_bytes_sec": 7}, 0))
t(lambda: d.destroy())
t(lambda: d.blockIoTune("vda", 1))
t(lambda: d.blockIoTune("vda", 0)["total_bytes_sec"])
t(lambda: d.setBlockIoTune("vda", {"total_bytes_sec": 7}, 1))
t(lambda: d.setBlockIoTune("vda", {"read_iops_sec": 3, "read_iops_sec_max": 4, "total_bytes_sec": 0}, 0))
t(lambda: disk(0))
print("\n".join(out))
