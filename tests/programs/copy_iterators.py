# Copying iterators: copy.copy and copy.deepcopy take a list's, tuple's, str's, range's,
# dict's and set's iterators apart with __reduce__, so the copy goes on from where the
# original stands, and neither moves the other.
import copy

names = ["ada", "grace", "alan"]
it = iter(names)
print(next(it))
print(it.__reduce__())
twin = copy.copy(it)
print(next(twin), next(it), list(twin), list(it))

rows = [[1, 2], [3, 4]]
walker = iter(rows)
clone = copy.deepcopy(walker)
first = next(clone)
print(first, first == rows[0], first is rows[0])

counter = iter(range(10, 15))
next(counter)
print(counter.__reduce__(), list(copy.copy(counter)), next(counter))

scores = {"ada": 3, "alan": 5, "grace": 4}
keys = iter(scores)
next(keys)
print(keys.__reduce__(), list(copy.copy(keys)), list(keys))
pairs = iter(scores.items())
print(list(copy.deepcopy(pairs)), next(pairs))

letters = iter("héllo")
next(letters)
print(letters.__reduce__(), "".join(copy.copy(letters)))
back = reversed([1, 2, 3])
next(back)
print(back.__reduce__(), list(copy.copy(back)))
print(list(copy.copy(iter((1, 2)))), list(copy.copy(iter({7}))))
done = iter([1])
list(done)
print(done.__reduce__(), iter(()).__reduce__()[1])
restart = iter([5, 6, 7])
restart.__setstate__(2)
print(list(restart))
