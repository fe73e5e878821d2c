# break leaves the loop, continue skips to the next item.
for n in range(10):
    if n % 3 == 0:
        continue
    if n > 7:
        break
    print(n)
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for ch in "skip vowels":
    if ch in "aeiou":
        continue
    print(ch, end="")
print()
