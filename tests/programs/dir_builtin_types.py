# dir() of the built-in types whose names Heapscope has exactly as CPython 3.11 (their type
# dicts hold CPython's names: build-aux/gen-cpython-dicts.py), of their instances and
# subclasses (tests/refusals/dir_builtin_module.py for what is still refused).
import collections

print(dir(object))
print(dir(object()))
print(dir(int))
print(dir(5))
print(dir(bool))
print(dir(True))
print(dir(...))
print(dir(type(...)))
print(dir(None))
print(dir(type(None)))
print(dir(None) == dir(type(None)), "__bool__" in dir(None))
print(dir(int) == dir(7) == sorted(dir(-1)))
print(set(dir(int)) < set(dir(bool)), set(dir(object)) < set(dir(int)))
print("bit_length" in dir(int), "real" in dir(True), "__sizeof__" in dir(5))
print(dir(str))
print(dir(list))
print(dir(tuple))
print(dir(dict))
print(dir(set))
print(dir(frozenset))
print(dir(collections.defaultdict))
print(dir(map), dir(filter))
print(dir(type(iter(int, 1))))
print(dir("abc") == dir(str), dir([1]) == dir(list), dir((1,)) == dir(tuple))
print(dir({}) == dir(dict), dir({1}) == dir(set), dir(frozenset()) == dir(frozenset))
print(dir(map(str, [])) == dir(map), dir(collections.defaultdict(list)) == dir(dict) + [])
print("__and__" in dir(list), "__rmul__" in dir(list), "__ior__" in dir(dict))
print("__missing__" in dir(collections.defaultdict), "default_factory" in dir(collections.defaultdict))
print([n for n in dir(list) if n not in dir(object)])
print(sorted(set(dir(set)) ^ set(dir(frozenset))))


class MyInt(int):
    def double(self):
        return self * 2


class Flag(MyInt):
    pass


m = MyInt(3)
m.tag = "x"
print(dir(MyInt))
print(dir(m))
print(dir(Flag(1)))
print(dir(int) == sorted(set(dir(MyInt)) - {"__dict__", "__module__", "__weakref__", "double"}))


class Stack(list):
    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.name = "s"
print(dir(Stack))
print(dir(s))
print(set(dir(s)) - set(dir(list)))


class Counts(dict):
    __slots__ = ()


print(dir(Counts) == sorted(set(dir(dict)) | {"__module__", "__slots__"}))

print(dir(float) == dir(1.5), [n for n in dir(float) if n not in dir(int)])
print(float.__getformat__("double"), (1.5).__getformat__("float"))
for bad in ["long", 8]:
    try:
        float.__getformat__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
