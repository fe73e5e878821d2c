if x
    y = 'abc
