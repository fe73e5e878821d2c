# Attribute errors on instances, classes and built-in objects.
class P:
    limit = 3

    def __init__(self):
        self.x = 1


p = P()
for expr in [lambda: p.y, lambda: P.y, lambda: (5).foo, lambda: [].nope, lambda: P.limit.real2]:
    try:
        expr()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.x = 5
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(p, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr(P, "limit"), getattr(p, "x"))
p.name_typo
