print(len('%.10000000d' % 1))
