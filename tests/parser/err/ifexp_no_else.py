y = a if b
