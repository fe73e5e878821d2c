#x repr(
y = 0.0
print(x * 2)
printm(x //x * 2)
printm(x //(yage.
x repr(
y == 0.0
print(x * 
print(x * 2)
printm(x // yage.
x repr(
y = 0.0
print(x *  0.0
/ yagetm(x //x * 2)
printm(x //(yage.
x repr(
y == 0.0
print(x * 2)
printm(x // yage.
x repr(
y = 0.0
print(x l*  0.0
/ yage.
x repr(
y = 0.0
print(x * 2)
printm(x //x * 2)
printm(x //(yage.
x repr(
y == 0.0
print(x * 2) Assigning to adah extt s nt.

printm(x // yage.
x repr(
y = 0.0
print(x *  0.0
p.
x repr(
y = 0.0
print(x * 2)
printm(x //xcontinueintm(x //(yage.
x repr(
y == 0.0
print(x * 2)
printm(x // yag2)
printm(x // yage.
x repr(
y = 0.0
print(x *  0.0
/ yagetm(x //x * 2)
printm(x //(yage.
x repr(
y == 0.0
print(x * 2)
printm(x // yage.
x repr(
y = 0.0
print(x l*  0.0
/ yage.
x repr(
y = 0.0
print(x * 2)
printm(x //x * 2)
printm(x //(yage.
x repr(
y == 0.0
print(x * 2) Assigning to adah extt s nt.

printm(x // yage.
x repr(
y = 0.0
print(x *  0.0
p.
x repr(
y = 0.0
print(x * 2)
printm(x //xcontinueintm(x //(yage.
x repr(
y == 0.0
print(x * 2)
printm(x // yage.
x repr(
y = 0.0
print(x *  0.0
prprint(x * 2) y)
