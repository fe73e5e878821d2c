# yield from: the delegate's return value, values sent through, StopIteration.value.
def averager():
    total = 0
    count = 0
    while True:
        value = yield
        if value is None:
            return total / count
        total += value
        count += 1


def grouper(results, key):
    results[key] = yield from averager()


results = {}
group = grouper(results, "boys")
next(group)
for height in [150, 160, 170]:
    group.send(height)
try:
    group.send(None)
except StopIteration as stop:
    print("grouper done:", stop.value, repr(stop))
print(results)


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def launcher():
    message = yield from countdown(3)
    print("countdown said", message)
    other = yield from [10, 20]
    print("a list gives", other)
    return message.upper()


print(list(launcher()))
lx = launcher()
while True:
    try:
        print("next:", next(lx))
    except StopIteration as e:
        print("StopIteration value:", e.value)
        break
g = countdown(1)
print(next(g, "default"), next(g, "default"))


class Ticker:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n * 100)
        return self.n


def from_ticker():
    got = yield from Ticker()
    print("Ticker returned", got)


print(list(from_ticker()))


def inner_catches():
    try:
        yield 1
    except ValueError:
        return "recovered"


def outer_gets():
    r = yield from inner_catches()
    print("inner returned", r)
    yield r


o = outer_gets()
next(o)
print("throw gave", o.throw(ValueError))
s = countdown(2)
print(s.send(None))
try:
    s.send("x")
    s.send("y")
except StopIteration as e:
    print("send finished:", e.value, e.args)
e = StopIteration()
print(e.value, StopIteration(1, 2).value)
just = countdown(1)
just.send(5)
