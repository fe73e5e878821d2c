x = [*a b]
