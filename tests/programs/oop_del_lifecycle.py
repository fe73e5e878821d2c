class Tracked:
    def __init__(self, name):
        self.name = name
        print("init", name)
    def __del__(self):
        print("del", self.name)
a = Tracked("a")
b = a
del a
print("a deleted, b alive")
b = None
print("b rebound")
def f():
    t = Tracked("local")
    return 1
f()
print("after f")
lst = [Tracked("x"), Tracked("y")]
lst.pop()
print("popped")
lst.clear()
print("end")
