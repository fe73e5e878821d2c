# An attribute that str does not have.
name = "ada"
print(name.upper())
print(name.reverse())
