x = (a b if c)
