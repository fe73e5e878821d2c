# str.format with positional, numbered and named fields.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {n}".format(name="x", n=1))
print("{:>6}|{:<6}|{:^6}".format("r", "l", "c"))
print("{:.3f} {:,}".format(2 / 3, 10 ** 6))
print("{!r} {}".format("q", "q"))
print("{{}} {}".format("braces"))
