# A learner explores what dates, times and durations can do with dir().
from datetime import date, datetime, time, timedelta, timezone, tzinfo

today = date(2024, 3, 15)
print("date:", sorted(set(dir(today)) - set(dir(object))))
print("datetime only:", sorted(set(dir(datetime)) - set(dir(date))))
print("timedelta:", dir(timedelta))
print("time:", sorted(set(dir(time)) - set(dir(object))))
print("timezone:", dir(timezone))
print("tzinfo:", dir(tzinfo))
print(dir(timedelta(days=1)) == dir(timedelta))
print("__add__" in dir(date), "__mul__" in dir(date), "__mul__" in dir(timedelta))


class Deadline(date):
    def days_left(self, now):
        return (self - now).days


d = Deadline(2024, 4, 1)
print(sorted(set(dir(d)) - set(dir(date))))
print(d.days_left(today))

# the methods datetime has of its own
stamp = datetime(2024, 3, 15, 9, 30)
print(stamp.isoformat(), stamp.ctime(), stamp.replace(minute=0))
print(datetime.isoformat, date.isoformat)
print(datetime.fromisoformat("2024-03-15T09:30:00") == stamp)
print(divmod(timedelta(hours=5), timedelta(hours=2)))
print(timedelta(hours=2).__rdivmod__(timedelta(hours=5)), timedelta(1).__rdivmod__(3))
print(timezone(timedelta(hours=1), "CET").__getinitargs__(), timezone.utc.__getinitargs__())
try:
    date.nope
except AttributeError as e:
    print(e)
try:
    timedelta.nope = 1
except TypeError as e:
    print(e)
print(today.isoweekday, today * 2)
