# iter(callable, sentinel) over the previous iterator's __next__, 200,000 deep: each next()
# calls the built-in method below it (a C level per link), RecursionError as in CPython
it = iter([1])
for i in range(200000):
    it = iter(it.__next__, None)
print(next(it))
