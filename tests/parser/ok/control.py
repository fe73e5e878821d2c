if a:
    pass
elif b:
    x = 1
elif c:
    pass
else:
    y = 2

while i < 10:
    i += 1
    if i == 5:
        continue
    if i == 7:
        break
else:
    done = True

for i in range(10):
    print(i)
else:
    print("done")

for k, v in d.items():
    pass

for (a, b), c in z: pass
for x, in y: pass
for *a, b in c: pass
if x: y = 1; z = 2
while 1: pass
