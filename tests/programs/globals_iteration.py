# Iterating the program's globals dict in comprehensions and loops: its entries are the
# Global frame's variables, each counted once however the dict is reached.
def show():
    return [name for name in globals() if not name.startswith("_")]
count = 0
for key in list(globals()):
    count += 1
print(show(), count > 0)
g = {k: v for k, v in globals().items() if not k.startswith("_")}
print(sorted(g))
print(sorted(k for k in globals() if k[0] != "_"))
print([v for v in globals().values() if v == 0])
del g
