import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap

words = "the cat sat on the mat and the dog sat on the log with the cat".split()
c = Counter(words)
pprint.pprint(c, width=40)
d = defaultdict(list)
for w in words:
    d[len(w)].append(w)
pprint.pprint(d, width=40)
od = OrderedDict((w, len(w)) for w in ["zebra", "apple", "mango", "kiwi", "banana", "cherry"])
pprint.pprint(od, width=40)
dq = deque(range(30))
pprint.pprint(dq, width=40)
dq2 = deque(range(30), maxlen=25)
pprint.pprint(dq2, width=40)
cm = ChainMap({"a": 1, "b": [1, 2, 3, 4, 5, 6, 7, 8]}, {"c": 3, "d": "four" * 5})
pprint.pprint(cm, width=30)
pprint.pprint(Counter(), width=10)
pprint.pprint(deque(), width=10)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

pprint.pprint([Point(i, -i) for i in range(8)], width=40)
pprint.pprint({"origin": Point(0, 0), "points": [Point(1, 2), Point(3, 4)]}, width=30)
class MyDict(dict):
    pass
pprint.pprint(MyDict(a=1, b=[1] * 30), width=40)
pprint.pprint({"b": 1, "a": 2, 3: "c"}, width=10)
pprint.pprint({2: "b", 1: "a", 1.5: "x"}, width=10)
