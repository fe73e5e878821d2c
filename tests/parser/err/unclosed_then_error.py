foo(a,
b = 2
c = 3
