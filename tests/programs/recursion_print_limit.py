# A runaway recursion that prints fails inside print(), as CPython's: sys.stdout.write is
# called through C, one level deeper than the frame; str() and repr() are a level each.
import sys


def countdown(n):
    print(n)
    countdown(n - 1)


def stringify(n):
    str(n)
    return stringify(n + 1)


def quote(n):
    f"{n!r}"
    return quote(n + 1)


def plain(n):
    return plain(n + 1)


sys.setrecursionlimit(40)
for f in (stringify, quote, plain):
    try:
        f(0)
    except RecursionError as e:
        print(f.__name__, e)
countdown(3)
