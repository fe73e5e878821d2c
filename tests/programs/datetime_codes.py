# datetime: the rarer strftime/strptime codes (%j %U %W %u %a %A %b %B %p %I %y %f %c %x %X
# %G %V %%) and their errors
from datetime import date, datetime, time


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


days = [datetime(2024, 1, 1, 0, 5, 9, 7), datetime(2023, 12, 31, 12, 0), datetime(2021, 1, 3, 23, 59, 59, 999999),
        datetime(2020, 2, 29, 13, 1), datetime(1999, 7, 4, 9, 30, 0, 120000), datetime(2026, 12, 31, 1)]
for d in days:
    print(d.strftime("%j|%U|%W|%u|%w|%a|%A|%b|%B|%p|%I|%y|%f|%%|%G|%V|%C|%e|%k|%l"))
    print(d.strftime("%c|%x|%X|%D|%T|%R|%r|%h"))
print(date(2024, 3, 5).strftime("%H:%M:%S.%f %p %I"), time(13, 7, 2, 5).strftime("%Y-%m-%d %j %a %U %f"))
print(time(0, 30).strftime("%I %p"), time(12, 30).strftime("%I %p"), time(23).strftime("%l%p"))
print(datetime(5, 1, 1).strftime("%Y|%y|%G"), datetime(999, 12, 31).strftime("%Y %C"))

for s, f in [("2024 10 1", "%Y %U %w"), ("2024 10 1", "%Y %W %w"), ("2024 0 3", "%Y %U %w"),
             ("2024 0 Sun", "%Y %W %a"), ("2023 52 Sunday", "%Y %U %A"), ("2024 53 1", "%Y %W %u"),
             ("2024 366", "%Y %j"), ("2023 366", "%Y %j"), ("2024-03-05 100", "%Y-%m-%d %j"),
             ("Tue Mar  5 14:07:09 2024", "%c"), ("03/05/24", "%x"), ("14:07:09", "%X"),
             ("2024 W10 2", "%G W%V %u"), ("2021 W53 Sun", "%G W%V %a"), ("2023 1 7", "%G %V %u"),
             ("12 am", "%I %p"), ("12 PM", "%I %p"), ("7pm", "%I%p"), ("12", "%I"), ("Feb 29", "%b %d"),
             ("99", "%y"), ("68", "%y"), ("69", "%y"), ("5 %", "%d %%"), ("MONDAY 1", "%A %d"),
             ("2024 5 0", "%Y %U %w"), ("10", "%U")]:
    attempt(repr(s) + " " + f, lambda: datetime.strptime(s, f))
for s, f in [("2024 10", "%G %V"), ("2024 W10 2 100", "%G W%V %u %j"), ("2024 10 1", "%Y %V %u"),
             ("10 1", "%V %u"), ("1", "%u"), ("8", "%u"), ("54 1", "%U %w"), ("2024", "%G"),
             ("Feb 30", "%b %d"), ("2023 Feb 29", "%Y %b %d"), ("0000", "%Y"), ("13", "%I"),
             ("x", "%Q"), ("x", "%"), ("2024 367", "%Y %j"), ("2024 000", "%Y %j")]:
    attempt(repr(s) + " " + f, lambda: datetime.strptime(s, f))
d = date(2024, 1, 1)
attempt("date.today(1)", lambda: date.today(1))
attempt("d.isoformat(1)", lambda: d.isoformat(1))
attempt("d.year = 1", lambda: setattr(d, "year", 1))
attempt("d.weekday(1)", lambda: d.weekday(1))
attempt("datetime.now(1, 2)", lambda: datetime.now(1, 2))
attempt("d.strftime()", lambda: d.strftime())
attempt("d.replace(1, 2, 3, 4)", lambda: d.replace(1, 2, 3, 4))
attempt("datetime.date(d)", lambda: datetime.date(d))
attempt("date.fromisoformat(1)", lambda: date.fromisoformat(1))
attempt("datetime.strptime(1, '')", lambda: datetime.strptime(1, ""))
