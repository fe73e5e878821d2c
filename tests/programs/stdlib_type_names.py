# Types a module makes in C are named by their full name in messages ('collections.deque'),
# by their bare name in type(x).__name__; Python-made library classes by their bare name
import collections, datetime, functools, io, itertools, operator, re, weakref


class Node:
    pass


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


objects = [collections.deque([1]), collections.OrderedDict(a=1), collections.defaultdict(list),
           collections.Counter("ab"), collections.ChainMap({}), functools.partial(print, 1),
           io.StringIO("x"), re.compile("a+"), re.match("a", "a"), datetime.date(2024, 1, 1),
           datetime.time(1), datetime.datetime(2024, 1, 1), datetime.timedelta(1),
           itertools.count(), operator.itemgetter(1), operator.attrgetter("x"),
           functools.cmp_to_key(lambda a, b: 0)(1), datetime.date(2024, 1, 1).isocalendar()]
for o in objects:
    name = type(o).__name__
    attempt(name + " + 1", lambda: o + 1)
    attempt("1 < " + name, lambda: 1 < o)
    attempt(name + ".nope", lambda: o.nope)
    attempt(name + "()", lambda: o())
    attempt("len(" + name + ")", lambda: len(o) >= 0)
    attempt("hash(" + name + ")", lambda: hash(o) is not None)
attempt("weakref + 1", lambda: weakref.ref(Node) + 1)
attempt("proxy.nope", lambda: weakref.proxy(Node()).nope)
attempt("lru + 1", lambda: functools.lru_cache(len) + 1)
attempt("bound method", lambda: repr(collections.deque().append).split(" at ")[0])
attempt("date - 1", lambda: datetime.date(2024, 1, 1) - 1)
attempt("datetime - date", lambda: datetime.datetime(2024, 1, 1) - datetime.date(2024, 1, 1))
attempt("time + timedelta", lambda: datetime.time(1) + datetime.timedelta(1))
attempt("int(date)", lambda: int(datetime.date(2024, 1, 1)))
attempt("iter(date)", lambda: iter(datetime.date(2024, 1, 1)))
attempt("names", lambda: [type(o).__name__ for o in objects])
attempt("reprs", lambda: [str(type(o)) for o in objects])
