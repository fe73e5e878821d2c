# Formatting Decimals: an invoice's columns, scientific notation, percentages and the
# general format, each rounded with the context's rounding.
from decimal import Decimal, getcontext, ROUND_HALF_UP

items = [("Coffee beans", Decimal("12.499"), 3), ("Filter papers", Decimal("3.5"), 10),
         ("Grinder", Decimal("89.995"), 1)]
total = Decimal(0)
for name, price, qty in items:
    line = price * qty
    total += line
    print(f"{name:<15}{qty:>4} x {price:>8.2f} = {line:>10,.2f}")
print(f"{'Total':<15}{total:>27,.2f}")
vat = Decimal("0.077")
print(f"VAT {vat:.1%}: {total * vat:.2f}, share {Decimal(1) / 3:.3%}")

getcontext().rounding = ROUND_HALF_UP
print(f"{Decimal('2.675'):.2f} {Decimal('0.125'):.2f} {Decimal('-2.5'):.0f}")
for value in ["1234.5678", "0.000012345", "6.02214076E+23", "-0", "Infinity", "100"]:
    d = Decimal(value)
    print(f"{d:e} | {d:.3E} | {d:g} | {d:.3g} | {d:n} | {d} | {d:+012,.1f}|{d:*^14.2e}|")
print(format(Decimal("1E+3"), ".2f"), format(Decimal("0E+3"), "f"), format(Decimal("5"), "z.1f"))
try:
    format(Decimal(1), "#.2f")
except ValueError as e:
    print("ValueError:", e)
