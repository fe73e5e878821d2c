# sys.getsizeof of lists as CPython 3.11 counts their slots: over-allocation on append,
# insert and extend, shrinking on pop and del, exact for [a, b], l * n, l + m and slices,
# even-rounded for a list made from a sized iterable or a display of constants, str.split's
# twelve, and the other built-in types whose layout Heapscope shares.
import sys
g = sys.getsizeof
l = []
out = []
for i in range(40):
    l.append(i); out.append(g(l))
print(out)
out = []
while l:
    l.pop(); out.append(g(l))
print(out)
print(g([]), g([1]), g([1, 2]), g([1, 2, 3]), g([1, 2, 3, 4, 5]), g(['a', 'b', 'c']), g([x for x in range(9)]))
a = 5
print(g([a, a, a]), g([a]*7), g(list(range(7))), g(list((1, 2, 3))), g(list('abcde')), g(sorted({3, 1, 2})))
l = [0]; l.extend(range(5)); print(g(l)); l.insert(0, 1); print(g(l))
l = l * 3; print(g(l)); l += [1]; print(g(l)); l *= 2; print(g(l))
del l[2:]; print(g(l)); l.clear(); print(g(l)); l.extend([1, 2, 3]); print(g(l))
l = list(range(100)); del l[::2]; print(g(l)); l[10:] = []; print(g(l)); l[2:3] = range(30); print(g(l))
l = list(range(20)); l.remove(5); print(g(l)); l[:] = [1]; print(g(l)); print(g(l[:]), g(l + [2, 3]), g([*l, *l]))
l = [1, 2, 3, 4, 5, 6, 7, 8]; l.extend((9,)); print(g(l)); l.extend(x for x in range(3)); print(g(l))
l = []; l.extend(x for x in range(50)); print(g(l)); l2 = list(map(str, range(13))); print(g(l2))
print(g(list(filter(None, range(20)))), g([i for i in range(100) if i % 3]), g(list(zip(range(5), range(5)))))
print(g('a b c d'.split()), g(list({1: 2, 3: 4})), g([[]] * 0))
print(g('a,b'.split(',')), g('a b'.split(maxsplit=0)), g(''.split()), g('x'.split('x', 1)), g(' '.join('abcdefghijklmnop').split()), g('a b c'.rsplit(None, 1)))
print(g([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]))
b = 1
print(g([b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b]))
print(g([(1, 2), (3, 4), -5]), g([[1], 2, 3]), g([1, 2]), g('a b\nc'.splitlines()))

print(g(b''), g(b'abc'), g(1j), g({}), g({'a': 1}), g({i: i for i in range(5)}))


class C:
    pass


o = C()
o.x = 1
print(g(o), g(1), g(2 ** 100), g('é'), g('\u20ac'), g('\U0001F600'))
print(g(set(range(5))), g(frozenset({1, 2})), g(range(3)), g(None), g(True), g(1, 5))
o.__dict__ = {'y': 2}
print(g(o.__dict__))
