# bytes() sizes its buffer by the length hint first, as CPython does: MemoryError at once
class Hint:
    def __length_hint__(self):
        return 2**62
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(bytes(Hint()))
