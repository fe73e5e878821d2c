# zip over the list it extends nests each tuple in the next: hashing the last one
# recursed 200,000 C frames deep (SIGSEGV); CPython crashes too
l = [()]
l.extend(zip(l, range(200000)))
hash(l[-1])
