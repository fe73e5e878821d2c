# Slicing tuples gives new tuples.
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[:2], t[3:], t[::2], t[::-1])
print(t[10:], t[-2:], t[4:1:-1])
u = t[:]
print(u == t)
print(t[1:2], type(t[1:2]))
