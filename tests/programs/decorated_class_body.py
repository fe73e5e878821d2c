# A decorated class's body is a frame of its own in Python Tutor (its first line is the
# decorator's): it lists what CPython puts in the namespace, __qualname__ and
# __annotations__ too, but not __module__ or the docstring.
registry = []


def register(cls):
    registry.append(cls.__name__)
    return cls


@register
class Settings:
    """Defaults for the game."""
    width: int = 10
    height: int = 8
    title = "maze"


def with_origin(cls):
    cls.origin = (0, 0)
    return cls


@with_origin
class Point:
    x: int
    y: int = 0
    dims = 2


@register
class Plain:
    count = 0


print(Point.origin, Point.y, Settings.width * Settings.height, Settings.title, registry)
print(Settings.__qualname__, sorted(Settings.__annotations__), Plain.count)
