# f-strings: expressions inside braces.
name = "Ada"
age = 36
print(f"{name} is {age} years old")
print(f"next year {age + 1}, doubled {age * 2}")
print(f"{name!r} {name!s} {'quoted'!r}")
items = [1, 2, 3]
print(f"list {items}, len {len(items)}, first {items[0]}")
d = {"k": 5}
print(f"dict value {d['k']}")
print(f"{{literal braces}} and {{{age}}}")
print(f"{3 > 2} {None} {2 ** 70}")
print(f"{'nested ' + name}")
x = 0.1 + 0.2
print(f"{x}", f"{x!r}")
print(f"")
print(f"{name}{age}{name}")
