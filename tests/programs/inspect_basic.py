import inspect


def greet(name, greeting="Hello", *args, punctuation="!", **options):
    """Say hello.

    Returns the greeting as a str.
    """
    return f"{greeting}, {name}{punctuation}"


def typed(x: int, y: float = 1.5, /, z: str = "a", *, flag: bool = False) -> list:
    return [x, y, z, flag]


def counter(n):
    yield from range(n)


class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name, color="red"):
        self.name = name
        self.color = color

    def area(self):
        return 0

    @staticmethod
    def unit():
        return Shape("unit")

    @classmethod
    def named(cls, name):
        return cls(name)


sig = inspect.signature(greet)
print(sig)
print(list(sig.parameters))
for name, param in sig.parameters.items():
    print(name, param.kind, param.default is inspect.Parameter.empty, param)
print(inspect.signature(typed))
print(inspect.signature(typed).return_annotation)
print(inspect.signature(lambda a, b=2: a + b))
print(inspect.signature(Shape))
print(inspect.signature(Shape.area), inspect.signature(Shape("s").area))
print(inspect.signature(Shape.named), inspect.signature(Shape.unit))
p = sig.parameters["greeting"]
print(p.name, p.default, p.annotation is inspect.Parameter.empty, p.kind.description)
print(repr(sig), repr(p))

bound = sig.bind("Ana", "Hi", 1, 2, punctuation="?", extra=True)
print(bound.arguments)
print(bound.args, bound.kwargs)
bound.apply_defaults()

# what things are
gen = counter(3)
print(inspect.isfunction(greet), inspect.isfunction(len), inspect.isfunction(Shape.area))
print(inspect.isclass(Shape), inspect.isclass(Shape("s")))
print(inspect.ismethod(Shape("s").area), inspect.ismethod(Shape.area), inspect.ismethod(Shape.named))
print(inspect.isgenerator(gen), inspect.isgenerator(counter), inspect.isgeneratorfunction(counter))
print(inspect.isbuiltin(len), inspect.isroutine(greet), inspect.ismodule(inspect))

# members
print(sorted(set(dict(inspect.getmembers(Shape))) & {"area", "named", "sides", "unit", "x"}))
print(sorted(set(dict(inspect.getmembers(Shape("sq", "blue")))) & {"color", "name", "area"}))
print([name for name, _ in inspect.getmembers(Shape("sq", "blue"), inspect.ismethod)])
print([name for name, _ in inspect.getmembers(Shape, inspect.isfunction)])
print(inspect.getdoc(greet))
print(inspect.getdoc(Shape), inspect.getmro(Shape))
print(inspect.cleandoc("   first\n     indented\n   back"))

try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.signature(5)
except TypeError as e:
    print("TypeError:", e)
