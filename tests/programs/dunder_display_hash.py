# Set and dict displays: every item is evaluated before the first is hashed, except
# after a starred item or in long displays (CPython adds those one by one).
class H:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag
        print("make", tag)

    def __hash__(self):
        print("hash", self.tag)
        return hash(self.v)

    def __eq__(self, other):
        if not isinstance(other, H):
            return NotImplemented
        print("eq", self.tag, other.tag)
        return self.v == other.v

    def __repr__(self):
        return self.tag


print({H(1, "a"), H(1, "b"), H(2, "c")})
print({H(1, "a"), *[H(2, "b"), H(1, "c")], H(2, "d"), H(3, "e")})
d = {H(1, "k1"): 1, H(1, "k2"): 2, H(2, "k3"): 3}
print(d)
print({H(1, "m1"): 1, **d, H(2, "m2"): 2, H(3, "m3"): 3, **{H(3, "m4"): 4}})
x = [H(i % 7, "x" + str(i)) for i in range(40)]
# 31 items: the set is built first and each item added as it is evaluated
print(len({x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12],
           x[13], x[14], x[15], x[16], x[17], x[18], x[19], x[20], x[21], x[22], x[23],
           x[24], x[25], x[26], x[27], x[28], x[29], x[30]}))
# 18 pairs: the first 17 are inserted one by one, the last goes in through a dict of its own
print(len({x[0]: 0, x[1]: 1, x[2]: 2, x[3]: 3, x[4]: 4, x[5]: 5, x[6]: 6, x[7]: 7,
           x[8]: 8, x[9]: 9, x[10]: 10, x[11]: 11, x[12]: 12, x[13]: 13, x[14]: 14,
           x[15]: 15, x[16]: 16, x[17]: 17}))
print({H(i, "c" + str(i)) for i in range(3)})
try:
    {H(1, "e1"), [], H(2, "e2")}
except TypeError as e:
    print("TypeError:", e)
