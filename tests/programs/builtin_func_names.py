# A built-in function's and a built-in method's __name__ and __qualname__.
import math
from collections import deque


class Stack(list):
    pass


print(len.__name__, len.__qualname__, print.__qualname__, sorted.__name__)
print(math.sqrt.__name__, math.sqrt.__qualname__)
print([].append.__name__, [].append.__qualname__, {}.get.__qualname__, "".join.__qualname__)
print(Stack().append.__qualname__, dict.fromkeys.__qualname__, deque().popleft.__qualname__)
print(list.append.__name__, list.append.__qualname__, str.upper.__qualname__)
print(int.__add__.__name__, int.__add__.__qualname__, (1).__add__.__qualname__)
print(list.append.__objclass__, [1].append.__self__)
names = [f.__name__ for f in (len, abs, max, min, sum)]
print(names)
