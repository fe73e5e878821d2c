# compile() makes a code object that exec and eval run, again and again
code = compile("counter = counter + 1", "<counter>", "exec")
counter = 0
for _ in range(3):
    exec(code)
print(counter)
expr = compile("counter * 10", "<expr>", "eval")
print(eval(expr))
print(type(code).__name__)
exec(compile("counter + 1", "<single>", "single"))
exec(compile("'shown'", "<single>", "single"))
exec(compile("None", "<single>", "single"))
try:
    compile("x", "f", "bad")
except ValueError as err:
    print(err)
