# isinstance() and issubclass() with a @runtime_checkable Protocol check structurally, as
# CPython 3.11's _ProtocolMeta: an object with every member is an instance, whatever its
# class; a protocol without the decorator refuses the check.
from typing import Protocol, runtime_checkable


@runtime_checkable
class Drawable(Protocol):
    def draw(self) -> str: ...


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str: ...


class Circle:
    def draw(self):
        return "()"


class Label:
    name = "label"

    def greet(self):
        return "hi " + self.name


class Broken:
    draw = None


class Square(Drawable):
    def draw(self):
        return "[]"


shapes = [Circle(), Label(), Broken(), Square(), "text"]
for s in shapes:
    print(type(s).__name__, isinstance(s, Drawable), isinstance(s, Named))
print(issubclass(Circle, Drawable), issubclass(Label, Drawable), issubclass(Square, Drawable))
print([s.draw() for s in shapes if isinstance(s, Drawable)])
try:
    issubclass(Label, Named)
except TypeError as e:
    print("TypeError:", e)


class Sized2(Protocol):
    def size(self) -> int: ...


try:
    isinstance(Circle(), Sized2)
except TypeError as e:
    print("TypeError:", e)
try:
    runtime_checkable(Circle)
except TypeError as e:
    print("TypeError:", e)
print(Drawable._is_protocol, Square._is_protocol, Drawable._is_runtime_protocol)
