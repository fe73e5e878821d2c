# Iterating over a dict visits keys in insertion order.
ages = {"ann": 31, "bob": 25, "cy": 40}
for name in ages:
    print(name, ages[name])
for name, age in ages.items():
    print(name, "->", age)
for age in ages.values():
    print(age, end=" ")
print()
total = 0
for k in ages.keys():
    total += ages[k]
print(total)
ages["ann"] = 32
ages["dee"] = 19
print(list(ages))
del ages["bob"]
ages["bob"] = 26
print(list(ages.items()))
print(sorted(ages), sorted(ages.values()))
