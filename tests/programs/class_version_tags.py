# Each class's attribute caches hold while neither it nor a class on its MRO changed: a
# store into one class's namespace is seen at once by its subclasses' instances (through
# every base, a diamond's second one too), and leaves other classes' caches alone.
class Base:
    made = 0
    kind = "base"

    def __init__(self, v):
        self.v = v
        Base.made += 1

    def get(self):
        return self.v


class Left(Base):
    pass


class Right(Base):
    def get(self):
        return -self.v


class Diamond(Left, Right):
    pass


class Other:
    def get(self):
        return "other"


objs = [Base(1), Left(2), Right(3), Diamond(4), Other()]
seen = []
for i in range(4):
    seen.append([o.get() for o in objs])
    if i == 0:
        Base.get = lambda self: self.v * 10  # Left's instances follow, Right's do not
    if i == 1:
        Right.get = lambda self: "right"  # Diamond follows through its second base
    if i == 2:
        del Right.get  # back to Base's
print(seen, Base.made)

# a class attribute read through instances, changed on the class and on a base
kinds = []
d = Diamond(5)
for i in range(4):
    kinds.append((d.kind, Left(0).kind))
    if i == 0:
        Base.kind = "changed"
    if i == 1:
        Left.kind = "left"
    if i == 2:
        del Left.kind
print(kinds, Base.made)

# instances made after a base's __init__ or __new__ changed
inits = []
for i in range(4):
    inits.append(vars(Left(i)))
    if i == 0:
        Base.__init__ = lambda self, v: setattr(self, "w", v * 2)
    if i == 1:
        Left.__init__ = lambda self, v: setattr(self, "left", v)
    if i == 2:
        Base.__new__ = lambda cls, v: Other()
print(inits)
