# Small classes with method calls: vectors, a counter and a linked stack.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    def __init__(self):
        self.count = 0

    def increment(self, by=1):
        self.count += by
        return self.count


class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node


def run(n):
    total = Vector(0, 0)
    step = Vector(1, 2)
    counter = Counter()
    dots = 0
    for i in range(n):
        total = total.add(step)
        dots += total.dot(step)
        counter.increment()
    head = None
    for i in range(n // 2):
        head = Node(i, head)
    length = 0
    while head is not None:
        length += 1
        head = head.next
    return total.x, total.y, dots, counter.count, length


print(run(150000))
