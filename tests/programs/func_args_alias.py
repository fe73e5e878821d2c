# Arguments are passed by object reference.
def mutate(lst):
    lst.append("added")
def rebind(lst):
    lst = ["new"]
    return lst
data = ["orig"]
mutate(data)
print(data)
r = rebind(data)
print(data, r)
def bump(n):
    n += 1
    return n
k = 10
print(bump(k), k)
def extend(lst):
    lst += [1]
extend(data)
print(data)
def same(a, b):
    return a is b
print(same(data, data), same(data, list(data)))
