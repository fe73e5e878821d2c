# CPython's compiler merges a code object's constants and variable names with the module's
# equal constant tuples, and equal constants of two code objects are one tuple: so the
# count of a constant tuple includes the code objects that share it, and a constant
# loaded by two functions with the same constants is held once for both.
import sys


def pair(alpha, beta):
    return ('alpha', 'beta')


print(sys.getrefcount(pair(1, 2)))


def one(gamma):
    delta = gamma
    return ('gamma', 'delta')


print(sys.getrefcount(one(3)))

shared = (None, 'kea parrot')


def parrot():
    return 'kea parrot'


print(parrot() is shared[1], sys.getrefcount(shared), sys.getrefcount('kea parrot'))


def first():
    return 'emu egg'


def second():
    return 'emu egg'


print(sys.getrefcount('emu egg'))

later = (None, 'emu egg')
print(sys.getrefcount(later), sys.getrefcount('emu egg'))

pick = lambda: 'moa bone'
print(sys.getrefcount('moa bone'))
print(sum(1 for w in ['moa bone'] if w == 'moa bone'), sys.getrefcount('moa bone'))
