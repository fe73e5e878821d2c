# iter, next, map, filter, zip, enumerate, any, all with user objects and lambdas.
nums = [3, 8, 1, 6]
print(list(map(lambda x: x * 2, nums)))
print(list(filter(lambda x: x > 2, nums)))
print(list(map(lambda a, b: a + b, nums, [10, 20, 30])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
it = iter(nums)
print(next(it), next(it), list(it), next(it, None))
print(list(zip(nums, "abcd", range(10))))
print(list(enumerate("xyz", start=1)))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]))
pairs = sorted(zip(["b", "a", "c"], [2, 1, 3]), key=lambda p: p[1], reverse=True)
print(pairs)
print(sorted(["bb", "a", "ccc"], key=len), min(["bb", "a"], key=len))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration caught")
it = iter([1])
next(it)
next(it)
