class A:
    x = 1

@dec
