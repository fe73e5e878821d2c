match (1, 1):
    case (a, a):
        print("same")
