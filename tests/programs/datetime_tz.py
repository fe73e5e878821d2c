# datetime with time zones: timezone, tzinfo subclasses, aware arithmetic and comparisons,
# astimezone, %z/%Z, isoformat and fromisoformat with offsets
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC
import datetime as dt_module


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


utc = timezone.utc
cet = timezone(timedelta(hours=1), "CET")
ist = timezone(timedelta(hours=5, minutes=30))
nst = timezone(-timedelta(hours=3, minutes=30))
odd = timezone(timedelta(hours=1, seconds=30, microseconds=5))
print(utc, repr(utc), UTC is utc, dt_module.UTC is utc, timezone.min, timezone.max)
print(cet, repr(cet), ist, repr(ist), nst, repr(nst), str(odd), repr(odd))
print(timezone(timedelta(0)), repr(timezone(timedelta(0))), timezone(timedelta(0)) is utc)
print(cet.utcoffset(None), cet.dst(None), cet.tzname(None), ist.tzname(None), utc.tzname(None))
print(cet == timezone(timedelta(hours=1)), cet == timezone(timedelta(hours=1), "X"), cet != ist)
print(hash(cet) == hash(timezone(timedelta(hours=1))), {utc: 1}[timezone(timedelta(0))])
print(isinstance(utc, tzinfo), issubclass(timezone, tzinfo), type(utc).__name__, type(utc))
print(timezone(timedelta(hours=-1)), timezone(timedelta(minutes=-1)), timezone(timedelta(hours=23, minutes=59)))

a = datetime(2024, 3, 10, 12, 30, tzinfo=utc)
b = datetime(2024, 3, 10, 13, 30, tzinfo=cet)
c = datetime(2024, 3, 10, 18, 0, 0, 250, tzinfo=ist)
print(a, b, c)
print(repr(a), repr(b), repr(c))
print(a.isoformat(), b.isoformat(" "), c.isoformat(timespec="minutes"), a.isoformat("T", "hours"))
print(a.tzinfo, b.tzinfo is cet, a.utcoffset(), b.utcoffset(), c.dst(), a.tzname(), b.tzname(), c.tzname())
print(a == b, a < c, c > a, a <= b, a != c, sorted([c, b, a]) == [a, b, c], hash(a) == hash(b))
print(b - a, c - a, a - c, repr(c - b), (a + timedelta(hours=5)).tzinfo, a - timedelta(days=1))
print(b.astimezone(utc), a.astimezone(cet), c.astimezone(nst), a.astimezone(ist).tzinfo is ist)
print(b.astimezone(cet) is b, repr(b.astimezone(cet)), a.replace(tzinfo=None), repr(a.replace(tzinfo=cet)))
print(a.timestamp(), b.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(86400.5, cet))
print(datetime.combine(date(2024, 1, 1), time(8, 0), cet), datetime.combine(date(2024, 1, 1), time(8, 0, tzinfo=ist)))
print(a.date(), a.time(), a.timetz(), repr(a.timetz()), a.ctime(), a.weekday())
print(datetime.now(utc).tzinfo is utc, datetime.now(cet).utcoffset(), abs(datetime.now(utc) - datetime.now(cet)) < timedelta(seconds=5))
print(a.strftime("%Y-%m-%d %H:%M:%S %z %Z"), b.strftime("%z|%Z"), c.strftime("[%z] [%Z]"), odd and datetime(2024, 1, 1, tzinfo=odd).strftime("%z %Z"))
print(datetime(2024, 1, 1).strftime("[%z][%Z]"), nst.tzname(None), datetime(2024, 1, 1, tzinfo=nst).strftime("%z"))
print(f"{b:%H:%M %Z}", format(c, "%z"), str(datetime(2024, 1, 1, tzinfo=odd)))

t = time(9, 30, tzinfo=cet)
print(t, repr(t), t.isoformat(), t.utcoffset(), t.tzname(), t.dst(), t.strftime("%H:%M %z %Z"))
print(time(9, 30, tzinfo=utc) == time(10, 30, tzinfo=cet), time(9, 30, tzinfo=utc) < time(11, 0, tzinfo=cet))
print(t.replace(tzinfo=None), repr(time(1, 2, 3, 4, tzinfo=utc)), time(1, tzinfo=ist).isoformat("microseconds"))
print(time.fromisoformat("10:30+01:00"), repr(time.fromisoformat("10:30:00Z")), time.fromisoformat("10:30-0530"))

# fromisoformat with offsets
for s in ["2024-03-10T12:30:00+00:00", "2024-03-10T12:30:00Z", "2024-03-10T12:30+05:30",
          "2024-03-10 12:30:45.123456-03:30", "2024-03-10T12:30:00+0100", "2024-03-10T12:30:00+01",
          "2024-03-10T12:30:00+01:00:30", "2024-03-10T12:30:00+01:00:30.000250", "20240310T1230-02"]:
    d = datetime.fromisoformat(s)
    print(s, "->", repr(d), d.isoformat(), d.utcoffset())
for s in ["2024-03-10T12:30:00+", "2024-03-10T12:30:00+1", "2024-03-10T12:30:00+25:00",
          "2024-03-10T12:30:00+01:00:", "2024-03-10T12:30:00z", "2024-03-10T12:30:00+01:60"]:
    attempt("fromisoformat " + s, lambda: datetime.fromisoformat(s))

# strptime %z and %Z
for s, f in [("2024-03-10 12:30 +0100", "%Y-%m-%d %H:%M %z"), ("12:30 -05:30", "%H:%M %z"),
             ("12:30 Z", "%H:%M %z"), ("12:30 +01:00:30", "%H:%M %z"), ("12:30 +0000", "%H:%M %z"),
             ("12:30 UTC", "%H:%M %Z"), ("12:30 gmt", "%H:%M %Z"), ("12:30 +0200 UTC", "%H:%M %z %Z"),
             ("12:30:15.5 -0000", "%H:%M:%S.%f %z")]:
    d = datetime.strptime(s, f)
    print(repr(s), "->", repr(d), d.tzinfo)
for s, f in [("12:30 +01", "%H:%M %z"), ("12:30 +1:00", "%H:%M %z"), ("12:30 XYZ1", "%H:%M %Z"),
             ("12:30 +01:0030", "%H:%M %z")]:
    attempt("strptime " + s, lambda: datetime.strptime(s, f))


# a learner's own tzinfo
class EST(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-5)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "EST"

    def __repr__(self):
        return "EST()"


class Plain(tzinfo):
    pass


est = EST()
e = datetime(2024, 1, 15, 7, 0, tzinfo=est)
print(e, repr(e), e.tzname(), e.utcoffset(), e.dst(), e.strftime("%H:%M %Z %z"), e.astimezone(utc))
print(e == datetime(2024, 1, 15, 12, 0, tzinfo=utc), e - datetime(2024, 1, 15, 12, 0, tzinfo=utc), utc.fromutc(a))
print(datetime(2024, 1, 15, 12, tzinfo=utc).astimezone(est), repr(est.fromutc(datetime(2024, 1, 15, 12, tzinfo=est))))
print(time(7, tzinfo=est), time(7, tzinfo=est).utcoffset(), isinstance(est, tzinfo))
p = datetime(2024, 1, 1, tzinfo=Plain())
attempt("Plain utcoffset", lambda: p.utcoffset())
attempt("Plain tzname", lambda: p.tzname())
attempt("Plain dst", lambda: p.dst())
attempt("Plain str", lambda: str(p))
attempt("Plain repr", lambda: repr(p).split(" object")[0])
attempt("tzinfo().utcoffset", lambda: tzinfo().utcoffset(None))
attempt("tzinfo().fromutc(1)", lambda: tzinfo().fromutc(1))
attempt("utc.fromutc naive", lambda: utc.fromutc(datetime(2024, 1, 1)))
attempt("utc.fromutc other", lambda: utc.fromutc(datetime(2024, 1, 1, tzinfo=cet)))
attempt("est.fromutc other", lambda: est.fromutc(datetime(2024, 1, 1, tzinfo=cet)))


class Bad(tzinfo):
    def __init__(self, v):
        self.v = v

    def utcoffset(self, dt):
        return self.v

    def tzname(self, dt):
        return self.v

    def dst(self, dt):
        return self.v


for v in [1, timedelta(hours=24), timedelta(hours=-25), timedelta(microseconds=1), None, "x"]:
    bd = datetime(2024, 1, 1, tzinfo=Bad(v))
    attempt("Bad(%r).utcoffset" % (v,), lambda: bd.utcoffset())
    attempt("Bad(%r).tzname" % (v,), lambda: bd.tzname())
    attempt("Bad(%r).isoformat" % (v,), lambda: bd.isoformat())
    attempt("Bad(%r) %%z" % (v,), lambda: bd.strftime("%z"))

# naive against aware
n = datetime(2024, 3, 10, 12, 30)
attempt("naive == aware", lambda: n == a)
attempt("naive != aware", lambda: n != a)
attempt("naive < aware", lambda: n < a)
attempt("aware >= naive", lambda: a >= n)
attempt("naive - aware", lambda: n - a)
attempt("aware - naive", lambda: a - n)
attempt("time naive < aware", lambda: time(1) < time(1, tzinfo=utc))
attempt("time naive == aware", lambda: time(1) == time(1, tzinfo=utc))
attempt("aware + aware", lambda: a + b)
attempt("naive.utcoffset()", lambda: n.utcoffset())
attempt("naive.tzname()", lambda: n.tzname())
attempt("naive.astimezone(utc) type", lambda: type(n.astimezone(utc)).__name__)

# errors
attempt("timezone(1)", lambda: timezone(1))
attempt("timezone(24h)", lambda: timezone(timedelta(hours=24)))
attempt("timezone(-24h)", lambda: timezone(-timedelta(hours=24)))
attempt("timezone(td, 1)", lambda: timezone(timedelta(0), 1))
attempt("timezone()", lambda: timezone())
attempt("timezone sub", lambda: type("T", (timezone,), {}))
attempt("datetime(tzinfo=1)", lambda: datetime(2024, 1, 1, tzinfo=1))
attempt("time(tzinfo='x')", lambda: time(1, tzinfo="x"))
attempt("replace(tzinfo=1)", lambda: a.replace(tzinfo=1))
attempt("astimezone(1)", lambda: a.astimezone(1))
attempt("utc.utcoffset(1)", lambda: utc.utcoffset(1))
attempt("utc.tzname(1)", lambda: utc.tzname(1))
attempt("utc.dst(date)", lambda: utc.dst(date(2024, 1, 1)))
attempt("now(tz=1)", lambda: datetime.now(1))
attempt("fromtimestamp(tz=1)", lambda: datetime.fromtimestamp(0, 1))
attempt("combine(tzinfo=1)", lambda: datetime.combine(date(2024, 1, 1), time(1), 1))
attempt("utc.x = 1", lambda: setattr(utc, "x", 1))
attempt("tzinfo()", lambda: type(tzinfo()).__name__)
