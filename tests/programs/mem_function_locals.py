# Each call gets its own frame with its own local names.
def make_list(n):
    result = []
    for i in range(n):
        result.append(i)
    return result
one = make_list(2)
two = make_list(2)
print(one, two, one is two, one == two)
def recurse(n, acc):
    acc.append(n)
    if n > 0:
        recurse(n - 1, acc)
    return acc
shared = []
out = recurse(3, shared)
print(out, out is shared)
def swap(pair):
    a, b = pair
    return b, a
p = (1, 2)
print(swap(p), p)
