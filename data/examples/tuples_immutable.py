# Tuples cannot change, but the objects inside them can.
point = (1, 2)
# point[0] = 5 would raise TypeError: 'tuple' object does not support item assignment
moved = point + (3,)      # a NEW tuple; point is unchanged
print(point, moved)

record = ("ada", [1815])  # the tuple holds a reference to a list
record[1].append(1852)    # the list is mutable, so this works
print(record)

# "Changing" a tuple variable rebinds the name to a new tuple.
t = (1,)
alias = t
t += (2,)
print(t, alias, t is alias)

# Tuple unpacking copies references, not objects.
name, years = record
years.append(0)
print(record[1] is years, record)
