x = a[*b c]
