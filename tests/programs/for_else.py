# A for loop's else runs when the loop ends without break.
for x in [1, 2, 3]:
    print(x)
else:
    print("no break")
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
print("x is", x)
for x in []:
    pass
else:
    print("empty loop still runs else")
