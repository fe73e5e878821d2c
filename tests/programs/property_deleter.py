class Celsius:
    def __init__(self):
        self._t = 0

    @property
    def temp(self):
        """The temperature."""
        return self._t

    @temp.setter
    def temp(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._t = v

    @temp.deleter
    def temp(self):
        print("deleting")
        del self._t


t = Celsius()
t.temp = 5
print(t.temp)
del t.temp
try:
    t.temp
except AttributeError as e:
    print(e)
p = Celsius.temp
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__)


class Plain:
    x = property(lambda self: 1, None, None, "doc")


try:
    del Plain().x
except AttributeError as e:
    print(e)
try:
    Plain().x = 2
except AttributeError as e:
    print(e)
print(Plain.x.fset, Plain.x.fdel, Plain().x)
