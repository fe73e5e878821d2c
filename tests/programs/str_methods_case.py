# Case-changing string methods return new strings.
s = "hello World of PYTHON"
print(s.upper())
print(s.lower())
print(s.capitalize())
print(s.title())
print(s.swapcase())
print(s)
print("ALREADY".lower(), "mixed Case".upper())
print("123abc".upper(), "".upper())
print("o'neil's".title())
