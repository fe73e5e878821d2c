print(dir(None)[:2])


class Stack(list):
    pass


print(dir(Stack))
