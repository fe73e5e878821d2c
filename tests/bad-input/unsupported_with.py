with open("x") as f:
    print(f.read())
