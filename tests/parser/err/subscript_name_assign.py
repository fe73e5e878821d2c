y = x[a = 2]
