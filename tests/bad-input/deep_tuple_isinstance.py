# isinstance walks nested tuples of classes depth first
l = [int]
l.extend(zip(l, range(200000)))
print(isinstance("x", l[-1]))
