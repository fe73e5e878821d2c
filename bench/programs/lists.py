# List work: append, index, slice, sort and sum.
data = []
for i in range(200000):
    data.append((i * 7919) % 100003)
print(len(data), data[12345], data[-1])

total = 0
for i in range(len(data)):
    total += data[i]
print(total)

copy = data[:]
copy.sort()
print(copy[0], copy[-1], copy[100000])
data.sort(reverse=True)
print(data[:3])

rows = []
for r in range(300):
    rows.append(list(range(r, r + 50)))
s = 0
for row in rows:
    s += sum(row[10:20])
print(s)
