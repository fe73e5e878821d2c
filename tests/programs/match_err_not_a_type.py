def is_even(n):
    return n % 2 == 0


match 4:
    case is_even():
        print("even")
