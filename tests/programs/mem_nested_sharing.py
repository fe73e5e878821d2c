# One object can appear in many places at once.
shared = ["s"]
box = {"a": shared, "b": shared}
pair = (shared, box)
shared.append("t")
print(box)
print(pair)
print(box["a"] is box["b"], pair[0] is shared)
rows = [shared] * 3
rows[2].append("u")
print(rows)
copy = [list(rows[0]), list(rows[1])]
copy[0].append("v")
print(shared, copy)
