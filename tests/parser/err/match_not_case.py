match x:
    case 1:
        pass
    print(x)
