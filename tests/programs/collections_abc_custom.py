# A learner builds their own container types on collections.abc and gets the rest for free.
from collections.abc import Mapping, MutableMapping, MutableSequence, Sequence, Set, Iterable, Sized


class Gradebook(Mapping):
    """Read-only grades: only __getitem__, __iter__ and __len__ are written here."""

    def __init__(self, grades):
        self._grades = dict(grades)

    def __getitem__(self, student):
        return self._grades[student]

    def __iter__(self):
        return iter(self._grades)

    def __len__(self):
        return len(self._grades)


book = Gradebook({"ann": 91, "bob": 78, "cy": 85})
print(len(book), book["ann"], book.get("dee"), book.get("dee", 0))
print("bob" in book, "dee" in book)
print(list(book.keys()), list(book.values()), list(book.items()))
print(book == {"ann": 91, "bob": 78, "cy": 85}, book != {"ann": 91})
print(dict(book), sorted(book, key=book.get))
print(book.keys() & {"ann", "zed"}, ("cy", 85) in book.items(), 78 in book.values())


class CaseInsensitive(MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key.lower()]

    def __setitem__(self, key, value):
        self._data[key.lower()] = value

    def __delitem__(self, key):
        del self._data[key.lower()]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


headers = CaseInsensitive()
headers["Content-Type"] = "text/html"
headers.update({"HOST": "example.org"}, Accept="*/*")
print(headers["content-type"], headers.setdefault("Host", "?"), headers.setdefault("Age", "0"))
print(headers.pop("AGE"), headers.pop("missing", None), len(headers))
print(headers.popitem(), sorted(headers))
try:
    headers.pop("missing")
except KeyError as e:
    print("KeyError:", e)
headers.clear()
print(len(headers), isinstance(headers, Mapping), isinstance(headers, dict))


class Playlist(MutableSequence):
    def __init__(self, songs=()):
        self._songs = list(songs)

    def __getitem__(self, i):
        return self._songs[i]

    def __setitem__(self, i, song):
        self._songs[i] = song

    def __delitem__(self, i):
        del self._songs[i]

    def __len__(self):
        return len(self._songs)

    def insert(self, i, song):
        self._songs.insert(i, song)

    def __repr__(self):
        return f"Playlist({self._songs})"


p = Playlist(["intro", "verse"])
p.append("chorus")
p.extend(["bridge", "outro"])
p += ["encore"]
print(p, len(p), p[0], p[-1], "verse" in p, p.index("chorus"), p.count("intro"))
print(list(reversed(p)), p.pop(), p.pop(0), p)
p.remove("bridge")
p.reverse()
print(p)
try:
    p.index("silence")
except ValueError as e:
    print("ValueError:", repr(e))
p.clear()
print(p, isinstance(p, Sequence), isinstance(p, Iterable), isinstance(p, Sized))


class Tags(Set):
    def __init__(self, items=()):
        self._items = []
        for item in items:
            if item not in self._items:
                self._items.append(item)

    def __contains__(self, item):
        return item in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Tags({self._items})"


a, b = Tags(["red", "green", "blue"]), Tags(["blue", "black"])
print(a & b, a | b, a - b, a ^ b)
print(a <= b, Tags(["red"]) < a, a == Tags(["blue", "red", "green"]), a.isdisjoint(["white"]))


class Unfinished(Sequence):
    def __len__(self):
        return 0


try:
    Unfinished()
except TypeError as e:
    print("TypeError:", e)
try:
    Mapping()
except TypeError as e:
    print("TypeError:", e)
Unfinished()
