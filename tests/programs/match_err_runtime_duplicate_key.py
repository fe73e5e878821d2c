class Keys:
    A = "k"
    B = "k"


match {"k": 1}:
    case {Keys.A: 1, Keys.B: 1}:
        print("both")
