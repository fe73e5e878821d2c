class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return args, kwargs
c = Counter()
print(c(1, 2, k=3), c(), c.calls, callable(c), callable(Counter), callable(1))
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
print(list(map(Adder(10), [1, 2, 3])), sorted([3, 1, 2], key=Adder(-1)))
def deco(cls):
    cls.tag = "decorated"
    return cls
@deco
class T:
    pass
print(T.tag)
