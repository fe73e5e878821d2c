class K:
    def f(self, x):
        return (self.__class__.__name__, x)
k = K()
m = k.f
print(m(1), m.__self__ is k, m.__func__ is K.f, K.f(k, 2))
print(m == k.f, m is k.f, type(m).__name__, type(K.f).__name__)
g = K.f.__get__(k)
print(g(3), g.__self__ is k)
def free(self):
    return "free " + type(self).__name__
K.free = free
print(k.free(), K.free(1))
k.inst = free
try:
    k.inst()
except TypeError as e:
    print(e)
print(k.inst(k))
bound = free.__get__(k, K)
print(bound(), repr(bound).startswith("<bound method free of"))
