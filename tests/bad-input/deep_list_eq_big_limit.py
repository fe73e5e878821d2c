import sys
sys.setrecursionlimit(10**6)
a = []
b = []
for i in range(300000):
    a = [a]
    b = [b]
print(a == b)
