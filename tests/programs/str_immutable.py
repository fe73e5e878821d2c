# Strings never change: every "change" builds a new string.
s = "cat"
t = s
s = s + "s"
print(s, t)
print(s is t)
u = t.upper()
print(t, u)
word = "hello"
chars = list(word)
chars[0] = "j"
print("".join(chars), word)
name = "ada"
alias = name
name += " lovelace"
print(alias, "|", name)
