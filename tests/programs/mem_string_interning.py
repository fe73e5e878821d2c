# Identifier-like string literals are shared; strings built at run time are not.
a = "hello"
def get():
    return "hello"
print(a is get())
part = "hel"
built = part + "lo"
print(built == a, built is a)
s = "".join(["hel", "lo"])
print(s == a, s is a)
u = "hello"
print(u is a)
empty1 = ""
print(empty1 == "", len(empty1))
x = "abc"
y = x
print(x is y)
