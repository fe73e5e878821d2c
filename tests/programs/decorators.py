# Decorators: plain, with arguments, stacked, on methods.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"

    return wrapper


def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]

        return wrapper

    return deco


def trace(fn):
    def wrapper(*args):
        print("calling", fn.__name__, args)
        result = fn(*args)
        print("returned", result)
        return result

    return wrapper


@shout
def greet(name, punct=""):
    return "hello " + name + punct


@repeat(3)
def roll(x):
    return x * 2


@trace
@shout
def hi():
    return "hi"


print(greet("ann"), greet("bob", punct="?"))
print(roll(4))
print(hi())


class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def freezing():
        return 0

    @classmethod
    def boiling(cls):
        return cls(100)


t = Temp(25)
print(t.celsius, t.fahrenheit)
t.celsius = 30
print(t.celsius, Temp.freezing(), t.freezing(), Temp.boiling().celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(e)
