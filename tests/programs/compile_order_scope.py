# The symbol table sees the whole module before anything compiles: its error on the last
# line wins over the compiler's on the first, and no SyntaxWarning is printed.
break
x = 1 is 1
def f():
    nonlocal q
x = 1
global x
