# Strings are immutable: every "change" creates a new string object.
s = "cat"
t = s                     # t and s share one string
s = s + "s"               # builds "cats"; t still refers to "cat"
print(s, t, s is t)

u = t.upper()             # methods return new strings
print(t, u)

# s[0] = "b" would raise TypeError: 'str' object does not support item assignment
word = "hello"
letters = list(word)      # to edit, copy into a mutable list ...
letters[0] = "j"
new_word = "".join(letters)   # ... and join back into a new string
print(word, new_word)

# += on a string also rebinds the name to a new object.
greeting = "hi"
before = greeting
greeting += "!"
print(before, greeting, before is greeting)
