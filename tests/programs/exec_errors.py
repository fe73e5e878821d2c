for bad in [lambda: exec(5), lambda: eval("x", []), lambda: exec("x", [])]:
    try:
        bad()
    except TypeError as err:
        print(err)
try:
    exec("1/0")
except ZeroDivisionError as err:
    print("caught", err)
print(eval("len")("abc"))
eval("undefined_name + 1")
