# deepcopy keeps shared sub-objects shared and copies cycles once.
import copy

inner = [1, 2]
outer = [inner, inner, (inner, 3)]
c = copy.deepcopy(outer)
print(c, c[0] is c[1], c[0] is c[2][0], c[0] is inner)

loop = [1]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc, lc[1] is lc, lc is loop)

d = {}
d['self'] = d
dc = copy.deepcopy(d)
print(dc, dc['self'] is dc)

memo = {}
a = [[0]]
b = copy.deepcopy(a, memo)
print(b, id(a) in memo, memo[id(a)] is b, len(memo))
b2 = copy.deepcopy(a, memo)
print(b2 is b)
t = ([1],)
t2 = copy.deepcopy((t, t))
print(t2[0] is t2[1], t2[0] is t)
