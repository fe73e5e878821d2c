# Private name mangling (CPython 3.11): inside a class, `__name` is `_Class__name`.


class Account:
    __count = 0  # a class variable: _Account__count

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance  # stored as _Account__balance
        Account.__count += 1

    def deposit(self, amount):
        self.__balance += amount
        return self.__balance

    def __audit(self):  # the method is _Account__audit
        return f"{self.owner}: {self.__balance}"

    def report(self):
        return self.__audit()

    @classmethod
    def count(cls):
        return cls.__count


a = Account("ada", 10)
print(a.deposit(5), a.report(), Account.count())
print(vars(a))
print(sorted(k for k in Account.__dict__ if k.startswith("_A")))
print(a._Account__balance, getattr(a, "_Account__balance"))
print(hasattr(a, "__balance"), getattr(a, "__balance", "no plain __balance"))
setattr(a, "__balance", 99)  # a string is never mangled
print(vars(a))
try:
    print(a.__balance)  # outside the class: no mangling, the attribute set by setattr
except AttributeError as e:
    print("AttributeError:", e)
del a.__balance
try:
    a.__audit()
except AttributeError as e:
    print("AttributeError:", e)


class Savings(Account):
    def peek(self):
        return self.__balance  # _Savings__balance: the base's private name is not visible


try:
    Savings("bob", 1).peek()
except AttributeError as e:
    print("AttributeError:", e)


# dunder names, a single trailing underscore, three leading underscores
class Names:
    def __init__(self):
        self.__x__ = 1
        self.__y_ = 2
        self.___z = 3
        self._w = 4
        self.__ = 5


print(vars(Names()))


# leading underscores of the class name are stripped; a name of underscores only mangles nothing
class _Hidden:
    def __init__(self):
        self.__v = 1


def underscores_only():
    class ___:
        def __init__(self):
            self.__v = 2

    return ___


Underscores = underscores_only()
print(vars(_Hidden()), vars(Underscores()), Underscores.__name__)


# nested classes mangle by the innermost class; the nested class's own name by the outer one
class Outer:
    class __Inner:
        def __init__(self):
            self.__secret = "inner"

    def make(self):
        return self.__Inner()

    def values(self):
        return [self.__k * 2 for self.__k in range(3)]


o = Outer()
print(vars(o.make()), o.values(), vars(o))
print(Outer._Outer__Inner.__name__, Outer._Outer__Inner.__qualname__)


# names: locals, parameters, keyword-only defaults, globals, closures, comprehensions, lambdas
__top = "module level: never mangled"


class Scopes:
    __shared = [1, 2, 3]
    __doubled = [__v * 2 for __v in __shared]  # the outermost iterable: the class's name

    def params(self, __p, *, __k=3):
        __local = __p + __k
        return __local

    def keyword_call(self):
        return self.params(1, __k=10)  # a keyword argument's name is not mangled

    def set_global(self):
        global __g
        __g = "set through global"

    def counter(self):
        __n = 0

        def bump():
            nonlocal __n
            __n += 1
            return __n

        bump()
        return bump()

    def lam(self):
        f = lambda __q=5: __q + 1
        return f(), [__i + 1 for __i in range(2)]

    def top(self):
        try:
            return __top
        except NameError as e:
            return "NameError: " + str(e)


s = Scopes()
print(Scopes._Scopes__doubled, s.params(1), Scopes.params.__kwdefaults__)
try:
    s.keyword_call()
except TypeError as e:
    print("TypeError:", e)
try:
    s.params(__p=1)
except TypeError as e:
    print("TypeError:", e)
s.set_global()
print(_Scopes__g, s.counter(), s.lam(), s.top())


# annotations and imports bind mangled names
class Imports:
    __limit: int = 5
    import math as __m
    from math import pi as __pi

    def area(self, r, __scale=1.0):
        return self.__pi * r * r * __scale


print(Imports.__annotations__, round(Imports().area(1), 4))
print(Imports._Imports__m.floor(2.5))


# match: capture names are mangled, keyword patterns are attribute names as written
class Matcher:
    def __init__(self):
        self.__a = 1

    def go(self, subject):
        match subject:
            case Matcher(__a=v):
                return ("keyword", v)
            case [__h, *__t]:
                return (__h, __t)
            case _:
                return "no match"


m = Matcher()
print(m.go(m), m.go([1, 2, 3]))


# the compiler's errors name a private name as written, or as mangled where CPython does
for src in [
    "class C:\n def f(self, __a, __a): pass",
    "class C:\n def f(self):\n  nonlocal __q",
    "class C:\n def f(__a):\n  global __a",
    "class C:\n def f(self):\n  [_C__i for __i in range(3) if (_C__i := 1)]",
]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)


class Broken:
    def __init__(self):
        self.__data = [1, 2]

    def total(self):
        return sum(self.__date)


Broken().total()
