# An exception raised inside a with block while values are on the stack (an operator, an
# attribute, a subscript, a display): __exit__ gets it and may suppress it.
class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v)
        return self.suppress


a = 1
for body in range(7):
    with Res(body, suppress=True) as r:
        if body == 0:
            1 / 0
        elif body == 1:
            a.missing
        elif body == 2:
            [1, 2][5]
        elif body == 3:
            x = [a, a + 'x']
        elif body == 4:
            {'k': 1}['j']
        elif body == 5:
            print(r.name, -'s')
        else:
            r.missing()
    print('after', body)

try:
    with Res('outer') as o, Res('inner'):
        len(o.name) * 2 / 0
except ZeroDivisionError as e:
    print('caught', e)


def f(n):
    with Res('f', suppress=n > 1):
        return 10 // (n - 1)
    return 'suppressed'


print(f(3), f(2))
try:
    f(1)
except ZeroDivisionError as e:
    print('f(1):', e)


def g():
    with Res('gen', suppress=True):
        yield 1
        yield [1][2]
        yield 3
    yield 'end'


print(list(g()))
items = []
try:
    with Res('target') as items[5]:
        pass
except IndexError as e:
    print('store failed:', e)
for i in range(3):
    with Res(i, suppress=True):
        if i == 1:
            continue
        print(i, i / (i - 2))
print(a)
