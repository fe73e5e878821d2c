# bytes(x) calls x.__bytes__ first (before __index__, which bytearray() uses), and returns
# what it returns when that is bytes: the same object.
class B:
    def __bytes__(self):
        return b"ab"

    def __index__(self):
        return 3


K = b"xyz"


class C:
    def __bytes__(self):
        return K


class D:
    def __bytes__(self):
        return bytearray(b"no")


class R:
    def __bytes__(self):
        raise ValueError("no bytes")


print(bytes(B()), bytearray(B()), bytes(C()) is K, bytes(C()))
for bad in [lambda: bytes(D()), lambda: bytes(B(), "ascii"), lambda: bytes(R())]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bytes(memoryview(b"mv")), bytes([1, 2]), bytes(2), bytes(b"same") == b"same")
