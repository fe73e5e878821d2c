# A mistake on a line with a non-ASCII letter: CPython 3.11 places the caret by the
# bytes of the line for a program file without an encoding declaration.
greeting = "héllo"
if greeting == "héllo" print(greeting)
