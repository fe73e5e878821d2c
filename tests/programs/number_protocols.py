# number protocols: __complex__, __float__, __int__, __index__ and __trunc__ as CPython 3.11 calls them
class C:
    def __complex__(self):
        return 1 + 2j
try:
    print(complex(C()))
except Exception as e:
    print("!", type(e).__name__, e)
class F:
    def __float__(self):
        return 2.5
try:
    print(float(F()), complex(F()))
except Exception as e:
    print("!", type(e).__name__, e)
class I:
    def __index__(self):
        return 7
try:
    print(int(I()), float(I()), complex(I()), [10, 20, 30, 40, 50, 60, 70, 80][I()], bin(I()), hex(I()), oct(I()))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    print(range(I()), "ab" * I(), operator_index := None)
except Exception as e:
    print("!", type(e).__name__, e)
class T:
    def __trunc__(self):
        return 3
try:
    print(int(T()))
except Exception as e:
    print(type(e).__name__, e)
class N:
    def __int__(self):
        return 4
try:
    print(int(N()))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    print(float(N()))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(complex(N()))
except Exception as e:
    print(type(e).__name__, e)
class Bad:
    def __complex__(self):
        return 5
try:
    complex(Bad())
except Exception as e:
    print(type(e).__name__, e)
class BadF:
    def __float__(self):
        return 5
try:
    float(BadF())
except Exception as e:
    print(type(e).__name__, e)
class BadI:
    def __int__(self):
        return 5.0
try:
    int(BadI())
except Exception as e:
    print(type(e).__name__, e)
class BadX:
    def __index__(self):
        return "x"
try:
    int(BadX())
except Exception as e:
    print(type(e).__name__, e)
try:
    [1][BadX()]
except Exception as e:
    print(type(e).__name__, e)
class SubF(float): pass
class RetSub:
    def __float__(self):
        return SubF(1.5)
import sys
try:
    print(float(RetSub()))
except Exception as e:
    print("!", type(e).__name__, e)
class RetBool:
    def __int__(self):
        return True
try:
    print(int(RetBool()))
except Exception as e:
    print("!", type(e).__name__, e)
class RetBoolIdx:
    def __index__(self):
        return True
try:
    print(int(RetBoolIdx()))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    complex("1+2j", 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(complex(C(), 1) if False else complex(1, 2), complex(2.0), complex(F(), F()))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    complex([])
except Exception as e:
    print(type(e).__name__, e)
try:
    float([])
except Exception as e:
    print(type(e).__name__, e)
try:
    int([])
except Exception as e:
    print(type(e).__name__, e)
try:
    int(None)
except Exception as e:
    print(type(e).__name__, e)
import math
try:
    print(math.floor(F()), math.ceil(F()), math.trunc(T()))
except Exception as e:
    print("!", type(e).__name__, e)
class Fl:
    def __floor__(self): return 42
    def __ceil__(self): return 43
    def __round__(self, n=None): return ("round", n)
try:
    print(math.floor(Fl()), math.ceil(Fl()), round(Fl()), round(Fl(), 2))
except Exception as e:
    print("!", type(e).__name__, e)
import operator
try:
    print(operator.index(I()))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    operator.index(2.5)
except Exception as e:
    print(type(e).__name__, e)
class CF:
    def __complex__(self): return 1j
    def __float__(self): return 9.0
try:
    print(complex(CF()), float(CF()), abs(complex(CF())))
except Exception as e:
    print("!", type(e).__name__, e)
try:
    print(divmod(I(), 2) if hasattr(I, '__divmod__') else "no divmod")
except Exception as e:
    print("!", type(e).__name__, e)
try:
    print(pow(2, I()) if False else "skip")
except Exception as e:
    print("!", type(e).__name__, e)
def t(f):
    try:
        print(f())
    except Exception as e:
        print("!", type(e).__name__, e)
class MyInt(int):
    def __int__(self):
        return 99
class MyStr(str):
    def __int__(self):
        return 5
    def __float__(self):
        return 6.5
class MyFloat(float):
    def __int__(self):
        return 77
class J:
    def __index__(self):
        return 3
t(lambda: int(MyInt(4)))
t(lambda: int(MyStr("12")))
t(lambda: float(MyStr("12")))
t(lambda: int(MyFloat(2.5)))
t(lambda: int("101", J()))
t(lambda: list(range(10))[J():])
t(lambda: range(10)[J()])
t(lambda: [1, 2, 3, 4][J():])
t(lambda: round(2.567, J()))
t(lambda: "%d %x %o" % (J(), J(), J()))
t(lambda: "%f" % J())
t(lambda: "{:d}".format(J()))
t(lambda: complex("1+1j") + J())
t(lambda: J() + 1)
t(lambda: pow(J(), 2))
t(lambda: abs(J()))
t(lambda: bool(J()))
t(lambda: int(True))
t(lambda: type(int(True)))
t(lambda: float(True))
t(lambda: complex(True))
t(lambda: complex(1j, 1j))
t(lambda: complex(MyFloat(1.5)))
t(lambda: complex(J(), J()))
class OnlyInt:
    def __int__(self): return 3
t(lambda: [1,2,3][OnlyInt()])
t(lambda: float(OnlyInt()))
t(lambda: round(OnlyInt()))
t(lambda: divmod(7, J()))
import math
t(lambda: math.sqrt(J()))
t(lambda: math.factorial(J()))
t(lambda: math.isqrt(J()))
t(lambda: math.sqrt(OnlyInt()))
t(lambda: chr(J() + 62))
t(lambda: chr(J()))
t(lambda: hex(OnlyInt()))
t(lambda: "ab"[OnlyInt()])
t(lambda: int(3.9), )
t(lambda: int(-3.9))
t(lambda: int(float("inf")))
t(lambda: int(float("nan")))
class Tr:
    def __trunc__(self): return 2.5
t(lambda: int(Tr()))
class TrI:
    def __trunc__(self): return J()
t(lambda: int(TrI()))
t(lambda: int(TrI()))
class Idx2:
    def __index__(self): return MyInt(8)
t(lambda: [0]*10 and bin(Idx2()))
t(lambda: int(Idx2()))
t(lambda: type(int(Idx2())))
import operator
t(lambda: operator.index(True))
t(lambda: type(operator.index(True)))
