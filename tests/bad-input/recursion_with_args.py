def count(n, acc):
    return count(n + 1, acc + [n])


count(0, [])
