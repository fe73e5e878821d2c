# pop() takes slots in order from where the last pop stopped.
s = set([5, 17, 3, 9, 40])
print(s.pop(), s.pop(), s)
c = s.copy()
s.clear()
print(s, c, len(c))
c.add(1)
print(c.pop(), c.pop(), c.pop(), c)
print(set().copy(), frozenset([2, 1]).copy())
