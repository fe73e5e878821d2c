# Integer modulo and floor division by zero.
def remainder(a, b):
    return a % b
print(remainder(7, 3))
print(remainder(7, 0))
