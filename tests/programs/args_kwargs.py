# *args, **kwargs, keyword-only parameters and star-unpacking in calls.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
nums = [10, 20, 30]
opts = {"c": "C", "z": "Z"}
print(f(*nums, **opts))
print(f(0, *nums[1:], c=1, **{"y": 2}))


def total(*values, start=0):
    s = start
    for v in values:
        s += v
    return s


print(total(), total(1, 2, 3), total(1, start=10), total(*range(5)))


def show(**kw):
    return kw


print(show(), show(x=1, y=[2]))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="-"))
point = (3, 4)


def dist(x, y):
    return (x * x + y * y) ** 0.5


print(dist(*point), dist(**{"x": 6, "y": 8}))
