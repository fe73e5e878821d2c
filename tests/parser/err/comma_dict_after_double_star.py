x = {**a b}
