# A block missing at the end of the file: CPython reads the program from its file, whose
# tokenizer has no column at its end, so no caret is printed under the line.
print("never runs")


def greet(name):
