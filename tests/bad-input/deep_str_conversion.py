x = ()
for i in range(50000):
    x = (x,)
s = str(x)
