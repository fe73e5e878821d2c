# Dict and set comprehensions.
words = ["red", "green", "blue", "red", "gold"]
lengths = {w: len(w) for w in words}
print(lengths)
print({v: k for k, v in lengths.items()})
by_first = {}
for w in words:
    by_first.setdefault(w[0], []).append(w)
print(by_first)
print({k: sorted(v) for k, v in by_first.items() if len(v) > 1})
print(sorted({len(w) for w in words}))
print({n % 3 for n in range(10)})
print(sorted({c for w in words for c in w}))
squares = {i: i * i for i in range(5)}
print(squares, sum(squares.values()))
