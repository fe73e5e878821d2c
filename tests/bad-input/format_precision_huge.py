print(format(1.5, '.2147483653f'))
