# sum() adds numbers, with an optional start value.
print(sum([1, 2, 3]), sum([]), sum(range(101)))
print(sum([0.5, 0.25]), sum([1, 2.5]), sum((1, 2), 10))
print(sum([2 ** 64, 2 ** 64]), sum([True, True]))
print(sum([[1], [2, 3]], []))
nums = [3, 8, 1]
print(sum(nums) / len(nums))
