# Cycles of instances: each instance counts once (3.11 keeps attributes inline).
import gc
gc.disable()
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
a = Node(1)
b = Node(2)
a.next = b
b.next = a
del a, b
print(gc.collect())
x = Node(3)
x.next = x
del x
print(gc.collect())
n1 = Node(1)
n2 = Node(2)
n3 = Node(3)
n1.next = n2
n2.next = n3
n3.next = n1
del n1, n2, n3
print(gc.collect())
p = Node([])
p.value.append(p)
del p
print(gc.collect())
gc.enable()
