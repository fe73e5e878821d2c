# Issue 13: 200,000 objects with __del__ freed together, each finalizer leaving a local
# that has a __del__ of its own (freed as it returns, finalized before the next object).
ran = []


class Scratch:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        ran.append(-self.n)


class Holder:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        scratch = Scratch(self.n)
        ran.append(self.n)


items = [Holder(n) for n in range(1, 200_001)]
del items
print(len(ran), ran[:6], ran[-4:])
