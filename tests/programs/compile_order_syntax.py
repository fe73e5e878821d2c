# A syntax error anywhere wins over what compiling the statements before it would say,
# and no SyntaxWarning of theirs is printed.
x = 1 is 1
break
y = [1,
     2
