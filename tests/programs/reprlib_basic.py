import reprlib

# the module-level repr: long containers are cut
numbers = list(range(100))
print(reprlib.repr(numbers))
print(reprlib.repr(tuple(range(20))))
print(reprlib.repr(set(range(30))))
print(reprlib.repr(frozenset('abcdefghij')))
print(reprlib.repr({i: str(i) for i in range(10)}))
print(reprlib.repr("a" * 50))
print(reprlib.repr("short"))
print(reprlib.repr(2 ** 200))
print(reprlib.repr([[[[[[[[1]]]]]]]]))
print(reprlib.repr((1,)))
print(reprlib.repr([]), reprlib.repr(set()), reprlib.repr({}), reprlib.repr(frozenset()))

# a Repr of one's own, with its limits changed
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
r.maxlevel = 2
print(r.repr(numbers))
print(r.repr("abcdefghijklmnopqrstuvwxyz"))
print(r.repr([1, [2, [3, [4]]]]))
print(r.maxdict, r.maxother, r.fillvalue)
r.fillvalue = '+++'
print(r.repr(list(range(10))))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y}, with a long description)"


p = Point(1, 2)
print(reprlib.repr(p))
print(r.repr(p))


class Broken:
    def __repr__(self):
        raise ValueError("no repr")


print(reprlib.repr(Broken()).startswith('<Broken instance at 0x'))


# a subclass adds a type of its own
class MyRepr(reprlib.Repr):
    def repr_Point(self, obj, level):
        return 'P(%d, %d)' % (obj.x, obj.y)


mr = MyRepr()
print(mr.repr([p, p, Point(3, 4)]))


# recursive_repr: a container that holds itself
class Node:
    def __init__(self, value):
        self.value = value
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f'Node({self.value}, {self.children})'


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
print(repr(root))
print(Node.__repr__.__name__, Node.__repr__.__qualname__)


class Ring:
    def __init__(self):
        self.items = [self]

    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return 'Ring(%r)' % self.items


print(Ring())
print(reprlib.aRepr.maxlist)
