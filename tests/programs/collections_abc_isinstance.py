# Which built-in objects are Iterable, Sized, Hashable...? collections.abc answers.
import collections
import collections.abc
from collections.abc import (Callable, Container, Generator, Hashable, Iterable, Iterator,
                             Mapping, MutableMapping, MutableSequence, MutableSet, Reversible,
                             Sequence, Set, Sized)

abcs = (Iterable, Iterator, Reversible, Sized, Container, Hashable, Callable, Generator,
        Sequence, MutableSequence, Set, MutableSet, Mapping, MutableMapping)


def kinds(obj):
    return [abc.__name__ for abc in abcs if isinstance(obj, abc)]


samples = [[1, 2], (1, 2), "hi", {"a": 1}, {1, 2}, frozenset({3}), range(3), 42, 3.5, None,
           len, print, iter([1]), (n * n for n in range(3)), {}.keys(), {}.values(),
           {}.items(), collections.deque([1]), collections.OrderedDict(),
           collections.defaultdict(list), collections.Counter("ab"), b"raw", bytearray(b"x"),
           int, lambda x: x]
for obj in samples:
    print(type(obj).__name__, kinds(obj))


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Frozen:
    __hash__ = None


class Box:
    def __len__(self):
        return 1

    def __contains__(self, item):
        return item == "gift"


print(kinds(Countdown(3)), list(Countdown(3)))
print(kinds(Frozen()), kinds(Box()), kinds(Box), "gift" in Box())
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(Countdown, Iterable))


class Anything:
    pass


print(Sequence.register(Anything) is Anything)
print(issubclass(Anything, Sequence), issubclass(Anything, Iterable), isinstance(Anything(), Sized))
print(MutableMapping.__mro__)
print(sorted(MutableSequence.__abstractmethods__), Sized.__abstractmethods__)
print(collections.abc.Iterable is Iterable, Mapping.__module__, Iterable[int], Mapping)
print(Iterable.__subclasshook__(list), Iterable.__subclasshook__(int), Sequence.__subclasshook__(list))
print(dir(Mapping))
print(kinds(collections.UserDict()), kinds(collections.UserList()), kinds(collections.ChainMap()), isinstance(collections.UserDict().keys(), Set))
