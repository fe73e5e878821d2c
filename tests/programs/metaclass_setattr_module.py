import math
import functools
import heapq
import random
import weakref


class Frozen(type):
    def __setattr__(cls, name, value):
        if name.startswith("_"):
            super().__setattr__(name, value)
        else:
            raise AttributeError(f"{cls.__name__} is frozen: cannot set {name}")

    def __delattr__(cls, name):
        print("deleting", name, "from", cls.__name__)
        super().__delattr__(name)


class Config(metaclass=Frozen):
    debug = False


try:
    Config.debug = True
except AttributeError as e:
    print(e)
Config._secret = 1
print(Config.debug, Config._secret)
del Config._secret
print(hasattr(Config, "_secret"))
try:
    del Config.missing
except AttributeError as e:
    print(e)


class Logged(type):
    def __setattr__(cls, name, value):
        print("set", cls.__name__, name, value)
        type.__setattr__(cls, name, value)


class A(metaclass=Logged):
    pass


class B(A):
    pass


A.x = 1
B.y = 2
setattr(B, "z", 3)
print(A.x, B.x, B.y, B.z)
type.__setattr__(B, "w", 4)
print(B.w)
try:
    type.__setattr__(B, 5, 4)
except TypeError as e:
    print(e)

print(len.__module__, print.__module__, math.sqrt.__module__, [].append.__module__)
print(functools.reduce.__module__, heapq.heappush.__module__, heapq.nlargest.__module__)
print(random.randint.__module__, random.random.__module__, weakref.proxy.__module__)
try:
    list.append.__module__
except AttributeError as e:
    print(e)
print(abs.__module__, sorted.__module__, "x".upper.__module__)
