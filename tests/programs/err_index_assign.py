# Assigning to a list index that does not exist.
lst = []
lst[0] = "first"
