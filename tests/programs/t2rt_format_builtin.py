# format(value, spec): the formatting that f-strings use, as a function.
print(format(3.14159, ".2f"), format(42, "08b"), format("hi", "^6"), format(1234567, ","))
print(format(7), format(True), format(None), format([1, 2]), repr(format("")))
s = "same"
print(format(s) is s, format(-5, "+"), format(0.5, "%"), format(255, "#x"))
for bad in [(5, 3), (5, "q"), ()]:
    try:
        format(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
