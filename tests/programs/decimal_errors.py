# decimal's signals: InvalidOperation and DivisionByZero are trapped (raised), with the
# conditions listed in the message; the last division is not caught.
from decimal import Decimal, InvalidOperation, DivisionByZero, getcontext

for text in ["12.50", "1e3", " -0.5 ", "12,50", "abc", "Infinity"]:
    try:
        print(repr(Decimal(text)))
    except InvalidOperation as e:
        print("InvalidOperation:", e, e.args)

for a, b in [(1, 0), (0, 0), (7, 2)]:
    try:
        print(Decimal(a) / b, Decimal(a) // b, Decimal(a) % b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    except InvalidOperation as e:
        print(type(e).__name__, e)

try:
    Decimal("1.5") + 1.5
except TypeError as e:
    print("TypeError:", e)
print(issubclass(DivisionByZero, ZeroDivisionError), DivisionByZero.__mro__)
print(getcontext())
balance = Decimal("100.00")
print(balance / Decimal("0"))
