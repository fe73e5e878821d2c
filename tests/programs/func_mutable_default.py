# A default value is made once, when def runs: mutable defaults are shared.
def append_to(item, target=[]):
    target.append(item)
    return target
a = append_to(1)
b = append_to(2)
print(a, b, a is b)
c = append_to(3, [])
print(c, a)
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
