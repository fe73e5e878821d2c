# functools: total_ordering, cmp_to_key and singledispatch
from functools import total_ordering, cmp_to_key, singledispatch


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)


a = Version(1, 2)
b = Version(1, 5)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b > a, b >= a, a >= Version(1, 2), a <= Version(1, 2))
print(sorted([b, a, Version(0, 9)], reverse=True)[0].minor)


@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        if not isinstance(other, Desc):
            return NotImplemented
        return self.v >= other.v


x, y = Desc(3), Desc(4)
print(x < y, x <= y, x > y, x >= y)
try:
    x < 5
except TypeError as e:
    print("TypeError:", e)

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)


def by_length_then_alpha(s, t):
    if len(s) != len(t):
        return len(s) - len(t)
    return (s > t) - (s < t)


words = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(words, key=cmp_to_key(by_length_then_alpha)))
print(max(words, key=cmp_to_key(by_length_then_alpha)))
K = cmp_to_key(by_length_then_alpha)
k1, k2 = K("ab"), K("abc")
print(k1 < k2, k1 == k2, k1.obj, type(K).__name__)
try:
    k1 < "abc"
except TypeError as e:
    print("TypeError:", e)
try:
    hash(k1)
except TypeError as e:
    print("TypeError:", e)


@singledispatch
def describe(arg):
    return "something: " + repr(arg)


@describe.register(int)
def _(arg):
    return "an int: %d" % arg


@describe.register(list)
def _list(arg):
    return "a list of %d" % len(arg)


def describe_str(arg):
    return "a str: " + arg


describe.register(str, describe_str)
print(describe(5))
print(describe(True))
print(describe([1, 2, 3]))
print(describe("hi"))
print(describe(2.5))
print(describe.dispatch(bool) is _, describe.dispatch(float) is describe.registry[object])
print(_list.__name__, describe.__name__)
print(len(describe.registry))


class Animal:
    pass


class Dog(Animal):
    pass


@describe.register(Animal)
def _(arg):
    return "an animal: " + type(arg).__name__


print(describe(Dog()))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    describe.register(5, describe_str)
except TypeError as e:
    print("TypeError:", e)
