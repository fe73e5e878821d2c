# Chained comparisons evaluate each operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1 == 1, 1 == 1 != 2, 3 > 2 > 1 > 0, 3 > 2 > 2)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
a = [1]
b = a
print(a is b is not None, 1 in a in [a])
print("a" < "b" <= "b" != "c")
