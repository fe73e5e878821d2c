s = 'x' * 100000000
print(len(','.join([s] * 30)))
