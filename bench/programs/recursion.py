# Recursion: tree building and walking, Ackermann-style calls, memo-less subsets.
def build(depth):
    if depth == 0:
        return None
    return (build(depth - 1), depth, build(depth - 1))


def size(tree):
    if tree is None:
        return 0
    left, _, right = tree
    return size(left) + 1 + size(right)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def subsets(items, i, total):
    if i == len(items):
        return 1 if total == 10 else 0
    return subsets(items, i + 1, total + items[i]) + subsets(items, i + 1, total)


print(size(build(16)))
print(ack(2, 300))
print(subsets([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7], 0, 0))
