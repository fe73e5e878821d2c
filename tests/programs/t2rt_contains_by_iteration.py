class A:
    def __iter__(self):
        return iter([1, 2.0, "x"])
class G:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * 10
print(2 in A(), 3 in A(), "x" in A(), 20 in G(), 25 in G(), 1.0 in range(3), 2.5 in range(3))
try:
    5 in 7
except TypeError as e:
    print(e)
