# id() is an object's identity; equal ids mean the same object.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c))
print(type(id(a)))
def same(x, y):
    return id(x) == id(y)
print(same(a, b), same(a, a[:]))
d = {"a": a}
print(id(d["a"]) == id(a))
print(id(None) == id(None))
