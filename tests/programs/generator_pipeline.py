# A pipeline of generators, each pulling from the previous one.
def numbers(limit):
    for i in range(limit):
        print("produce", i)
        yield i


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def squared(source):
    for n in source:
        yield n * n


pipeline = squared(evens(numbers(6)))
for value in pipeline:
    print("consume", value)


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


print(list(chunks([1, 2, 3, 4, 5], 2)))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, 4]], [], 5])))
