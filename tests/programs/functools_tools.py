# functools: reduce, partial, lru_cache and cache.
import functools
from functools import reduce, partial, lru_cache, cache
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 'empty'))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(5), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
parse_binary = partial(int, base=2)
print(parse_binary('1011'), parse_binary)
try:
    partial(5)
except TypeError as e:
    print('TypeError:', e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__wrapped__(10), fib.__name__)


@lru_cache(maxsize=2)
def slow_square(x):
    print('computing', x)
    return x * x


for x in [1, 2, 1, 3, 1, 2]:
    print(slow_square(x))
print(slow_square.cache_info())


@cache
def count_paths(rows, cols):
    if rows == 1 or cols == 1:
        return 1
    return count_paths(rows - 1, cols) + count_paths(rows, cols - 1)


print(count_paths(10, 10), count_paths.cache_info().hits > 0)


@lru_cache
def double(x):
    return 2 * x


print(double(4), double(4), double.cache_info())
