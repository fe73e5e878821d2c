# exp, ln, log10 and sqrt of Decimals: continuous compounding, doubling times and the digits
# of a number, each correctly rounded (half even) to the context's precision.
from decimal import Decimal, getcontext, localcontext, InvalidOperation

rate = Decimal("0.05")
principal = Decimal("1000")
for years in [1, 10, 30]:
    grown = principal * (rate * years).exp()
    print(years, grown.quantize(Decimal("0.01")))
print("doubling time:", (Decimal(2).ln() / rate).quantize(Decimal("0.001")))
print(Decimal(1).exp(), Decimal(10).ln(), Decimal(2).log10(), Decimal(2).sqrt())
for n in [Decimal(1000), Decimal("0.001"), Decimal("12345.678")]:
    print(n, n.log10(), n.adjusted() + 1)
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(1).exp())
    ctx.prec = 5
    print(Decimal("1E+5").exp(), Decimal("-1E+5").exp(), Decimal("0.99999").ln())
print(Decimal(0).exp(), Decimal(1).ln(), Decimal(0).ln(), Decimal("Infinity").log10())
try:
    Decimal(-1).ln()
except InvalidOperation as e:
    print("InvalidOperation", e)
getcontext().prec = 3
print(Decimal(2).exp(), Decimal(7).ln(), Decimal("1.01").log10())
