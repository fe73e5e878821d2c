# Sorting in place and with sorted(); keys and reverse.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "fig"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
def last_char(s):
    return s[-1]
print(sorted(words, key=last_char))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print(sorted([3.5, 1, 2.25, -1]))
r = a.sort()
print(r)
