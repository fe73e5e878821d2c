# Annotations: __annotations__ of modules and classes, typing's names as markers
from typing import List, Dict, Optional, Union, Any, Tuple, Callable, Set, TypeVar
import typing

count: int = 0
names: List[str] = ["ada", "bob"]
ratio: float
print(__annotations__)
print(count, names)


class Point:
    x: int
    y: int = 0
    label: Optional[str] = None

    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(Point.__annotations__)
print(Point.y, Point.label, hasattr(Point, "x"))


def total(values: List[int], scale: float = 1.0) -> float:
    result: float = 0
    for v in values:
        result += v * scale
    return result


print(total([1, 2, 3], 2))
print(List[int], Dict[str, int], Optional[int], Union[int, str], Any)
print(Tuple[int, ...], Callable[[int, str], bool], Set[float])
print(Union[int, None], Union[int], Union[int, Union[str, int]])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(int | None, int | str | None, list[int] | None)
print(list[int]("ab"), List[int] == List[int], list[int] == list[int])
T = TypeVar("T")
print(T, typing.cast(int, "x"), typing.TYPE_CHECKING)
print(List.__origin__ if hasattr(List, "__origin__") else "-", list[int].__origin__, list[int].__args__)
try:
    List()
except TypeError as e:
    print("TypeError:", e)


def local():
    z: int
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


local()
