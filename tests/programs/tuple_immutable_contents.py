# A tuple cannot change, but a list inside it can.
t = (1, [2, 3], "s")
lst = t[1]
lst.append(4)
print(t)
print(t[1] is lst)
u = t + ([5],)
u[3].append(6)
print(u, t)
print(len(t), len(u))
