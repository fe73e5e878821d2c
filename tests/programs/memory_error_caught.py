# A MemoryError a program catches is its own object, as CPython's fresh instance: its name
# holds it, nothing else does, and a second one is another object.
try:
    x = [0] * 10**12
except MemoryError as e:
    caught = e
    print(type(caught).__name__, caught.args)
try:
    y = 'ab' * 10**12
except MemoryError as e:
    second = e
print(caught is second)
errors = [caught, second]
del caught, second
print(len(errors), all(isinstance(e, MemoryError) for e in errors))
