dash = "\N{EM DASH}"
print(dash)
