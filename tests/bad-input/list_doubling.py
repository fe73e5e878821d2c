items = [1, 2, 3]
while True:
    items.extend(items)
