# What CPython refuses in a __slots__, each with its exception and message.
def check(src):
    try:
        exec(src, {})
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


check("class T:\n    x = 1\n    __slots__ = ('x',)")
check("class T:\n    __slots__ = (1,)")
check("class T:\n    __slots__ = ('1a',)")
check("class T:\n    __slots__ = ('a b',)")
check("class T:\n    __slots__ = 3")
check("class T(int):\n    __slots__ = ('a',)")
check("class T(tuple):\n    __slots__ = ('a',)")
check("class T(type):\n    __slots__ = ('a',)")
check("class T:\n    __slots__ = ('__dict__', '__dict__')")
check("class T:\n    __slots__ = ('__weakref__', '__weakref__')")
check("class U:\n    pass\nclass T(U):\n    __slots__ = ('__dict__',)")
check("class U:\n    pass\nclass T(U):\n    __slots__ = ('__weakref__',)")
check("class T(int):\n    __slots__ = ('__weakref__',)")
check("class T:\n    def f(self):\n        pass\n    __slots__ = ['f']")


# an empty __slots__ is fine on any of them
class I(int):
    __slots__ = ()


class Tu(tuple):
    __slots__ = ()


print(I(3) + 1, Tu((1, 2)))

# the uncaught error
class Point:
    __slots__ = ("x", "y")


p = Point()
p.x = 1
p.z = 3
