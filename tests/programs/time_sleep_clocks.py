# time.sleep() in Heapscope returns at once but moves the program's clocks on,
# so what a program measures around a sleep is what it slept
import time
import datetime

start = time.time()
tick = time.monotonic()
perf = time.perf_counter()
now = datetime.datetime.now()
time.sleep(0.3)
time.sleep(1 // 4)
print(round(time.time() - start, 1), round(time.monotonic() - tick, 1))
print(round(time.perf_counter() - perf, 1))
print(round((datetime.datetime.now() - now).total_seconds(), 1))

for length in [-1, -0.5, float("nan"), 2**63, 10**10, "1"]:
    try:
        time.sleep(length)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
