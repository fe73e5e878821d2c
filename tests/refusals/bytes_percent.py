line = b"%d items" % 3
