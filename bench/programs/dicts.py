# Dict work: insert, lookup, update and iterate.
d = {}
for i in range(200000):
    d[i] = i * 2
print(len(d))

hits = 0
for i in range(0, 400000, 3):
    if i in d:
        hits += d[i]
print(hits)

words = {}
for i in range(100000):
    key = "w" + str(i % 5000)
    words[key] = words.get(key, 0) + 1
print(len(words), words["w42"])

total = 0
for k, v in words.items():
    total += v
print(total)
