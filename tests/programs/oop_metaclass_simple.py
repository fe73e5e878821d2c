class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        print("made", name)
        return cls
    def __call__(cls, *args):
        print("calling", cls.__name__, args)
        return super().__call__(*args)
class Base(metaclass=Meta):
    def __init__(self, x):
        self.x = x
class Child(Base):
    pass
c = Child(5)
print(c.x, Child.created_by, type(Child).__name__, isinstance(Child, Meta))
print(type(Base), Meta.__mro__)
