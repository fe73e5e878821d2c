# int() of text that is not a number.
texts = ["12", "7", "x"]
for t in texts:
    print(int(t) * 2)
