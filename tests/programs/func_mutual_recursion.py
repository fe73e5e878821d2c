# Two functions calling each other.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(10), is_odd(7), is_even(3))
def ping(n):
    if n > 0:
        print("ping", n)
        pong(n - 1)
def pong(n):
    if n > 0:
        print("pong", n)
        ping(n - 1)
ping(4)
