# A dataclass's instance keeps its fields in its __dict__: writes through it reach them.
from dataclasses import dataclass, field, asdict, replace


@dataclass
class Pair:
    a: int
    b: list = field(default_factory=list)


p = Pair(1)
vars(p)['a'] = 10
p.__dict__['b'].append('x')
print(p, asdict(p), p == Pair(10, ['x']))
q = replace(p, a=2)
print(q, vars(q), vars(q) is vars(p))
q.__dict__.clear()
try:
    print(q)
except AttributeError as e:
    print('AttributeError:', e)
