print(x y
