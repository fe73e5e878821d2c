# print() writes each piece as it goes, as CPython's does: when a __str__
# runs, the pieces before it are out already (the trace's stdout at its call
# shows them), and when a __str__ raises, they stay out
class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        text = self.name.upper()
        return text

class Broken:
    def __str__(self):
        raise ValueError("no text for Broken")

print("before", Named("first"), "after")
print([1, 2], Named("second"), sep=" | ")
try:
    print("one", 2, 3.0, Broken(), "never")
except ValueError as e:
    print("<- then", e)
try:
    print(Broken())
except ValueError as e:
    print("nothing before:", e)
