squares = [n * n for (a, b) c]
