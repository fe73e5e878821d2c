def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def walk(node):
    while node is not None:
        yield node.value
        node = node.next


def main():
    nums = [fib(i) for i in range(10)]
    total = 0
    for n in nums:
        if n % 2 == 0:
            total += n
        elif n % 3 == 0:
            total -= n
        else:
            continue
    chain = Node(1, Node(2, Node(3)))
    print(list(walk(chain)), total, sep=" | ", end="\n")
    d = {"a": [1, 2, {"b": (3, 4)}]}
    print(d["a"][2]["b"][0])
    return total


if __name__ == "__main__":
    main()
