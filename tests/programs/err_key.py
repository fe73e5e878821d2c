# Looking up a missing dict key.
stock = {"apples": 3, "pears": 0}
print(stock["apples"])
print(stock["bananas"])
