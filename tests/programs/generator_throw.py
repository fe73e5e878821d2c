# generator.throw(): the exception is raised at the paused yield.
def worker():
    total = 0
    while True:
        try:
            value = yield total
            total += value
        except ValueError as e:
            print("worker caught", e)
            total = 0
        finally:
            print("step done")


w = worker()
print(next(w))
print(w.send(5))
print(w.throw(ValueError("reset")))
print(w.send(2))
print(w.throw(ValueError, "again"))
print(w.throw(ValueError, ("a", "b")))
try:
    w.throw(KeyError("boom"))
except KeyError as e:
    print("came out:", repr(e))
try:
    w.throw(ValueError("after the end"))
except ValueError as e:
    print("finished generator:", e)


def short():
    try:
        yield 1
    except RuntimeError:
        print("handled, returning")
    print("not reached after return")


s = short()
next(s)
try:
    s.throw(RuntimeError)
except StopIteration:
    print("StopIteration: the generator returned")

fresh = short()
try:
    fresh.throw(RuntimeError("never started"))
except RuntimeError as e:
    print("unstarted:", e)
print(list(fresh))


def inner():
    try:
        yield "i1"
        yield "i2"
    except IndexError:
        print("inner caught")
        yield "i3"


def outer():
    try:
        yield from inner()
        yield "o1"
    except KeyError:
        print("outer caught")
        yield "o2"


o = outer()
print(next(o))
print(o.throw(IndexError))
print(next(o))
print(o.throw(KeyError))
o2 = outer()
next(o2)
print(o2.throw(KeyError("k")))
o3 = outer()
next(o3)
try:
    o3.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit went through both")
o3 = outer()
next(o3)
for bad in [(3,), (ValueError("v"), "x")]:
    try:
        w2 = worker()
        next(w2)
        w2.throw(*bad)
    except TypeError as e:
        print("TypeError:", e)
w2.close()
o3.close()
g = short()
next(g)
g.throw(ZeroDivisionError("unhandled"))
