class Temperature:
    count = 0
    def __init__(self, celsius):
        self.celsius = celsius
        Temperature.count += 1
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def is_freezing(c):
        return c <= 0
    def __repr__(self):
        return f"{type(self).__name__}({self.celsius:.1f})"
class Kelvin(Temperature):
    pass
t = Temperature.from_fahrenheit(212)
k = Kelvin.from_fahrenheit(32)
print(t, k, Temperature.count)
print(Temperature.is_freezing(-1), t.is_freezing(5))
print(Temperature.from_fahrenheit.__self__ is Temperature, Kelvin.from_fahrenheit.__self__)
print(type(Temperature.__dict__["is_freezing"]), type(Temperature.__dict__["from_fahrenheit"]))
sm = Temperature.__dict__["is_freezing"]
print(sm.__func__(0), sm(0))
