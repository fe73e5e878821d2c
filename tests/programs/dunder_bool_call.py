# __bool__ and __call__.
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=0):
        return x + self.n + y


print(bool(Flag(True)), bool(Flag(False)), not Flag(False))
if Flag(True) and not Flag(False):
    print("flags work")
add5 = Adder(5)
print(add5(10), add5(1, y=2), callable(add5), callable(Flag(1)), callable(len))
print(list(map(add5, [1, 2, 3])))
