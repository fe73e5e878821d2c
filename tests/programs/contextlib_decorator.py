from contextlib import ContextDecorator
import contextlib

class track(ContextDecorator):
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print("enter", self.label)
        return self
    def __exit__(self, *exc):
        print("exit", self.label, exc[0].__name__ if exc[0] else None)
        return False

@track("work")
def work(x, y=2):
    """Do some work."""
    print("working", x, y)
    return x * y

print(work(3), work(4, y=5))
print(work.__name__, work.__doc__)
with track("block"):
    print("inside")

class quiet(ContextDecorator):
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is ValueError:
            print("suppressed", ev)
            return True

@quiet()
def fails():
    raise ValueError("boom")

print(fails())

@track("err")
def bad():
    return 1 / 0

try:
    bad()
except ZeroDivisionError as e:
    print("caught", e)
print(issubclass(track, contextlib.ContextDecorator))
