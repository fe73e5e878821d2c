# A string literal with no closing quote.
name = "Ada
print(name)
