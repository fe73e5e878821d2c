(a b ** )
x = (c d + )
