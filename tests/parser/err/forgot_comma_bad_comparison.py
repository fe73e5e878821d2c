x = (a b < c < )
