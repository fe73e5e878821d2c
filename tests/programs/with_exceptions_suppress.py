# with: __enter__/__exit__, exceptions inside, suppression.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


with Resource("a") as r:
    print("using", r.name)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
with Resource("d") as d, Resource("e") as e:
    print("two managers", d.name, e.name)


def early():
    with Resource("f"):
        return "returned inside with"


print(early())
for i in range(3):
    with Resource("loop" + str(i)):
        if i == 1:
            break
try:
    with 5:
        pass
except TypeError as e:
    print(e)
