# globals and locals given as dicts
g = {"a": 5}
exec("b = a + 1", g)
print(g["b"], sorted(k for k in g if k != "__builtins__"))
l = {}
exec("c = a * 100", g, l)
print(l, "c" in g)
print(eval("a + c", g, l))


def f(n):
    m = n + 1
    return eval("n * m")


print(f(3))


def h():
    exec("q = 5")
    return "q" in globals()


print(h())
