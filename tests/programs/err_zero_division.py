# Dividing by zero ends the program with a traceback.
total = 10
count = 0
print("before")
average = total / count
print("never printed")
