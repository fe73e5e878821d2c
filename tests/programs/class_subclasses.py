# __subclasses__: each class's live direct subclasses, oldest first; a freed class leaves the list
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(A.__subclasses__(), B.__subclasses__(), D.__subclasses__())
del C
import gc
print(A.__subclasses__())
def make():
    class Tmp(A): pass
    return Tmp
t = make()
print(len(A.__subclasses__()))
del t
gc.collect()
print(A.__subclasses__(), type.__subclasses__(type)[:0], A.__subclasses__.__name__)
