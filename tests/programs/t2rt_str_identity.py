# str() of an int makes a new string each time; one-character strings from indexing are shared.
a = str(5)
b = str(5)
print(a is b, a == b)
s = "hello"
print(s[0] is s[0], s[1:2] is s[1], f"{7}" is f"{7}", "%d" % 7 is "%d" % 7)
digits = [str(d) for d in range(3)]
print(digits, digits[0] is str(0), "".join(digits))
