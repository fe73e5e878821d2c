names = [x for x y]
