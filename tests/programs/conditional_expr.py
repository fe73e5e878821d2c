# a if condition else b
for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
x = 10
y = x // 2 if x % 2 == 0 else 3 * x + 1
print(y)
print("even" if 4 % 2 == 0 else "odd", [1, 2] if x else [])
def noisy(v):
    print("computing", v)
    return v
print(noisy("yes") if True else noisy("no"))
print(noisy("yes") if False else noisy("no"))
z = (1 if x > 5 else 2) + 100
print(z)
