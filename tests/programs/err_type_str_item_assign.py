# Strings cannot be changed in place.
word = "cat"
print(word[0])
word[0] = "b"
