# comment only line
x = [1,
     2,   # comment inside brackets
     3]
y = 1 + \
    2
if (a and
        b):
    pass

with open(f) as fh, lock:
    pass
with (open(a) as b, open(c) as d):
    pass
with x:
    pass
print("unicode: é", 'ü')
é = 1
x = 'é' + f'{é}'
match = 5
case = match + 1
_ = case
print(match, case)
