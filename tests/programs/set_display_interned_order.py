# A set display of more than two constants is a frozenset constant; CPython 3.11 makes it
# again from its own order when it interns one of its strs into an object interned before
# (a name the interpreter or the program's text has), which can change the order it prints.
print({3.5, 1, "x", (1, 2)})
print({3.5, (1, 2), "self", 2.25})
print({3.5, 1, "hello", (1, 2)})
print({3.5, 1, "spam", (1, 2)})
print({3.5, (1, 2), "a b", 2.25})
print({1, 17, "value", -3})
hello = {3.5, (1, 2), "len", 17}
print(hello, len(hello))
print(sorted({"b", "a", "c"}), {1.5, 2.5, "key", 3.5} == {"key", 1.5, 2.5, 3.5})
