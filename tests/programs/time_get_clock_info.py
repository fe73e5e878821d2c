import time
import types

for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable)
    print(type(info) is types.SimpleNamespace, type(info.resolution).__name__,
          0 < info.resolution < 1, sorted(vars(info)))
for args in ((), ('x',), (1,), ('time', 'x')):
    try:
        time.get_clock_info(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    time.get_clock_info(name='time')
except TypeError as e:
    print(e)
