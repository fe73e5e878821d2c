# Every augmented assignment operator.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x /= 8
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
lst += [2]
lst *= 2
print(lst)
items = [5, 6]
items[0] += 100
items[-1] *= 2
print(items)
d = {"n": 1}
d["n"] += 41
print(d)
t = (1,)
t += (2,)
print(t)
n = 2 ** 63
n += n
print(n)
