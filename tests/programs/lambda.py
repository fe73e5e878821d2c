# lambda: defaults, closures, immediately called, stored in data structures.
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "neg": lambda a: -a}
print(ops["add"](2, 3), ops["mul"](4, 5), ops["neg"](7))
make_adder = lambda n: lambda x: x + n
add3 = make_adder(3)
print(add3(10), (lambda x, y=2, *r, **k: (x, y, r, k))(1, 5, 6, z=7))
pts = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pts, key=lambda p: p[1]), max(pts, key=lambda p: p[0]))
print(list(map(lambda s: s[::-1], ["ab", "cd"])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-42) + "!", (lambda: None)() is None)
