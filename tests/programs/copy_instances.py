# copy and deepcopy of instances: __init__ is not run, attributes are copied.
import copy


class Point:
    def __init__(self, x, y):
        print('init', x, y)
        self.x = x
        self.y = y
        self.tags = ['p']

    def __repr__(self):
        return f'Point({self.x}, {self.y}, {self.tags})'


p = Point(1, 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q is p, q.tags is p.tags, r.tags is p.tags)


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


n1 = Node(1)
n2 = Node(2)
n1.next = n2
n2.next = n1
m1 = copy.deepcopy(n1)
print(m1.value, m1.next.value, m1.next.next is m1, m1 is n1)


class Custom:
    def __init__(self, items):
        self.items = items

    def __copy__(self):
        print('__copy__ called')
        return Custom(self.items)

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(copy.deepcopy(self.items, memo))


c = Custom([1, [2]])
c1 = copy.copy(c)
c2 = copy.deepcopy(c)
print(c1.items is c.items, c2.items is c.items, c2.items)
pair = copy.deepcopy([c, c])
print(pair[0] is pair[1])


class Empty:
    pass


e = Empty()
print(type(copy.copy(e)).__name__, copy.deepcopy(e) is e)
err = ValueError('bad', [1])
err2 = copy.deepcopy(err)
print(repr(err2), err2.args[1] is err.args[1])
m = p.__repr__
m2 = copy.deepcopy(m)
print(m2(), m2.__self__ is p)
