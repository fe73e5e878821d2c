# What a built-in type holds, read on the type: getset descriptors, slot wrappers,
# method descriptors, and calling them unbound.
import abc

print(int.real, int.imag)
print(int.numerator, int.denominator)
print(bool.real, float.real, float.imag)
print(int.real.__name__, int.real.__objclass__, type(int.real).__name__)
print(int.numerator.__get__(7), float.imag.__get__(2.5))
try:
    int.real.__get__("a")
except TypeError as e:
    print("TypeError:", e)

class Meters(int):
    pass

m = Meters(12)
print(m.real, type(m.real).__name__, m.numerator, m.denominator)

print(int.__add__, float.__neg__, int.__abs__, int.__float__, int.__index__)
print(int.__round__, float.__trunc__, list.__len__, str.__hash__)
print(list.append, dict.get, str.join)
print(int.__add__(2, 3), float.__mul__(1.5, 2), int.__round__(1234, -2))
print(str.join(",", ["a", "b"]), list.__len__([1, 2, 3]), str.upper("shout"))
letters = []
list.append(letters, "x")
print(letters)
for call in (lambda: list.append(1, 2), lambda: str.join(5, []), lambda: list.append(),
             lambda: int.__add__("a", 1), lambda: dict.get([], 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

print((5).__round__(-1), (15).__round__(-1), (2.675).__round__(2), (7.5).__round__())
print((5).__pow__(3), (5).__pow__(3, 7), (2).__rpow__(5), (5).__pow__(2, None))
print((5).__eq__(5.0), (5).__lt__(5.5), (5.0).__eq__(5), (True).__eq__(1))
print((5).__getnewargs__(), (2.5).__getnewargs__(), (True).__getnewargs__())
print((9).__floor__(), (9.5).__floor__(), (9.5).__ceil__(), (-9.5).__trunc__())
for call in (lambda: (5).__pow__(), lambda: (5).__pow__(1, 2, 3), lambda: (5).__round__("a")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

print(property.__isabstractmethod__)


@abc.abstractmethod
def area(self):
    ...


def name(self):
    return "shape"


print(property(area).__isabstractmethod__, property(name).__isabstractmethod__)
print(property(name, area).__isabstractmethod__)
