x = [ma yy]
