# dir() of the built-in types whose names Heapscope has exactly as CPython 3.11 (object,
# int, bool, ellipsis, NoneType), of their instances and subclasses
# (tests/refusals/dir_builtin_list.py for a type whose names differ).
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
