import calendar

print(calendar.isleap(2024), calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2023))
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900), calendar.leapdays(-5, 5))
print(calendar.weekday(2024, 2, 29), calendar.weekday(1970, 1, 1), calendar.weekday(12000, 6, 1),
      calendar.weekday(-3, 3, 3), calendar.weekday(1, 1, 1))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(2000, 12))
print(calendar.monthcalendar(2024, 2))
print(calendar.month_name[1], calendar.month_abbr[12], calendar.day_name[0], calendar.day_abbr[6])
print(list(calendar.month_name), list(calendar.day_abbr), len(calendar.month_abbr))
print(calendar.month_name[1:4], calendar.day_name[-1])
print(calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February, calendar.mdays)
print(calendar.firstweekday(), calendar.EPOCH)
print(calendar.month(2024, 2))
print(repr(calendar.month(2024, 9, 3, 2)))
calendar.prmonth(2023, 12)
calendar.prmonth(2021, 2, w=4)
print(calendar.calendar(2024))
print(calendar.calendar(2023, 3, 1, 4, 4))
print(calendar.calendar(2025, m=2, c=2, w=2))
calendar.prcal(2026, m=6)
print(calendar.weekheader(2), '|', calendar.weekheader(9), '|', calendar.weekheader(1))
print(repr(calendar.week([(0, 0), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)], 3)))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday())
print(calendar.month(2024, 3))
print(calendar.monthcalendar(2024, 3))
calendar.setfirstweekday(0)

tc = calendar.TextCalendar(firstweekday=6)
print(tc.firstweekday, tc.getfirstweekday(), type(tc).__name__, calendar.TextCalendar.__mro__)
print(tc.formatmonth(2024, 1))
print(repr(tc.formatmonthname(2024, 5, 20)), repr(tc.formatmonthname(2024, 5, 20, False)))
print(repr(tc.formatweekday(0, 2)), repr(tc.formatweekday(3, 12)), repr(tc.formatday(7, 0, 4)),
      repr(tc.formatday(0, 0, 3)))
print(repr(tc.formatweekheader(3)))
print(list(tc.iterweekdays()), list(tc.itermonthdays(2024, 2)))
print(list(tc.itermonthdays2(2024, 4))[:9])
print(tc.monthdays2calendar(2024, 6)[0])
print(len(tc.yeardayscalendar(2024)), len(tc.yeardayscalendar(2024, 4)[0]),
      tc.yeardayscalendar(2024, 5)[2][1][0])
tc.setfirstweekday(2)
print(tc.firstweekday, tc.formatweekheader(2))
tc.firstweekday = 9
print(tc.getfirstweekday(), tc._firstweekday)
tc.prmonth(2024, 11)
tc.pryear(2024, 2, 1, 6, 3)
plain = calendar.Calendar()
print(plain.monthdayscalendar(2024, 7)[-1], isinstance(tc, calendar.Calendar))


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ':', e)


attempt(calendar.monthrange, 2024, 13)
attempt(calendar.monthrange, 2024, 0)
attempt(calendar.monthcalendar, 2024, 13)
attempt(calendar.setfirstweekday, 7)
attempt(calendar.setfirstweekday, -1)
attempt(calendar.weekday, 2024, 13, 1)
attempt(calendar.weekday, 2023, 2, 29)
attempt(calendar.weekday, 2024, 2)
attempt(calendar.isleap)
attempt(calendar.month, 2024)
attempt(calendar.month, 2024, 14)
attempt(lambda: calendar.month_name[13])
print(issubclass(calendar.IllegalMonthError, ValueError), calendar.error is ValueError)
try:
    calendar.monthrange(2024, 20)
except ValueError as e:
    print(type(e).__name__, e)
