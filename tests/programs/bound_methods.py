# Bound methods are objects that remember their instance.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, other):
        return self.name + " greets " + other


g = Greeter("ann")
m = g.greet
print(m("bob"), m.__self__ is g, m.__func__ is Greeter.greet, m.__name__)
print(Greeter.greet(g, "cy"))
print(g.greet == g.greet, g.greet is g.greet, g.greet == Greeter("ann").greet)
actions = [Greeter("x").greet, Greeter("y").greet]
print([a("z") for a in actions])
h = Greeter("h")
h.greet = lambda other: "replaced " + other
print(h.greet("q"), Greeter.greet(h, "q"))
print(type(m).__name__, callable(m))
