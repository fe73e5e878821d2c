import unicodedata

word = "Caf\u00e9 \u00bd \u0663 \u00b2!"
for ch in word:
    print(repr(ch), unicodedata.category(ch), unicodedata.name(ch, "?"),
          unicodedata.numeric(ch, None), unicodedata.decimal(ch, None), unicodedata.digit(ch, None))
print(unicodedata.name("\u4e2d"), unicodedata.name("\uac00"), unicodedata.name("\U0001F600"))
print(unicodedata.lookup("snowman"), unicodedata.lookup("LATIN SMALL LETTER SHARP S"))
print(unicodedata.lookup("LINE FEED") == "\n", unicodedata.lookup(b"DIGIT ONE"))
print(unicodedata.numeric("\u4e07"), unicodedata.numeric("\u2155"), unicodedata.category("\U0010ffff"))

composed = "\u00e9"
decomposed = unicodedata.normalize("NFD", composed)
print(len(composed), len(decomposed), decomposed == "e\u0301", composed == decomposed)
print(unicodedata.normalize("NFC", decomposed) == composed)
print(unicodedata.normalize("NFKC", "\ufb01\u00b2"), unicodedata.normalize("NFKD", "\u2460"))
print(unicodedata.is_normalized("NFC", composed), unicodedata.is_normalized("NFD", composed))
print(unicodedata.unidata_version)

def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")

print(strip_accents("Cr\u00e8me br\u00fbl\u00e9e"))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: unicodedata.category("ab"))
attempt(lambda: unicodedata.category(5))
attempt(lambda: unicodedata.numeric("a"))
attempt(lambda: unicodedata.decimal("\u00bd"))
attempt(lambda: unicodedata.digit("x"))
attempt(lambda: unicodedata.name("\x00"))
attempt(lambda: unicodedata.lookup("no such thing"))
attempt(lambda: unicodedata.normalize("NFX", "a"))
attempt(lambda: unicodedata.normalize("NFC", 5))
attempt(lambda: unicodedata.category())
unicodedata.lookup("HEAPSCOPE")
