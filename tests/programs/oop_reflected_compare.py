class Money:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        print("lt", type(other).__name__)
        if isinstance(other, Money):
            return self.v < other.v
        if isinstance(other, (int, float)):
            return self.v < other
        return NotImplemented
    def __gt__(self, other):
        print("gt", type(other).__name__)
        if isinstance(other, (int, float)):
            return self.v > other
        return NotImplemented
    def __repr__(self): return f"M{self.v}"
print(Money(1) < Money(2), Money(1) < 5, 5 < Money(1), 5 > Money(1))
print(sorted([Money(3), Money(1), Money(2)]))
try:
    Money(1) < "x"
except TypeError as e:
    print(e)
try:
    Money(1) <= Money(2)
except TypeError as e:
    print(e)
