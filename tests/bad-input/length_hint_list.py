# list() makes room for len(x) items first, as CPython does: MemoryError at once
class Huge:
    def __len__(self):
        return 2**62
    def __iter__(self):
        return iter([1, 2])
print(list(Huge()))
