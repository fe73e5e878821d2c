# A function's attributes may share its parameters' names: only the defaults are defaults.
def scale(x, factor=2):
    return x * factor


scale.x = "an attribute, not a default"
scale.factor = 10


def memo(n):
    if n in memo.cache:
        return memo.cache[n]
    memo.cache[n] = n * n
    return memo.cache[n]


memo.cache = {}
memo.n = 0


def tag(*, label="item", sep=":"):
    return label + sep


tag.label = "kw"
print(scale(3), scale.factor, memo(4), memo(4), memo.n, tag(), tag.label)
