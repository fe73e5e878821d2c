class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
print(Key.__hash__)
try:
    {Key(1)}
except TypeError as e:
    print(e)
class Key2(Key):
    def __hash__(self):
        return hash(self.k)
d = {Key2(1): "one"}
print(d[Key2(1)], Key2(1) in d, Key2(2) in d)
class Same:
    def __eq__(self, other):
        return True
print(Same() == 1, 1 == Same(), Same() != 2, [Same()].count(5), 5 in [Same()])
class Weird:
    def __eq__(self, other):
        return NotImplemented
print(Weird() == Weird(), Weird() != Weird())
w = Weird()
print(w == w, w is w)
