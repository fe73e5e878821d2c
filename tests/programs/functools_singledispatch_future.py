# functools.singledispatch: @register on functions whose annotations are strings
# (from __future__ import annotations), evaluated in the function's globals; __globals__.
from __future__ import annotations
from functools import singledispatch

class Shape:
    pass

class Circle(Shape):
    def __init__(self, r):
        self.r = r

@singledispatch
def describe(x) -> str:
    return 'something'

@describe.register
def _(x: int) -> str:
    return f'int {x}'

@describe.register
def _(x: str):
    return f'str {x!r}'

@describe.register
def _(s: Shape) -> str:
    return 'a shape'

print(describe(3), describe('hi'), describe(Circle(2)), describe(2.5))
print(sorted(k.__name__ for k in describe.registry))
try:
    @describe.register
    def _(x: Missing):
        pass
except NameError as e:
    print('NameError:', e)
try:
    @describe.register
    def _(x: 'list[int]'):
        pass
except TypeError as e:
    print('TypeError:', e)
print(_.__globals__ is globals(), _.__globals__['Shape'] is Shape)
