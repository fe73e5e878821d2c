# Functions are objects: store them, pass them, return them.
def double(x):
    return x * 2
def negate(x):
    return -x
ops = [double, negate, abs]
for op in ops:
    print(op(-3))
def apply_twice(f, v):
    return f(f(v))
print(apply_twice(double, 5), apply_twice(negate, 5))
table = {"d": double, "n": negate}
print(table["d"](21))
alias = double
print(alias is double, alias(4))
def chooser(flag):
    if flag:
        return double
    return negate
print(chooser(True)(10), chooser(False)(10))
print(sorted([-5, 3, -1], key=abs), max(["bb", "a", "ccc"], key=len))
