print("compiled first")
match 3:
    case _:
        print("anything")
    case 3:
        print("three")
