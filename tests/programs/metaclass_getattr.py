# A metaclass's __getattr__ answers for the classes it made (not for their instances).

class Meta(type):
    def __getattr__(cls, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{cls.__name__} has no {name}")


class C(metaclass=Meta):
    x = 1


class D(C):
    pass


print(C.x, C.auto_red, D.auto_green, getattr(C, "auto_blue"), hasattr(C, "nope"))
try:
    C.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    C().auto_red
except AttributeError as e:
    print("AttributeError:", e)
print(type(C).__name__, Meta.__getattr__(C, "auto_x"))
