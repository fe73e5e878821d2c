# Searching inside strings.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.find("cat"))
print(s.rfind("the"), s.rfind("o"), s.rfind("zzz"))
print(s.index("quick"), s.rindex("o"))
print(s.count("o"), s.count("the"), s.count(""), s.count("o", 20))
print(s.startswith("the"), s.startswith("quick"), s.startswith("quick", 4))
print(s.endswith("dog"), s.endswith("cat"))
print(s.startswith(("a", "t")), s.endswith(("x", "g")))
print("fox" in s, "wolf" not in s)
print("aaaa".count("aa"), "banana".find("na", 3))
