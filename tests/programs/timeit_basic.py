import time
import timeit

# a statement given as text: it runs number times, the result is seconds (a float)
print(type(timeit.timeit("sum(range(100))", number=1000)).__name__)

# setup runs once, before the clock starts
print(timeit.timeit("total += n", setup="total = 0; n = 3", number=50) >= 0)

# time.sleep moves the program's clock on: what it slept is measured
print(timeit.timeit("time.sleep(0.01)", setup="import time", number=3) >= 0.03)

# repeat: a list of repeat timings
print(len(timeit.repeat("x = [1, 2, 3]", repeat=4, number=100)))

# a Timer of one's own
timer = timeit.Timer("squares = [i * i for i in range(20)]")
print(timer.timeit(number=10) >= 0)
print(len(timer.repeat(repeat=2, number=5)))
print(timeit.Timer(stmt="pass").timeit(5) >= 0)

# autorange: 1, 2, 5, 10, ... runs until the total reaches 0.2 seconds
print(timeit.Timer("time.sleep(0.05)", "import time").autorange()[0])

# a timer of one's own: a clock that counts its calls
ticks = [0]


def fake_clock():
    ticks[0] += 1
    return ticks[0] * 0.5


print(timeit.timeit("pass", timer=fake_clock, number=10))

# a callable of the program's is called number times
calls = []


def work():
    calls.append(len(calls))


print(timeit.timeit(work, timer=fake_clock, number=3), calls)


# globals: the names the statement may use
def square(n):
    return n * n


print(timeit.timeit("square(7)", globals={"square": square}, timer=fake_clock, number=2))
print(timeit.default_timer is time.perf_counter)
print(timeit.default_number, timeit.default_repeat)

# errors
for stmt in (5, None):
    try:
        timeit.Timer(stmt)
    except ValueError as e:
        print("ValueError:", e)
try:
    timeit.Timer("pass", setup=3)
except ValueError as e:
    print("ValueError:", e)
try:
    timeit.timeit("x = ", number=1)
except SyntaxError as e:
    print("SyntaxError:", e.msg)
