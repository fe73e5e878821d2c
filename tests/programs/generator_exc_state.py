# A generator keeps the exception its except block handles to itself (CPython's gi_exc_state):
# the caller's sys.exc_info() and __context__ never see it; throw/close/raise inside see it.
import sys

def gen():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        print("resumed:", repr(sys.exc_info()[1]))
        yield 2
    print("after:", sys.exc_info())

g = gen()
print(next(g))
print("caller sees:", sys.exc_info())
try:
    raise ValueError("outer")
except ValueError as e:
    print("context:", repr(e.__context__))
    print(next(g))
    print("caller still:", repr(sys.exc_info()[1]))
print(list(g))

def reraiser():
    try:
        raise TypeError("mine")
    except TypeError:
        yield "in except"
        raise

r = reraiser()
next(r)
try:
    raise ValueError("caller's")
except ValueError:
    try:
        next(r)
    except TypeError as e:
        print("re-raised:", repr(e), repr(e.__context__))

def thrower():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            yield 1
        except RuntimeError as e:
            print("got", repr(e), "context", repr(e.__context__))
            yield 2

t = thrower()
next(t)
try:
    raise IndexError("caller")
except IndexError:
    print(t.throw(RuntimeError("thrown")))

def plain():
    try:
        yield 1
    except RuntimeError as e:
        print("plain got", repr(e), "context", repr(e.__context__))
        yield 2

p = plain()
next(p)
try:
    raise IndexError("caller")
except IndexError:
    print(p.throw(RuntimeError("thrown")))
    print("caller exc:", repr(sys.exc_info()[1]))

def closer():
    try:
        raise KeyError("k2")
    except KeyError:
        try:
            yield 1
        except GeneratorExit as e:
            print("closing, context", repr(e.__context__))
            raise

c = closer()
next(c)
c.close()
print(sys.exc_info())

def sees_caller():
    yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])

s = sees_caller()
try:
    raise ValueError("A")
except ValueError:
    print(next(s))
print(next(s))

def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield "i1"
        yield repr(sys.exc_info()[1])

def outer():
    try:
        raise ValueError("outer")
    except ValueError:
        yield from inner()
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])

print(list(outer()))
print(sys.exc_info())

def raising_gen():
    try:
        raise KeyError("g")
    except KeyError:
        yield 1
        raise ValueError("from gen")

rg = raising_gen()
next(rg)
try:
    next(rg)
except ValueError as e:
    print(repr(e), repr(e.__context__))

def coro():
    total = 0
    while True:
        try:
            x = yield total
            total += 1 / x
        except ZeroDivisionError:
            print("exc in coro", repr(sys.exc_info()[1]))
            x = yield -1
            print("resumed in except with", x, repr(sys.exc_info()[1]))

co = coro()
next(co)
print(co.send(2))
print(co.send(0))
print(sys.exc_info())
print(co.send(5))

def gen():
    try:
        raise KeyError("held")
    except KeyError:
        try:
            yield 1
        except GeneratorExit as e:
            print("closed; context", repr(e.__context__), repr(sys.exc_info()[1]))

g = gen()
next(g)
del g
print("deleted")

def gen2():
    try:
        raise KeyError("held2")
    except KeyError:
        yield 1
        print("never")

g2 = gen2()
next(g2)
try:
    raise ValueError("caller")
except ValueError:
    g2 = None
    print("in caller except", repr(sys.exc_info()[1]))

def gen3():
    try:
        raise KeyError("held3")
    except KeyError:
        yield 1
        {}["missing"]

g3 = gen3()
next(g3)
next(g3)
