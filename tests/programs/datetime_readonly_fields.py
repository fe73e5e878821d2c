# A learner tries to "fix" a duration and a date in place: their fields are read-only.
from datetime import date, datetime, time, timedelta


class Duration(timedelta):
    def hours(self):
        return self.days * 24 + self.seconds // 3600


trip = Duration(days=2, hours=5)
print(trip, trip.hours())
try:
    trip.days = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del trip.seconds
except AttributeError as e:
    print("AttributeError:", e)
trip.label = "holiday"          # a derived class's instance still takes new attributes
print(trip.label, trip.days, vars(trip))

plain = timedelta(minutes=90)
for name in ("days", "seconds", "microseconds", "extra"):
    try:
        setattr(plain, name, 1)
    except AttributeError as e:
        print(name, "->", e)
print(timedelta.days, timedelta.seconds, timedelta.microseconds)


class Birthday(date):
    pass


b = Birthday(2000, 2, 29)
for name in ("year", "month", "day"):
    try:
        setattr(b, name, 1)
    except AttributeError as e:
        print(name, "->", e)


class Meeting(datetime):
    pass


m = Meeting(2024, 5, 1, 9, 30)
for name in ("hour", "minute", "tzinfo"):
    try:
        delattr(m, name)
    except AttributeError as e:
        print(name, "->", e)
alarm = time(7, 15)
try:
    alarm.hour = 8
except AttributeError as e:
    print("AttributeError:", e)
print(trip + plain, b, m, alarm)
trip.days = 10
