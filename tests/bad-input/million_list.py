l = list(range(1000000))
print(len(l), l[-1])
print(l[1000000])
