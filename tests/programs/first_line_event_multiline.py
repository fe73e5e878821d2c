# The first line event is the first instruction's: CPython builds the values
# on their own lines before the dict on the statement's line, so a learner's
# first step is line 6, not line 5
grades = {
    "ann": [90, 85],
    "bob": sorted([95, 70]),
}
total = sum(
    sum(marks) for marks in grades.values()
)
print(grades, total)
