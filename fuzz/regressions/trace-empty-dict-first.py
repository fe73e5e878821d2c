# UBSan (fuzz-render): the recorder read an empty dict's rows, its first object with none,
# as NULL + 0 (its rows scratch array was not allocated yet)
d = {}
