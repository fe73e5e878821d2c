# A class body that binds a name its methods (or its comprehensions) read from the enclosing
# function: the class keeps its own binding in its namespace, the methods see the function's.
def make():
    size = 1
    class Box:
        size = 2
        def outer_size(self):
            return size
        doubled = [size * 2 for _ in range(2)]
        own = size + 10
    return Box, Box().outer_size(), Box.size, Box.doubled, Box.own
Box, outer, own, doubled, plus = make()
print(outer, own, doubled, plus, sorted(k for k in vars(Box) if not k.startswith("__")))
def shadowed_later():
    label = "function"
    class K:
        def read(self):
            return label
        label = "class"
        first = label
    return K().read(), K.label, K.first
print(shadowed_later())
g = "global g"
def with_global():
    g = "function g"
    class C:
        global g
        def read(self):
            return g
        seen = g
    return C().read(), C.seen
print(with_global())
def before_binding():
    val = 1
    class Inner:
        print("class body reads", val)
        val = 2
        def method(self):
            return val
    return Inner
before_binding()
