# The dunders CPython's int and float have beyond the operators: __abs__, __round__,
# __divmod__/__rdivmod__, __float__, __int__, __index__, __trunc__, __floor__, __ceil__.
tests = ("(5).__round__()", "(5).__round__(-1)", "(15).__round__(-1)", "(5).__round__(None)",
         "(2.5).__round__()", "(2.567).__round__(2)", "(2.5).__round__(None)",
         "(-7).__abs__()", "(-2.5).__abs__()", "True.__abs__()",
         "(2.5).__floor__()", "(-2.5).__floor__()", "(2.5).__ceil__()", "(-2.5).__ceil__()",
         "(2.5).__trunc__()", "(-2.5).__int__()", "(7).__floor__()", "(7).__ceil__()",
         "(7).__trunc__()", "True.__int__()", "True.__index__()", "(5).__index__()",
         "(5).__float__()", "(2.5).__float__()", "(10**400).__float__()",
         "(7).__divmod__(2)", "(7).__divmod__(2.0)", "(7).__divmod__('a')", "(7).__rdivmod__(20)",
         "(7.5).__divmod__(2)", "(7.5).__rdivmod__(20)", "(7.5).__divmod__('a')",
         "(7).__divmod__(0)", "float('inf').__floor__()", "float('nan').__ceil__()",
         "(5).__round__(1, 2)", "(5).__abs__(1)")
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)


class Money(float):
    def __round__(self, n=None):
        return Money(super().__round__(2 if n is None else n))


print(round(Money(2.34567)), type(round(Money(1.5))).__name__, int.__floor__(9), float.__ceil__(1.2))
print(list(map(int.__abs__, [-1, 2, -3])), sorted([2.5, -1.5, 0.5], key=float.__abs__))


class Approx:
    def __round__(self, n=None):
        return ('rounded', n)


print(round(Approx()), round(Approx(), 2))
try:
    round(object())
except TypeError as e:
    print(e)
