# With an annotation anywhere at the module's top level, CPython's first
# instruction is SETUP_ANNOTATIONS, on the first statement's line (4)
grades = [
    len("ann"),
    len("bob"),
]
count: int = len(grades)
print(grades, count, __annotations__)
