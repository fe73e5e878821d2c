# Negative indices count from the end.
a = ["a", "b", "c", "d"]
for i in range(-1, -5, -1):
    print(i, a[i])
a[-2] = "C"
print(a)
print(a[-len(a)], a[len(a) - 1])
t = (10, 20, 30)
print(t[-1], t[-3])
s = "xyz"
print(s[-1] + s[-2] + s[-3])
