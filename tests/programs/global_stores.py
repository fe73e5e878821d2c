# Globals stored and read in loops while names come and go: every read sees the latest
# store (the interpreter caches where each name is in the globals or the builtins).
total = 0
for i in range(5):
    total += i
print(total, i)


def read():
    return total, i


seen = []
for step in range(6):
    total = step * 10
    if step == 1:
        del i
    if step == 2:
        i = "back"
    if step == 3:
        globals()["i"] = "via globals()"
    if step == 4:
        globals().pop("i")
        i = "again"
    try:
        seen.append(read())
    except NameError as e:
        seen.append(str(e))
print(seen)

# a global shadows a builtin, then goes
out = []
for step in range(3):
    out.append(abs(-3))
    if step == 0:
        abs = lambda x: "mine"
    if step == 1:
        del abs
print(out)

# many globals made in a loop (the dict grows and its entries move)
for k in range(40):
    globals()["g%d" % k] = k
print(g0, g39, total)

# exec with fresh dicts, same code
code = compile("x = x + 1 if 'x' in globals() else 1\ny = x * 2", "<s>", "exec")
for n in range(3):
    ns = {}
    exec(code, ns)
    exec(code, ns)
    print(ns["x"], ns["y"])
