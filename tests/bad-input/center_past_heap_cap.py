print(len("a".center(3_000_000_000)))
