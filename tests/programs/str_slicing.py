# Slicing strings with start, stop and step.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:])
print(s[::2], s[1::2], s[::-1], s[::-2])
print(s[8:2:-1], s[-1:-4:-1], s[2:8:3])
print(s[5:2], s[100:], s[:100], s[-100:3])
print(repr(s[3:3]), repr(s[20:30]))
word = "racecar"
print(word == word[::-1])
first, rest = s[0], s[1:]
print(first, rest)
print(s[len(s) - 1], s[-len(s)])
