# A timedelta's normalised days are taken as a C int first (CPython's
# microseconds_to_delta_ex), so past 2**31 - 1 days the error is the int conversion's,
# and within it the magnitude check's.
from datetime import timedelta

for days in (999999999, 10**9, 2**31 - 1, 2**31, 10**10, -(2**31), -(2**31) - 1):
    try:
        print(timedelta(days=days).days)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    print(timedelta(days=999999999) * 10)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(timedelta(seconds=10**15))
except OverflowError as e:
    print("OverflowError:", e)
