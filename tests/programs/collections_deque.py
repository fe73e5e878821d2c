# collections.deque: a queue with cheap appends and pops at both ends.
from collections import deque

queue = deque(['a', 'b'])
queue.append('c')
queue.appendleft('z')
print(queue, len(queue), queue[0], queue[-1])
first = queue.popleft()
last = queue.pop()
print(first, last, queue)
queue.extend([1, 2])
queue.extendleft([8, 9])
print(queue)
queue.rotate(2)
print(queue)
queue.rotate(-3)
print(queue)
print(2 in queue, queue.count(1), queue.index(1))
queue.remove('b')
queue.insert(1, 'new')
queue[0] = 'first'
del queue[-1]
print(queue, list(reversed(queue)))
recent = deque(maxlen=3)
for n in range(6):
    recent.append(n)
    print(recent)
recent.appendleft('L')
print(recent, recent.maxlen, deque().maxlen)
print(deque('ab') + deque('cd'), deque([1, 2]) * 2, deque([1]) == deque([1]), deque([1, 2]) < deque([1, 3]))
d = deque([1, 2])
d += [3]
d *= 2
print(d, d.copy(), bool(deque()))
d.reverse()
d.clear()
print(d)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(7), lambda: deque([1])[0:1], lambda: deque(maxlen=-1),
            lambda: deque(3), lambda: deque([1]) + [1], lambda: deque([1, 2], 2).insert(0, 5),
            lambda: deque([1]).rotate('x'), lambda: deque([1]).index(4)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
e = deque([1, 2, 3])
try:
    for x in e:
        e.append(x)
except RuntimeError as err:
    print('RuntimeError:', err)
deque().popleft()
