# Interning: some immutable objects are shared instead of copied.
# CPython keeps one object for each small int from -5 to 256, and one
# for identifier-like string literals. `is` reveals the sharing.
x = 200
y = 56
a = x + y        # 256, computed at run time ...
b = 256
print(a == b, a is b)    # True True: small ints are cached

c = int("1000")  # outside the cache: each int made at run time is a new object
d = int("1000")  # equal to c, but another object
print(c == d, c is d)    # True False

s = "hello"
def greeting():
    return "hello"       # same identifier-like literal: same object
print(s is greeting())   # True

built = "hel" + s[3:]    # built at run time: a new string
print(built == s, built is s)   # True False

# Moral: use == to compare values; `is` only for None (and identity).
print(a == b, c == d, built == s)
