# A list or set display of more than two constants is built from one constant
# (CPython 3.11's compiler): written over several lines it runs as its first line.
import sys

primes = [
    2,
    3,
    5,
    7,
]
print(primes)
vowels = {
    'a',
    'e',
    'i',
}
print(sorted(vowels))
pair = [
    1,
    2,
]
print(pair)
n = 4
mixed = [
    1,
    n,
    3,
]
print(mixed)
nested = [
    (1, 2),
    (3, 4),
    -5,
]
print(nested)
# the tuple the list is extended from is the module's constant, held by its code
def again():
    return [2, 3, 5, 7]
print(again() == primes, again() is again())
primes.append(11)
print(primes, again())
