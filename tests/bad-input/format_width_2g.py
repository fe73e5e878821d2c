print(len(format(1.5, '2147483648')))
