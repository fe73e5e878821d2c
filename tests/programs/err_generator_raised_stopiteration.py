# PEP 479: a StopIteration that escapes a generator's body becomes RuntimeError
# ("generator raised StopIteration"), chained to it as its direct cause.
def first_words(lines):
    for line in lines:
        words = iter(line.split())
        yield next(words)  # an empty line: StopIteration inside the generator


def stop_explicitly():
    yield 1
    raise StopIteration


try:
    for x in stop_explicitly():
        print(x)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__suppress_context__)

print(list(first_words(["a b", "c d", ""])))
