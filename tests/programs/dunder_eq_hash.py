# __eq__ makes instances unhashable unless __hash__ is defined.
class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x


class H(P):
    def __hash__(self):
        return hash(self.x)


print(P(1) == P(1), P(1) == P(2), P(1) != P(1), P(1) != P(3))
print(P(1) == 1, 1 == P(1))
print(H(2) == H(2), len({H(2), H(2), H(3)}))
d = {H(5): "five"}
print(d[H(5)])
try:
    {P(1): 1}
except TypeError as e:
    print("TypeError:", e)
a = P(7)
print(a in [P(7)], a in [P(8)])
