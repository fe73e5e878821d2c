if a = b = 3:
    pass
