# pass does nothing, where a statement is required.
def todo():
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
print(todo(), i)
