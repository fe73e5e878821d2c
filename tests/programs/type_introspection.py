# type(), __class__, __name__, object(), isinstance with tuples.
class Animal:
    """An animal."""

    sound = "..."


class Dog(Animal):
    sound = "woof"


d = Dog()
print(type(d).__name__, d.__class__.__name__, type(d) is Dog, type(Dog).__name__)
print(Dog.__name__, Dog.sound, Animal.__doc__, Dog.__doc__)
print(isinstance(d, (int, Animal)), isinstance(3, (str, list)), type(3) is int)
o = object()
print(type(o).__name__, o is not object(), isinstance(o, object), isinstance(d, object))


def f():
    pass


print(f.__name__, type(f).__name__, (lambda: 0).__name__, type(len).__name__)
print(type(Dog.sound).__name__, type(None).__name__, type(type).__name__)
print(str(Dog) == "<class '__main__.Dog'>", repr(int))
