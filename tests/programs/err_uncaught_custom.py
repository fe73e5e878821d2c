# An exception raised explicitly and not caught.
def check(age):
    if age < 0:
        raise ValueError("age must be >= 0, got " + str(age))
    return age
print(check(3))
check(-1)
