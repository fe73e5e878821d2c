# deque.maxlen is a read-only getset descriptor as CPython's, so dir() of a deque is
# CPython's.
from collections import deque

d = deque([1, 2], 3)
print(d.maxlen, deque().maxlen, deque.maxlen, type(deque.maxlen).__name__)
print(deque.maxlen.__get__(d), deque.maxlen.__name__)
for action in ["set", "del"]:
    try:
        if action == "set":
            d.maxlen = 4
        else:
            del d.maxlen
    except AttributeError as e:
        print("AttributeError:", e)
print(dir(deque))
print(dir(d) == dir(deque), "maxlen" in dir(d))


class Window(deque):
    maxlen = "mine"


print(Window([1]).maxlen, deque.maxlen.__get__(Window([1], 2)))
