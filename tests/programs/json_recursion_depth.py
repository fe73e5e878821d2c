# json.dumps nests as deep as CPython's encoders before RecursionError (each container is a
# level, on top of dumps' own frames), and a cycle is found unless check_circular=False.
import json
import sys


def nest(n, make):
    a = []
    for i in range(n):
        a = make(a)
    return a


sys.setrecursionlimit(40)
for options in ({}, {"indent": 1}, {"sort_keys": True}):
    for name, make in (("lists", lambda a: [a]), ("dicts", lambda a: {"k": a}),
                       ("mixed", lambda a: [{"k": a}]), ("tuples", lambda a: (a,))):
        value, depth = [], 0
        while True:
            try:
                text = json.dumps(value, **options)
            except RecursionError as e:
                print(options, name, depth - 1, "levels;", len(text), "characters;", e)
                break
            value, depth = make(value), depth + 1


class Box:
    def __init__(self, inner):
        self.inner = inner


def unbox(o):
    return [o.inner]


boxes = None
for i in range(12):
    boxes = Box(boxes)
print(len(json.dumps(boxes, default=unbox)))
boxes = Box(nest(40, lambda a: [a]))
try:
    json.dumps(boxes, default=unbox)
except RecursionError as e:
    print("default:", e)
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
try:
    json.dumps(loop, check_circular=False)
except RecursionError as e:
    print("check_circular=False:", e)
print(json.dumps(nest(3, lambda a: [a, {}]), indent=2))
for opener, closer in (("[", "]"), ('{"k": ', "}"), ('[{"k": ', "}]")):
    depth = 1
    while True:
        try:
            json.loads(opener * depth + "1" + closer * depth)
        except RecursionError as e:
            print("loads", opener, depth - 1, "levels;", e)
            break
        depth += 1
