# pop() from an empty set.
s = set([7])
print(s.pop())
s.pop()
