class Record:
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def __getattr__(self, name):
        if name.startswith("get_"):
            key = name[4:]
            return lambda: self.__dict__.get(key, "?")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
r = Record(a=1, b=2)
print(r.a, r.get_b(), r.get_zz())
try:
    r.missing
except AttributeError as e:
    print(e)
print(getattr(r, "nope", "default"), hasattr(r, "a"), hasattr(r, "q"))
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
l = Logged()
l.y = l.x + 1
del l.x
print(vars(l))
