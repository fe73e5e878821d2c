# Traceback objects: what __exit__ receives and what an exception's __traceback__ holds.
def inner():
    raise ValueError("deep")


def outer():
    inner()


class Keep:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if tb is not None:
            print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_lineno)
            print(tb.tb_next.tb_next.tb_next, tb is exc.__traceback__)
        self.tb = tb
        return True


k = Keep()
with k:
    outer()
with Keep() as quiet:
    pass
print(quiet.tb, k.tb.tb_next.tb_next.tb_lineno)
try:
    outer()
except ValueError as e:
    first = e.__traceback__
    print(first.tb_lineno, first.tb_next.tb_lineno, first is e.__traceback__)
try:
    try:
        inner()
    except ValueError as e:
        before = e.__traceback__
        raise
except ValueError as e:
    after = e.__traceback__
    print(after is before, after.tb_lineno, before.tb_lineno)
try:
    first.tb_frame_missing
except AttributeError as e:
    print("AttributeError:", e)
print(ValueError("new").__traceback__)
