# __iter__ and __next__: a class that is its own iterator.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for i in Countdown(3):
    print(i)
print(list(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i * 2
            i += 1


print(list(Range2(4)), sum(Range2(3)), 4 in Range2(3))
