# Calling something that is not a function.
count = 5
total = count(3)
