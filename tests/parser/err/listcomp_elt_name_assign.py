x = [i = 1 for i in y]
