# With `from __future__ import annotations` the markers are strings: ClassVar, InitVar and
# KW_ONLY are found by name as CPython's _is_type finds them; __dataclass_params__; frozen
# inheritance and an unannotated field are refused.
from __future__ import annotations
import dataclasses, typing
from dataclasses import dataclass, field, InitVar
from typing import ClassVar
@dataclass
class A:
    x: int
    n: ClassVar[int] = 0
    m: typing.ClassVar[int] = 1
    i: InitVar[int] = 0
    j: dataclasses.InitVar[str] = ""
    _: dataclasses.KW_ONLY
    k: int = 3
    def __post_init__(self, i, j):
        print("post", i, j)
print(A(1, 2, "s", k=4), [f.name for f in dataclasses.fields(A)], A.__dataclass_params__)
try:
    @dataclass
    class B:
        y = field(default=1)
except TypeError as e:
    print(e)
try:
    @dataclass
    class C:
        x: int
    @dataclass(frozen=True)
    class D(C):
        y: int = 0
except TypeError as e:
    print(e)
print(A.__dataclass_params__.frozen, A.__dataclass_params__.init)
