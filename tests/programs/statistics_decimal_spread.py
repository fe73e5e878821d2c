# Grades kept as Decimal and Fraction: stdev and pstdev of Decimals are Decimals (CPython's
# _decimal_sqrt_of_frac, correctly rounded with next_plus/next_minus), of Fractions floats;
# a Decimal mixed with a Fraction or a float is refused as statistics' _coerce refuses it.
import statistics
from decimal import Decimal, localcontext
from fractions import Fraction

grades = [Decimal("1.5"), Decimal("2.5"), Decimal("2.5"), Decimal("2.75"), Decimal("3.25"), Decimal("4.75")]
spread = statistics.stdev(grades)
print(spread, type(spread).__name__, statistics.pstdev(grades))
print(statistics.stdev([Decimal(1), Decimal(2)]), statistics.pstdev([Decimal(3), Decimal(3)]))
print(statistics.stdev([Decimal(2), Decimal(4), Decimal(6)]), statistics.stdev(grades, Decimal("2.875")))
with localcontext() as ctx:
    ctx.prec = 6
    print(statistics.stdev(grades), statistics.pstdev([Decimal("0.1"), Decimal("0.2"), Decimal("0.4")]))

thirds = [Fraction(1, 3), Fraction(2, 3), Fraction(5, 4)]
print(statistics.stdev(thirds), statistics.variance(thirds), statistics.pstdev(thirds))
print(statistics.mean([Fraction(1, 2), 0.25]), statistics.variance([1, Fraction(1, 2), 2]))
for mixed in ([Decimal(1), Fraction(1, 2)], [Decimal(1), 2.5], [1.5, Decimal(2)]):
    try:
        statistics.variance(mixed)
    except TypeError as e:
        print("TypeError:", e)

step = Decimal("2.5")
print(step.next_plus(), step.next_minus(), Decimal(1000).next_minus(), Decimal(0).next_plus())
print(Decimal("Infinity").next_minus(), Decimal("-Infinity").next_plus())
