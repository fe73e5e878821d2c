# The operator module: operators as functions, itemgetter, attrgetter, methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5))
print(operator.lt(1, 2), operator.eq([1], [1]), operator.ne(1, 1), operator.ge(3, 3))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(32, 2), operator.abs(-4), operator.not_(0))
print(operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.index(7))
print(operator.contains([1, 2], 2), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'))
print(operator.concat([1], [2]), operator.getitem({'k': 'v'}, 'k'), operator.length_hint([1, 2]))
items = [1, 2, 3]
operator.setitem(items, 0, 'x')
operator.delitem(items, 1)
print(items, operator.iadd(items, [9]), items)
pairs = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)))
print(itemgetter(0, 2)('abc'), itemgetter('k')({'k': 5}), itemgetter(1))


class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade

    def greet(self, greeting, punct='!'):
        return greeting + ', ' + self.name + punct


roster = [Student('Ana', 90), Student('Bo', 85)]
print([s.name for s in sorted(roster, key=attrgetter('grade'))], attrgetter('name', 'grade')(roster[0]))
print(methodcaller('greet', 'Hi')(roster[1]), methodcaller('greet', 'Yo', punct='?')(roster[0]))
print(attrgetter('name'), methodcaller('upper'), methodcaller('split', ',', maxsplit=1)('a,b,c'))
for bad in (lambda: operator.add(1), lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 5),
            lambda: operator.neg('a'), lambda: itemgetter(), lambda: attrgetter(1),
            lambda: methodcaller(), lambda: itemgetter(5)([1]), lambda: attrgetter('x')(1),
            lambda: operator.truediv(1, 0), lambda: operator.index(2.0)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ':', e)
