# Creating lists, indexing and changing items.
empty = []
nums = [3, 1, 4, 1, 5]
mixed = [1, "two", 3.0, None, True, [6]]
print(empty, nums, mixed)
print(len(empty), len(nums), len(mixed))
print(nums[0], nums[-1], nums[2], mixed[5][0])
nums[0] = 30
nums[-1] = nums[-1] * 10
print(nums)
print(list(), list("abc"), list((1, 2)), list(range(4)))
print(4 in nums, 9 in nums, 9 not in nums)
print(repr([1, "a"]), str([None]))
nums.append(9)
print(nums, len(nums))
print([[], [[]], [[], []]])
