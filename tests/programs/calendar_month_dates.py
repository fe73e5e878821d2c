# A month's weeks as dates: Calendar.itermonthdates, monthdatescalendar, itermonthdays3 and
# itermonthdays4, the days before and after the month taken from its neighbours.
import calendar

cal = calendar.Calendar(firstweekday=calendar.SUNDAY)
for week in cal.monthdatescalendar(2024, 2):
    print(" ".join(f"{d.day:2}" if d.month == 2 else " ." for d in week))
leap_day = [d for d in calendar.Calendar().itermonthdates(2024, 2) if d.day == 29]
print(leap_day, leap_day[0].weekday())
print(list(cal.itermonthdays3(2023, 12))[-7:])
print(list(calendar.Calendar(3).itermonthdays4(2000, 1))[:4])
weekends = [d for d in calendar.Calendar().itermonthdates(2025, 3) if d.weekday() >= 5 and d.month == 3]
print(len(weekends), weekends[0], weekends[-1])
try:
    list(calendar.Calendar().itermonthdates(1, 1))
except ValueError as e:
    print("ValueError:", e)
