# time: struct_time, gmtime/localtime (the suite runs under TZ=UTC), mktime, strftime,
# strptime, asctime, ctime, the zone names; datetime timetuple() and utctimetuple().
import time, sys, datetime
print(time.struct_time, type(time.gmtime(0)).__name__, time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
t = time.gmtime(1234567890)
print(t)
print(t.tm_year, t.tm_zone, t.tm_gmtoff, t[0], t[-1], t[2:5], len(t), list(t), tuple(t) == t, t == tuple(t))
y, m, d, *rest = t
print(y, m, d, rest)
try:
    t.tm_year = 5
except AttributeError as e:
    print(e)
try:
    t.foo
except AttributeError as e:
    print(e)
try:
    sys.version_info.foo
except AttributeError as e:
    print(e)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %U %W %w %%", t))
print(time.strftime("%c | %x | %X", t))
print(time.asctime(t), time.ctime(1234567890), time.ctime(0))
print(time.mktime(t), time.mktime(time.localtime(1e9)))
print(time.localtime(1e9))
print(time.timezone, time.altzone, time.daylight, time.tzname)
s = time.struct_time((2020, 5, 17, 10, 30, 0, 6, 138, -1))
print(s, s.tm_zone, s.tm_gmtoff)
print(time.strftime("%d/%m/%Y", s))
print(time.strptime("2024-03-05 14:07", "%Y-%m-%d %H:%M"))
print(time.strptime("Tue Mar  5 14:07:00 2024"))
print(time.strptime("+0130", "%z").tm_gmtoff)
print(datetime.date(2020, 2, 29).timetuple())
print(datetime.datetime(2021, 12, 31, 23, 59, 58).timetuple())
print(datetime.datetime(2021, 12, 31, 23, 59, 58, tzinfo=datetime.timezone.utc).timetuple())
print(datetime.datetime(2021, 12, 31, 23, 59, 58, tzinfo=datetime.timezone(datetime.timedelta(hours=5))).utctimetuple())
print(datetime.datetime(2021, 1, 1).timetuple().tm_yday, datetime.date(2021,12,31).timetuple().tm_yday)
print(datetime.date.fromtimestamp(86400 * 365), datetime.datetime.utcfromtimestamp(1e9))
print(time.gmtime(1e9) == datetime.datetime.utcfromtimestamp(1e9).utctimetuple())
print(time.mktime(datetime.datetime(2000, 1, 1).timetuple()))
print(isinstance(time.time_ns(), int), isinstance(time.perf_counter_ns(), int), isinstance(time.monotonic_ns(), int))
for bad in [lambda: time.gmtime("x"), lambda: time.gmtime(float("nan")), lambda: time.gmtime(1e30),
            lambda: time.mktime((1, 2, 3)), lambda: time.mktime([1]*9), lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0)), lambda: time.struct_time((1, 2)),
            lambda: time.struct_time(range(12)), lambda: time.struct_time(5), lambda: time.strftime(5),
            lambda: time.asctime((2020, 1, 1)), lambda: time.strptime("x", "%Y"), lambda: time.strptime(5),
            lambda: time.gmtime(1, 2), lambda: time.mktime(), lambda: time.mktime((2**31,1,1,0,0,0,0,1,0)),
            lambda: time.gmtime(1e17), lambda: datetime.date(2020,1,1).timetuple(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(time.struct_time((1,2,3,4,5,6,7,8,9,'X',3600)).tm_zone, time.strftime('%Z %z', time.struct_time((2020,1,1,4,5,6,7,8,0,'XYZ',3600))))
print(time.process_time() >= 0, isinstance(time.thread_time_ns(), int), time.thread_time() >= 0)
try:
    time.time(1)
except TypeError as e:
    print(e)
