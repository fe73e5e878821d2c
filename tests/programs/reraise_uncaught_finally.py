# An exception a finally re-raises out of the module: after the finally's lines, CPython
# reports the module's 'return' at the finally's last line
def risky(n):
    return 10 // n


total = 0
try:
    total += risky(2)
    total += risky(0)
finally:
    print("total", total)
