# __context__ and __cause__ of handled chained exceptions.
try:
    try:
        {}["missing"]
    except KeyError as inner:
        raise ValueError("converted")
except ValueError as outer:
    print(repr(outer), repr(outer.__context__), outer.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise TypeError("explicit") from z
except TypeError as t:
    print(repr(t.__cause__), t.__cause__ is t.__context__)
try:
    raise RuntimeError("alone")
except RuntimeError as r:
    print(r.__context__, r.__cause__)
