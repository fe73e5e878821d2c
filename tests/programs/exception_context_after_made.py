class E(Exception):
    pass
def f():
    err = E("made first")
    try:
        1 / 0
    except ZeroDivisionError:
        raise err
try:
    f()
except E as e:
    print(repr(e.__context__))
