# String work: building, slicing, splitting, joining and formatting.
parts = []
for i in range(100000):
    parts.append(str(i))
text = ",".join(parts)
print(len(text))

fields = text.split(",")
print(len(fields), fields[99999])

count = 0
for f in fields:
    if f.startswith("9") and f.endswith("9"):
        count += 1
print(count)

lines = []
for i in range(50000):
    lines.append(f"{i:06d}:{i * 3 % 97:>3}|" + "x" * (i % 5))
print(lines[12345], len("".join(lines)))
print(text[1000:1020].upper().replace(",", ";"))
