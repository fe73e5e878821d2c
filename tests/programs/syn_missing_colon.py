# A compound statement needs a colon; nothing runs, not even the first print.
print("before")
x = 3
if x > 2
    print("big")
