# A traceback through several user functions.
def ratio(a, b):
    return a / b
def scaled(values, factor):
    out = []
    for v in values:
        out.append(ratio(v, factor))
    return out
def report(values):
    print(scaled(values, 2))
    print(scaled(values, 0))
report([1, 2])
