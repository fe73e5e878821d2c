x = """hello
print(x)
