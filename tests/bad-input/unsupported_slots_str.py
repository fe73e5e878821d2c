# A subclass of str keeps its attributes after the text: there is no room for slots, and the
# class statement says so.
class Name(str):
    __slots__ = ("lang",)


n = Name("x")
