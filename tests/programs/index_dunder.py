# __index__ is honoured wherever CPython asks for an integer: indexing, slicing, range(),
# bin/hex/oct, list.insert/pop, sequence repetition.
class X:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n

class Bad:
    def __index__(self):
        return "no"

a = [10, 20, 30, 40]
f = 1.0
print(a[X(1)], a[X(-1)], (1, 2, 3)[X(2)], "hello"[X(1)])
print(a[X(1):X(3)], "hello"[X(1)::X(2)], (1, 2, 3, 4)[:X(2)])
print(list(range(X(3))), list(range(X(1), X(10), X(3))))
print(bin(X(5)), hex(X(255)), oct(X(8)))
print(range(10)[X(4)])
a.insert(X(0), 5)
print(a, a.pop(X(1)))
for bad in (lambda: a[Bad()], lambda: range(Bad()), lambda: hex(Bad()), lambda: a[1.5], lambda: range(1.5), lambda: "abc"[f], lambda: a[X(99)]):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print([1, 2] * X(2), "ab" * X(3), X(2) * (0,))
