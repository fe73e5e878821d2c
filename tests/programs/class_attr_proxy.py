# __class__ is a data descriptor of object: an instance's dict cannot hide it, but a class
# may define its own, and isinstance() asks it (as proxies and mocks do).
class Plain:
    pass


# (one line, so that no step shows the odd dict, which Python Tutor's encoder draws oddly)
p = Plain(); p.__dict__["__class__"] = 5; p.__dict__["__dict__"] = "x"; print(p.__class__, type(p).__name__, vars(p), p.__dict__ is vars(p)); del p


class Proxy:
    """Stands in for another object and claims its class."""

    def __init__(self, target):
        self._target = target

    @property
    def __class__(self):
        return type(self._target)

    def count(self, item):
        return self._target.count(item)


numbers = Proxy([3, 1, 2])
print(numbers.__class__, type(numbers).__name__)
print(isinstance(numbers, list), isinstance(numbers, Proxy), isinstance(numbers, (str, list)))
print(numbers.count(1), issubclass(type(numbers), list))


class Tagged:
    __class__ = str


print(isinstance(Tagged(), str), isinstance(Tagged(), Tagged), Tagged().__class__)


class Broken:
    @property
    def __class__(self):
        raise AttributeError("no class today")


class Odd:
    @property
    def __class__(self):
        return 42


print(isinstance(Broken(), int), isinstance(Broken(), Broken), isinstance(Odd(), int))
