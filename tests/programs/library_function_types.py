# Functions CPython writes in Python are functions (bound: methods), whatever ours are written in
import collections
import dataclasses
import json
import random
import types

for f in [dataclasses.dataclass, collections.namedtuple, json.dumps, random.Random.randint]:
    print(type(f).__name__, isinstance(f, types.FunctionType), f.__name__, f.__qualname__, f.__module__)
bound = random.Random(1).randint
print(type(bound).__name__, isinstance(bound, types.MethodType), bound.__class__ is types.MethodType)
print(type(json.dumps) is types.FunctionType, type(len).__name__, isinstance(len, types.FunctionType))
