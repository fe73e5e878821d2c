import sys
d = {i: i for i in range(20)}
print(sys.getsizeof(d))
