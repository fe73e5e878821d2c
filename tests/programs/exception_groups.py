# ExceptionGroup and except* (PEP 654): groups, split, and an uncaught group's boxes
def check(n):
    if n % 2:
        raise ValueError(n)
    raise TypeError(n)


def gather(ns):
    errors = []
    for n in ns:
        try:
            check(n)
        except Exception as e:
            errors.append(e)
    return ExceptionGroup("checks failed", errors)


eg = gather([1, 2, 3])
print(repr(eg), str(eg))
print(eg.message, eg.exceptions, isinstance(eg, Exception))
print(ExceptionGroup.__mro__)
print(type(BaseExceptionGroup("plain", [KeyError("k")])).__name__)
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions, match.__traceback__ is eg.__traceback__)
print(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))

try:
    raise eg
except* ValueError as values:
    print("values:", values.exceptions)
except* TypeError as types:
    print("types:", types.exceptions)

try:
    try:
        raise gather([1, 2])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as left:
    print("left over:", repr(left))

try:
    raise KeyError("naked")
except* KeyError as wrapped:
    print("wrapped:", repr(wrapped))

try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as t:
    print(t)

outer = ExceptionGroup("outer", [ZeroDivisionError("zero"), gather([4, 5])])
outer.add_note("nested groups print in boxes")
raise outer
