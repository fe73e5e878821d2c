# A doubly linked list is full of cycles: only the collector frees it.
import gc
import sys
gc.disable()
class Cell:
    def __init__(self, item):
        self.item = item
        self.prev = None
        self.next = None
head = Cell(0)
tail = head
for i in range(1, 6):
    cell = Cell(i)
    cell.prev = tail
    tail.next = cell
    tail = cell
print(sys.getrefcount(head), sys.getrefcount(tail))
del cell
print(gc.collect())
head = None
print(sys.getrefcount(tail))
tail = None
print(gc.collect())
gc.enable()
