for obj in ['abc', (1, 2), range(3)]:
    for key in [10**20, -10**20, 1, True]:
        try:
            del obj[key]
        except (TypeError, IndexError) as e:
            print(type(e).__name__, e)
        try:
            obj[key] = 5
        except (TypeError, IndexError) as e:
            print(type(e).__name__, e)
