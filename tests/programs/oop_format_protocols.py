class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "F"
        return format(self.c, spec) + "C"
    def __round__(self, n=None):
        return Temp(round(self.c, n))
    def __repr__(self):
        return f"Temp({self.c})"
t = Temp(21.456)
print(f"{t:.1F}", f"{t:.2f}", format(t, ""), round(t, 1), round(t))
print("{:>10.0F}|".format(t))
class Idx:
    def __index__(self):
        return 2
print("abcdef"[Idx()], [0, 1, 2, 3][Idx():], bin(Idx()), f"{Idx():b}" if hasattr(Idx, '__format__') else "")
