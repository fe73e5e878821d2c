# A bare raise re-raises the exception being handled, keeping its traceback.
def risky(n):
    return 10 // n


def wrapper(n):
    try:
        return risky(n)
    except ZeroDivisionError:
        print("logging the error, then re-raising")
        raise


print(wrapper(2))
wrapper(0)
