from typing import Generic, TypeVar, List, Dict, Protocol, Optional
T = TypeVar("T")
K = TypeVar("K")
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.items, type(s).__name__, Stack.__mro__, Stack.__orig_bases__, Stack.__bases__)
print(Stack[int], Generic[T], s.__orig_class__)
class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T): self.k, self.v = k, v
p = Pair("a", 1); print(p.k, p.v)
class L(List[int]):
    pass
l = L([1, 2]); l.append(3)
print(l, L.__mro__, L.__orig_bases__)
class D(Dict[str, int]): pass
print(D.__mro__, D(a=1))
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self): return "hi"
def use(g: Greeter): return g.greet()
print(use(En()), Greeter.__mro__)
class Impl(Greeter):
    def greet(self): return "impl"
print(Impl().greet())
class Both(Stack[str], Generic[T]): pass
print(Both.__mro__)
for bad in ["Generic()", "Protocol()", "Generic(1)"]:
    try:
        print(type(eval(bad)).__name__)
    except TypeError as e:
        print(bad, e)
try:
    class X(Optional[int]): pass
except TypeError as e:
    print(e)
class IntStack(Stack[int]):
    pass
print(IntStack.__mro__, IntStack.__orig_bases__)
