print(format(1.5, '.4294967297f'))
