# Dicts holding lists and dicts.
db = {"users": [], "config": {"debug": False}}
db["users"].append({"name": "a", "tags": ["x"]})
db["users"].append({"name": "b", "tags": []})
db["config"]["debug"] = True
print(db)
print(db["users"][0]["tags"][0])
for u in db["users"]:
    u["tags"].append("seen")
print(db["users"])
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    first = word[0]
    if first not in groups:
        groups[first] = []
    groups[first].append(word)
print(groups)
