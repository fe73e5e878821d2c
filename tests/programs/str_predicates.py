# String predicate methods.
samples = ["123", "abc", "abc123", "   ", "", "ABC", "Abc", "a b"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("Hello World".istitle(), "hello".istitle())
print("x1".isidentifier(), "1x".isidentifier())
