# A while loop's else runs only when the loop did not break.
def find(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
find([4, 5, 6], 5)
find([4, 5, 6], 7)
n = 0
while n < 3:
    n += 1
else:
    print("finished with", n)
