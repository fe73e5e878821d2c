class Box:
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        print("len called")
        return len(self.items)
print(bool(Box()), bool(Box(1)))
if Box(1, 2):
    print("truthy")
class Both:
    def __bool__(self):
        print("bool called")
        return False
    def __len__(self):
        return 5
print(bool(Both()), not Both(), len(Both()))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class FloatLen:
    def __len__(self):
        return 2.0
try:
    len(FloatLen())
except TypeError as e:
    print(e)
