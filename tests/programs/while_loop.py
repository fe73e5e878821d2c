# while loops with a counter, a condition and break/continue.
i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
k = 0
while True:
    k += 1
    if k % 2 == 0:
        continue
    if k > 7:
        break
    print("odd", k)
items = [1, 2, 3]
while items:
    print("pop", items.pop())
