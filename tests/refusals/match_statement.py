command = "go north"
print("before")
match command.split():
    case ["go", direction]:
        print("going", direction)
    case _:
        print("unknown")
