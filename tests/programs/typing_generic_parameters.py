# __parameters__ of generic classes and aliases, and typing's errors about them
from typing import Generic, TypeVar, List, Dict, Tuple, Optional, Protocol
T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

class Box(Generic[T]):
    pass
class Pair(Generic[K, V]):
    pass
class Mapping2(Dict[K, List[V]]):
    pass
class Sub(Box[int]):
    pass
class Again(Box[T]):
    pass
class Mixed(Pair[str, T], Box[K]):
    pass
class Ordered(Box[T], Pair[K, V], Generic[V, K, T]):
    pass
class Plain:
    pass
for cls in [Box, Pair, Mapping2, Sub, Again, Mixed, Ordered]:
    print(cls.__name__, cls.__parameters__)
print(List[T].__parameters__, Dict[K, List[V]].__parameters__, Tuple[int, str].__parameters__)
print(Optional[T].__parameters__ if hasattr(Optional[T], "__parameters__") else "-")
print(Box[int].__parameters__, Pair[T, T].__parameters__, list[T].__parameters__)
print(hasattr(Plain, "__parameters__"), Box.__dict__["__parameters__"])

# Seen's __init_subclass__ passes the new class on to typing's, which refuses it
class Seen:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
bad = [
    "class A(Seen, Generic): pass",
    "class A(Seen, Generic[T], Generic[K]): pass",
    "class A(Seen, Pair[K, V], Generic[K]): pass",
    "class A(Seen, Box[T], Pair[K, V], Generic[T]): pass",
]
for src in bad:
    try:
        exec(src)
        print("ok", src)
    except TypeError as e:
        print(type(e).__name__, e)
