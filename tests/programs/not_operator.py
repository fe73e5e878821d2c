# not always gives a bool.
print(not True, not False, not 0, not 1, not "", not "x")
print(not [], not [0], not None, not {}, not 0.0)
print(not not 5, type(not 5))
x = 3
print(not x == 3, not x != 3, (not x) == 3)
print(x not in [1, 2], not x in [3])
