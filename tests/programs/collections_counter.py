# collections.Counter: a dict that counts.
from collections import Counter

words = 'the cat and the hat and the bat'.split()
counts = Counter(words)
print(counts)
print(counts['the'], counts['dog'], 'dog' in counts, len(counts))
print(counts.most_common(2), counts.most_common())
letters = Counter('abracadabra')
print(letters, sorted(letters.elements()), letters.total())
letters.update('aaz')
letters.subtract({'a': 10, 'q': 1})
print(letters)
print(+letters, -letters)
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=2)
print(a + b, a - b, a | b, a & b)
a += Counter(d=1)
print(a, type(a).__name__)
print(Counter(), Counter(x=1) == Counter(x=1, y=0), Counter('aab') <= Counter('aabb'))
counts['new'] += 1
del counts['missing']
del counts['cat']
print(counts, counts.get('zzz'), dict(counts))
c2 = counts.copy()
print(c2 == counts, c2 is counts, type(c2).__name__)
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError:', e)
try:
    Counter(5)
except TypeError as e:
    print('TypeError:', e)
print(Counter({'x': 2, 'y': 5}).most_common(1), isinstance(counts, dict))
