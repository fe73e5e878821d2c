class Meters:
    def __init__(self, v):
        self.v = v
    def __float__(self):
        return float(self.v)
    def __int__(self):
        return int(self.v)
    def __index__(self):
        return int(self.v)
    def __complex__(self):
        return complex(self.v, 0)
m = Meters(3.7)
print(float(m), int(m), complex(m), round(float(m)))
import math
print(math.floor(m), math.sqrt(m), "%d %.1f" % (m, m), range(m))
