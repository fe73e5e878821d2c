# copy.deepcopy of a 1,000-item nested list (issue 17's target: within 2x of CPython).
import copy

nested = [[i, [i, str(i)], (i, i + 1)] for i in range(1000)]
total = 0
for _ in range(100):
    clone = copy.deepcopy(nested)
    total += len(clone)
print(total, clone[999], clone[5][1] is nested[5][1])
