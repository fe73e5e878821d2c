# typing's aliases of collections.abc and of the built-in classes, as CPython 3.11's: isinstance,
# issubclass, __origin__/__args__, reprs, argument counts, Callable's arguments, subclassing.
import typing, collections.abc as cabc
from typing import Iterable, Iterator, Sequence, Mapping, MutableMapping, Callable, List, Dict, Tuple, Set, Deque, Hashable, Sized, Generator, AbstractSet

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)

show("isinstance([], Iterable)", lambda: isinstance([], Iterable))
show("isinstance(3, Iterable)", lambda: isinstance(3, Iterable))
show("isinstance({}, Mapping)", lambda: isinstance({}, Mapping))
show("isinstance({}, MutableMapping)", lambda: isinstance({}, MutableMapping))
show("isinstance((), Sequence)", lambda: isinstance((), Sequence))
show("isinstance(len, Callable)", lambda: isinstance(len, Callable))
show("isinstance(iter([]), Iterator)", lambda: isinstance(iter([]), Iterator))
show("isinstance([], List)", lambda: isinstance([], List))
show("isinstance({}, Dict)", lambda: isinstance({}, Dict))
show("isinstance((), Tuple)", lambda: isinstance((), Tuple))
show("issubclass(list, Iterable)", lambda: issubclass(list, Iterable))
show("issubclass(List, Iterable)", lambda: issubclass(List, Iterable))
show("isinstance([], List[int])", lambda: isinstance([], List[int]))
show("isinstance([], Iterable[int])", lambda: isinstance([], Iterable[int]))
show("Iterable", lambda: Iterable)
show("Iterable[int]", lambda: Iterable[int])
show("Iterable[int].__origin__", lambda: Iterable[int].__origin__)
show("Iterable.__origin__", lambda: Iterable.__origin__)
show("origin is", lambda: Iterable.__origin__ is cabc.Iterable)
show("Iterable[int].__args__", lambda: Iterable[int].__args__)
show("Mapping[str, int]", lambda: Mapping[str, int])
show("Callable", lambda: Callable)
show("Callable[[int], str]", lambda: Callable[[int], str])
show("Callable[[int], str].__args__", lambda: Callable[[int], str].__args__)
show("Callable[..., str]", lambda: Callable[..., str])
show("Callable[..., str].__args__", lambda: Callable[..., str].__args__)
show("Callable[[], str]", lambda: Callable[[], str])
show("Callable[[int, float], str]", lambda: Callable[[int, float], str])
show("Callable.__origin__", lambda: Callable.__origin__)
show("Callable[int]", lambda: Callable[int])
show("List.__origin__", lambda: List.__origin__)
show("List[int].__origin__", lambda: List[int].__origin__)
show("Dict[str, int]", lambda: Dict[str, int])
show("List[int, str]", lambda: List[int, str])
show("Dict[int]", lambda: Dict[int])
show("Hashable[int]", lambda: Hashable[int])
show("Sized", lambda: Sized)
show("AbstractSet", lambda: AbstractSet)
show("AbstractSet.__origin__", lambda: AbstractSet.__origin__)
show("AbstractSet[int]", lambda: AbstractSet[int])
show("Generator[int, None, None]", lambda: Generator[int, None, None])
show("Tuple[int, ...]", lambda: Tuple[int, ...])
show("Tuple[()]", lambda: Tuple[()])
show("List()", lambda: List())
show("Deque()", lambda: Deque())
show("Deque[int]([1])", lambda: Deque[int]([1]))
show("Iterable()", lambda: Iterable())
show("List.__name__", lambda: List.__name__)
show("Iterable._name", lambda: Iterable._name)
show("eq", lambda: Iterable[int] == Iterable[int])
show("ne", lambda: Iterable[int] == Iterable[str])
show("hash eq", lambda: hash(Iterable[int]) == hash(Iterable[int]))
show("Iterable == cabc.Iterable", lambda: Iterable == cabc.Iterable)
show("type(Iterable)", lambda: type(Iterable))
show("type(Iterable[int])", lambda: type(Iterable[int]))
show("type(Callable[[int], str])", lambda: type(Callable[[int], str]))
show("type(List)", lambda: type(List))

class Numbers(Iterable[int]):
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))

show("Numbers.__mro__", lambda: Numbers.__mro__)
show("Numbers.__bases__", lambda: Numbers.__bases__)
show("Numbers.__orig_bases__", lambda: Numbers.__orig_bases__)
show("list(Numbers(3))", lambda: list(Numbers(3)))
show("isinstance(Numbers(1), Iterable)", lambda: isinstance(Numbers(1), Iterable))
show("isinstance(Numbers(1), cabc.Iterable)", lambda: isinstance(Numbers(1), cabc.Iterable))

class Deck(Sequence[str]):
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __getitem__(self, i):
        return self.cards[i]
    def __len__(self):
        return len(self.cards)

d = Deck()
show("Deck.__mro__", lambda: Deck.__mro__)
show("d.index('K')", lambda: d.index('K'))
show("list(reversed(d))", lambda: list(reversed(d)))
show("'Q' in d", lambda: 'Q' in d)

class Half(Sequence):
    pass
show("Half()", lambda: Half())
show("Half.__mro__", lambda: Half.__mro__)

class M(MutableMapping[str, int]):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M()
m["a"] = 1
m.update(b=2)
show("m items", lambda: (m["a"], m["b"], len(m)))
show("M.__mro__", lambda: M.__mro__)

class L(List[int]):
    pass
show("L.__mro__", lambda: L.__mro__)
show("L([1,2])", lambda: L([1, 2]))
class Cb(Callable[[int], int]):
    def __call__(self, x): return x
show("Cb.__mro__", lambda: Cb.__mro__)
show("Cb()(3)", lambda: Cb()(3))

T = typing.TypeVar('T')
K = typing.TypeVar('K')
for e in ['List[int].__name__', 'List[int].__parameters__', 'Optional[int].__args__',
          'Tuple[int, str].__args__', 'Tuple[int, ...].__args__', 'Tuple[()]', 'Callable[int, str]',
          'Callable[[int]]', 'Optional[List]', 'Union[List[int], None]', 'Union[int, str, None]',
          'List[None]', 'list[type(None)]', 'Union[int]', 'List[T]', 'List[T][int]',
          'Dict[K, List[T]][int, str]', 'Dict[K, T].__parameters__', 'List[T][int, str]',
          'List[int][int]', 'isinstance(1, Optional[int])', 'isinstance(1, int | str)',
          'issubclass(bool, int | None)', 'isinstance([], list[int])', 'isinstance(1, typing.Any)',
          'isinstance(1, typing.Union)', 'isinstance(1, typing.Literal[1])', 'issubclass(Tuple, Sequence)',
          'isinstance({}.keys(), typing.KeysView)', 'isinstance((x for x in []), Generator)',
          'isinstance(3, Hashable)', 'isinstance([], Hashable)', 'Iterable[int] | None', 'int | List[int]',
          'Union[int, str] == Union[str, int]', '(int | str) == Union[str, int]',
          'len({Sequence[int], Sequence[int]})', 'typing.Counter("abca")', 'typing.DefaultDict(list)',
          'typing.Dict()', 'List.__args__', 'Iterable.__module__', 'List.append', 'List["Node"]',
          'Optional["Node"]', 'Callable[["Node"], None]', 'typing.ForwardRef("X") == typing.ForwardRef("X")',
          'Optional[int, str]', 'Union[()]']:
    show(e, lambda: eval(e))
