# A starred target collects the rest into a list.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = (1, 2)
print(a, mid, b)
h, *t = range(5)
print(h, t)
