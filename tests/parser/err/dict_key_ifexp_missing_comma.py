{1: 2, 3 if 4 else 5 6}
