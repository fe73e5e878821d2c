# range() accepts ints of any size, as long as its length fits.
start = 2 ** 64
r = range(start, start + 3)
print(list(r))
print(r[0] == start, r[-1] - start, len(r))
print(start + 1 in r, start + 5 in r)
for v in range(-2 ** 70, -2 ** 70 + 2):
    print(v)
