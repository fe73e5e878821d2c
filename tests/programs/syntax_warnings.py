# CPython 3.11's compile-time SyntaxWarnings, printed on stderr before the program runs:
# `is` with a literal, a display or constant called or subscripted where a comma was
# probably missed, and an assert of a parenthesised tuple (always true).
x = 1000
print(x is 1000, x is not "a", x is None, (x is -1) is True, x is (1, 2), x is ..., x is [1])
if x is 1000 or x is 1000:
    pass
def f():
    return x is 'abc'
exec("y = x is 5")
for code in ("[1, 2] (3)", "(1, 2) (3)", "'abc' (1)", "f'a{x}' (1)", "5 [0]", "{1} [0]",
             "None [0]", "(lambda: 1) [0]", "[1, 2] ['a']", "(1, 2) [1.5]", "'ab' ['x']",
             "True [0]", "b'ab' [None]", "[c for c in 'a'] ['k']"):
    try:
        eval(code)
    except TypeError as e:
        print(code, "->", e)
try:
    print([1, 2] (3))
except TypeError as e:
    print(e)
try:
    print(5 [0])
except TypeError as e:
    print(e)
try:
    print([1, 2] ["a"])
except TypeError as e:
    print(e)
print([[1, 2] [0], 3], "ab" [0], [1][x - 1000], (1, 2)[x:], {"a": 1}["a"], [1, 2][True])
assert (x, "msg")
assert (1, "x")
assert x == 1000 and x is not None
try:
    assert x == 1 if x == 1000 else x == 2
except AssertionError:
    print("AssertionError")
assert ()
