# send() passes values into a running generator.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))
b = averager()
try:
    b.send(1)
except TypeError as e:
    print(e)


def gen():
    yield 1
    yield 2


g = gen()
print(next(g))
g.close()
print(next(g, "closed"))
