def divide(a, b):
    return a / b


exec("r = divide(1, 2)\nprint(r)\nz = divide(1, 0)")
