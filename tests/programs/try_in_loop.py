# try inside loops with continue/break, and loops inside handlers.
data = ["1", "x", "3", None, "5"]
total = 0
for item in data:
    try:
        total += int(item)
    except ValueError:
        print("skip bad", repr(item))
        continue
    except TypeError:
        print("stop at", item)
        break
    finally:
        print("checked", repr(item))
print("total", total)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry") if False else RuntimeError("retry " + str(attempts))
        print("succeeded after", attempts)
        break
    except RuntimeError as e:
        print(e)
try:
    raise KeyError("k")
except KeyError:
    for i in range(2):
        print("handling", i)
print("done")
