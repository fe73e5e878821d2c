# assert statements, caught and uncaught.
def check_positive(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x


print(check_positive(3))
try:
    check_positive(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("empty message:", repr(e), e.args)
assert len([1, 2]) == 3, [1, 2]
