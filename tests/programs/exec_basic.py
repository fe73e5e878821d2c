# exec and eval run code given as text, in the program's own namespace by default
x = 10
exec("y = x * 2")
print(y)
print(eval("x + y"))
program = """
total = 0
for i in range(3):
    total += i
"""
exec(program)
print(total)
exec("def square(n):\n    return n * n")
print(square(7))
print(eval("square(x)"))
