pairs = [x for x, y z in w]
