# PEP 572: := in conditions, comprehensions (binding in the enclosing scope), statements.
if (n := 10) > 5:
    print(n)
data = [1, 2, 3, 4]
while (k := len(data)) > 2:
    data.pop()
print(k, data)
ys = [y := x * 2 for x in range(3)]
print(ys, y)
def f():
    total = 0
    sums = [total := total + v for v in range(5)]
    return total, sums
print(f())
(z := 5)
print(z)
print([g for v in range(6) if (g := v % 3)])
