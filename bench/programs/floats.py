# Floats in lists inside functions: the arithmetic a physics or statistics exercise does.
def mean_and_variance(values):
    total = 0.0
    for v in values:
        total += v
    mean = total / len(values)
    acc = 0.0
    for v in values:
        d = v - mean
        acc += d * d
    return mean, acc / len(values)


def simulate(steps):
    x = 0.0
    v = 1.0
    dt = 0.001
    path = []
    for _ in range(steps):
        a = -4.0 * x - 0.1 * v
        v = v + a * dt
        x = x + v * dt
        path.append(x)
    return path


path = simulate(300000)
m, var = mean_and_variance(path)
print(round(path[-1], 6), round(m, 6), round(var, 6))
