# A generator keeps its frame alive between values.
def countdown(n):
    while n > 0:
        yield n          # pause here; the frame and `n` stay on the heap
        n -= 1
    print("done")

gen = countdown(3)
print(next(gen))         # runs until the first yield
print(next(gen))         # resumes where it paused
for value in gen:        # the for loop drains the rest
    print(value)

def squares(limit):
    for i in range(limit):
        yield i * i

print(list(squares(5)))
print(sum(squares(4)))
