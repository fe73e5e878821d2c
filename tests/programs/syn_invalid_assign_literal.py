# You cannot assign to a literal.
x = 1
1 = x
