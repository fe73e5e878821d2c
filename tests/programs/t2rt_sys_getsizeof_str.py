# getsizeof of strings: compact ASCII, Latin-1, UCS-2 and UCS-4 layouts.
import sys
for s in ["", "a", "hello", "é", "café", "ā", "ĀĀĀ", "😀", "a😀"]:
    print(len(s), sys.getsizeof(s))
