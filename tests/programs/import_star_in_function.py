print("never printed")


def f():
    from random import *
    return randint(1, 2)
