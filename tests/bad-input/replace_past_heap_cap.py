# 3 GB of replacement text: made at its final size in the heap, so the cap refuses it at once
s = "a" * 1_000_000
t = s.replace("a", "b" * 3000)
print(len(t))
