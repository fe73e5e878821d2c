# Methods of str and dict, and an attribute error caught and reported by hand.
word = "hello"
print(word.upper())
d = {"a": 1}
try:
    d.iterms()
except AttributeError as e:
    print(type(e).__name__ + ":", e)
    print(e.name, e.obj)
e = AttributeError("plain")
print(e.name, e.obj)
word.uper()
