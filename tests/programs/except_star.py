# except*: matching by type or tuple, the unmatched rest re-raised, a naked exception wrapped, raise inside a clause, else and finally
def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
try:
    f()
except* ValueError as e:
    print("V", repr(e))
except* TypeError:
    print("T")
except* OSError:
    print("never")
except* LookupError:
    print("lookup")
print("end1")
try:
    try:
        f()
    except* ValueError as e:
        print("got", e.exceptions)
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as e:
    print("wrapped", repr(e))
try:
    try:
        raise KeyError("naked2")
    except* ValueError:
        print("no")
except KeyError as k:
    print("naked passes", repr(k))
try:
    try:
        f()
    except* ValueError:
        raise
    except* TypeError as e:
        raise RuntimeError("new")
except BaseException as x:
    print("mixed", repr(x), [repr(y) for y in x.exceptions])
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as t:
    print(t)
try:
    f()
except* (ValueError, TypeError):
    print("tuple")
except* KeyError:
    pass
else:
    print("else")
finally:
    print("fin")
for i in range(2):
    try:
        f()
    except* ValueError:
        for j in range(3):
            if j == 1:
                break
        print("inner loop left", j)
    except* (TypeError, KeyError):
        pass
