# The most common typo of all: list.append.
nums = [1, 2, 3]
nums.append(4)
print(nums)
nums.apend(5)
