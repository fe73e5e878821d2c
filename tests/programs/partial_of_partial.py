# A partial of a partial is flattened, as CPython's partial_new does: one partial over the
# first function, its arguments and keywords joined; a partial with a __dict__ is kept whole.
# (The inner partials are made on the same line: a tracer reading their __dict__ would make
# one, and CPython then keeps them whole.)
import functools


def show(*args, **kwargs):
    return args, kwargs


more = functools.partial(functools.partial(show, 1, x=1), 2, y=2)
print(more.func is show, more.args, more.keywords)
print(more(3, x=9))
again = functools.partial(functools.partial(show, 1, x=1), x=5)
print(again.args, again.keywords, again())
base = functools.partial(show, 1, x=1)
base.note = "kept"
outer = functools.partial(base, 3)
print(outer.func is base, outer.args, outer())
