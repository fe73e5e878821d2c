# Adding a str and an int is a TypeError.
age = 30
print("age: " + str(age))
message = "age: " + age
print(message)
