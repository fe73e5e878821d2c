registry = {}
def register(name):
    def wrap(cls):
        registry[name] = cls
        cls.registered_as = name
        return cls
    return wrap
@register("circle")
class Circle:
    def __init__(self, r): self.r = r
@register("square")
class Square:
    def __init__(self, s): self.s = s
print(sorted(registry), registry["circle"].registered_as)
shape = registry["square"](4)
print(type(shape).__name__, shape.s)
class Plugin:
    plugins = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.plugins.append(cls.__name__)
class A(Plugin, key="a"): pass
class B(Plugin): pass
print(Plugin.plugins, A.key, B.key)
