l = [1, 2]
l.append(l)
print(l)
d = {"me": None}
d["me"] = d
print(d)
print(l[5])
