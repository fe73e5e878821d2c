# Classes derived from date, datetime, time and timedelta: extra methods and attributes,
# __new__ overrides, which operations give the class and which the built-in type.
import copy
from datetime import date, datetime, time, timedelta, timezone


class Birthday(date):
    def __new__(cls, year, month, day, name="someone"):
        self = super().__new__(cls, year, month, day)
        self.name = name
        return self

    def age_on(self, day):
        years = day.year - self.year
        if (day.month, day.day) < (self.month, self.day):
            years -= 1
        return years

    def __str__(self):
        return f"{self.name}: {self.isoformat()}"


ada = Birthday(1815, 12, 10, "Ada")
print(ada, repr(ada), ada.name)
print(ada.age_on(date(1852, 11, 27)))
print(isinstance(ada, date), type(ada).__mro__)
later = ada + timedelta(days=365)
print(type(later).__name__, repr(later), later.name)
print(type(ada - date(1815, 1, 1)).__name__, ada - date(1815, 1, 1))
print(type(ada.replace(year=1816)).__name__, ada.replace(year=1816).__dict__)
print(ada == date(1815, 12, 10), hash(ada) == hash(date(1815, 12, 10)))
print(ada < date(1900, 1, 1), sorted([date(1900, 1, 1), ada, date(1800, 1, 1)]))


class Day(date):
    def is_weekend(self):
        return self.weekday() >= 5


d = Day.fromisoformat("2024-03-09")
print(repr(d), d.is_weekend(), repr(Day.fromordinal(738000)), repr(Day.fromisocalendar(2024, 1, 1)))
print(repr(d + timedelta(1)), (d + timedelta(1)).is_weekend(), repr(timedelta(2) + d))
d.note = "party"
print(d.__dict__, repr(copy.copy(d)), copy.deepcopy(d).__dict__)
try:
    d.year = 2000
except AttributeError as e:
    print("AttributeError:", e)


class Stamp(datetime):
    def hhmm(self):
        return f"{self.hour:02}:{self.minute:02}"


s = Stamp(2024, 5, 17, 9, 30)
print(repr(s), s.hhmm(), str(s))
print(repr(s + timedelta(hours=5)), (s - timedelta(minutes=45)).hhmm())
print(repr(s.replace(minute=0)), repr(s.date()), repr(s.time()))
print(repr(Stamp.combine(date(2020, 2, 29), time(23, 59))))
print(repr(Stamp.strptime("2021-07-04 12:00", "%Y-%m-%d %H:%M")))
print(repr(Stamp.fromisoformat("2022-01-01T10:20:30")))
print(repr(Stamp.fromtimestamp(0, timezone.utc)))
aware = s.replace(tzinfo=timezone.utc)
print(repr(aware.astimezone(timezone(timedelta(hours=2)))))
print(s - Stamp(2024, 5, 17), s == datetime(2024, 5, 17, 9, 30))
print(s.__reduce__())


class Alarm(time):
    def label(self):
        return "morning" if self.hour < 12 else "evening"


a = Alarm(7, 15)
print(repr(a), a.label(), str(a), repr(a.replace(hour=19)), a.replace(hour=19).label())
print(repr(Alarm.fromisoformat("06:45:00")), a == time(7, 15), a < time(8))


class Span(timedelta):
    def hours(self):
        return self.total_seconds() / 3600


w = Span(days=1, hours=6)
print(repr(w), str(w), w.hours())
print(type(w + w).__name__, type(w * 2).__name__, type(-w).__name__, type(abs(w)).__name__)
print(repr(copy.copy(w)), w == timedelta(hours=30))


class Logged(date):
    def __new__(cls, *args):
        print("  new", cls.__name__, args)
        return super().__new__(cls, *args)


g = Logged(2000, 1, 31)
print(repr(g + timedelta(1)))
print(repr(g.replace(day=1)))
print(repr(Logged.fromordinal(1)))
try:
    date.__new__(Stamp, 2000, 1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    datetime.__new__(Day, 2000, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(date(b"\x07\xd0\x01\x02"), datetime(b"\x07\xd0\x01\x02\x03\x04\x05\x00\x00\x06"))
print(date(2000, 1, 2).__reduce__(), timedelta(1, 2, 3).__reduce__(), time(1, 2).__reduce__())


class Shifted(date):
    def __add__(self, other):
        result = super().__add__(other)
        print("  added", type(result).__name__)
        return result


print(repr(Shifted(2000, 1, 1) + timedelta(3)), date.__add__, date.year)
