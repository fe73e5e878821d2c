# A class attribute whose plain value (an int, a str, None, a bool, a float) is replaced
# keeps the classes' attribute caches (what LOAD_METHOD and LOAD_ATTR found), so each
# store here is followed by reads through those caches: the new values must be seen, on
# the class, its instances and its subclasses, and a store of anything else (a function,
# a property, a dunder) must still change what the instructions find.
class Base:
    count = 0
    label = "none"
    flag = None

    def __init__(self, x):
        self.x = x
        Base.count += 1

    def show(self):
        return "%s:%d:%s" % (self.label, self.x, self.flag)


class Child(Base):
    def show(self):
        return "child " + Base.show(self)


def run(objs, rounds):
    out = []
    for r in range(rounds):
        for o in objs:
            out.append((o.show(), o.count, type(o).count, o.x))
        Base.label = "round%d" % r
        Base.flag = r % 2 == 0
        Base.count += 10
    return out


objs = [Base(1), Child(2), Base(3)]
for row in run(objs, 3):
    print(row)
print(Base.count, Child.count, Base.label, Child.flag)

# an instance attribute of the same name shadows the class's value, before and after
objs[0].label = "own"
Base.label = "class"
print(objs[0].show(), objs[1].show(), objs[2].show())
del objs[0].label
print(objs[0].show())

# the subclass's own value, then the base's replaced: the subclass keeps its own
Child.label = "kid"
for v in ["b1", "b2"]:
    Base.label = v
    print([o.show() for o in objs], Child.label, Base.label)

# a plain value replaced by a function, a property, and back: the method caches follow
for rnd in range(2):
    Base.flag = 1.5
    print([o.flag for o in objs])
    Base.flag = lambda self: "method of %d" % self.x
    print([o.flag() for o in objs])
    Base.flag = property(lambda self: "prop %d" % self.x)
    print([o.flag for o in objs])
    Base.flag = 0
    print([o.flag for o in objs], [o.show() for o in objs])

# a method replaced by a plain value, and a plain value by a method
Base.show = "not callable"
for o in objs[:2]:
    try:
        o.show()
    except TypeError as e:
        print("TypeError", e)
Base.show = lambda self: "new show %d" % self.x
print([o.show() for o in objs])

# dunders: a plain __hash__ value (None) and back, a class-level __init__ swapped
class Key:
    __hash__ = None
    tag = 1

    def __eq__(self, other):
        return True


try:
    hash(Key())
except TypeError as e:
    print("TypeError", e)
Key.__hash__ = lambda self: 42
print(hash(Key()))
Key.tag = 2
Key.__init__ = lambda self: setattr(self, "made", Key.tag)
print(Key().made, [Key().made for _ in range(2)])
Key.tag = 3
print(Key().made)

# a class attribute read by instances in a loop, replaced in the same loop
class Temp:
    scale = 1

    def __init__(self, v):
        self.v = v

    def scaled(self):
        return self.v * self.scale


total = 0
for i in range(50):
    t = Temp(i)
    total += t.scaled()
    Temp.scale = i % 7
    if i == 25:
        Temp.scale = 2.5
print(total, Temp.scale, Temp(4).scaled())
