# Constants are ordinary objects: the code object that loads one holds it (co_consts), and
# while the program runs CPython's parse tree holds each literal's object too. Equal
# constants of one module are one object, whichever function uses them.
import sys

x = 257
print(sys.getrefcount(x))
y = 'hello world!'
print(sys.getrefcount(y))


def greeting():
    return 'hello world!'


print(greeting() is y, sys.getrefcount(y))
t = ('a', 'b')


def pair():
    return ('a', 'b')


print(t is pair(), sys.getrefcount(t))
z = 1000
w = 1000
print(z is w, sys.getrefcount(z))
print(sys.getrefcount(3.5))
n = -5000
print(sys.getrefcount(n))
items = [1, 2, 3]
print(sys.getrefcount(items))
words = ('a b', 'c d')


def more_words():
    return ('a b', 'c d')


print(words is more_words(), sys.getrefcount(words), sys.getrefcount(words[0]))
for s in ['x y', 'z w']:
    pass
print(sys.getrefcount(s))
nested = (1000, (2000, 'q r'))
inner = (2000, 'q r')
print(nested[1] is inner, sys.getrefcount(inner), sys.getrefcount(nested[0]))
big = 10 ** 30
print(sys.getrefcount(big))
folded = 2 ** 10 * 3
print(sys.getrefcount(folded))

