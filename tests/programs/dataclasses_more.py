# dataclasses: kw_only and KW_ONLY, InitVar with __post_init__, ClassVar, field(init=False), match_args
from dataclasses import KW_ONLY, InitVar, asdict, dataclass, field, fields, replace
from typing import ClassVar


@dataclass
class Account:
    owner: str
    password: InitVar[str] = "secret"
    count: ClassVar[int] = 0
    _: KW_ONLY
    balance: float = 0.0
    currency: str
    history: list = field(default_factory=list, repr=False)
    checksum: int = field(init=False)

    def __post_init__(self, password):
        Account.count += 1
        self.checksum = len(password) * 7


a = Account("ada", "hunter2", currency="EUR")
b = Account("bob", currency="USD", balance=10.5)
print(a, b, Account.count, a.checksum, b.checksum)
print([f.name for f in fields(a)], [f.kw_only for f in fields(Account)])
print(Account.__match_args__, list(Account.__dataclass_fields__), Account.password, Account.count)
print(Account.__dataclass_fields__["password"].type, InitVar[int], InitVar[list], type(InitVar[int]).__name__)
print(asdict(a), a == Account("ada", "hunter2", currency="EUR"), hasattr(a, "password"))
c = replace(a, currency="GBP")
print(c, c.checksum, Account.count)
d = replace(a, password="xy", balance=1.0)
print(d, d.checksum)


@dataclass(kw_only=True)
class Point:
    x: int
    y: int = 0
    label: str = field(default="p", kw_only=False)


p = Point(x=1)
print(p, Point("q", x=2, y=3), Point.__match_args__, [f.kw_only for f in fields(Point)])


@dataclass
class Mixed:
    a: int = field(kw_only=True)
    b: int
    c: int = 5


print(Mixed(1, a=2), Mixed(b=3, a=4, c=6), Mixed.__match_args__)

match Mixed(7, a=8):
    case Mixed(b, c):
        print("matched", b, c)


@dataclass
class Temperature:
    celsius: float
    scale: InitVar[float]

    def __post_init__(self, scale):
        self.celsius *= scale


print(Temperature(20, 1.5))


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("missing kw", lambda: Account("x"))
attempt("missing pos", lambda: Account(currency="x"))
attempt("too many", lambda: Account("x", "pw", "extra"))
attempt("kw_only positional", lambda: Point(1))
attempt("missing both", lambda: Point())
attempt("unexpected", lambda: Point(x=1, z=2))
attempt("init=False", lambda: Account("x", currency="y", checksum=1))
attempt("replace initvar", lambda: replace(Temperature(1, 2), celsius=3))
attempt("replace init=False", lambda: replace(a, checksum=3))
attempt("Mixed()", lambda: Mixed())
