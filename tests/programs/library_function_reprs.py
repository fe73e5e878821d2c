# Functions CPython writes in Python print as functions and bound methods, those it writes in
# C as built-ins; a library class names its module (the address is left out: it differs from
# run to run)
from dataclasses import dataclass, field, replace
from functools import lru_cache, reduce, total_ordering
from collections import namedtuple, Counter
from typing import NamedTuple, cast
from random import randint, choice, random
from pprint import PrettyPrinter
import copy
import json
import math


def shown(f):
    return repr(f).split(" at ")[0]


for f in [dataclass, field, replace, lru_cache, total_ordering, namedtuple, NamedTuple, cast,
          copy.deepcopy, json.dumps, reduce, math.sqrt, len]:
    print(shown(f), f.__name__, f.__module__)
for m in [randint, choice, random, Counter.most_common, Counter("aab").most_common]:
    print(shown(m), m.__name__, m.__qualname__)
for c in [PrettyPrinter, json.JSONDecoder, type(randint.__self__), Counter]:
    print(c, c.__module__, c.__qualname__)
print(shown(PrettyPrinter()), PrettyPrinter.pformat.__module__, shown(PrettyPrinter.pformat))
