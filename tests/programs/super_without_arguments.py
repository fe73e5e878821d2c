# super() with no arguments: CPython checks the first argument before the __class__ cell.
def no_params():
    return super()


def star_only(*args):
    return super()


def kw_only(*, k=1):
    return super()


def plain(x):
    return super()


class A:
    @staticmethod
    def s():
        return super()

    def m(self):
        def inner():
            return super()
        return inner()

    def deleted(self):
        del self
        return super()


for f in (no_params, star_only, kw_only, lambda: plain(1), A.s, A().m, A().deleted,
          lambda: (lambda: super())()):
    try:
        f()
    except RuntimeError as e:
        print(type(e).__name__, e)
