# collections.UserDict, UserList and UserString: classes holding their value in `data`
from collections import UserDict, UserList, UserString
import copy

d = UserDict({"a": 1}, b=2)
print(d, d.data, len(d), d["a"], "b" in d, "z" in d, d.get("z"), d.get("a", 9))
d["c"] = 3
del d["a"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "dflt"), d.setdefault("e", 5), d.setdefault("c", 0), d)
print(d == {"c": 3, "e": 5}, d == UserDict(c=3, e=5), d != {}, d.popitem(), d)
d.update([("x", 1), ("y", 2)], z=3)
print(d, d | {"w": 0}, {"v": 9} | d, type(d | {}).__name__)
d |= {"q": 7}
print(d, d.copy(), type(d.copy()).__name__, copy.copy(d).data is d.data)
d.clear()
print(d, len(d), bool(d), UserDict.fromkeys("ab", 0))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", repr(e))
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)


class Lower(UserDict):
    """Every write goes through __setitem__, also update() and __init__."""

    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


low = Lower({"A": 1}, B=2)
low.update(C=3)
low.setdefault("D", 4)
print(low, isinstance(low, UserDict), type(low.copy()).__name__, low.copy())


class Default(UserDict):
    def __missing__(self, key):
        return len(key)


df = Default()
print(df["abc"], df.get("abc"), "abc" in df)

ul = UserList([3, 1, 2])
print(ul, len(ul), ul[0], ul[-1], ul[1:], type(ul[1:]).__name__, 2 in ul)
ul.append(5)
ul.extend(UserList([9]))
ul.insert(0, 0)
print(ul, ul.pop(), ul.pop(0), ul.count(1), ul.index(2))
ul.sort()
print(ul, ul.data)
ul.reverse()
ul.remove(3)
print(ul, ul + [7], [7] + ul, ul + (8,), ul * 2, 2 * ul, type(ul + [1]).__name__)
ul += [4]
ul *= 2
print(ul, ul == [2, 1, 4, 2, 1, 4], ul < [3], ul > UserList([1]), ul.copy(), copy.copy(ul))
ul[0] = 10
del ul[1]
ul.clear()
print(ul, UserList(), UserList("abc"), UserList(UserList((1, 2))))
try:
    UserList([1]).remove(5)
except ValueError as e:
    print("ValueError", e)
try:
    UserList().pop()
except IndexError as e:
    print("IndexError", e)


class Stack(UserList):
    def push(self, x):
        self.append(x)


s = Stack()
s.push(1)
s.push(2)
print(s, s.pop(), s, type(s[:]).__name__)

us = UserString("Hello")
print(us, repr(us), len(us), us[1], us[1:3], type(us[0]).__name__, us.upper(), us.lower())
print(us + " world", "Say " + us, us * 2, us == "Hello", us < "Z", "ell" in us, us.find("l"))
print(us.replace("l", "L"), us.split("l"), us.startswith("He"), us.center(9, "*"), us.zfill(8))
print(type(us.upper()).__name__, hash(us) == hash("Hello"), str(us), "%s!" % us, us.count("l"))
print(UserString(42), UserString(us), us.isalpha(), us.partition("l"), sorted(us))
print(UserString("%d-%d") % (1, 2), us.strip("Ho"), us.title(), us.join("ab"), us.encode())
