# Copying lists: shallow copies share the inner objects, deep copies do not.
# copy.copy(x) (like list(x), x[:] and x.copy()) makes a new OUTER list whose
# items are the same objects as before: the arrows are copied.
# copy.deepcopy(x) copies the inner lists too, each one once.
import copy

original = [1, [2, 3], [4, 5]]
shallow = copy.copy(original)
deep = copy.deepcopy(original)
print(shallow is original, shallow[1] is original[1])   # False True
print(deep is original, deep[1] is original[1])         # False False

shallow[0] = 100          # replacing an item only affects the copy
original[1].append(6)     # mutating a shared inner list shows in the shallow copy
print(original, shallow, deep)
