# Tuples cannot be changed in place.
point = (1, 2)
point[0] = 10
print(point)
