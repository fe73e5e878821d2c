b = b'x' * 100000000
print(len(b','.join([b] * 30)))
