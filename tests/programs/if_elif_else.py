# if / elif / else chains and nesting.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 42]:
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
if []:
    print("never")
elif "":
    print("never")
else:
    print("empty values are false")
if x: print("one-line if")
if 0:
    pass
print("done")
