# A call chain split over lines: each method call is on the line of its name, in the
# line steps and in the traceback.
class Builder:
    def __init__(self):
        self.parts = []

    def add(self, part):
        self.parts.append(part)
        return self


b = (Builder()
     .add("a")
     .add("b"))
word = ("-".join(b.parts)
        .upper())
print(word, b
      .parts)
b.last = (b
          .parts[-1])
print(b.last)
(b
 .add("c")
 .missing())
