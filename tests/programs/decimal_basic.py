# Decimal: construction from str, int, float and tuples, str/repr, arithmetic with ints,
# comparisons and hashes across numeric types, int/float/round, quantize, format, errors.
from decimal import Decimal, getcontext, localcontext, Context, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP, InvalidOperation, DivisionByZero
from fractions import Fraction
import math
vals = ['0', '-0', '1', '1.0', '1.00', '123.456', '-123.456', '1E+3', '1e3', '1E-7', '0.000001', '0.0000001', '12345678901234567890123456789012345', '1_000.5', '  3.5  ', '.5', '5.', 'Inf', '-Infinity', 'nan', 'NaN123', 'sNaN', '-0E+5', '0E-10', '100E-2', '1.23E+10', '-1.5e-3']
for v in vals:
    d = Decimal(v)
    print(repr(v), repr(d), str(d), d.as_tuple())
for f in [0.1, 1.5, -2.25, 1e100, 1e-5, float('inf'), float('nan'), -0.0, 3.0]:
    print(repr(Decimal(f)))
for i in [0, 5, -7, 10**30, True]:
    print(repr(Decimal(i)))
print(Decimal((0, (1, 4, 1, 4), -3)), Decimal((1, (), 'F')), Decimal((0, (1,), 'n')))
a, b = Decimal('10.25'), Decimal('3')
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, b ** -2, -a, +a, abs(-a))
print(Decimal('-7') // 2, Decimal('-7') % 2, divmod(Decimal('-7'), 2), Decimal(7) % Decimal('-2.5'))
print(a + 1, 1 + a, 2 * a, 1 / b, 10 - a, 2 ** Decimal(3), Decimal('1.1') ** 3)
print(Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), 0.1 + 0.2 == 0.3)
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(1) / 4, Decimal(100) / 10, Decimal('1.00') / Decimal('0.5'))
print(Decimal('5') - Decimal('5'), Decimal('-5') + Decimal('5'), Decimal('1.50') + Decimal('1.5'))
print(Decimal(1) == 1, Decimal('1.0') == 1, Decimal('0.5') == 0.5, Decimal('0.1') == 0.1, Decimal('0.5') == Fraction(1, 2), Decimal(2) > 1, Decimal(2) < 2.5, Decimal('1.5') >= Fraction(3, 2))
print(hash(Decimal(1)) == hash(1), hash(Decimal('0.5')) == hash(0.5), hash(Decimal('1.5')), hash(Decimal('-2.25')), hash(Decimal('1E+30')), hash(Decimal('0.1')), hash(Decimal('Inf')), hash(Decimal('-0')))
print(int(Decimal('3.7')), int(Decimal('-3.7')), float(Decimal('0.1')), round(Decimal('2.5')), round(Decimal('3.5')), round(Decimal('-2.5')), round(Decimal('2.675'), 2), round(Decimal('123.456'), -1), bool(Decimal(0)), bool(Decimal('0.01')))
print(math.floor(Decimal('-1.5')), math.ceil(Decimal('-1.5')), math.trunc(Decimal('-1.5')))
x = Decimal('2.345')
for r in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP]:
    print(r, x.quantize(Decimal('0.01'), rounding=r), (-x).quantize(Decimal('0.01'), r), Decimal('2.355').quantize(Decimal('.01'), r), Decimal('2.301').quantize(Decimal('.01'), r), Decimal('2.5').to_integral_value(r))
print(Decimal('1.2300').normalize(), Decimal('120.00').normalize(), Decimal('0.00').normalize(), Decimal('-1E+2').normalize(), Decimal('5').quantize(Decimal('1.00')))
print(Decimal(2).sqrt(), Decimal(4).sqrt(), Decimal('0.25').sqrt(), Decimal('100').sqrt(), Decimal('1E+3').sqrt(), Decimal('0.01').sqrt(), Decimal(0).sqrt())
print(Decimal(0).is_zero(), Decimal('NaN').is_nan(), Decimal('-1').is_signed(), Decimal('1').is_signed(), Decimal('-0').is_signed())
print(getcontext().prec, getcontext().rounding)
getcontext().prec = 6
print(Decimal(1) / 7, Decimal('123456789') + 0, Decimal('1.2345678') * 1)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    ctx.rounding = ROUND_DOWN
    print(Decimal(2) / 3, Decimal('9.999') + 0)
print(Decimal(2) / 3)
with localcontext(prec=4) as c2:
    print(Decimal(1) / 3)
c = Context(prec=5, rounding=ROUND_HALF_UP)
print(c.prec, c.rounding)
for spec in ['.2f', ',.2f', '>10', '<10', '^10', '10.1f', '+.3f', ',', '', 'f', '.0f', '%', '.1%', '010.2f', '*>12,.2f']:
    print(spec, repr(format(Decimal('1234567.895'), spec)), repr(format(Decimal('-0.5'), spec)))
print(f"{Decimal('3.14159'):.2f} {Decimal('1E+3'):f} {Decimal('19.99'):>8}")
print(sum([Decimal('0.1')] * 10), sorted([Decimal('2'), Decimal('1.5'), Decimal('-3')]), max(Decimal(1), Decimal('1.01')))
print(Decimal('1.10') == Decimal('1.1'), {Decimal('1.0'): 'a'}[1], Decimal('12.5').adjusted(), Decimal('0.001').adjusted())
for bad in [lambda: Decimal(1) + 1.0, lambda: 1.0 * Decimal(1), lambda: Decimal(1) + Fraction(1, 2), lambda: Decimal(1) + '1', lambda: Decimal([1]), lambda: Decimal('1.2.3'), lambda: Decimal(5) / 0, lambda: Decimal(0) / Decimal(0), lambda: Decimal(-4).sqrt(), lambda: Decimal('NaN') > 1, lambda: int(Decimal('nan')), lambda: Decimal('sNaN') == 1, lambda: hash(Decimal('sNaN'))]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))
print(Decimal('NaN') == Decimal('NaN'), Decimal('NaN') != 1, Decimal('Inf') > 10**100, Decimal('-Inf') < -1e308, Decimal('Inf') + 1, Decimal('Inf') * -2)
print(Decimal('1.5').as_integer_ratio(), Decimal(5).as_tuple(), Decimal('-0.00').as_tuple(), Decimal('sNaN').is_snan(), Decimal('Infinity').is_infinite())
