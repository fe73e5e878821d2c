# Reading slices of lists: always a new list.
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::3], a[1::2], a[::-1], a[7:2:-2])
print(a[5:2], a[50:], a[-50:2])
b = a[:]
print(b == a, b is a)
c = a[2:4]
c[0] = 99
print(a[2], c)
print(a[1:9][2:4], a[::2][::2])
print([][:], [1][1:], [1][:1])
