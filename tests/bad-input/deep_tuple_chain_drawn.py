# a list of 100,000 tuples, each holding the one before: a chain as deep as it is long,
# which the fold planner once weighed at every depth (quadratic: minutes)
l = [()]
l.extend(zip(l, range(100000)))
print(len(l), len(l[-1]))
