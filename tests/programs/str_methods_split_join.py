# Splitting strings into lists and joining them back.
line = "alpha,beta,,gamma"
print(line.split(","))
print(line.split(",", 1))
print("  lots   of   space  ".split())
print("a b c".split(" "))
print("a-b-c-d".rsplit("-", 2))
print("one\ntwo\nthree\n".splitlines())
print("".split(), "".split(","))
words = ["join", "these", "words"]
print(" ".join(words))
print("-".join(words), "".join(words))
print(", ".join(["x"]), repr("+".join([])))
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("/".join("abc"))
