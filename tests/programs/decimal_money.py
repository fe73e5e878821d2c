# A shopping basket in Decimal: exact cents, tax rounded half up to the cent, a receipt.
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")
prices = {"apple": Decimal("0.45"), "bread": Decimal("2.10"), "cheese": Decimal("5.99")}
basket = [("apple", 6), ("bread", 1), ("cheese", 2)]

subtotal = Decimal("0")
for item, qty in basket:
    line = prices[item] * qty
    subtotal += line
    print(f"{item:<8}{qty:>3} x {prices[item]:>6} = {line:>7}")

tax = (subtotal * Decimal("0.0825")).quantize(CENT, rounding=ROUND_HALF_UP)
total = subtotal + tax
print(f"subtotal {subtotal:>10,.2f}")
print(f"tax      {tax:>10,.2f}")
print(f"total    {total:>10,.2f}")

share = total / 3
print("each of 3 pays", share.quantize(CENT), repr(share))
print(0.1 + 0.2, Decimal("0.1") + Decimal("0.2"), Decimal(0.1))
print(sum([Decimal("0.10")] * 10) == 1, round(Decimal("2.675"), 2), round(2.675, 2))
