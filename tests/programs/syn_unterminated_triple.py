# A triple-quoted string that never ends.
print("ok")
doc = """this text
goes on
