# itertools: lazy building blocks for loops.
import itertools
from itertools import (count, cycle, repeat, chain, islice, accumulate, starmap, takewhile,
                       dropwhile, filterfalse, compress, pairwise, zip_longest, product,
                       permutations, combinations, combinations_with_replacement, groupby)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), count(5, 2), count(3))
print(list(islice(cycle('ab'), 5)), list(repeat('x', 3)), repeat(1, 2), list(repeat(0, -1)))
print(list(chain([1, 2], 'ab', (3,))), list(chain.from_iterable(['ab', 'cd'])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice(range(10), 1, None, 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)))
print(list(accumulate([1, 2, 3], operator.mul)), list(starmap(pow, [(2, 3), (3, 2)])))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(compress('abcd', [1, 0, 1, 0])))
print(list(pairwise('abcd')), list(zip_longest('abc', [1], fillvalue='-')), list(zip_longest('ab', 'c')))
print(list(product('ab', [1, 2])), list(product([0, 1], repeat=2)))
print(list(permutations('abc', 2)), list(permutations([1, 2, 3])))
print(list(combinations('abcd', 2)), list(combinations_with_replacement('ab', 2)), list(combinations('ab', 3)))
print([(k, list(g)) for k, g in groupby('aaabbc')], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
squares = (n * n for n in count(1))
print(list(takewhile(lambda s: s < 50, squares)))
for bad in (lambda: islice([1], -1), lambda: count('a'), lambda: permutations(5),
            lambda: combinations('ab', -1), lambda: repeat()):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
