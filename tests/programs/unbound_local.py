# UnboundLocalError when a local is read before assignment, also in closures.
count = 10


def bad_increment():
    count += 1
    return count


try:
    bad_increment()
except UnboundLocalError as e:
    print(e)


def outer():
    def inner():
        return x

    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    x = 5
    return inner()


print(outer())
bad_increment()
