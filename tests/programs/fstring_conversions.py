# f-string conversions: !s is str(), !r is repr(), !a is ascii() (non-ASCII escaped).
word = "café ☕ 𝄞"
items = ["é", 1, "plain"]
print(f"{word!s}|{word!r}|{word!a}")
print(f"{items!a:>40}|{items!r}")
print(f"{chr(233)!a} {chr(0x2028)!a} {chr(0x1d11e)!a}")
print("%a" % word, ascii(word) == f"{word!a}")
