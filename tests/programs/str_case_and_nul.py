# Full case folding, the final sigma, special title cases and strings holding NUL
words = ["Straße", "STRASSE", "ﬁsh", "FISH", "ΟΔΟΣ", "Σοφία"]
folded = [w.casefold() for w in words]
print(folded)
print(folded[0] == folded[1], folded[2] == folded[3])
print("ΟΔΟΣ ΟΔΟΣ.".lower(), "ΣΑΣ".lower(), "Σ".lower(), "A'Σ".lower(), "AΣb".lower())
print("ß".title(), "ß".capitalize(), "ß".swapcase(), "ﬁx".title(), "ǆemal".title())
s = "a\x00b\x00c"
print(repr("%s|" % s), repr("%-7s|" % s), repr(f"{s:>8}"), repr(format(s, "^9")))
print(repr(s.strip("\x00a")), repr(s.title()), repr(s.upper()), repr(s.casefold()))
