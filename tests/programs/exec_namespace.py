# exec with a separate namespace: the names it binds land in ns, not in globals
ns = {}
src = "x = 1\ny = x + 1\n"
exec(src, globals(), ns)
print(sorted(ns))
print(ns["y"])
print("x" in globals())
local = {"a": 5}
exec("b = a * 2", {}, local)
print(local)
r = eval("a + b", None, local)
print(r)
# the globals reached as a dict: its entries are the global frame's variables
g = globals()
g["z"] = [1, 2]
print(z, g["ns"] is ns)
def f():
    return 1
print(f.__globals__ is g)
