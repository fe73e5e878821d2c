class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("k")
print("after b")
try:
    with Timer("c"):
        raise ValueError("v")
except ValueError as e:
    print("caught", e)
with Timer("d") as x, Timer("e") as y:
    print(x.name, y.name)
