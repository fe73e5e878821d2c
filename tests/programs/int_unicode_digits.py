# int(), float(), complex(), Fraction() and Decimal() read digits of any script and any
# Unicode whitespace, as CPython does: a form filled in on an Arabic keyboard, or a value
# copied with a no-break space around it.
from decimal import Decimal
from fractions import Fraction

answers = ["١٢", "\u00a042\u2003", "٣.٥", "１２３", "٣_٤", "12\u00e9", "\u0e51\u0e52"]
for text in answers:
    try:
        n = int(text)
    except ValueError as e:
        n = str(e)
    try:
        x = float(text)
    except ValueError as e:
        x = str(e)
    print(repr(text), n, x)
print(complex("١+٢j"), Fraction("١/٢"), Fraction(" ٣.٥ "), Decimal(" ١٢.٥ "))
print(int("٣٤", 16), int("\u2003-٧"), float("-\u00a0١e٣".replace("\u00a0", "")))
ages = [int(a) for a in "٢٥ ٣٠ ١٨".split()]
print(ages, sum(ages))
int("٣x")
