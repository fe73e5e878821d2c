# heapq keeps a min-heap in a list; bisect searches a sorted list.
import heapq
import bisect

heap = []
for n in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, n)
    print(heap)
print(heapq.heappop(heap), heap)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 6), data)
print(heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'plan'))
heapq.heappush(tasks, (3, 'test'))
print([heapq.heappop(tasks) for _ in range(3)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)

grades = [60, 70, 80, 90]
print(bisect.bisect_left(grades, 70), bisect.bisect_right(grades, 70), bisect.bisect(grades, 85))
print(bisect.bisect_left(grades, 70, 2), bisect.bisect_right(grades, 95, 0, 2))
bisect.insort(grades, 75)
bisect.insort_left(grades, 70)
print(grades)
people = [('ann', 20), ('bob', 30)]
bisect.insort(people, ('cy', 25), key=lambda p: p[1])
print(people, bisect.bisect_left(people, 30, key=lambda p: p[1]))
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print('ValueError:', e)
