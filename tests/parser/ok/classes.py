class A:
    pass

class B(A):
    x = 1

    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"B({self.v!r})"

class C(A, B, metaclass=Meta, **kw):
    "docstring"

@dataclass
class D():
    a: int
    b: str = "x"
