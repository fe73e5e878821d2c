# A traceback through a list comprehension shows its frame.
def inverse(x):
    return 1 / x


values = [4, 2, 0]
print([inverse(v) for v in values[:2]])
result = [inverse(v) for v in values]
