# Aliasing: two names, one list.
# A variable is a name tag pointing at an object; `b = a` copies the
# tag, not the list. Watch both arrows point at the same heap box.
a = [1, 2, 3]
b = a                 # no new list: b refers to the same object as a
b.append(4)           # change the object through b ...
print(a)              # ... and a sees it: [1, 2, 3, 4]
print(a is b)         # True: one object, two names

# list(a) builds a NEW list holding the same items.
c = list(a)
c.append(5)           # only c's list grows
print(a, c)
print(a is c, a == c[:4])   # False (different objects), True (equal values)

# Rebinding a name moves its arrow; the old object is untouched.
b = ["new"]
print(a, b)
