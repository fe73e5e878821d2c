# __del__ of what a container held runs one finalizer after the other, in the order CPython's
# deallocs free the items (a list's and a tuple's from the last, a dict's in insertion
# order); an object a finalizer lets go of is finalized inside it.
class Resource:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("close", self.name, "start")
        self.child = None
        print("close", self.name, "end")


items = [Resource("r0"), Resource("r1", Resource("r1-child")), Resource("r2")]
items = None
print("--")
pair = (Resource("t0"), Resource("t1"))
del pair
print("--")
table = {"a": Resource("da"), "b": Resource("db")}
table = None
print("--")
stack = [Resource(f"s{i}") for i in range(3)]
stack.pop(1)
stack.clear()
print("end")
print("--")
rows = [Resource(f"x{i}") for i in range(6)]
del rows[1:3]
print("-")
del rows[::2]
print("-")
rows[0:1] = []
print("end2")
