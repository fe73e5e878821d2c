# input(): the prompt goes to stdout without a newline; the line comes back without its own.
name = input("What is your name? ")
print("Hello,", name + "!")
total = 0
count = int(input("How many numbers? "))
for i in range(count):
    total += int(input(f"Number {i + 1}: "))
print("Sum:", total)
print(repr(input()))  # an empty line, no prompt
print(repr(input(3.5)))  # the prompt is str() of any object
last = input("No newline at the end: ")
print(len(last), last)
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
try:
    input(prompt="x")
except TypeError as e:
    print("TypeError:", e)
try:
    input("At the end: ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
input("Once more: ")
