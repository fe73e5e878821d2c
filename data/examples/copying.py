# Copying lists: shallow copies share the inner objects.
# list(x), x[:] and x.copy() all make a new OUTER list, but the items
# inside are the same objects as before (the arrows are copied).
original = [1, [2, 3]]

by_list = list(original)
by_slice = original[:]
by_method = original.copy()
print(by_list is original, by_slice is original, by_method is original)

by_list[0] = 100          # replacing an item only affects the copy
print(original[0], by_list[0])

by_slice[1].append(4)     # mutating a shared inner list shows everywhere
print(original, by_list, by_method)
print(by_slice[1] is original[1])   # True: same inner list

# A "deep" copy of this shape: copy the inner list too.
deep = [original[0], list(original[1])]
deep[1].append(5)
print(original, deep)
