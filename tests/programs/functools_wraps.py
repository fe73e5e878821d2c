# functools.wraps and update_wrapper: a decorator's wrapper takes the wrapped function's
# __module__, __name__, __qualname__, __doc__, __annotations__ and __dict__, and __wrapped__.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """The wrapper's own doc."""
        print("calling", func.__name__, args)
        return func(*args, **kwargs)

    return wrapper


@logged
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


print(add(2, 3))
print(add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__annotations__)
print(add.__wrapped__.__name__, add.__wrapped__(1, 1), add.__wrapped__ is not add)
print(add.__dict__.keys())


def plain(func):
    def wrapper(*args):
        return func(*args)

    return wrapper


@plain
def sub(a, b):
    "Subtract."
    return a - b


print(sub.__name__, sub.__doc__, hasattr(sub, "__wrapped__"))


# update_wrapper by hand, with custom assigned/updated, and attributes of the wrapped
def target():
    "Target doc."


target.tag = "t"


def shell():
    pass


r = functools.update_wrapper(shell, target)
print(r is shell, shell.__name__, shell.__doc__, shell.tag, shell.__wrapped__ is target)


def shell2():
    pass


functools.update_wrapper(shell2, target, assigned=("__doc__",), updated=())
print(shell2.__name__, shell2.__doc__, hasattr(shell2, "tag"))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


# stacking decorators: __wrapped__ chains
def twice(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*func.__wrapped__(*args) if hasattr(func, "__wrapped__") else args)

    return wrapper


@twice
@logged
def ident(x):
    "Identity."
    return (x,)


print(ident.__name__, ident.__doc__, ident.__wrapped__.__wrapped__.__name__)


# wraps with a class instance as the wrapper
class Counter:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.count = 0

    def __call__(self, *args):
        self.count += 1
        return self.__wrapped__(*args)


@Counter
def mul(a, b):
    "Multiply."
    return a * b


print(mul(3, 4), mul.count, mul.__name__, mul.__doc__)
try:
    functools.update_wrapper(1, mul)
except AttributeError as e:
    print("AttributeError", e)
