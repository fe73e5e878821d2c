# Trimming, replacing and padding strings.
s = "   padded text   "
print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
print("xxhixx".strip("x"), "abcba".strip("ab"), "\t\n word \n".strip())
print("banana".replace("a", "o"), "banana".replace("a", "o", 2))
print("banana".replace("na", ""), "aaa".replace("a", "aa"))
print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "*") + "]")
print("[" + "left".ljust(8) + "]", "[" + "right".rjust(8, ".") + "]")
print("42".zfill(5), "-42".zfill(6), "toolong".ljust(3))
