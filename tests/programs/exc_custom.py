# User-defined exception classes and hierarchies.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing key: " + key)
        self.key = key


class Invalid(AppError):
    def __init__(self, value, reason):
        self.value = value
        self.reason = reason

    def __str__(self):
        return f"{self.value!r} is invalid ({self.reason})"


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    lookup({}, "a")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise Invalid(-3, "negative")
except NotFound:
    print("wrong handler")
except Invalid as e:
    print(e, e.value, e.args)
print(repr(NotFound("x")), issubclass(NotFound, AppError), issubclass(AppError, NotFound))
e = AppError("a", 1)
print(e, e.args, repr(e))
