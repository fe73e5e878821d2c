# A float local updated from itself (total += v, d = v - mean): a new float each time, as
# CPython makes, whatever memory the interpreter takes it from.
def running_total(values):
    total = 0.0
    fresh = []
    for v in values:
        before = id(total)
        total += v
        fresh.append(before != id(total))
    return total, fresh


def deviations(values, mean):
    out = []
    d = 0.0
    for v in values:
        d = v - mean
        out.append(d)
    return out


def shared():
    x = 1.5
    kept = x
    x = x * 2.0
    y = 3.0
    y = y * y
    return kept, x, kept is x, y


print(running_total([0.5, 1.5, 2.25]))
print(deviations([1.0, 2.0, 4.5], 2.5))
print(shared())
