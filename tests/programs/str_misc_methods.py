# A tour of more str methods used in everyday code.
csv = "name,qty\napple,3\npear,10"
for line in csv.splitlines()[1:]:
    name, qty = line.split(",")
    print(name.upper().ljust(6), int(qty) * 2)
path = "/usr/local/bin/tool"
print(path.split("/")[-1], path.rsplit("/", 1)[0])
print("Hello".lower().startswith("he"), "a,b".replace(",", ";"))
words = "the cat sat on the mat".split()
print(len(words), words.count("the"), words.index("sat"))
print("-".join(words[:3]))
