# Dicts and sets: membership, counting with a dict, set algebra, str keys.
def count_words(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


words = ["w" + str(i * 7 % 1000) for i in range(150000)]
counts = count_words(words)
print(len(counts), counts["w7"])
a = set(range(0, 200000, 2))
b = set(range(0, 200000, 3))
print(len(a & b), len(a | b), len(a - b))
seen = set()
dups = 0
for i in range(200000):
    k = (i * 31) % 50000
    if k in seen:
        dups += 1
    else:
        seen.add(k)
print(dups)
index = {}
for i, w in enumerate(words[:50000]):
    index.setdefault(w, []).append(i)
print(len(index), index["w14"][:3])
