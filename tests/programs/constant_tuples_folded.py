# Tuple displays CPython 3.11 folds into constants: the empty tuple and tuples holding `...`
# too, so `is` against them warns at compile time and equal ones are one object.
x = 1
print(x is ())
print(x is (...,))
print(x is not (..., 1))
t = (...,)
u = ((), (..., ()))


def f():
    return (...,)


def g():
    return ((), (..., ()))


print(t is f(), u is g(), u[0] is (), len(()))
