# Built-ins: Ellipsis, bin/oct/hex, ascii, globals/locals/vars/dir, exit/quit/sys.exit.
def todo():
    ...


x = ...
print(x, x is Ellipsis, type(x).__name__, todo())
print(bin(10), oct(-8), hex(255), bin(True), hex(2 ** 70))
print(ascii("café ☕ 𝄞"), ascii([1, "é"]))
print(globals() is globals(), globals()["x"], type(globals()).__name__)
y = 5
print(vars()["y"], locals() is globals(), "__builtins__" in globals())


class P:
    kind = "point"
    print(sorted(k for k in locals() if not k.startswith("__")))

    def __init__(self):
        self.a = 1


p = P()
print(vars(p))
print(dir(p))
print(dir(P)[-3:])
import math
print(dir()[0], dir()[-5:], "__builtins__" in dir())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    bin(2.5)
except TypeError as e:
    print("TypeError:", e)
import sys
try:
    sys.exit("bye")
except SystemExit as e:
    print("SystemExit code:", e.code)
try:
    exit()
except SystemExit as e:
    print("exit() code:", e.code)
try:
    quit(3)
except SystemExit as e:
    print("quit(3) code:", e.code, SystemExit().code, SystemExit(1, 2).code)
print("leaving")
sys.exit(4)
