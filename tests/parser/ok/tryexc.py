try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e)
except (TypeError, ValueError):
    pass
except:
    raise
else:
    pass
finally:
    cleanup()

try:
    pass
finally:
    pass

raise ValueError("bad") from None
raise
assert x, "message"
assert y
del a, b[0], c.d
del (e, f)
del [g]
