total = sum(x for x y)
