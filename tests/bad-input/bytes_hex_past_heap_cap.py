b = b'x' * 300000000
print(len(b.hex()))
