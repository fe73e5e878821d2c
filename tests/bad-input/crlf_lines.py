x = 1
if x:
    print("crlf")
print(1 / 0)
