# enum.Flag: members combine with | & ^ ~; combinations are cached pseudo-members
from enum import Flag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(list(Perm), len(Perm), Perm.RW, repr(Perm.RW))
mode = Perm.R | Perm.X
print(mode, repr(mode), mode.name, mode.value, list(mode), len(mode))
print(Perm(3) is Perm.RW, (Perm.R | Perm.W) is Perm.RW, Perm(5) is mode)
print(repr(Perm(7)), repr(Perm(0)), str(Perm(0)), Perm(0).name, bool(Perm(0)), bool(Perm.R))
print(repr(~Perm.R), repr(~Perm(7)), repr(~Perm(0)), repr(Perm.RW & Perm.R), repr(Perm.RW ^ Perm.R))
print(Perm.R in Perm.RW, Perm.X in Perm.RW, list(Perm(0)))
print(vars(Perm.R))
print(vars(Perm(5)))
print(Perm._member_names_, Perm._flag_mask_, Perm._all_bits_)
print(repr(Perm(-1)), f"{Perm.R | Perm.W}", format(mode))
print(Perm._value2member_map_)


class Access(Flag):
    READ = 4
    WRITE = 2
    EXECUTE = 1
    ALL = 7


print(list(Access), repr(Access.READ | Access.EXECUTE), list(Access.ALL), repr(Access(6)))


class Odd(Flag):
    A = 1
    B = 6


print(list(Odd), repr(Odd(2)), repr(Odd.B), repr(~Odd.A))


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("Perm(8)", lambda: Perm(8))
attempt("Perm(-9)", lambda: Perm(-9))
attempt("Perm(100)", lambda: Perm(100))
attempt("Perm('a')", lambda: Perm("a"))
attempt("Perm.R | 1", lambda: Perm.R | 1)
attempt("1 | Perm.R", lambda: 1 | Perm.R)
attempt("1 in Perm.RW", lambda: 1 in Perm.RW)
attempt("Perm.R | Access.READ", lambda: Perm.R | Access.READ)
