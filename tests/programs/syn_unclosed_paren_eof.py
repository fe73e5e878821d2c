# A parenthesis left open at the end of the file.
x = 1
print((x + 2) * 3
