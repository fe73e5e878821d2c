try:
    eval("1 + ")
except SyntaxError as err:
    print("SyntaxError:", err)
    print(err.msg, err.lineno, err.offset, repr(err.text), err.filename)
try:
    exec("for x in")
except SyntaxError as err:
    print(repr(err))
exec("x = (1,\n     2")
