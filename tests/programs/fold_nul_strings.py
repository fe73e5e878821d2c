# Constant folding counts a string's length in characters, NULs included (CPython's
# ast_opt.c leaves a product over 4096 characters to run time).
print(len("\0" * 5), repr("a\0b" * 3))
x = "a\0" * 3000  # 6000 characters: computed at run time, a new string each time
y = "a\0" * 3000
print(len(x), x is y)
s = "\0\0" * 2000  # 4000: folded, one constant shared by both names
t = "\0\0" * 2000
print(len(s), s is t)
u = "\0" * 4097  # one over the limit
v = "\0" * 4097
print(len(u), u is v, u == v)
def f():
    return "x\0y\0" * 1500
print(len(f()), f() is f())
print(len("\0" * 300_000) == 300_000)
