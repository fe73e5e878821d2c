# input() with nothing to read: EOFError, with CPython's traceback.
def ask(question):
    return input(question)


print("before")
answer = ask("Your answer? ")
print("never", answer)
