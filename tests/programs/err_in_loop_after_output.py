# Output printed before the error is kept.
d = {"a": 1, "b": 2}
keys = ["a", "b", "c"]
total = 0
for k in keys:
    total += d[k]
    print("running total", total)
