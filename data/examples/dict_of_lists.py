# A dict whose values are lists: grouping words by first letter.
# The dict holds references to the lists; appending through any
# reference changes the one shared list.
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {}
for w in words:
    key = w[0]
    if key not in groups:
        groups[key] = []          # a new list for a new letter
    groups[key].append(w)
print(groups)

a_words = groups["a"]             # another reference to the same list
a_words.append("apricot")
print(groups["a"])

# The trap: dict.fromkeys with a list gives EVERY key the same list.
shared = dict.fromkeys(["x", "y"], [])
shared["x"].append(1)
print(shared)                     # {'x': [1], 'y': [1]}
print(shared["x"] is shared["y"])
