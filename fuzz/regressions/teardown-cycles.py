# Cycles alive at exit that hold a code constant (a dict key) and a module value: the VM
# freed both before the cycles (use after free in hs_vm_free, found by fuzz-render).
from math import pi
d = {"self": None}
d["str(self"] = d
l = [pi, pi, pi]
l.append(l)
print(d, l)
