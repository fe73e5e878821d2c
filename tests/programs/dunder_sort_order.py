# Every comparison list.sort() and sorted() make, in order, with their operands:
# timsort (runs, binary insertion, galloping merges) exactly as CPython runs it.
seed = 2024


def rnd(n):
    # a fixed linear congruential generator, so CPython and Heapscope sort the same lists
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n


count = 0
digest = 0
log = None  # the comparisons themselves, for the small sorts


class K:
    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        global count, digest
        count += 1
        digest = (digest * 1000003 + self.i * 1009 + other.i) % 4294967291
        if log is not None:
            log.append((self.i, other.i))
        return self.v < other.v


def start(n):
    global count, digest, log
    count = digest = 0
    log = [] if n <= 8 else None


for n in list(range(0, 24)) + list(range(24, 201, 11)) + [200]:
    for dups in (3, 1000):
        xs = [K(rnd(dups), i) for i in range(n)]
        start(n)
        ys = sorted(xs)
        print(n, dups, log, count, digest, [k.i for k in ys][:12])
        start(n)
        xs.sort(reverse=True, key=lambda k: K(k.v // 2, k.i))
        print(n, dups, "rev", log, count, digest, [k.i for k in xs][:12])

# long presorted stretches make the merges gallop
vals = []
for i in range(600):
    if i % 150 < 100:
        vals.append(i)
    else:
        vals.append(rnd(600))
xs = [K(v, i) for i, v in enumerate(vals)]
start(600)
xs.sort()
print("gallop", count, digest, [k.i for k in xs][:12])


class Boom(K):
    def __lt__(self, other):
        if count == 30:
            raise ValueError("stop at 30")
        return K.__lt__(self, other)


# a failing comparison leaves the list as far as the sort got
xs = [Boom(rnd(10), i) for i in range(20)]
start(20)
try:
    xs.sort()
except ValueError as e:
    print(e, [k.i for k in xs])


class Peek:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("during the sort the list is", peek)
        return self.v < other.v


peek = [Peek(2), Peek(1)]
peek.sort()
print([p.v for p in peek])


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print(self.v, "<", other.v)
        return self.v < other.v

    def __repr__(self):
        return "L" + str(self.v)


class LoudGt(Loud):
    def __gt__(self, other):
        print(self.v, ">", other.v)
        return self.v > other.v


ls = [Loud(3), Loud(1), Loud(4), Loud(1), Loud(5)]
print(min(ls), max(ls))
print(max(Loud(2), LoudGt(7), Loud(5)))
print(sorted([Loud(2), LoudGt(1), Loud(3)]))
