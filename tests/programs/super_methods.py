# super() in regular methods, __str__ and class methods; super with two arguments.
class Base:
    def __init__(self):
        self.log = ["Base"]

    def describe(self):
        return "base"

    def __str__(self):
        return "Base()"

    @classmethod
    def create(cls):
        return cls()


class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")

    def describe(self):
        return "child of " + super().describe()

    def __str__(self):
        return "Child<" + super().__str__() + ">"

    @classmethod
    def create(cls):
        obj = super().create()
        obj.log.append("created")
        return obj


c = Child.create()
print(c.log, c.describe(), str(c))
print(super(Child, c).describe())


class Err(ValueError):
    def __str__(self):
        return "Err: " + super().__str__()


print(Err("bad"), repr(Err("bad")))
