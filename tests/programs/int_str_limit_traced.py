# Converting an int past sys.get_int_max_str_digits() to text raises ValueError wherever it
# happens: the exception stays the program's own while the trace draws the step raising it.
try:
    text = f"{10**5000}"
except ValueError as e:
    print(type(e).__name__, str(e)[:40], e.__context__)
try:
    text = str(10**5000) + "!"
except ValueError as e:
    print(type(e).__name__, e.__context__)
print(len(hex(10**5000)))
