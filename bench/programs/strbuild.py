# String building: += in a loop, per-character work, join and formatting.
def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def caesar(text, shift):
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - 97 + shift) % 26 + 97)
        else:
            out += ch
    return out


def report(n):
    lines = []
    for i in range(n):
        lines.append("item " + str(i) + ": " + "#" * (i % 7))
    return "\n".join(lines)


s = build(200000)
print(len(s), s[-10:])
c = caesar("the quick brown fox jumps over the lazy dog " * 3000, 3)
print(len(c), c[:20])
r = report(60000)
print(len(r), r[-20:])
