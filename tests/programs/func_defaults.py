# Default parameter values.
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(2, 10))
def label(text, left="[", right="]"):
    return left + text + right
print(label("a"), label("b", "<"), label("c", "(", ")"))
def describe(name, age=None):
    if age is None:
        return name + " (age unknown)"
    return name + " is " + str(age)
print(describe("kim"), describe("lee", 30))
LIMIT = 5
def upto(n=LIMIT):
    return list(range(n))
LIMIT = 99
print(upto(), upto(2))
