# An annotation late in the module: the module sets __annotations__ up first, as CPython
# does for an annotation anywhere at its top level.
print("start")
for i in range(2):
    print(i)
if True:
    late: int = 2
print(__annotations__)
