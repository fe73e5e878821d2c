# UBSan (fuzz-render): the recorder read a class's rows, its first object with none, as
# NULL + 0 (its rows scratch array was not allocated yet)
class A:
    pass
